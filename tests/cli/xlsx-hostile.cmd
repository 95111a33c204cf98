# Hostile workbooks are refused, each with its message, and the database
# stays as it was: entries named ../ or absolute, a DOCTYPE with an
# external entity in the sheet, a zip bomb (ratio), an entry inflating
# past the size its headers declare, 1 000 000 rows, a row that never
# ends, a 51 MB file.
$STJ --db "$T/db" import tests/fixtures/import/good-excel.csv >/dev/null
sqlite3 "$T/db" .dump > "$T/before"
mkdir "$T/h"
/usr/bin/python3 tests/fixtures/xlsx/make.py hostile "$T/h"
for k in dotdot absolute doctype bomb liar rows unclosed big; do
	$STJ --db "$T/db" import "$T/h/$k.xlsx" > "$T/o" 2>&1
	echo "rc=$?"
	sed "s|$T/||" "$T/o"
done
sqlite3 "$T/db" .dump > "$T/after"
cmp "$T/before" "$T/after" && echo unchanged
