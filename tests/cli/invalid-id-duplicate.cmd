$STJ framework validate tests/fixtures/invalid/id-duplicate.xml
