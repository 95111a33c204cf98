# The municipality's page Wederhoor (GET /wederhoor): the findings of its
# round in wederhoor as the concept factsheet prints them, per approach,
# theme and criterion; each mark with its words; a finding the inspector
# wrote as written, a drafted one in the draft's own sentences; LET OP on
# its own line; a merged group one row with its members; under each its
# reaction form. Nothing of the respondents: no organisation of the
# dossier or of the answers, and no toelichting, appears in the page
# (they do appear on the inspector's Ronde page: the check can fail).
. tests/web/serve.sh
. tests/web/accounts.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
accounts_db
A="Interventieteam Gezinnen"
$STJ --db "$T/db" merge --municipality Leeuwarden --approach "$A" \
    --indicators 4.2.1-4.2.3 --reason "Een bevinding" >/dev/null
$STJ --db "$T/db" override --municipality Leeuwarden --approach "$A" \
    --indicator 3.2.2 --finding "De regisseur kan niet doorzetten." \
    --letop "Leg de doorzettingsmacht vast." --reason "Dossier gelezen" \
    --inspector "Anna de Vries" >/dev/null
$STJ --db "$T/db" state --municipality Leeuwarden wederhoor \
    --reason "Naar de gemeente" >/dev/null
serve_start
login ines
curl -s -H "$c" "$base/ronde?gemeente=Leeuwarden&jaar=2013" >"$T/r.html"
login gemeente-lw
curl -s -H "$c" "$base/wederhoor?gemeente=Leeuwarden&jaar=2013" >"$T/w.html"
grep -o '<h[123]>.*</h[123]>' "$T/w.html" | sed 's/<[^>]*>//g'
echo "rows: $(grep -c '<tr class="indicator' "$T/w.html")"
echo "reaction forms: $(grep -c 'action="/ronde/reactie"' "$T/w.html")"
echo "answers (the Ronde page's): $(grep -c 'class="antwoorden"' "$T/w.html")"
grep -o 'href="/factsheet[^"]*">[^<]*' "$T/w.html"
# Each row of the first approach as one line: id | mark | words | finding.
sed -n '/<h2>Interventieteam Gezinnen/,/<h2>/p' "$T/w.html" |
    sed 's/<details class="reactie-form">/\n&/' |
    sed '/^<details class="reactie-form">/,/^<\/details>/d' | tr -d '\n' |
    sed 's/<\/tr>/\n/g; s/<\/td>/ | /g; s/<\/p>/ \/ /g; s/<[^>]*>//g' |
    grep -E '^(1\.1\.1|3\.2\.2|4\.2\.1–4\.2\.3|5\.2\.1|5\.3\.1) '
echo "-- nothing of the respondents"
# Every organisation of the dossier and of the answers (column 5).
{ sed -n 's/.*<netwerkpartner>\(.*\)<\/netwerkpartner>.*/\1/p' \
    examples/leeuwarden-2013-dossier.xml
  /usr/bin/python3 -c '
import csv, sys
for r in list(csv.reader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=";"))[1:]:
    print(r[4])' examples/leeuwarden-2013.csv; } |
    sort -u | while read -r org; do
	echo "$org: Wederhoor $(grep -c "$org" "$T/w.html"), Ronde $(grep -c "$org" "$T/r.html")"
done
for t in "Ongeveer 50 gezinnen" "Amaryllisconcept"; do
	echo "toelichting '$t': Wederhoor $(grep -c "$t" "$T/w.html"), Ronde $(grep -c "$t" "$T/r.html")"
done
serve_stop
