# stj serve, the municipality's word: in wederhoor the Ronde page has a
# reaction form under each finding; a reaction posted (POST /ronde/reactie,
# 303 back) shows beside its finding with who and when, a <script> in it
# as text; a stale form and a bad key are refused; a merged group takes
# its key. Once vastgesteld no form is left, and /voortgang lists the
# round's verbeterpunten (X) with a note form each; a note posted shows
# there and in 'stj progress'-ready storage ('stj history', field note).
. tests/web/serve.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
serve_db
A="Interventieteam Gezinnen"
$STJ --db "$T/db" merge --municipality Leeuwarden --approach "$A" \
    --indicators 4.2.1-4.2.3 --reason "Een bevinding" >/dev/null
$STJ --db "$T/db" state --municipality Leeuwarden wederhoor --reason "Naar de gemeente" >/dev/null
serve_start
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
L='gemeente=Leeuwarden&jaar=2013'
AA='aanpak=Interventieteam%20Gezinnen'
curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
c="Cookie: sid=$sid"
curl -s -H "$c" "$base/" >"$T/page.html"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page.html")
ronde() { curl -s -H "$c" "$base/ronde?$L"; }

echo "-- in wederhoor"
echo "reaction forms: $(ronde | grep -c 'action="/ronde/reactie"')"
echo "without a session: $(code -d "$L&$AA&bevinding_id=3.2.2&versie=0&tekst=x" "$base/ronde/reactie")"
echo "without the CSRF token: $(code -H "$c" -d "$L&$AA&bevinding_id=3.2.2&versie=0&tekst=x" "$base/ronde/reactie")"
for p in "bevinding_id=3.2.2%3Cb%3E" "bevinding_id=4.2.1-" "bevinding_id=1-2-3" \
    "versie=x" "tekst=a%1Bb"; do
	echo "bad $p: $(code -H "$c" -d "csrf=$csrf&$L&$AA&bevinding_id=3.2.2&versie=0&tekst=x&$p" "$base/ronde/reactie")"
done
echo "no text: $(code -H "$c" -d "csrf=$csrf&$L&$AA&bevinding_id=3.2.2&versie=0" "$base/ronde/reactie")"
curl -s -o /dev/null -D "$T/post.h" -H "$c" \
    --data-urlencode "csrf=$csrf" --data-urlencode gemeente=Leeuwarden \
    --data-urlencode jaar=2013 --data-urlencode "aanpak=$A" \
    --data-urlencode bevinding_id=3.2.2 --data-urlencode versie=0 \
    --data-urlencode "tekst=Wij herkennen dit niet. <script>alert(1)</script>" \
    "$base/ronde/reactie"
tr -d '\r' <"$T/post.h" | grep -E '^(HTTP|Location)' | sed 's/127\.0\.0\.1:[0-9]*/127.0.0.1:PORT/'
ronde >"$T/r.html"
grep 'class="melding' "$T/r.html"
grep -o '<div class="reactie">.*</div>' "$T/r.html"
echo "script tags in the page: $(grep -c '<script>alert' "$T/r.html")"
echo "stale form: $(code -H "$c" -d "csrf=$csrf&$L&$AA&bevinding_id=3.2.2&versie=0&tekst=later" "$base/ronde/reactie")"
ronde | grep 'class="melding' | sed 's/ at [0-9TZ:-]* / at TIME /'
gv=$(ronde | grep -A1 'name="bevinding_id" value="4.2.1-4.2.3"' |
    sed -n 's/.*name="versie" value="\([0-9]*\)".*/\1/p')
echo "group, as its member 4.2.2: $(code -H "$c" -d "csrf=$csrf&$L&$AA&bevinding_id=4.2.2&versie=$gv&tekst=Politie%20tekent" "$base/ronde/reactie")"
ronde | grep 'class="melding'
ronde | grep -o '<div class="reactie">.*</div>' | grep -c 'Politie tekent'

echo "-- vastgesteld"
$STJ --db "$T/db" state --municipality Leeuwarden vastgesteld --reason "Verwerkt" >/dev/null
echo "reaction forms: $(ronde | grep -c 'action="/ronde/reactie"')"
echo "reactions shown: $(ronde | grep -c 'class="reactie"')"
curl -s -H "$c" "$base/voortgang?$L" >"$T/v.html"
echo "verbeterpunten: $(grep -c 'action="/voortgang/notitie"' "$T/v.html")"
grep -o '<span class="id">[0-9.]*</span>' "$T/v.html" | sort | uniq -c
echo "note: $(code -H "$c" -d "csrf=$csrf&$L&$AA&indicator=5.2.1&versie=0&tekst=Evaluatie%20%3Cb%3Egehouden%3C/b%3E" "$base/voortgang/notitie")"
echo "note on a V: $(code -H "$c" -d "csrf=$csrf&$L&$AA&indicator=1.1.1&versie=0&tekst=x" "$base/voortgang/notitie")"
curl -s -H "$c" "$base/voortgang?$L" | grep 'class="melding'
curl -s -H "$c" "$base/voortgang?$L" >"$T/v.html"
grep 'class="notitie"' "$T/v.html"
echo "GET /voortgang?gemeente=Nergens&jaar=2013: $(code -H "$c" "$base/voortgang?gemeente=Nergens&jaar=2013")"
echo "GET /voortgang without a session: $(code "$base/voortgang?$L")"
serve_stop
$STJ --db "$T/db" history --municipality Leeuwarden | grep -E '  (reaction|note): ' | cut -d' ' -f 3-
