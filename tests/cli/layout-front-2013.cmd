# Leeuwarden 2013 as published: the two-column front page (pdftotext -raw
# gives the left column, then the right: the definition, the context and
# the approaches; then the dossier's own 2013 introduction), the title
# line with the publication date on the right, and the footer of a later
# page as the published has it. Without the diagonal CONCEPT (one letter
# a line).
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/l.pdf" >/dev/null
echo "-- page 1"
pdftotext -raw -f 1 -l 1 "$T/l.pdf" - 2>/dev/null | tr -d '\f' | grep -v -x '[CONEPT]'
echo "-- the title lines"
pdftotext -layout -f 1 -l 1 "$T/l.pdf" - 2>/dev/null | sed -n '3,4p'
echo "-- the footer of page 4"
pdftotext -layout -f 4 -l 4 "$T/l.pdf" - 2>/dev/null | grep Uitkomsten
echo "-- two columns: the introduction starts right of the middle"
pdftotext -bbox -f 1 -l 1 "$T/l.pdf" - 2>/dev/null |
    awk -F'"' '/>In</ && !seen { seen = 1; print ($2 > 297 ? "right" : "left") }'
