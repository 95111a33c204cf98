# stj dossier refuses: usage errors (no text, both texts, --context with
# --approach, --description without one, no reason, a reason with a line
# break), an empty text, an unknown approach or municipality, and any
# change while the round is vastgesteld (until it is reopened). Nothing
# refused is in the audit log.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
x() { $STJ --db "$db" dossier "$@"; echo "exit $?"; }
A="Interventieteam Gezinnen"
x --municipality Leeuwarden --reason r
x --municipality Leeuwarden --context a --description b --approach "$A" --reason r
x --municipality Leeuwarden --context a --approach "$A" --reason r
x --municipality Leeuwarden --description b --reason r
x --municipality Leeuwarden --context a
x --municipality Leeuwarden --context a --reason "twee
regels"
x --municipality Leeuwarden --context " " --reason r
x --municipality Leeuwarden --approach Wijkteam --description b --reason r
x --municipality Nergenshuizen --context a --reason r
$STJ --db "$db" state --municipality Leeuwarden wederhoor --reason "Naar de gemeente" >/dev/null
$STJ --db "$db" state --municipality Leeuwarden vastgesteld --reason "Klaar" >/dev/null
x --municipality Leeuwarden --context "Nieuw." --reason "Te laat"
x --municipality Leeuwarden --approach "$A" --description "Nieuw." --reason "Te laat"
$STJ --db "$db" history --municipality Leeuwarden | grep -vc '  state: '
$STJ --db "$db" state --municipality Leeuwarden wederhoor --reason "Heropend" >/dev/null
x --municipality Leeuwarden --context "Nieuw." --reason "Na heropenen"
$STJ --db "$db" history --municipality Leeuwarden | grep -v '  state: ' | cut -c1-120
