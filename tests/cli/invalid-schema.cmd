$STJ framework validate tests/fixtures/invalid/schema.xml
