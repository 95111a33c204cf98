$STJ framework validate tests/fixtures/invalid/not-well-formed.xml
