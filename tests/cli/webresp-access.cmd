# A respondent's link (curl): /v/ with no token's form or an unknown
# token is 404 without echoing it; the questionnaire's POST needs its own
# CSRF token (none, the session's, another invitation's: 403); the token
# opens nothing else (as a cookie or a parameter: 401); the Respons
# page's forms need a session (401) and its CSRF token (403); an expired,
# a revoked and a re-issued link each get their page; a submitted one is
# read-only (409 on a POST).
. tests/web/serve.sh
export STJ_TEST_NOW=2013-06-01T00:00:00Z
grep -v -e '^Leeuwarden;Interventieteam Gezinnen;2013;netwerkpartner;Fier' \
    -e '^Leeuwarden;Interventieteam Gezinnen;2013;netwerkpartner;Leger' \
    examples/leeuwarden-2013.csv >"$T/l.csv"
$STJ --db "$T/db" import "$T/l.csv" examples/leeuwarden-2013-dossier.xml \
    >/dev/null || exit 1
ig="Interventieteam Gezinnen"
# Made on the command line two weeks earlier: expired (7 days) by now.
STJ_TEST_NOW=2013-05-20T00:00:00Z $STJ --db "$T/db" invite \
    --municipality Leeuwarden --approach "$ig" --role netwerkpartner \
    --organisation "Fier Fryslân" --expires 7 | sed -n 's#.*/v/##p' >"$T/old"
serve_start
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
form() { sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1; }
# The status, the page's title, and how often the token is on it.
page() {
	curl -s -w '\n%{http_code}\n' "$base$1" >"$T/p.html"
	echo "$2: $(tail -1 "$T/p.html") $(sed -n 's#<h1>\(.*\)</h1>#\1#p' \
	    "$T/p.html"), token echoed $(grep -c -e garbage -e "${3:-garbage}" \
	    "$T/p.html")"
}
old=$(cat "$T/old")

echo "-- links that open nothing"
page /v/garbage "/v/garbage"
page /v/ "/v/"
# Its last character changed (to A, or to E when it was A): no token.
case "$old" in *A) other=E ;; *) other=A ;; esac
page "/v/${old%?}$other" "/v/(unknown token)" "${old%?}"
page "/v/$old/x" "/v/(token)/x" "$old"
page "/v/$old" "/v/(expired)" "$old"

echo "-- the inspector invites (a session)"
curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
c="Cookie: sid=$sid"
R="$base/respons?gemeente=Leeuwarden&jaar=2013"
scsrf=$(curl -s -H "$c" "$R" | form)
post() {
	f=$1
	shift
	code -H "$c" --data-urlencode "csrf=$scsrf" -d gemeente=Leeuwarden \
	    "$@" "$base/respons/$f"
}
shown() {
	curl -s -H "$c" "$R" >"$T/r.html"
	sed -n 's#.*/v/\([A-Za-z0-9_-]*\)</p>#\1#p' "$T/r.html" >"$T/$1"
	sed -n 's#.*<p class="melding \([a-z]*\)" role="status">\(.*\)</p>#\1: \2#p' \
	    "$T/r.html" | sed 's#/v/[A-Za-z0-9_-]\{43\}$#/v/TOKEN#'
}
echo "reissue 1: $(post opnieuw -d jaar=2013 -d id=1 -d dagen=30)"
shown tok
tok=$(cat "$T/tok")
echo "shown again: $(curl -s -H "$c" "$R" | grep -c '/v/')"
page "/v/$old" "/v/(old token after reissue)" "$old"
echo "invite Leger des Heils: $(post uitnodigen -d jaar=2013 \
    --data-urlencode "aanpak=$ig" -d rol=netwerkpartner \
    --data-urlencode "organisatie=Leger des Heils")"
shown leger
echo "invite the gemeente: $(post uitnodigen -d jaar=2013 \
    --data-urlencode "aanpak=$ig" -d rol=gemeente \
    --data-urlencode "organisatie=Gemeente Leeuwarden")"
shown gemeente
page "/v/$tok?deel=7" "/v/(token)?deel=7" "garbage"

echo "-- the Respons forms"
for f in uitnodigen opnieuw intrekken heropenen; do
	echo "POST /respons/$f: no session $(code -d "csrf=$scsrf" -d id=1 \
	    "$base/respons/$f"), no csrf $(code -H "$c" -d id=1 \
	    -d gemeente=Leeuwarden -d jaar=2013 "$base/respons/$f")"
done
echo "GET /respons without a session: $(code "$R")"
echo "an invitation of another round: $(post intrekken -d jaar=2014 -d id=1)"
echo "an invitation that does not exist: $(post intrekken -d jaar=2013 -d id=99)"

echo "-- the token opens nothing else"
for p in /ronde /respons /logboek /factsheet; do
	q="$p?gemeente=Leeuwarden&jaar=2013"
	echo "GET $p: as cookie $(code -H "Cookie: sid=$tok" "$base$q")," \
	    "as parameter $(code "$base$q&token=$tok")," \
	    "under /v/ $(code --path-as-is "$base/v/$tok/..$q")"
done
vcsrf=$(curl -s "$base/v/$tok" | form)
echo "POST /respons/intrekken with the questionnaire's csrf: $(code \
    -H "Cookie: sid=$tok" -d "csrf=$vcsrf" -d id=1 -d gemeente=Leeuwarden \
    -d jaar=2013 "$base/respons/intrekken")"

echo "-- the questionnaire's POST"
V="$base/v/$tok"
lcsrf=$(curl -s "$base/v/$(cat "$T/leger")" | form)
echo "no csrf: $(code -d deel=1 -d a1=ja "$V")"
echo "the session's csrf: $(code -H "$c" -d "csrf=$scsrf" -d deel=1 -d a1=ja "$V")"
echo "another invitation's csrf: $(code -d "csrf=$lcsrf" -d deel=1 -d a1=ja "$V")"
echo "an answer off the scale: $(code -d "csrf=$vcsrf" -d deel=1 -d a1=misschien "$V")"
echo "saved: $(code -d "csrf=$vcsrf" -d deel=1 -d a1=ja -d a2=deels \
    --data-urlencode 't2=<b>vet</b>' "$V")"
curl -s "$V" | grep -o '[0-9]* van 24 beantwoord'
echo "sent without the box: $(code -d "csrf=$vcsrf" -d deel=6 -d actie=versturen "$V")"
echo "sent: $(code -d "csrf=$vcsrf" -d deel=6 -d actie=versturen -d bevestig=1 "$V")"
curl -s "$V" | grep -o -e 'Verstuurd op [^.]*' -e '&lt;b&gt;vet&lt;/b&gt;' -e '<b>vet'
echo "saved after sending: $(code -d "csrf=$vcsrf" -d deel=1 -d a1=nee "$V")"
echo "radio buttons after sending: $(curl -s "$V" | grep -c 'type="radio"')"

echo "-- revoked"
echo "revoke 2: $(post intrekken -d jaar=2013 -d id=2)"
shown none
page "/v/$(cat "$T/leger")" "/v/(revoked)" "$(cat "$T/leger")"
curl -s -H "$c" "$R" | sed -n 's#.*<td class="\(organisatie\|staat\)">\(.*\)</td>#\2#p' | paste - -
serve_stop
