$STJ --db "$T/db" import tests/fixtures/import/latin1.csv
