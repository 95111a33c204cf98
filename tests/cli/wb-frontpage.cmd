# The front-page forms of the Ronde page (POST /ronde/publicatie and
# /ronde/inleiding) without a browser: a date of no date's form is a 400
# before any handler; a month 13, an empty reason and a form made from an
# older version are refused by the layer and named on the page; a lezer
# sees the values without a form; a vastgesteld round shows them read
# only and refuses the change.
. tests/web/serve.sh
. tests/web/accounts.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
accounts_db
serve_start
login ines
R="$base/ronde?gemeente=Leeuwarden&jaar=2013"
post() {   # post PATH FIELDS...: the status, then the page's message
	p=$1; shift
	s=$(code -H "$c" --data-urlencode "csrf=$csrf" -d gemeente=Leeuwarden \
	    -d jaar=2013 "$@" "$base$p")
	echo "$p $s: $(curl -s -H "$c" "$R" |
	    sed -n 's/.*<p class="melding[^>]*>\(.*\)<\/p>/\1/p')"
}
post /ronde/publicatie -d versie=0 -d datum=juni -d reden=r
post /ronde/publicatie -d versie=0 -d datum=2025-13 -d reden=r
post /ronde/publicatie -d versie=0 -d datum=2025-06 -d reden=
post /ronde/publicatie -d versie=0 -d datum=2025-06 -d reden=juni
post /ronde/publicatie -d versie=0 -d datum=2025-07 -d reden=juli
post /ronde/inleiding -d versie=0 --data-urlencode "tekst=$(printf 'Eerste alinea <b>vet</b>.\r\n\r\nTweede.')" -d reden=eigen
curl -s -H "$c" "$R" | sed -n '/id="voorpagina"/,/<\/details>/p' |
    grep -o '<summary>.*</summary>\|name="versie" value="[0-9]*"\|name="datum" value="[^"]*"\|<textarea name="tekst"[^>]*>.*\|^Tweede\.</textarea>'
echo "-- lezer"
login lezer
curl -s -H "$c" "$R" | sed -n '/id="voorpagina"/,/<\/details>/p'
echo "-- vastgesteld"
$STJ --db "$T/db" state --municipality Leeuwarden --round 2013 wederhoor \
    --reason w >/dev/null
$STJ --db "$T/db" state --municipality Leeuwarden --round 2013 vastgesteld \
    --reason v >/dev/null || exit 1
login ines
curl -s -H "$c" "$R" | grep -c 'action="/ronde/publicatie"\|action="/ronde/inleiding"'
post /ronde/publicatie -d versie=1 -d datum=2025-08 -d reden=later
serve_stop >/dev/null
