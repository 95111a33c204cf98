# The Factsheet and Importeren pages in a real browser (headless Chromium,
# Selenium): Leeuwarden's factsheet shows in a frame; 4.2.2 of
# Interventieteam Gezinnen becomes X with a finding on the Ronde page, and
# the PDF downloaded with the browser's session has the finding and the
# CONCEPT mark; Zuiderhaven's answers and dossier, uploaded together, are
# reported (counts, per file, nothing stored yet), confirmed and on the
# Overzicht; a broken CSV shows its file:line diagnostics, offers no
# confirmation and stores nothing. Screenshots in $T.
. tests/web/serve.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null || exit 1
# Noordhaven: an answer that is none, a round that is no year.
sed 's/Zuiderhaven/Noordhaven/g
    s/,Gemeente Noordhaven,ja,"Gezinnen/,Gemeente Noordhaven,misschien,"Gezinnen/
    s/^3,\(.*\),2014,netwerkpartner/3,\1,20x4,netwerkpartner/' \
    examples/zuiderhaven-2014.csv >"$T/noordhaven <kapot>.csv"
serve_start
/usr/bin/python3 tests/web/webimp.py "$url" "$T" \
    "$PWD/examples/zuiderhaven-2014.csv" \
    "$PWD/examples/zuiderhaven-2014-dossier.xml" "$T/noordhaven <kapot>.csv"
echo "browser exit status $?"
serve_stop
$STJ --db "$T/db" status --municipality Zuiderhaven | sed -n 1,2p
$STJ --db "$T/db" status --municipality Noordhaven 2>&1
echo "exit $?"
