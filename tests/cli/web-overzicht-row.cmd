# The Overzicht row of a round says what an inspector looks for first:
# its review state, per approach whether the gemeente and how many
# partners answered and which partner of the dossier did not, the X and
# LET OP, how many findings are still only drafted, and the last change
# with its author. Leeuwarden without Leger des Heils' answers; one
# finding written by "Anna de Vries", then the round to wederhoor.
. tests/web/serve.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
/usr/bin/python3 - examples/leeuwarden-2013.csv "$T/lw.csv" <<'PY'
import csv, sys
src = open(sys.argv[1], encoding="utf-8-sig", newline="")
rows = [r for r in csv.reader(src, delimiter=";")
        if not (len(r) > 4 and r[1] == "Interventieteam Gezinnen"
                and r[4] == "Leger des Heils")]
with open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
    csv.writer(out, delimiter=";").writerows(rows)
PY
$STJ --db "$T/db" import "$T/lw.csv" examples/leeuwarden-2013-dossier.xml \
    >/dev/null || exit 1
$STJ --db "$T/db" override --municipality Leeuwarden \
    --approach "Interventieteam Gezinnen" --indicator 4.2.2 \
    --finding "Geen gezamenlijke evaluatie." --reason "Dossier gelezen" \
    --inspector "Anna de Vries" || exit 1
$STJ --db "$T/db" state --municipality Leeuwarden wederhoor \
    --reason "Leger des Heils antwoordde niet; naar wederhoor" \
    --inspector "Anna de Vries" >/dev/null 2>&1
serve_start
curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
curl -s -H "Cookie: sid=$sid" "$base/" >"$T/page.html"
# The row's cells, one a line, markup dropped.
sed -n '/<tbody>/,/<\/tbody>/p' "$T/page.html" | tr -d '\n' |
    sed 's/<\/td>/\n/g; s/<\/li>/ | /g; s/<br>/ /g; s/<[^>]*>//g' |
    sed 's/^ *//; s/ *$//' | grep -v '^$'
serve_stop
