# Excel CSV: BOM, ';', CRLF, quoted ';', doubled quotes, a line break in a
# cell, mixed-case answers and headers; read back exactly with SQL.
$STJ --db "$T/db" import tests/fixtures/import/good-excel.csv
sqlite3 "$T/db" "SELECT m.name, r.year, f.name || ' ' || f.version, a.name,
  p.role, p.organisation, p.source FROM respondent p
  JOIN approach a ON a.id = p.approach_id JOIN round r ON r.id = a.round_id
  JOIN municipality m ON m.id = r.municipality_id
  JOIN framework f ON f.id = r.framework_id ORDER BY p.id"
sqlite3 "$T/db" "SELECT p.organisation, x.indicator, quote(x.value),
  quote(x.toelichting) FROM answer x JOIN respondent p ON p.id = x.respondent_id
  ORDER BY p.id, x.indicator"
