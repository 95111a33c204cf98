# Editing a round in a real browser (headless Chromium, Selenium): 4.2.2
# of Interventieteam Gezinnen becomes X with a finding and a reason in
# the row's form; the row, the Logboek and "stj history" show it; a form
# made from an older version is refused naming who changed it and when; a
# toelichting that is markup stays text. Screenshots in $T.
. tests/web/serve.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
sed 's/Vooral de partijen die de samenwerkingsafspraken hebben ondertekend melden aan\./<script>alert(1)<\/script><img src=x onerror=alert(2)>/' \
    examples/leeuwarden-2013.csv >"$T/leeuwarden.csv"
$STJ --db "$T/db" import "$T/leeuwarden.csv" \
    examples/leeuwarden-2013-dossier.xml >/dev/null || exit 1
serve_start
/usr/bin/python3 tests/web/edit.py "$url" "$T"
echo "browser exit status $?"
serve_stop
$STJ --db "$T/db" history --municipality Leeuwarden
