# stj serve, the edit routes: POST /ronde/oordeel, POST /ronde/conclusie
# and GET /logboek refuse a request without a session (401), a POST
# without the session's CSRF token (403) and a bad or missing parameter
# (400); a good form changes the round (303 back to the Ronde page), and
# one made from an older version is refused with who changed it and when.
. tests/web/serve.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
serve_db
serve_start
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
L='gemeente=Leeuwarden&jaar=2013'
A='aanpak=Interventieteam%20Gezinnen'
key="$L&$A&indicator=4.2.2&versie=0"
form="$key&oordeel=X&bevinding=Geen%20plan&reden=dossier"
cform="$L&$A&thema=1&versie=0&goed=Goed&reden=gesprek"

echo "-- without a session"
echo "GET /logboek: $(code "$base/logboek?$L")"
echo "POST /ronde/oordeel: $(code -d "$form" "$base/ronde/oordeel")"
echo "POST /ronde/conclusie: $(code -d "$cform" "$base/ronde/conclusie")"

curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
c="Cookie: sid=$sid"
curl -s -H "$c" "$base/" >"$T/page.html"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page.html")

echo "-- without the CSRF token"
echo "POST /ronde/oordeel: $(code -H "$c" -d "$form" "$base/ronde/oordeel")"
echo "POST /ronde/conclusie: $(code -H "$c" -d "$cform" "$base/ronde/conclusie")"
echo "POST /ronde/oordeel wrong token: $(code -H "$c" \
    -d "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&$form" "$base/ronde/oordeel")"
echo "GET /ronde/oordeel: $(code -H "$c" "$base/ronde/oordeel?$form")"

echo "-- bad parameters"
for p in "indicator=4.2.2%3Cb%3E" "versie=-1" "versie=abc" "oordeel=Y" \
    "geen_letop=ja" "jaar=1999" "reden=a%1Bb" "bevinding=%FF" \
    "indicator=4.2.2&indicator=4.2.3"; do
	echo "POST /ronde/oordeel $p: $(code -H "$c" \
	    -d "csrf=$csrf&$form&$p" "$base/ronde/oordeel")"
done
echo "POST /ronde/oordeel no indicator: $(code -H "$c" \
    -d "csrf=$csrf&$L&$A&versie=0&oordeel=X&reden=r" "$base/ronde/oordeel")"
echo "POST /ronde/oordeel no version: $(code -H "$c" \
    -d "csrf=$csrf&$L&$A&indicator=4.2.2&oordeel=X&reden=r" "$base/ronde/oordeel")"
echo "POST /ronde/conclusie thema=x: $(code -H "$c" \
    -d "csrf=$csrf&$cform&thema=x" "$base/ronde/conclusie")"
echo "POST /ronde/conclusie goed=a%00b: $(code -H "$c" \
    -d "csrf=$csrf&$L&$A&thema=1&versie=0&goed=a%00b&reden=r" "$base/ronde/conclusie")"
for p in "gemeente=Leeuwarden" "jaar=2013" "$L&indicator=x" \
    "$L&indicator=%3Cscript%3E" "gemeente=Leeuwarden&jaar=20x3"; do
	echo "GET /logboek?$p: $(code -H "$c" "$base/logboek?$p")"
done
echo "GET /logboek?gemeente=Nergens&jaar=2013: $(code -H "$c" \
    "$base/logboek?gemeente=Nergens&jaar=2013")"

echo "-- a change, then a stale one"
curl -s -o /dev/null -D "$T/post.h" -H "$c" -d "csrf=$csrf&$form" "$base/ronde/oordeel"
tr -d '\r' <"$T/post.h" | grep -E '^(HTTP|Location)' | sed 's/127\.0\.0\.1:[0-9]*/127.0.0.1:PORT/'
curl -s -H "$c" "$base/ronde?$L" | grep 'class="melding'
echo "again, the same version: $(code -H "$c" -d "csrf=$csrf&$key&oordeel=V&reden=later" \
    "$base/ronde/oordeel")"
curl -s -H "$c" "$base/ronde?$L" | grep 'class="melding'
echo "no reason: $(code -H "$c" -d "csrf=$csrf&$L&$A&indicator=4.2.1&versie=0&oordeel=X&reden=" \
    "$base/ronde/oordeel")"
curl -s -H "$c" "$base/ronde?$L" | grep 'class="melding'
echo "conclusion: $(code -H "$c" -d "csrf=$csrf&$cform" "$base/ronde/conclusie")"
curl -s -H "$c" "$base/ronde?$L" | grep 'class="melding'
echo "the message is shown once: $(curl -s -H "$c" "$base/ronde?$L" | grep -c 'class="melding')"

echo "-- the Logboek"
curl -s -H "$c" "$base/logboek?$L&indicator=4.2.2" |
    sed -n '/<tbody>/,/<\/tbody>/p' | grep '<td' | sed 's/<[^>]*>//g' |
    paste - - - - - - - -
echo "rows of 9.9.9: $(curl -s -H "$c" "$base/logboek?$L&indicator=9.9.9" | grep -c '<td class="tijd"')"
echo "rows of all: $(curl -s -H "$c" "$base/logboek?$L&indicator=" | grep -c '<td class="tijd"')"
serve_stop
$STJ --db "$T/db" history --municipality Leeuwarden
