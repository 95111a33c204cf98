$STJ framework validate tests/fixtures/invalid/scale-unknown.xml
