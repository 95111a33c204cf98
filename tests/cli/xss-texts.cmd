# Every text a respondent or a municipality writes, with hostile content
# (markup, an attribute break-out, a template placeholder, a format
# directive), stays text wherever it is shown: the inspector's Ronde page
# (toelichting, reaction), Logboek and Voortgang pages (reaction, note)
# escaped and never expanded, 'stj progress' and its PDF (pdftotext) as
# written.
. tests/web/serve.sh
export STJ_TEST_NOW=2013-06-01T00:00:00Z
P1='<script>alert(1)</script>'
P2='"><img src=x onerror=alert(2)>'
P3='{{csrf}} {{gemeente}}'
P4='%s%n%x'
A="Interventieteam Gezinnen"
grep -v '^Leeuwarden;Interventieteam Gezinnen;2013;netwerkpartner;Fier' \
    examples/leeuwarden-2013.csv >"$T/l.csv"
$STJ --db "$T/db" import "$T/l.csv" examples/leeuwarden-2013-dossier.xml >/dev/null
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$A" \
    --role netwerkpartner --organisation "Fier Fryslân" >"$T/inv"
tok=$(sed -n 's#.*/v/##p' "$T/inv")
printf '1.1.1\tja\t%s\n1.2.1\tnee\t%s\n3.2.2\tnee\t%s\n4.2.2\tja\t%s\n' \
    "$P1" "$P2" "$P3" "$P4" | $STJ --db "$T/db" respond --token "$tok" --draft - >/dev/null
$STJ --db "$T/db" respond --token "$tok" --submit >/dev/null || echo "submit failed"
$STJ --db "$T/db" state --municipality Leeuwarden wederhoor --reason w >/dev/null
$STJ --db "$T/db" reaction --municipality Leeuwarden --approach "$A" \
    --indicator 3.2.2 --text "$P1 $P2 $P3 $P4" >/dev/null
$STJ --db "$T/db" state --municipality Leeuwarden vastgesteld \
    --reason "v: Fier Fryslân heeft niet alles beantwoord" >/dev/null
$STJ --db "$T/db" note --municipality Leeuwarden --approach "$A" \
    --indicator 3.2.2 --text "$P2 $P4 $P3 $P1" >/dev/null
serve_start
curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
c="Cookie: sid=$sid"
L='gemeente=Leeuwarden&jaar=2013'
for p in /ronde /logboek /voortgang; do
	curl -s -H "$c" "$base$p?$L" >"$T/page.html"
	echo "$p: raw <script>alert: $(grep -c '<script>alert' "$T/page.html")," \
	    "raw <img: $(grep -c '<img src=x' "$T/page.html")," \
	    "escaped P1: $(grep -o '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/page.html" | wc -l)," \
	    "escaped P2: $(grep -o '&quot;&gt;&lt;img src=x onerror=alert(2)&gt;' "$T/page.html" | wc -l)," \
	    "P3 kept: $(grep -o '{{csrf}} {{gemeente}}' "$T/page.html" | wc -l)," \
	    "P4 kept: $(grep -o '%s%n%x' "$T/page.html" | wc -l)"
done
serve_stop
$STJ --db "$T/db" round new --municipality Leeuwarden --round 2014 --from 2013 >/dev/null
$STJ --db "$T/db" progress --municipality Leeuwarden --from 2013 --to 2014 | grep 'Gemeente:'
$STJ --db "$T/db" progress --municipality Leeuwarden --from 2013 --to 2014 -o "$T/p.pdf" >/dev/null
pdftotext "$T/p.pdf" - | tr '\n' ' ' | grep -o 'Gemeente: [^G]*alert(1)</script>' | sed 's/  */ /g'
