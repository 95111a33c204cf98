$STJ framework validate tests/fixtures/hostile/doctype-url.xml
