$STJ framework validate tests/fixtures/hostile/billion-laughs.xml
