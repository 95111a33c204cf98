$STJ framework validate tests/fixtures/invalid/id-position.xml
