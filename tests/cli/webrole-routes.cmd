# Every route × every role: the status each gets, from the table below
# (beheerder, inspecteur, gemeente Leeuwarden, lezer, no session), with
# Leeuwarden 2013 (a toezicht round in concept) as the round; then a
# gemeente of Leeuwarden asking for Oosterhout gets 404 on every page of
# a round. Logout comes last: it ends the session. A route of "stj serve --routes" missing from the table fails
# the test: a new route needs its rule here.
. tests/web/serve.sh
. tests/web/accounts.sh
accounts_db
serve_start
# METHOD PATH beheerder inspecteur gemeente lezer none
cat >"$T/table" <<'TABLE'
GET /login 303 303 303 303 200
POST /login 403 403 403 403 403
GET / 200 200 200 200 401
GET /ronde 403 200 404 200 401
GET /static/stj.css 200 200 200 200 200
GET /static/stj.js 200 200 200 200 200
GET /logboek 403 200 404 200 401
POST /ronde/oordeel 403 400 404 403 401
POST /ronde/conclusie 403 400 404 403 401
POST /ronde/status 403 400 404 403 401
POST /ronde/samenvoegen 403 400 404 403 401
POST /ronde/splitsen 403 400 404 403 401
POST /ronde/dossier 403 400 404 403 401
POST /ronde/aanpak 403 400 404 403 401
GET /factsheet 403 200 404 200 401
GET /factsheet.pdf 403 200 404 200 401
GET /factsheet.html 403 200 404 200 401
GET /importeren 403 200 404 403 401
POST /importeren 403 400 404 403 401
POST /importeren/bevestig 403 400 404 403 401
GET /wachtwoord 200 200 200 200 401
POST /wachtwoord 400 400 400 400 401
GET /beheer 200 403 404 403 401
POST /beheer 400 403 404 403 401
POST /ronde/reactie 403 403 404 403 401
GET /voortgang 403 200 404 200 401
POST /voortgang/notitie 403 400 404 403 401
GET /v/ 404 404 404 404 404
POST /v/ 404 404 404 404 404
GET /respons 403 200 404 403 401
POST /respons/uitnodigen 403 400 404 403 401
POST /respons/opnieuw 403 400 404 403 401
POST /respons/intrekken 403 400 404 403 401
POST /respons/heropenen 403 400 404 403 401
POST /respons/versturen 403 400 404 403 401
POST /respons/herinneren 403 400 404 403 401
GET /wederhoor 403 403 404 403 401
GET /handleiding 200 200 200 200 401
GET /handleiding/web-review.png 200 200 200 200 401
POST /ronde/inleiding 403 400 404 403 401
POST /ronde/publicatie 403 400 404 403 401
POST /logout 303 303 303 303 401
TABLE
# A route ending in / is a prefix (/handleiding/NAME.png): a row of a
# path under it is its rule.
$STJ serve --routes | while read -r m p; do
	case $p in */) end= ;; *) end=' ' ;; esac
	grep -q "^$m $p$end" "$T/table" || echo "route without a rule: $m $p"
done
for who in beheer ines gemeente-lw lezer; do
	login "$who"
	eval "c_$(echo "$who" | tr -d -)=\"\$c\"; t_$(echo "$who" | tr -d -)=\"\$csrf\""
done
L='gemeente=Leeuwarden&jaar=2013'
bad=0
while read -r m p want_b want_i want_g want_l want_n; do
	got=""
	for who in beheer ines gemeentelw lezer none; do
		eval "c=\${c_$who:-}; t=\${t_$who:-}"
		[ "$who" = none ] && c="Cookie: sid=" && t=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
		if [ "$m" = GET ]; then
			s=$(code -H "$c" "$base$p?$L")
		else
			s=$(code -H "$c" -d "csrf=$t&$L" "$base$p")
		fi
		got="$got $s"
	done
	want=" $want_b $want_i $want_g $want_l $want_n"
	[ "$got" = "$want" ] || { echo "$m $p: got$got, want$want"; bad=1; }
done <"$T/table"
echo "table: $([ $bad = 0 ] && echo as expected)"

echo "-- a gemeente of Leeuwarden asks for Oosterhout"
login gemeente-lw
O='gemeente=Oosterhout&jaar=2013'
for p in /ronde /logboek /factsheet /factsheet.pdf /factsheet.html /voortgang /respons /wederhoor; do
	echo "GET $p Oosterhout: $(code -H "$c" "$base$p?$O")"
done
echo "POST /ronde/oordeel Oosterhout: $(code -H "$c" -d "csrf=$csrf&$O" \
    "$base/ronde/oordeel")"
echo "Overzicht lists Oosterhout: $(curl -s -H "$c" "$base/" | grep -c Oosterhout)"
login ines
echo "inspecteur's Overzicht lists Oosterhout: $(curl -s -H "$c" "$base/" |
    grep -c '>Oosterhout<')"
serve_stop
