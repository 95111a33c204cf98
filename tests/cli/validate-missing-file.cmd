$STJ framework validate tests/fixtures/nope.xml
