# Review states: concept -> wederhoor -> vastgesteld, each with a reason,
# back to an earlier state to reopen; concept -> vastgesteld directly, the
# same state again and an unknown one refused; without STATE the state and
# its history; the changes are in 'stj history' too.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
s() { $STJ --db "$db" state --municipality leeuwarden "$@"; echo "exit $?"; }
s
s vastgesteld --reason "Te vroeg"
s wederhoor --reason "Naar de gemeente voor wederhoor" --inspector "A. de Vries"
s wederhoor --reason "Nog eens"
s vastgesteld --reason "Wederhoor verwerkt"
s concept --reason "Reactie gemeente alsnog verwerken"
s wederhoor --reason "Opnieuw naar de gemeente"
s vastgesteld --round 2013 --reason "Definitief"
s klaar --reason x
s concept
s --reason x
s
$STJ --db "$db" history --municipality Leeuwarden | grep '  state: '
