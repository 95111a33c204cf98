# Overrides need a reason, a known approach and indicator, and something
# to change; a refused override changes nothing.
db="$T/db"
$STJ --db "$db" import tests/fixtures/import/good-excel.csv >/dev/null
$STJ --db "$db" override --municipality Amstelveld --round 2013 --approach Wijkaanpak --indicator 1.2.1 --verdict X
echo "exit $?"
$STJ --db "$db" override --municipality Amstelveld --round 2013 --approach Wijkaanpak --indicator 1.2.1 --verdict Y --reason r
echo "exit $?"
$STJ --db "$db" override --municipality Amstelveld --round 2013 --approach Wijkaanpak --indicator 9.9.9 --verdict X --reason r
echo "exit $?"
$STJ --db "$db" override --municipality Amstelveld --round 2013 --approach Stadsaanpak --indicator 1.2.1 --verdict X --reason r
echo "exit $?"
$STJ --db "$db" override --municipality Amstelveld --round 2013 --approach Wijkaanpak --indicator 1.2.1 --revert --reason r
echo "exit $?"
$STJ --db "$db" override --municipality Amstelveld --round 2013 --approach Wijkaanpak --indicator 1.2.1 --reason r
echo "exit $?"
sqlite3 "$db" "SELECT count(*) FROM override; SELECT count(*) FROM audit_log"
