# The review in a real browser (headless Chromium, Selenium), on
# Leeuwarden 2013: j/k and Enter move through the rows and into the
# verdict field; 3.1.1-3.1.3 merged into one row with one mark and split
# again; a theme conclusion and the dossier's context written; the round
# to wederhoor (a state form from before refused as stale), to
# vastgesteld (edit forms gone, a form from before refused, the factsheet
# without CONCEPT and with "Vastgesteld op") and reopened. The Logboek's
# rows as 'stj history' prints them. Screenshots in $T.
. tests/web/serve.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z SOURCE_DATE_EPOCH=1772359200
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null || exit 1
serve_start
/usr/bin/python3 tests/web/review.py "$url" "$T" \
    "$STJ --db '$T/db' factsheet --municipality Leeuwarden -o '$T/vast.pdf' >/dev/null && pdftotext '$T/vast.pdf' -"
echo "browser exit status $?"
serve_stop
$STJ --db "$T/db" history --municipality Leeuwarden | cut -c1-150
$STJ --db "$T/db" state --municipality Leeuwarden
