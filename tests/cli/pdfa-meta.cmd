# The factsheet as an archival PDF/A-1b document: document information
# (title, subject, author from templates/texts-stj.xml), language nl-NL,
# XMP metadata that repeats it with the PDF/A-1b identification, the sRGB
# output intent, every font embedded with its CIDSet, a file identifier
# that depends only on the content, and bookmarks per approach and theme.
export SOURCE_DATE_EPOCH=1385856000
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/l.pdf" >/dev/null
pdfinfo -isodates "$T/l.pdf" | grep -E '^(Title|Subject|Author|Creator|Producer|CreationDate|ModDate|Metadata Stream|PDF version):'
echo "--- XMP"
pdfinfo -meta "$T/l.pdf"
echo
echo "--- catalog"
qpdf --show-object=1 "$T/l.pdf" | sed 's/ [0-9][0-9]* 0 R/ N 0 R/g'; echo
qpdf --show-object=trailer "$T/l.pdf" | sed 's/ [0-9][0-9]* 0 R/ N 0 R/g'; echo
echo "--- fonts: embedded, CIDSet"
pdffonts "$T/l.pdf" | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1, "emb", $(NF-4) }'
qpdf --qdf --object-streams=disable "$T/l.pdf" - | grep -a -c '/CIDSet '
echo "--- bookmarks (page)"
qpdf --json --json-key=outlines "$T/l.pdf" | /usr/bin/python3 -c '
import json, sys
def walk(items, depth):
    for o in items:
        print("  " * depth + o["title"], o["destpageposfrom1"])
        walk(o["kids"], depth + 1)
walk(json.load(sys.stdin)["outlines"], 0)'
echo "--- the same input, the same bytes"
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/m.pdf" >/dev/null
cmp "$T/l.pdf" "$T/m.pdf" && echo identical
echo "--- questionnaire and self-assessment: subject"
$STJ questionnaire --role gemeente --format pdf -o "$T/q.pdf" >/dev/null
pdfinfo "$T/q.pdf" | grep -E '^(Title|Subject|Author):'
$STJ --db "$T/db" factsheet --municipality Leeuwarden --self-assessment \
    -o "$T/z.pdf" >/dev/null
pdfinfo "$T/z.pdf" | grep -E '^(Title|Subject|Author):'
