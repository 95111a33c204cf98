# A gemeente's own self-assessment (Zuiderhaven 2014, soort
# zelfevaluatie): its Overzicht row links to the Ronde, the Factsheet and
# Respons, each of which it may open; the Factsheet page and its PDF are
# titled Zelfevaluatie; Wederhoor is not its page (no one to answer).
. tests/web/serve.sh
. tests/web/accounts.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
$STJ --db "$T/db" import examples/zuiderhaven-2014.csv \
    examples/zuiderhaven-2014-dossier.xml >/dev/null || exit 1
echo "$PW" | $STJ --db "$T/db" user add zh --role gemeente \
    --municipality Zuiderhaven >/dev/null || exit 1
serve_start
login zh
Z='gemeente=Zuiderhaven&jaar=2014'
curl -s -H "$c" "$base/" | grep -o '<ul class="naar">.*</ul>' |
    grep -o 'href="[^"]*">[^<]*' | sed 's/href="\([^"]*\)">\(.*\)/\1 \2/; s/&amp;/\&/g' |
    while read -r h n; do echo "$n $(code -H "$c" "$base$h")"; done
echo "Factsheet page: $(curl -s -H "$c" "$base/factsheet?$Z" | grep -o '<h1>.*</h1>' | sed 's/<[^>]*>//g')"
curl -s -H "$c" -o "$T/f.pdf" "$base/factsheet.pdf?$Z"
pdftotext -l 1 "$T/f.pdf" - 2>/dev/null | grep -m1 Zelfevaluatie
echo "GET /wederhoor: $(code -H "$c" "$base/wederhoor?$Z")"
serve_stop
