# Who may open Wederhoor and react, and where the Overzicht and the
# Factsheet page lead each role. Wederhoor is the gemeente's, for its own
# round in wederhoor only: before (concept) and after (vastgesteld) it is
# 404, as is another municipality's (Oosterhout) in wederhoor; the
# inspecteur, the lezer and the beheerder get 403 on the page and on the
# reaction form. Per state, the links of Leeuwarden's Overzicht row for
# each role, and the status each link answers: never 403 or 404.
. tests/web/serve.sh
. tests/web/accounts.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
accounts_db
serve_start
L='gemeente=Leeuwarden&jaar=2013'
O='gemeente=Oosterhout&jaar=2013'
F="aanpak=Interventieteam%20Gezinnen&bevinding_id=3.2.2&versie=0&tekst=x"
for who in beheer ines gemeente-lw lezer; do
	login "$who"
	eval "c_$(echo "$who" | tr -d -)=\"\$c\"; t_$(echo "$who" | tr -d -)=\"\$csrf\""
done
# links WHO: the links of Leeuwarden's row and the status of each.
links() {
	eval "c=\$c_$1"
	curl -s -H "$c" "$base/" | grep -A12 '^<td><a href="[^"]*gemeente=Leeuwarden&amp;jaar=2013"' |
	    grep -o '<ul class="naar">.*</ul>' | grep -o 'href="[^"]*">[^<]*' |
	    sed 's/href="\([^"]*\)">\(.*\)/\1 \2/; s/&amp;/\&/g' | while read -r h n; do
		printf ' %s %s' "$n" "$(code -H "$c" "$base$h")"
	done
	echo
}
state() {
	echo "-- Leeuwarden $1"
	for who in ines lezer gemeentelw; do
		echo "$who:$(links $who)"
	done
	eval "c=\$c_gemeentelw; t=\$t_gemeentelw"
	echo "gemeente GET /wederhoor: $(code -H "$c" "$base/wederhoor?$L")"
	echo "gemeente POST /ronde/reactie: $(code -H "$c" -d "csrf=$t&$L&$F" "$base/ronde/reactie")"
}
state concept
echo "gemeente's Overzicht lists Leeuwarden 2013: $(curl -s -H "$c_gemeentelw" "$base/" | grep -c 'jaar=2013')"
$STJ --db "$T/db" state --municipality Leeuwarden wederhoor --reason "Naar de gemeente" >/dev/null
$STJ --db "$T/db" state --municipality Oosterhout wederhoor --reason "Naar de gemeente" >/dev/null
state wederhoor
for who in beheer ines lezer; do
	eval "c=\$c_$who; t=\$t_$who"
	echo "$who GET /wederhoor: $(code -H "$c" "$base/wederhoor?$L"), POST /ronde/reactie: $(code -H "$c" -d "csrf=$t&$L&$F" "$base/ronde/reactie")"
done
c=$c_gemeentelw
t=$t_gemeentelw
echo "gemeente GET /wederhoor Oosterhout: $(code -H "$c" "$base/wederhoor?$O")"
echo "gemeente POST /ronde/reactie Oosterhout: $(code -H "$c" -d "csrf=$t&$O&$F" "$base/ronde/reactie")"
echo "gemeente GET /wederhoor Nergens: $(code -H "$c" "$base/wederhoor?gemeente=Nergens&jaar=2013")"
echo "gemeente's Factsheet page links:"
curl -s -H "$c" "$base/factsheet?$L" | grep '<p class="terug">' |
    grep -o 'href="[^"]*">[^<]*' | sed 's/href="\([^"]*\)">\(.*\)/\1 \2/; s/&amp;/\&/g' |
    while read -r h n; do echo "  $n $(code -H "$c" "$base$h")"; done
echo "inspecteur's Factsheet page links:"
curl -s -H "$c_ines" "$base/factsheet?$L" | grep '<p class="terug">' |
    grep -o 'href="[^"]*">[^<]*' | sed 's/href="\([^"]*\)">\(.*\)/\1 \2/; s/&amp;/\&/g' |
    while read -r h n; do echo "  $n $(code -H "$c_ines" "$base$h")"; done
$STJ --db "$T/db" state --municipality Leeuwarden vastgesteld --reason "Verwerkt" >/dev/null
state vastgesteld
echo "gemeente's Voortgang page links:"
curl -s -H "$c_gemeentelw" "$base/voortgang?$L" | grep '<p class="terug">' |
    grep -o 'href="[^"]*">[^<]*' | sed 's/href="\([^"]*\)">\(.*\)/\1 \2/; s/&amp;/\&/g' |
    while read -r h n; do echo "  $n $(code -H "$c_gemeentelw" "$base$h")"; done
serve_stop
