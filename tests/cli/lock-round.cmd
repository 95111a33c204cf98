# "stj round new" never writes into a round that is vastgesteld: the round
# exists, so it is refused and nothing changes; a new round taken over
# from the vastgesteld one only reads it, and is made.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
s() { $STJ --db "$db" state --municipality Leeuwarden "$@" >/dev/null; }
s wederhoor --reason "Naar de gemeente"
s vastgesteld --reason "Wederhoor verwerkt"
$STJ --db "$db" status >"$T/before"
$STJ --db "$db" round new --municipality leeuwarden --round 2013
echo "exit $?"
$STJ --db "$db" status >"$T/after"
cmp "$T/before" "$T/after" && echo "status unchanged"
$STJ --db "$db" state --municipality Leeuwarden --round 2013 | sed -n 1p
$STJ --db "$db" round new --municipality Leeuwarden --round 2017 --from 2013
echo "exit $?"
$STJ --db "$db" state --municipality Leeuwarden --round 2017 | sed -n 1p
