$STJ --db "$T/db" import tests/fixtures/import/response-1999.xml
