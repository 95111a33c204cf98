# A mapping file with errors: every one as FILE:LINE: what is wrong,
# exit 1, and nothing stored (no database is even made).
$STJ --db "$T/db" import --mapping tests/fixtures/map/bad-mapping.txt \
    tests/fixtures/map/forms.csv
echo "rc=$?"
test -e "$T/db" && echo "database made" || echo "no database"
