# A vastgesteld round refuses every change (override, merge, conclusion)
# with the state and how to reopen it; reopened with a reason, they work.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
s() { $STJ --db "$db" state --municipality Leeuwarden "$@"; echo "exit $?"; }
changes() {
	$STJ --db "$db" override --municipality Leeuwarden \
	    --approach "Interventieteam Gezinnen" --indicator 1.1.1 \
	    --verdict X --finding "Geen visie." --reason "Geen visie vastgelegd"
	echo "exit $?"
	$STJ --db "$db" merge --municipality Leeuwarden \
	    --approach "Interventieteam Gezinnen" --indicators 3.2.1-3.2.3 \
	    --reason "Eén bevinding"
	echo "exit $?"
	$STJ --db "$db" conclusion --municipality Leeuwarden \
	    --approach "Interventieteam Gezinnen" --theme 1 --goed "Goed." \
	    --reason "Conclusie"
	echo "exit $?"
}
s wederhoor --reason "Naar de gemeente"
s vastgesteld --reason "Wederhoor verwerkt"
changes
$STJ --db "$db" history --municipality Leeuwarden | grep -vc '  state: '
s wederhoor --reason "Gemeente reageerde alsnog"
changes
