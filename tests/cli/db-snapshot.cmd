# test: alone (timing or a large import: it needs the machine to itself)
# A read command reads one consistent state of the database while another
# process commits changes (D8): factsheet used to read a round in several
# statements, each seeing the latest commit, and mixed two states (one
# state's context under another's title). A writer here commits state N
# (partner 'Partner N', context 'Staat N', kind by N's parity) over and
# over; a preloaded shim (tests/fixtures/store/slow_step.c) delays each
# statement of stj by 20 ms so that commits fall between them. Every
# factsheet must show one N throughout.
${CC:-cc} -shared -fPIC -o "$T/slow.so" tests/fixtures/store/slow_step.c \
    -ldl -lsqlite3 || exit 1
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null
state() {
	echo "UPDATE respondent SET organisation = 'Partner $1'
	    WHERE organisation = 'Fier Fryslân' OR organisation LIKE 'Partner %';
	  UPDATE round SET context = 'Staat $1',
	    kind = CASE $1 % 2 WHEN 0 THEN 'toezicht' ELSE 'zelfevaluatie' END;"
}
sqlite3 "$T/db" "$(state 0)"
(
	n=1
	while [ ! -e "$T/stop" ]; do
		sqlite3 -cmd ".timeout 10000" "$T/db" \
		    "PRAGMA synchronous = OFF; BEGIN; $(state $n) COMMIT;" \
		    >/dev/null 2>&1
		n=$((n + 1))
	done
) &
writer=$!
# The ASan runtime must come first among the preloaded libraries, unless
# told otherwise.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS
for i in 1 2 3; do
	LD_PRELOAD="$T/slow.so" SLOW_STEP_MS=20 \
	    $STJ --db "$T/db" factsheet --municipality Leeuwarden \
	    -o "$T/f$i.pdf" >/dev/null || echo "factsheet $i failed"
	pdftotext "$T/f$i.pdf" - |
	    grep -o -e 'Partner [0-9]*' -e 'Staat [0-9]*' \
	    -e '^Factsheet Leeuwarden' -e '^Zelfevaluatie Leeuwarden' |
	    sort -u | awk -v i="$i" '
	    /^Partner/ { p[$2] = 1; np++ } /^Staat/ { s[$2] = 1; ns++ }
	    /^Factsheet/ { t = "toezicht"; nt++ }
	    /^Zelfevaluatie/ { t = "zelfevaluatie"; nt++ }
	    END {
		for (n in s) break
		ok = np == 1 && ns == 1 && nt == 1 && (n in p) &&
		    t == (n % 2 ? "zelfevaluatie" : "toezicht")
		if (ok) print "factsheet " i ": one state"
		else {
			printf "factsheet %d: mixed states:", i
			for (k in p) printf " partner %s", k
			for (k in s) printf " staat %s", k
			print " " t
		}
	    }'
done
touch "$T/stop"
wait $writer
# The writer did commit while the factsheets were read.
sqlite3 "$T/db" "SELECT context <> 'Staat 0' FROM round"
