# stj serve, the municipality's word, with accounts: in wederhoor the
# gemeente's page Wederhoor has a reaction form under each finding (the
# inspector's Ronde page none: ACT_REACT is the gemeente's); a reaction
# posted (POST /ronde/reactie, 303 back to Wederhoor) shows beside its
# finding with who and when, on Wederhoor and on the inspector's Ronde, a
# <script> in it as text; a stale form and a bad key are refused; a
# merged group takes its key. Once vastgesteld no form is left (and no
# Wederhoor), and /voortgang lists the round's verbeterpunten (X) with a
# note form each; a note posted by the gemeente shows there and in
# 'stj progress'-ready storage ('stj history', field note).
. tests/web/serve.sh
. tests/web/accounts.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
accounts_db
A="Interventieteam Gezinnen"
$STJ --db "$T/db" merge --municipality Leeuwarden --approach "$A" \
    --indicators 4.2.1-4.2.3 --reason "Een bevinding" >/dev/null
$STJ --db "$T/db" state --municipality Leeuwarden wederhoor --reason "Naar de gemeente" >/dev/null
serve_start
L='gemeente=Leeuwarden&jaar=2013'
AA='aanpak=Interventieteam%20Gezinnen'
login ines
ci="$c"
login gemeente-lw
wederhoor() { curl -s -H "$c" "$base/wederhoor?$L"; }
ronde() { curl -s -H "$ci" "$base/ronde?$L"; }

echo "-- in wederhoor"
echo "reaction forms on Wederhoor: $(wederhoor | grep -c 'action="/ronde/reactie"')"
echo "reaction forms on the inspector's Ronde: $(ronde | grep -c 'action="/ronde/reactie"')"
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
wederhoor >"$T/w.html"
grep 'class="melding' "$T/w.html"
grep -o '<div class="reactie">.*</div>' "$T/w.html"
echo "script tags in Wederhoor: $(grep -c '<script>alert' "$T/w.html")"
echo "the inspector's Ronde shows it:"
ronde >"$T/r.html"
grep -o '<div class="reactie">.*</div>' "$T/r.html"
echo "script tags in the Ronde page: $(grep -c '<script>alert' "$T/r.html")"
echo "stale form: $(code -H "$c" -d "csrf=$csrf&$L&$AA&bevinding_id=3.2.2&versie=0&tekst=later" "$base/ronde/reactie")"
wederhoor | grep 'class="melding' | sed 's/ at [0-9TZ:-]* / at TIME /'
gv=$(wederhoor | grep -A1 'name="bevinding_id" value="4.2.1-4.2.3"' |
    sed -n 's/.*name="versie" value="\([0-9]*\)".*/\1/p')
echo "group, as its member 4.2.2: $(code -H "$c" -d "csrf=$csrf&$L&$AA&bevinding_id=4.2.2&versie=$gv&tekst=Politie%20tekent" "$base/ronde/reactie")"
wederhoor | grep 'class="melding'
wederhoor | grep -o '<div class="reactie">.*</div>' | grep -c 'Politie tekent'
ronde | grep -o '<div class="reactie">.*</div>' | grep -c 'Politie tekent'

echo "-- vastgesteld"
$STJ --db "$T/db" state --municipality Leeuwarden vastgesteld --reason "Verwerkt" >/dev/null
echo "reaction forms on the Ronde: $(ronde | grep -c 'action="/ronde/reactie"')"
echo "reactions shown on the Ronde: $(ronde | grep -c 'class="reactie"')"
echo "GET /wederhoor: $(code -H "$c" "$base/wederhoor?$L")"
echo "POST /ronde/reactie: $(code -H "$c" -d "csrf=$csrf&$L&$AA&bevinding_id=3.2.2&versie=0&tekst=x" "$base/ronde/reactie")"
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
