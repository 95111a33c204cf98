# Qualtrics: comma, question-text and ImportId rows under the header,
# ignored extra columns, two municipalities in one file.
$STJ --db "$T/db" import tests/fixtures/import/qualtrics.csv
sqlite3 "$T/db" "SELECT m.name, p.organisation, x.indicator, x.value,
  quote(x.toelichting) FROM answer x JOIN respondent p ON p.id = x.respondent_id
  JOIN approach a ON a.id = p.approach_id JOIN round r ON r.id = a.round_id
  JOIN municipality m ON m.id = r.municipality_id ORDER BY p.id, x.indicator"
