$STJ --db "$T/db" import tests/fixtures/import/partner-gemeente-only.csv
