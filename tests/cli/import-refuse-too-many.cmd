$STJ --db "$T/db" import tests/fixtures/import/too-many.csv
