# Qualtrics' three header rows: the QIDs (row 1), the question texts the
# columns are recognised by (row 2), the ImportId JSON (row 3, skipped);
# its metadata columns ignored with a line saying so; data from row 4.
f=tests/fixtures/map/qualtrics.csv
m=tests/fixtures/map/qualtrics-mapping.txt
$STJ --db "$T/db" import --dry-run --mapping $m $f
$STJ --db "$T/db" import --mapping $m $f
sqlite3 "$T/db" "SELECT p.organisation, p.role, x.indicator, x.value,
  quote(x.toelichting) FROM answer x JOIN respondent p ON p.id = x.respondent_id
  ORDER BY p.organisation, x.indicator"
# The suggestion names the QIDs, with the question text as a comment.
$STJ mapping --suggest $f | sed -n '/^# Kolommen/,/^# Vaste/p'
