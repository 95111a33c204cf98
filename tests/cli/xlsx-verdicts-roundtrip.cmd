# stj verdicts --format xlsx|csv, edited in a spreadsheet (openpyxl, the
# csv module), read back by stj override --file: read back unedited it
# changes nothing (the database byte for byte the same); one edited
# finding with its reden is exactly one audit row; an edit without a
# reden is refused at its row and nothing is applied.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv \
    examples/oosterhout-2013/*.xml >/dev/null
$STJ --db "$db" override --file examples/overrides-2013.tsv >/dev/null
$STJ --db "$db" verdicts --municipality Leeuwarden --format xlsx \
    -o "$T/v.xlsx" | sed "s|$T/||"
$STJ --db "$db" verdicts --municipality Leeuwarden --format csv \
    -o "$T/v.csv" | sed "s|$T/||"
/usr/bin/python3 tests/fixtures/xlsx/show.py "$T/v.xlsx" | sed -n '1,14p'
/usr/bin/python3 tests/fixtures/xlsx/show.py "$T/v.xlsx" |
    grep -E '^[IJKLM][0-9]+ ' | sed -n '1,12p'
head -1 "$T/v.csv"
sqlite3 "$db" "SELECT count(*) FROM audit_log"
sqlite3 "$db" .dump >"$T/before"
$STJ --db "$db" override --file "$T/v.xlsx" | sed "s|$T/||"
$STJ --db "$db" override --file "$T/v.csv" | sed "s|$T/||"
sqlite3 "$db" .dump >"$T/after"
cmp "$T/before" "$T/after" && echo unchanged
ig="Interventieteam Gezinnen"
/usr/bin/python3 tests/fixtures/xlsx/edit.py "$T/v.xlsx" "$T/e.xlsx" \
    "$ig" 1.1.1 finding "Eén omschrijving, vastgelegd in het convenant."
$STJ --db "$db" override --file "$T/e.xlsx" 2>&1 | sed "s|$T/||"
sqlite3 "$db" .dump >"$T/after"
cmp -s "$T/before" "$T/after" || echo changed
/usr/bin/python3 tests/fixtures/xlsx/edit.py "$T/v.xlsx" "$T/e.xlsx" \
    "$ig" 1.1.1 finding "Eén omschrijving, vastgelegd in het convenant." \
    "Convenant 2012 gelezen"
$STJ --db "$db" override --file "$T/e.xlsx" | sed "s|$T/||"
/usr/bin/python3 tests/fixtures/xlsx/edit.py "$T/v.csv" "$T/e.csv" \
    "$ig" 3.2.3 letop "-" "Regisseur is inmiddels opgeleid"
$STJ --db "$db" override --file "$T/e.csv" | sed "s|$T/||"
# A theme's conclusion: its row's goed.
/usr/bin/python3 tests/fixtures/xlsx/edit.py "$T/v.xlsx" "$T/e.xlsx" \
    "$ig" 3 goed "De regie is goed belegd." "Gesprek met de regisseurs"
$STJ --db "$db" override --file "$T/e.xlsx" | sed "s|$T/||"
$STJ --db "$db" verdicts --municipality Leeuwarden --format csv |
    grep -A2 '^Leeuwarden,2013,Interventieteam Gezinnen,3,'
# One audit row per edited cell, and no other.
sqlite3 "$db" "SELECT id, who, indicator, field, quote(old_value), new_value,
  reason FROM audit_log WHERE id > 12 ORDER BY id"
