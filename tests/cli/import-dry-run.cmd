# A dry run reports what would be stored and stores nothing: on a missing
# database it creates none, on an existing one it adds nothing.
$STJ --db "$T/db" import --dry-run tests/fixtures/import/qualtrics.csv tests/fixtures/import/dossier.xml
test -e "$T/db" || echo "no database created"
$STJ --db "$T/db" import tests/fixtures/import/dossier.xml >/dev/null
$STJ --db "$T/db" import --dry-run tests/fixtures/import/qualtrics.csv >/dev/null
sqlite3 "$T/db" "SELECT count(*) FROM respondent; SELECT count(*) FROM round"
