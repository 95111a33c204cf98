$STJ framework validate tests/fixtures/hostile/xxe.xml
