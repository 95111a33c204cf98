# test: alone (timing or a large import: it needs the machine to itself)
# Two imports and a factsheet on one database at once (WAL, busy timeout):
# all succeed (a writer waits for the other), nothing is lost, and the
# factsheet reads a consistent round. A writer kept out for longer than
# the busy timeout reports "database is busy" and changes nothing.
$GEN --workload national --municipalities 100 -o "$T/a.csv"
$GEN --workload national --municipalities 100 --round 2014 -o "$T/b.csv"
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null
# Long enough for the slowest run (valgrind) to wait for the other writer.
export STJ_BUSY_TIMEOUT=300000
$STJ --db "$T/db" import "$T/a.csv" >"$T/a.out" 2>&1 &
a=$!
$STJ --db "$T/db" import "$T/b.csv" >"$T/b.out" 2>&1 &
b=$!
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/l.pdf" \
    >"$T/f.out" 2>&1 &
f=$!
wait $a; echo "import a: exit $?"
wait $b; echo "import b: exit $?"
wait $f; echo "factsheet: exit $?"
cat "$T/a.out" "$T/b.out"
sqlite3 "$T/db" "SELECT r.year, count(*) FROM answer x
    JOIN respondent p ON p.id = x.respondent_id
    JOIN approach a ON a.id = p.approach_id
    JOIN round r ON r.id = a.round_id GROUP BY r.year"
pdfinfo "$T/l.pdf" >/dev/null 2>&1 && echo "factsheet complete"
# A writer that cannot get the lock within the busy timeout says so, and
# changes nothing.
( echo "BEGIN IMMEDIATE;"; sleep 6; echo "COMMIT;" ) | sqlite3 "$T/db" &
holder=$!
sleep 0.5
STJ_BUSY_TIMEOUT=300 $STJ --db "$T/db" import examples/oosterhout-2013/*.xml 2>&1 |
    sed "s|$T|\$T|"
wait $holder
sqlite3 "$T/db" "SELECT count(*) FROM municipality WHERE name = 'Oosterhout'"
