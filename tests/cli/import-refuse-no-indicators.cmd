$STJ --db "$T/db" import tests/fixtures/import/no-indicators.csv
