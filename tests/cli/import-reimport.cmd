# Importing a respondent twice is refused; --replace replaces it, and the
# replacement is recorded.
$STJ --db "$T/db" import tests/fixtures/import/good-excel.csv
$STJ --db "$T/db" import tests/fixtures/import/good-excel.csv
echo "exit $?"
$STJ --db "$T/db" import --replace tests/fixtures/import/good-excel.csv
sqlite3 "$T/db" "SELECT count(*) FROM respondent; SELECT count(*) FROM answer;
  SELECT action, count(*) FROM import_event GROUP BY action ORDER BY action"
