# A theme taller than a page names itself again on the next page, above
# the repeated table header: "Aanpak (vervolg)" under "Vervolg
# bevindingen toezichtonderzoek". A theme that starts on a page is not
# marked so, and the continuation heading is no bookmark.
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/l.pdf" >/dev/null
for pg in 4 5 6; do
	echo "-- page $pg"
	pdftotext -raw -f $pg -l $pg "$T/l.pdf" - | grep -v -x '[CONEPT]' | sed -n 2,4p
done
echo "-- (vervolg) per page"
pdftotext -raw "$T/l.pdf" - | awk '/\f/ { p++ } /\(vervolg\)$/ { print p + 1 ": " $0 }'
qpdf --json --json-key=outlines "$T/l.pdf" | grep '"title"' >"$T/titles"
echo "-- bookmarks: $(grep -c . "$T/titles"), with vervolg: $(grep -c vervolg "$T/titles")"
# A theme heading and its table header are never left alone at a page's
# foot: in a new round (every indicator X, long LET OP remarks) the first
# criterion of "Aanpak" once moved to the next page without them, and the
# page above was left 42 % full. Now the criterion splits below its heading
# on a page less than half full (page 13 is an approach's description).
STJ_TEST_NOW=2025-01-15T09:00:00Z $STJ --db "$T/db" round new \
    --municipality Leeuwarden --round 2025 --from 2013 >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden --round 2025 \
    -o "$T/n.pdf" >/dev/null
sh tests/page-fill.sh "$T/n.pdf" | tail -n 1
pdftotext -raw "$T/n.pdf" - | awk '
/\f/ { if (last ~ /^Criteria Indicatoren Bevindingen$/) alone++ }
/./ && !/^Uitkomsten toezichtonderzoek/ && !/^[CONEPT]+$/ { last = $0 }
END { print "table headers last on a page: " alone + 0 }'
