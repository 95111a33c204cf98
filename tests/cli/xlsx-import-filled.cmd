# A questionnaire stj wrote, filled in by openpyxl (a second .xlsx
# implementation) with a sheet added before it, imports: the sheet named
# Vragenlijst is read, its answers and toelichtingen exactly.
$STJ questionnaire --role netwerkpartner --format xlsx -o "$T/q.xlsx" | sed "s|$T/||"
/usr/bin/python3 tests/fixtures/xlsx/make.py fill "$T/filled.xlsx" "$T/q.xlsx"
$STJ --db "$T/db" import "$T/filled.xlsx" | sed "s|$T/||"
sqlite3 "$T/db" "SELECT m.name, a.name, r.year, p.role, p.organisation,
  x.indicator, x.value, quote(x.toelichting) FROM answer x
  JOIN respondent p ON p.id = x.respondent_id
  JOIN approach a ON a.id = p.approach_id JOIN round r ON r.id = a.round_id
  JOIN municipality m ON m.id = r.municipality_id ORDER BY x.indicator"
# An answer that is no answer: the row of its cell.
/usr/bin/python3 tests/fixtures/xlsx/make.py fill-bad "$T/bad.xlsx" "$T/q.xlsx"
$STJ --db "$T/db2" import "$T/bad.xlsx" 2>&1 | sed "s|$T/||"
