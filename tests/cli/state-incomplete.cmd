# An incomplete round is not vastgesteld: each gap is listed (an approach
# without the gemeente's answers, a partner of the dossier who did not
# answer, an approach nobody answered) until the reason names them all.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
o=examples/oosterhout-2013
$STJ --db "$db" import examples/oosterhout-2013-dossier.xml \
    $o/bemoeizorg-gemeente.xml $o/bemoeizorg-ggd-west-brabant.xml \
    $o/bemoeizorg-surplus.xml $o/gezinsmanagement-multivision.xml >/dev/null
s() { $STJ --db "$db" state --municipality Oosterhout "$@"; echo "exit $?"; }
s wederhoor --reason "Naar de gemeente"
s vastgesteld --reason "Klaar"
s vastgesteld --reason "Thebe Jeugdgezondheidszorg antwoordde niet"
s vastgesteld --reason "Thebe jeugdgezondheidszorg, GGD West-Brabant en Surplus welzijn antwoordden niet; aanpak gezinsmanagement zonder gemeente"
# A new round from it: nobody answered yet.
$STJ --db "$db" round new --municipality Oosterhout --round 2014 --from 2013 >/dev/null
s wederhoor --round 2014 --reason "Naar de gemeente"
s vastgesteld --round 2014 --reason "Klaar"
