# An override with its reason, kept through a re-import, flagged when the
# answers under it change, reverted, and every step in the audit log.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import tests/fixtures/import/good-excel.csv >/dev/null
$STJ --db "$db" verdicts --municipality Amstelveld --format tsv | grep -P '\t1\.2\.1\t'
$STJ --db "$db" override --municipality Amstelveld --round 2013 \
    --approach Wijkaanpak --indicator 1.2.1 --verdict V \
    --finding "Het werkplan regelt de aanmelding." \
    --letop "De aanmeldpunten zijn niet bij alle partners bekend." \
    --reason "Het werkplan regelt de aanmelding" --inspector "inspecteur B"
$STJ --db "$db" verdicts --municipality Amstelveld --format tsv | grep -P '\t1\.2\.1\t'
# The gemeente now answers ja: the override stays, flagged.
sed 's/;ja;nee;"Eerste/;ja;ja;"Eerste/' tests/fixtures/import/good-excel.csv >"$T/v2.csv"
$STJ --db "$db" import --replace "$T/v2.csv" >/dev/null
$STJ --db "$db" verdicts --municipality Amstelveld | grep '1\.2\.1'
$STJ --db "$db" override --municipality Amstelveld --round 2013 \
    --approach Wijkaanpak --indicator 1.2.1 --no-letop --reason "Opgelost"
$STJ --db "$db" override --municipality Amstelveld --round 2013 \
    --approach Wijkaanpak --indicator 1.2.1 --revert --reason "Terug naar voorstel"
$STJ --db "$db" verdicts --municipality Amstelveld --format tsv | grep -P '\t1\.2\.1\t'
$STJ --db "$db" history --municipality Amstelveld --round 2013
sqlite3 "$db" "SELECT count(*) FROM override; SELECT count(*) FROM audit_log"
