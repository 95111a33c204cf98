# One bad cell on physical line 7 (an earlier cell spans two lines): the
# error names line 7 and the database stays byte-for-byte the same.
$STJ --db "$T/db" import tests/fixtures/import/good-excel.csv >/dev/null
before=$(sha256sum < "$T/db")
$STJ --db "$T/db" import tests/fixtures/import/bad-line7.csv
echo "exit $?"
[ "$(sha256sum < "$T/db")" = "$before" ] && echo "database unchanged"
sqlite3 "$T/db" "SELECT count(*) FROM respondent; SELECT count(*) FROM municipality"
