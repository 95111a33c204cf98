$STJ framework validate tests/fixtures/invalid/rule-role.xml
