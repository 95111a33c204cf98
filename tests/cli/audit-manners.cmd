# override, merge and conclusion default to the latest round, as verdicts
# does, and each says in one line what it changed; --verdict takes √, v
# and x as well as V and X.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv >/dev/null
$STJ --db "$db" round new --municipality Leeuwarden --round 2014 \
    --from 2013 >/dev/null
$STJ --db "$db" import tests/fixtures/progress/leeuwarden-2014.csv >/dev/null
o() { $STJ --db "$db" override --municipality Leeuwarden \
    --approach "Interventieteam Gezinnen" "$@"; echo "exit $?"; }
o --indicator 1.2.1 --verdict √ --finding "Geregeld." --reason "Werkplan regelt de aanmelding"
o --indicator 1.1.1 --verdict x --finding "Verschilt." --letop "Omschrijving verschilt" --reason "Dossier"
o --indicator 1.1.1 --verdict v --reason "Toch voldaan"
o --indicator 1.1.1 --verdict v --reason "Nogmaals"
o --indicator 1.1.1 --revert --reason "Terug"
o --indicator 1.1.1 --verdict y --reason r
$STJ --db "$db" merge --municipality Leeuwarden \
    --approach "Interventieteam Gezinnen" --indicators 3.2.1-3.2.3 \
    --reason "Eén bevinding"
$STJ --db "$db" conclusion --municipality Leeuwarden \
    --approach "Interventieteam Gezinnen" --theme Samenwerking \
    --beter "Afspraken ontbreken." --reason "Uit het gesprek"
$STJ --db "$db" verdicts --municipality Leeuwarden --format tsv |
    grep -P '^Interventieteam Gezinnen\t1\.(1\.1|2\.1)\t'
$STJ --db "$db" history --municipality Leeuwarden --round 2013 | wc -l
$STJ --db "$db" history --municipality Leeuwarden | cut -c 23-100
