# A dry run reports what would be stored and stores nothing.
$STJ --db "$T/db" import --dry-run tests/fixtures/import/qualtrics.csv tests/fixtures/import/dossier.xml
sqlite3 "$T/db" "SELECT count(*) FROM respondent; SELECT count(*) FROM round"
