# The text view with drafted findings, toelichting and LET OP; an
# inspector's finding and LET OP replace the drafts.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
$STJ --db "$T/db" import tests/fixtures/import/good-excel.csv >/dev/null
$STJ --db "$T/db" override --municipality Amstelveld --round 2013 \
    --approach Wijkaanpak --indicator 1.1.2 \
    --finding "De gemeente kent de wijken en het aantal gezinnen." \
    --letop "Het aantal is een schatting." --reason "Uit het dossier"
$STJ --db "$T/db" verdicts --municipality Amstelveld --findings | sed -n '1,16p'
