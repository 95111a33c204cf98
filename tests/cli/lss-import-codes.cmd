# LimeSurvey's response export as it writes it (BOM, every value quoted,
# CRLF, an empty record at the end): question codes as headings, answer codes;
# imports without editing, the role from the question codes or wording.
$STJ --db "$T/db" import tests/fixtures/lss/export-codes.csv
$STJ --db "$T/db" status
sqlite3 "$T/db" "SELECT p.organisation, p.role, x.indicator, x.value,
  quote(x.toelichting) FROM answer x JOIN respondent p ON p.id = x.respondent_id
  ORDER BY p.id, x.indicator"
