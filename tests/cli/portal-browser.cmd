# The municipality's portal in a real browser (headless Chromium,
# Selenium): the gemeente of Leeuwarden logs in, sees its round in
# wederhoor in the Overzicht with Wederhoor and Factsheet, opens
# Wederhoor, writes a reaction under a finding and sees it there (markup
# in it as text); the inspector's history names the reaction. Screenshots
# in $T.
. tests/web/serve.sh
. tests/web/accounts.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
accounts_db
$STJ --db "$T/db" state --municipality Leeuwarden wederhoor \
    --reason "Naar de gemeente" >/dev/null
serve_start
/usr/bin/python3 tests/web/portal.py "$base" gemeente-lw "$PW" "$T"
echo "browser exit status $?"
serve_stop
$STJ --db "$T/db" history --municipality Leeuwarden | grep '  reaction: ' | cut -d' ' -f 3-
