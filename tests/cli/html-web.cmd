# stj serve's GET /factsheet.html: the same bytes as "stj factsheet
# --format html" of the same database, as text/html under a Content-
# Security-Policy that allows the inline stylesheet by its SHA-256 and
# nothing else (no script, no image, no form, no frame). In a real browser
# (tests/html/web.py) the Factsheet page links it, the stylesheet applies
# (the PDF's blue), the marks' text alternatives are in the page but not
# shown, the console stays silent, and the hostile name is text.
# Screenshots in $T.
. tests/web/serve.sh
serve_db
serve_start
L='gemeente=Leeuwarden&jaar=2013'
/usr/bin/python3 tests/html/web.py "$url" "$T" "$HOSTILE"
echo "browser exit status $?"
sid=$(cat "$T/sid")
curl -s -D "$T/h" -o "$T/web.html" -H "Cookie: sid=$sid" \
    "$base/factsheet.html?$L"
tr -d '\r' <"$T/h" | grep -E '^(HTTP|Content-Type|X-Frame-Options)' 
csp=$(tr -d '\r' <"$T/h" | sed -n 's/^Content-Security-Policy: //p')
echo "$csp" | sed "s/'sha256-[A-Za-z0-9+\/=]*'/'sha256-HASH'/"
style=$(/usr/bin/python3 -c '
import base64, hashlib, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s[s.index("<style>") + 7:s.index("</style>")]
print(base64.b64encode(hashlib.sha256(s.encode()).digest()).decode())' \
    "$T/web.html")
case "$csp" in *"'sha256-$style'"*) echo "the hash is the stylesheet's";; esac
$STJ --db "$T/db" factsheet --municipality Leeuwarden --format html \
    -o "$T/cli.html" >/dev/null
cmp -s "$T/web.html" "$T/cli.html" && echo "same bytes as stj factsheet --format html"
serve_stop
