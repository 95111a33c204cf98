# stj serve, the review routes: POST /ronde/status, /ronde/samenvoegen,
# /ronde/splitsen, /ronde/dossier and GET /static/stj.js refuse a request
# without a session (401), a POST without the CSRF token (403) and bad or
# missing parameters (400). On Oosterhout 2013 (incomplete) the Ronde page
# lists the gaps and vastgesteld is refused until the reason names them;
# a state or dossier form made from an older version is refused naming
# who changed it and when; a merge shows one row; a vastgesteld round
# shows no edit forms and refuses a POST that gets through.
. tests/web/serve.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
o=examples/oosterhout-2013
$STJ --db "$T/db" import examples/oosterhout-2013-dossier.xml \
    $o/bemoeizorg-gemeente.xml $o/bemoeizorg-ggd-west-brabant.xml \
    $o/bemoeizorg-surplus.xml $o/gezinsmanagement-multivision.xml >/dev/null || exit 1
serve_start
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
O='gemeente=Oosterhout&jaar=2013'
A='aanpak=Aanpak%20Bemoeizorg'
sform="$O&versie=0&status=wederhoor&reden=naar%20de%20gemeente"
dform="$O&versie=0&tekst=Nieuwe%20context&reden=bijgewerkt"
mform="$O&$A&van=3.1.1&tot=3.1.3&reden=samen"

echo "-- without a session"
echo "GET /static/stj.js: $(code "$base/static/stj.js")"
for r in status dossier samenvoegen splitsen; do
	echo "POST /ronde/$r: $(code -d "$sform" "$base/ronde/$r")"
done

curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
c="Cookie: sid=$sid"
curl -s -H "$c" "$base/" >"$T/page.html"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page.html")
page() { curl -s -H "$c" "$base/ronde?$O"; }
flash() { page | sed -n 's/.*<p class="melding \([a-z]*\)"[^>]*>\(.*\)<\/p>.*/\1: \2/p'; }

echo "-- the script"
curl -s -H "$c" -D "$T/js.h" -o "$T/stj.js" "$base/static/stj.js"
tr -d '\r' <"$T/js.h" | grep -iE '^(HTTP|Content-Type)'
cmp -s "$T/stj.js" templates/web/stj.js && echo "GET /static/stj.js: the template"
echo "script elements on the Ronde page: $(page | grep -c '<script')" \
    "; inline: $(page | grep -c '<script>')"

echo "-- without the CSRF token"
echo "POST /ronde/status: $(code -H "$c" -d "$sform" "$base/ronde/status")"
echo "POST /ronde/dossier: $(code -H "$c" -d "$dform" "$base/ronde/dossier")"
echo "POST /ronde/samenvoegen: $(code -H "$c" -d "$mform" "$base/ronde/samenvoegen")"

echo "-- bad parameters"
for p in "status=klaar" "status=" "versie=x" "status=wederhoor&status=concept"; do
	echo "POST /ronde/status $p: $(code -H "$c" -d "csrf=$csrf&$O&versie=0&reden=r&$p" \
	    "$base/ronde/status")"
done
echo "POST /ronde/status no version: $(code -H "$c" \
    -d "csrf=$csrf&$O&status=wederhoor&reden=r" "$base/ronde/status")"
echo "POST /ronde/dossier no text: $(code -H "$c" \
    -d "csrf=$csrf&$O&versie=0&reden=r" "$base/ronde/dossier")"
echo "POST /ronde/dossier tekst=a%01b: $(code -H "$c" \
    -d "csrf=$csrf&$dform&tekst=a%01b" "$base/ronde/dossier")"
for p in "van=3.1.1x" "tot=" "van=3.1.1&van=3.1.2" "versie=0"; do
	echo "POST /ronde/samenvoegen $p: $(code -H "$c" -d "csrf=$csrf&$O&$A&tot=3.1.3&reden=r&$p" \
	    "$base/ronde/samenvoegen")"
done
echo "POST /ronde/splitsen no version: $(code -H "$c" \
    -d "csrf=$csrf&$mform" "$base/ronde/splitsen")"

echo "-- the gaps, the state"
page | sed -n '/<div class="gaten">/,/<\/div>/p' | sed 's/<[^>]*>//g' | grep .
page | grep -o '<span class="staat">[a-z]*</span>' | sed 's/<[^>]*>//g'
echo "wederhoor: $(code -H "$c" -d "csrf=$csrf&$sform" "$base/ronde/status")"
flash
echo "again, from the same version: $(code -H "$c" -d "csrf=$csrf&$sform" "$base/ronde/status")"
flash
v=$(page | sed -n '/action="\/ronde\/status"/,/<\/form>/s/.*name="versie" value="\([0-9]*\)".*/\1/p')
vs="csrf=$csrf&$O&versie=$v&status=vastgesteld"
echo "vastgesteld, gaps not named: $(code -H "$c" -d "$vs&reden=klaar" "$base/ronde/status")"
flash

echo "-- the context, then a stale context form"
echo "context: $(code -H "$c" -d "csrf=$csrf&$dform" "$base/ronde/dossier")"
flash
echo "again, from the same version: $(code -H "$c" -d "csrf=$csrf&$dform" "$base/ronde/dossier")"
flash
echo "a description: $(code -H "$c" -d "csrf=$csrf&$O&$A&versie=0&tekst=Bemoeizorg%20kort&reden=korter" \
    "$base/ronde/dossier")"
flash

echo "-- a merge: one row"
echo "merge: $(code -H "$c" -d "csrf=$csrf&$mform" "$base/ronde/samenvoegen")"
flash
echo "merge again: $(code -H "$c" -d "csrf=$csrf&$mform" "$base/ronde/samenvoegen")"
flash
page | grep -o '<td class="id">3\.1\.[^<]*</td>' | sed 's/<[^>]*>//g' | sort | uniq -c

echo "-- vastgesteld with the gaps named; a POST that gets through"
echo "vastgesteld: $(code -H "$c" -d "$vs&reden=Thebe%20Jeugdgezondheidszorg%2C%20GGD%20West-Brabant%20en%20Surplus%20Welzijn%20antwoordden%20niet%3B%20aanpak%20gezinsmanagement%20zonder%20gemeente" \
    "$base/ronde/status")"
flash
page >"$T/vast.html"
for f in wijzig conclusie samenvoegen splitsen dossier status; do
	echo "form.$f: $(grep -c "<form method=\"post\" action=\"[^\"]*\" class=\"$f\"" "$T/vast.html")"
done
echo "the vastgesteld line: $(grep -c '<p class="vast">' "$T/vast.html")"
echo "oordeel: $(code -H "$c" -d "csrf=$csrf&$O&$A&indicator=1.1.1&versie=0&oordeel=X&reden=r" \
    "$base/ronde/oordeel")"
flash
echo "context, a form from before: $(code -H "$c" -d "csrf=$csrf&$dform" "$base/ronde/dossier")"
flash
serve_stop
$STJ --db "$T/db" history --municipality Oosterhout | cut -c1-110
