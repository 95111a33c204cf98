$STJ --db "$T/db" import tests/fixtures/import/ragged.csv
