# Drafted conclusions per theme; the inspector rewrites one (logged),
# then reverts it to the draft.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
$STJ --db "$T/db" import examples/leeuwarden-2013.csv >/dev/null
$STJ --db "$T/db" override --file examples/overrides-2013.tsv >/dev/null 2>&1
$STJ --db "$T/db" conclusions --municipality Leeuwarden | sed -n '/^Aanpak: Voorwaardelijke/,$p' | sed -n '/Samenwerking/,/Continu/p'
$STJ --db "$T/db" conclusion --municipality Leeuwarden --round 2013 \
    --approach "Voorwaardelijke Interventie Gezinnen" --theme Samenwerking \
    --goed "Als de zorg op casusniveau stagneert zijn de benodigde opschalingsmogelijkheden geregeld." \
    --reason "Conclusie uit de factsheet"
$STJ --db "$T/db" conclusions --municipality Leeuwarden --round 2013 | sed -n '/^Aanpak: Voorwaardelijke/,$p' | sed -n '/Samenwerking/,/Continu/p'
$STJ --db "$T/db" conclusion --municipality Leeuwarden --round 2013 \
    --approach "Voorwaardelijke Interventie Gezinnen" --theme 4 --revert --reason "Terug"
$STJ --db "$T/db" history --municipality Leeuwarden | tail -2 | cut -c1-120
$STJ --db "$T/db" conclusion --municipality Leeuwarden --round 2013 \
    --approach "Voorwaardelijke Interventie Gezinnen" --theme 4 --goed x
echo "exit $?"
$STJ --db "$T/db" conclusion --municipality Leeuwarden --round 2013 \
    --approach "Voorwaardelijke Interventie Gezinnen" --theme 9 --goed x --reason r
echo "exit $?"
