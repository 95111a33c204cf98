$STJ framework validate tests/fixtures/invalid/rule-unknown.xml
