# A survey tool's export holds the responses that were never completed
# too (LimeSurvey exports all responses unless told otherwise): half a
# questionnaire must not count as a respondent's answers. LimeSurvey's
# empty submitdate and Qualtrics' Finished 0 are refused with file:line
# and what to do; nothing is imported. The complete export imports.
f=tests/fixtures/lss/export-codes.csv
sed '4s/^"2","2026-03-03 09:00:00",/"2",,/' $f >"$T/ls.csv"
$STJ --db "$T/db" import "$T/ls.csv" >"$T/out" 2>&1
echo "exit $?"
sed "s|$T/||" "$T/out"
sqlite3 "$T/db" "SELECT count(*) FROM respondent" 2>&1
echo "-- the full-text heading"
sed '1s/"submitdate"/"Date submitted"/' "$T/ls.csv" >"$T/ls2.csv"
$STJ --db "$T/db" import --dry-run "$T/ls2.csv" 2>&1 | grep 'not submitted' | sed "s|$T/||"
echo "-- Qualtrics"
q=tests/fixtures/map/qualtrics.csv
sed '5s/^\(\([^,]*,\)\{6\}\)1,/\10,/' $q >"$T/q.csv"
$STJ --db "$T/db" import --mapping tests/fixtures/map/qualtrics-mapping.txt "$T/q.csv" \
    >"$T/out" 2>&1
echo "exit $?"
sed "s|$T/||" "$T/out"
echo "-- the complete export"
$STJ --db "$T/db" import $f >/dev/null; echo "exit $?"
sqlite3 "$T/db" "SELECT count(*) FROM respondent"
