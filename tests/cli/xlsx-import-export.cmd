# Survey exports saved as .xlsx import like the CSV: the first sheet's
# first row is the header. openpyxl's (inline strings, skipped empty
# cells), one with a second sheet (not read), and one as Excel saves
# (shared strings with rich-text and phonetic runs, a formula whose cached
# value is read, never evaluated, and a skipped row).
for k in export several excel; do
	/usr/bin/python3 tests/fixtures/xlsx/make.py $k "$T/$k.xlsx"
	$STJ --db "$T/$k.db" import "$T/$k.xlsx" | sed "s|$T/||"
	sqlite3 "$T/$k.db" "SELECT m.name, p.role, p.organisation,
	  x.indicator, x.value, quote(x.toelichting) FROM answer x
	  JOIN respondent p ON p.id = x.respondent_id
	  JOIN approach a ON a.id = p.approach_id
	  JOIN round r ON r.id = a.round_id
	  JOIN municipality m ON m.id = r.municipality_id
	  ORDER BY p.organisation, x.indicator"
done
