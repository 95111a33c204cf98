$STJ framework validate tests/fixtures/hostile/xinclude.xml
