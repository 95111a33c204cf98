# Hoor en wederhoor: the municipality's reaction to a finding is written
# only while the round is in wederhoor (refused in concept and in
# vastgesteld), rewritten, the same text again changes nothing, withdrawn
# (--withdraw or an empty text; nothing to withdraw is refused), an
# indicator of a merged group is taken for the group, an unknown group
# refused; each change is a row of 'stj history' (field reaction), as "NAME
# namens gemeente" (step 10: the command acts as the municipality; in
# concept the round is not there for it). A
# command line carries no version: there is nothing to be stale against.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
A="Interventieteam Gezinnen"
r() { $STJ --db "$db" reaction --municipality leeuwarden --approach "$A" "$@"; echo "exit $?"; }
r --indicator 3.2.2 --text "Te vroeg" --who "Gemeente Leeuwarden"
$STJ --db "$db" merge --municipality Leeuwarden --approach "$A" \
    --indicators 4.2.1-4.2.3 --reason "Een bevinding" >/dev/null
$STJ --db "$db" state --municipality Leeuwarden wederhoor --reason "Naar de gemeente" >/dev/null
r --indicator 3.2.2 --text "Wij herkennen dit niet: zie het convenant." --who "Gemeente Leeuwarden"
r --indicator 3.2.2 --text "Wij herkennen dit niet: zie het convenant." --who "Gemeente Leeuwarden"
r --indicator 3.2.2 --text "Wij herkennen dit niet.
Zie het convenant van 2012." --who "J. Jansen"
r --indicator 4.2.2 --text "Politie tekent in juni." --who "J. Jansen"
r --indicator 4.2.1-4.2.3 --text "Politie en onderwijs tekenen in juni." --who "J. Jansen"
r --indicator 4.2.1-4.2.2 --text x
r --indicator 9.9.9 --text x
r --indicator 1.1.1 --withdraw
r --indicator 1.1.1 --text "Dank" --who "J. Jansen"
r --indicator 1.1.1 --text "  " --who "J. Jansen"
r --indicator 1.1.1 --withdraw
r --indicator 3.2.2
r --indicator 3.2.2 --text x --withdraw
r --indicator 3.2.2 --text "$(printf 'a\033b')"
$STJ --db "$db" state --municipality Leeuwarden vastgesteld --reason "Wederhoor verwerkt" >/dev/null
r --indicator 3.2.2 --text "Te laat" --who "Gemeente Leeuwarden"
$STJ --db "$db" history --municipality Leeuwarden | grep -E '  (reaction|state): '
