$STJ --db "$T/db" import tests/fixtures/import/response-bad.xml
