# A LimeSurvey export with a question code no indicator has (N129) is
# refused naming the column, nothing stored; an answer code outside the
# scale (A7) names the value and the indicator.
$STJ --db "$T/db" import tests/fixtures/lss/export-bad-code.csv
echo "rc $?"
sed 's/"N129"/"N121"/' tests/fixtures/lss/export-bad-code.csv > "$T/a7.csv"
$STJ --db "$T/db" import "$T/a7.csv" 2>&1 | sed "s|$T/||"
sqlite3 "$T/db" "SELECT count(*) FROM answer" 2>&1
