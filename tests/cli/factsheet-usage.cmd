# Usage errors exit 2; an unknown municipality or round exits 1.
$STJ factsheet; echo "exit $?"
$STJ factsheet --municipality A --all -o x; echo "exit $?"
$STJ factsheet --all; echo "exit $?"
$STJ factsheet --municipality A --round 13; echo "exit $?"
$STJ --db "$T/db" import examples/leeuwarden-2013.csv >/dev/null
$STJ --db "$T/db" factsheet --municipality Utrecht -o "$T/u.pdf"; echo "exit $?"
$STJ --db "$T/db" factsheet --municipality Leeuwarden --round 2019 -o "$T/u.pdf"; echo "exit $?"
[ -e "$T/u.pdf" ] || echo "no file written"
