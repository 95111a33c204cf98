# round new: empty, or from the previous round; an existing round, a
# missing previous one or an unknown framework is refused (exit 1), and
# nothing is written.
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null
$STJ --db "$T/db" round new --municipality Leeuwarden --round 2015
$STJ --db "$T/db" round new --municipality Leeuwarden --round 2013 --from 2015; echo "exit $?"
$STJ --db "$T/db" round new --municipality Leeuwarden --round 2016 --from 2012; echo "exit $?"
$STJ --db "$T/db" round new --municipality Leeuwarden --round 2016 --framework stj-ggsr@1999; echo "exit $?"
$STJ --db "$T/db" round new --municipality Leeuwarden; echo "exit $?"
$STJ --db "$T/db" round old; echo "exit $?"
$STJ --db "$T/db" status --municipality Leeuwarden | grep '^Leeuwarden'
