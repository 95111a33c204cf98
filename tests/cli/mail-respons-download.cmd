# Without --smtp the Respons page's buttons give the texts as one CSV
# file (the columns of stj invitations --format csv) for the user's own
# mail merge: each row with a NEW link that opens its questionnaire, the
# link before it opens nothing, the invitation recorded as sent. A
# second press replaces the links of the first. Nobody to remind: back
# to the page with why.
. tests/web/serve.sh
export STJ_TEST_NOW=2013-06-01T00:00:00Z
ig="Interventieteam Gezinnen"
grep -v "^Leeuwarden;$ig;2013;netwerkpartner;" examples/leeuwarden-2013.csv >"$T/l.csv"
$STJ --db "$T/db" import "$T/l.csv" examples/leeuwarden-2013-dossier.xml \
    >/dev/null || exit 1
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" \
    --role netwerkpartner --organisation "Fier Fryslân" --email fier@fier.example |
    sed -n 's#.*/v/##p' >"$T/fier0"
serve_start
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
c="Cookie: sid=$sid"
R="$base/respons?gemeente=Leeuwarden&jaar=2013"
csrf=$(curl -s -H "$c" "$R" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
post() {
	curl -s -D "$T/h" -o "$T/$2" -H "$c" --data-urlencode "csrf=$csrf" \
	    -d gemeente=Leeuwarden -d jaar=2013 --data-urlencode "aanpak=$ig" \
	    "$base/respons/$1"
	tr -d '\r' <"$T/h" | grep -i -e '^HTTP' -e '^content-type' -e '^content-disposition' -e '^location' |
	    sed 's/127\.0\.0\.1:[0-9]*/127.0.0.1:PORT/'
}
title() {
	curl -s -w '\n%{http_code}\n' "$1" >"$T/p.html"
	echo "$(tail -1 "$T/p.html") $(sed -n 's#<h1>\(.*\)</h1>#\1#p' "$T/p.html" | head -1)"
}
echo "-- the buttons"
curl -s -H "$c" "$R" | grep -o '<button type="submit">[^<]*(CSV)'
echo "no 'direct versturen': $(curl -s -H "$c" "$R" | grep -c '<label class="vink" hidden><input type="checkbox" name="direct"')"
echo "-- nobody to remind"
post herinneren none
curl -s -H "$c" "$R" | sed -n 's#.*<p class="melding \([a-z]*\)" role="status">\(.*\)</p>#\1: \2#p'
echo "-- Uitnodigingen als bestand"
post versturen first.csv
sed 's#http://127\.0\.0\.1:[0-9]*/v/[A-Za-z0-9_-]\{43\}#http://127.0.0.1:PORT/v/TOKEN#' "$T/first.csv" | head -c 600
echo
echo "-- Herinneringen als bestand"
post herinneren second.csv
for f in first second; do
	/usr/bin/python3 -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")):
    print(r["uitnodiging"], r["email"], r["link"])' "$T/$f.csv" >"$T/$f.rows"
	while read -r id email link; do
		echo "$f: $id $email: $(title "$link")"
	done <"$T/$f.rows"
done
echo "before: $(title "$base/v/$(cat "$T/fier0")")"
serve_stop
$STJ --db "$T/db" invitations --municipality Leeuwarden
