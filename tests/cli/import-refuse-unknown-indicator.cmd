$STJ --db "$T/db" import tests/fixtures/import/unknown-indicator.csv
