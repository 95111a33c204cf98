# A new round from 2013 (stj round new --from) keeps the context but not
# 2013's circumstances: the front page prints the templates' year-neutral
# introduction (no "eerste fase", no coming Jeugdwet, no 2013), no date
# until one is set; stj dossier --published sets it (audited; a date that
# is none is refused), and it is printed on the title line and in every
# footer; stj dossier --intro gives the round its own introduction.
export STJ_TEST_NOW=2025-01-15T09:00:00Z USER=inspecteur
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null
$STJ --db "$T/db" round new --municipality Leeuwarden --round 2025 --from 2013
$STJ --db "$T/db" factsheet --municipality Leeuwarden --round 2025 \
    -o "$T/a.pdf" >/dev/null
pdftotext -raw -f 1 -l 1 "$T/a.pdf" - 2>/dev/null | tr -d '\f' |
    grep -v -x '[CONEPT]' >"$T/a.txt"
echo "-- page 1 without a date: its right column and footer"
sed -n '/^In deze factsheet leest u/,$p' "$T/a.txt"
head -1 "$T/a.txt"
echo "2013 on page 1: $(grep -c 2013 "$T/a.txt"), eerste fase: $(grep -c 'eerste fase' "$T/a.txt"), Jeugdwet: $(grep -c Jeugdwet "$T/a.txt")"
echo "-- the date"
$STJ --db "$T/db" dossier --municipality Leeuwarden --round 2025 \
    --published 2025-13 --reason "Gepland"
echo "rc=$?"
$STJ --db "$T/db" dossier --municipality Leeuwarden --round 2025 \
    --published 2025-03-20 --reason "Gepland"
$STJ --db "$T/db" dossier --municipality Leeuwarden --round 2025 \
    --intro "Eigen inleiding van de ronde 2025.

Tweede alinea." --reason "De omstandigheden van 2025"
$STJ --db "$T/db" history --municipality Leeuwarden --round 2025
$STJ --db "$T/db" factsheet --municipality Leeuwarden --round 2025 \
    -o "$T/b.pdf" >/dev/null
pdftotext -layout -f 1 -l 1 "$T/b.pdf" - 2>/dev/null | sed -n '3,4p'
pdftotext -raw -f 1 -l 1 "$T/b.pdf" - 2>/dev/null | tr -d '\f' |
    grep -v -x '[CONEPT]' | sed -n '1p; /^Eigen inleiding/,$p'
echo "footers with the date: $(pdftotext -raw "$T/b.pdf" - 2>/dev/null | tr -d '\f' | grep -c '^Uitkomsten toezichtonderzoek Leeuwarden - Samenwerkend Toezicht Jeugd Maart 2025 | [0-9]*$') of $(pdfinfo "$T/b.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }') pages"
