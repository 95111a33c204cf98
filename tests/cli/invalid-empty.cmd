$STJ framework validate tests/fixtures/invalid/empty.xml
