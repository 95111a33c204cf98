# Step 10 from end to end in real browsers (tests/web/donewhen.py): on
# the demo data with one beheerder, accounts made on Beheer, a new
# approach with its partners, four respondents answering online, review,
# wederhoor with the gemeente's reaction, vastgesteld, and a year later
# the gemeente's progress note, which 'stj progress' then shows.
. tests/web/serve.sh
. tests/web/accounts.sh
export STJ_TEST_NOW=2013-06-01T00:00:00Z
$STJ --db "$T/db" import examples/leeuwarden-2013.csv examples/oosterhout-2013/*.xml \
    examples/leeuwarden-2013-dossier.xml examples/oosterhout-2013-dossier.xml >/dev/null || exit 1
$STJ --db "$T/db" override --file examples/overrides-2013.tsv \
    --inspector "STJ inspecteur" >/dev/null || exit 1
echo "$PW" | $STJ --db "$T/db" user add beheer --role beheerder >/dev/null || exit 1
serve_start
/usr/bin/python3 tests/web/donewhen.py "$base" "$T" "$PW"
echo "browser exit status $?"
serve_stop
echo "-- the round as stored"
$STJ --db "$T/db" status --municipality Leeuwarden | sed -n '/Wijkteam Plus/,$p'
$STJ --db "$T/db" history --municipality Leeuwarden | cut -d' ' -f3- |
    grep -E '^(ines|gemeente-lw) '
$STJ --db "$T/db" round new --municipality Leeuwarden --round 2014 --from 2013 >/dev/null
$STJ --db "$T/db" progress --municipality Leeuwarden --from 2013 --to 2014 |
    grep -B1 'Gemeente:'
