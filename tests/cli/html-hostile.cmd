# The HTML factsheet of a municipality whose name is markup
# (tests/web/serve.sh's HOSTILE) escapes it everywhere: title, heading,
# text; no element of it reaches the file, tidy finds no error. --all
# --format html writes one .html per municipality, named as the PDFs are.
# A format that is none is a usage error; an unwritable path leaves no
# file and no temporary file.
. tests/web/serve.sh
serve_db
$STJ --db "$T/db" factsheet --municipality "$HOSTILE" --format html \
    -o "$T/h.html" >/dev/null
echo "exit $?"
echo "script elements: $(grep -c '<script' "$T/h.html")"
grep -o '<title>[^<]*</title>' "$T/h.html"
grep -o '<h1>[^<]*' "$T/h.html"
grep -c '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/h.html"
tidy -errors -q "$T/h.html"
echo "tidy exit $?"
/usr/bin/python3 tests/html/check.py "$T/h.html" | sed -n 1,2p
echo "-- --all"
$STJ --db "$T/db" factsheet --all --format html -o "$T/all" | sed "s|$T|T|"
ls "$T/all"
for f in "$T"/all/*; do tidy -errors -q "$f"; done
echo "-- errors"
$STJ --db "$T/db" factsheet --municipality Leeuwarden --format docx -o "$T/x"
echo "exit $?"
{ $STJ --db "$T/db" factsheet --municipality Leeuwarden --format html \
    -o "$T/nodir/x.html" 2>&1; echo "exit $?"; } | sed "s|$T|T|"
ls "$T/nodir" 2>/dev/null
[ -e "$T/x" ] || echo "no file written"
