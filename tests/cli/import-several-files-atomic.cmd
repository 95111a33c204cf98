# A good file and a bad one in one command: nothing is stored.
$STJ --db "$T/db" import tests/fixtures/import/good-excel.csv tests/fixtures/import/too-many.csv
echo "exit $?"
sqlite3 "$T/db" "SELECT count(*) FROM respondent; SELECT count(*) FROM answer; SELECT count(*) FROM municipality"
