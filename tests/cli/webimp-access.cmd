# stj serve, the Factsheet and Importeren routes: without a session 401,
# a POST without the session's CSRF token 403, a bad parameter 400, an
# unknown round 404, an upload over 8 MiB 413 with a page that names the
# limit (the body unread). The PDF comes as application/pdf, inline or as
# an attachment with an RFC 6266 file name (ASCII fallback, UTF-8 name
# percent-encoded), and only it may be framed, by this origin: every page
# keeps X-Frame-Options DENY. A confirmation with an id that was never
# made goes back to Importeren with a message, and stores nothing.
. tests/web/serve.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
serve_db
sed 's/^Leeuwarden;/Súdwest-Fryslân;/' examples/leeuwarden-2013.csv >"$T/sf.csv"
$STJ --db "$T/db" import "$T/sf.csv" >/dev/null || exit 1
serve_start
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
L='gemeente=Leeuwarden&jaar=2013'
F="bestand=@examples/zuiderhaven-2014.csv"

echo "-- without a session"
echo "GET /factsheet: $(code "$base/factsheet?$L")"
echo "GET /factsheet.pdf: $(code "$base/factsheet.pdf?$L")"
echo "GET /importeren: $(code "$base/importeren")"
echo "POST /importeren: $(code -F "$F" "$base/importeren")"
echo "POST /importeren/bevestig: $(code -d "import=x" "$base/importeren/bevestig")"

curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
c="Cookie: sid=$sid"
csrf=$(curl -s -H "$c" "$base/importeren" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)

echo "-- without the CSRF token"
echo "POST /importeren: $(code -H "$c" -F "$F" "$base/importeren")"
echo "POST /importeren wrong token: $(code -H "$c" \
    -F csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA -F "$F" "$base/importeren")"
echo "POST /importeren/bevestig: $(code -H "$c" -d "import=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" \
    "$base/importeren/bevestig")"

echo "-- too large"
head -c 9000000 /dev/zero >"$T/big.csv"
curl -s -o "$T/413.html" -w '%{http_code}\n' -H "$c" -F csrf="$csrf" \
    -F "bestand=@$T/big.csv" "$base/importeren"
sed -n 's/.*<p>\(.*\)<\/p>/\1/p' "$T/413.html"

echo "-- bad parameters"
for p in "gemeente=Leeuwarden" "jaar=2013" "$L&download=ja" "gemeente=Leeuwarden&jaar=20x3" \
    "gemeente=Nergens&jaar=2013" "gemeente=Leeuwarden&jaar=2019"; do
	echo "GET /factsheet?$p: $(code -H "$c" "$base/factsheet?$p")" \
	    "/factsheet.pdf: $(code -H "$c" "$base/factsheet.pdf?$p")"
done
echo "POST /importeren no file: $(code -H "$c" -F csrf="$csrf" -F vervang=1 "$base/importeren")"
echo "POST /importeren vervang=ja: $(code -H "$c" -F csrf="$csrf" -F vervang=ja -F "$F" "$base/importeren")"
echo "POST /importeren/bevestig no id: $(code -H "$c" -d "csrf=$csrf" "$base/importeren/bevestig")"
echo "POST /importeren/bevestig import=x: $(code -H "$c" -d "csrf=$csrf&import=x" "$base/importeren/bevestig")"

echo "-- an id never made"
curl -s -o /dev/null -D "$T/post.h" -H "$c" \
    -d "csrf=$csrf&import=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" "$base/importeren/bevestig"
tr -d '\r' <"$T/post.h" | grep -E '^(HTTP|Location)'
curl -s -H "$c" "$base/importeren" | grep 'class="melding'

echo "-- headers"
hdr() { curl -s -o "$T/body" -D - -H "$c" "$@" | tr -d '\r' |
    grep -E '^(HTTP|Content-Type|Content-Disposition|X-Frame-Options|Content-Security-Policy)'; }
hdr "$base/factsheet?$L"
hdr "$base/factsheet.pdf?$L"
echo "PDF: $(head -c 5 "$T/body")"
hdr "$base/factsheet.pdf?$L&download=1"
hdr "$base/factsheet.pdf?gemeente=S%C3%BAdwest-Frysl%C3%A2n&jaar=2013&download=1" | grep Disposition
hdr "$base/factsheet.pdf?gemeente=%3Cscript%3Ealert(1)%3C%2Fscript%3E&jaar=2013" | grep Disposition
echo "-- the check page counts names, not rows (a CSV and its dossier)"
curl -s -H "$c" -F csrf="$csrf" -F "$F" -F "bestand=@examples/zuiderhaven-2014-dossier.xml" \
    "$base/importeren" | sed -n 's|^<tr><th>\([^<]*\)</th><td class="getal">\([^<]*\)</td></tr>$|\1: \2|p'
echo "-- the framework a CSV is read against: listed, chosen, kept until confirmed"
curl -s -H "$c" "$base/importeren" | grep -o '<option value="[^"]*"[^>]*>[^<]*</option>'
echo "kader=nope: $(code -H "$c" -F csrf="$csrf" -F kader=nope -F "$F" "$base/importeren")"
echo "kader=stj-ggsr@2099: $(curl -s -o "$T/k.html" -w '%{http_code}' -H "$c" -F csrf="$csrf" \
    -F kader=stj-ggsr@2099 -F "$F" "$base/importeren")"
grep -o 'Dat toetsingskader kent deze server niet[^<]*' "$T/k.html"
W=tests/fixtures/fw2/leeuwarden-2015.csv
curl -s -H "$c" -F csrf="$csrf" -F "bestand=@$W" "$base/importeren" | grep -o "unknown indicator[^<]*" | head -1
curl -s -H "$c" -F csrf="$csrf" -F kader=stj-ggsr@2015 -F "bestand=@$W" "$base/importeren" >"$T/c.html"
sed -n 's|^<tr><th>\([^<]*\)</th><td[^>]*>\([^<]*\)</td></tr>$|\1: \2|p' "$T/c.html"
id=$(sed -n 's/.*name="import" value="\([^"]*\)".*/\1/p' "$T/c.html")
echo "confirm: $(code -H "$c" -d "csrf=$csrf&import=$id" "$base/importeren/bevestig")"
serve_stop
$STJ --db "$T/db" status --municipality Leeuwarden 2>&1 | grep 2015
$STJ --db "$T/db" status --municipality Zuiderhaven 2>&1
echo "exit $?"
