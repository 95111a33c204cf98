# A respondent answers online, in two real browsers (headless Chromium,
# Selenium): the inspector invites Fier Fryslân (left out of the
# imported answers) on the Respons page; the respondent's own browser
# opens the link, answers, saves, submits; the Ronde page and "stj
# verdicts" show the answers; a toelichting that is markup stays text;
# the link is read-only afterwards; a revoked link shows its page.
# Screenshots in $T (doc/web-vragenlijst.png, doc/web-respons.png).
. tests/web/serve.sh
export STJ_TEST_NOW=2013-06-01T00:00:00Z
grep -v -e '^Leeuwarden;Interventieteam Gezinnen;2013;netwerkpartner;Fier' \
    -e '^Leeuwarden;Interventieteam Gezinnen;2013;netwerkpartner;Leger' \
    examples/leeuwarden-2013.csv >"$T/l.csv"
$STJ --db "$T/db" import "$T/l.csv" examples/leeuwarden-2013-dossier.xml \
    >/dev/null || exit 1
$STJ --db "$T/db" verdicts --municipality Leeuwarden --format tsv >"$T/before"
serve_start
/usr/bin/python3 tests/web/respond.py "$url" "$T"
echo "browser exit status $?"
serve_stop
echo "-- stj verdicts: what changed"
$STJ --db "$T/db" verdicts --municipality Leeuwarden --format tsv >"$T/after"
diff "$T/before" "$T/after"
echo "diff exit status $?"
