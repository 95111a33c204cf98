# Merging consecutive indicators: one mark (X when any member is X), one
# finding under the last; refused across criteria or overlapping; logged;
# split again.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv >/dev/null
m() { $STJ --db "$db" merge --municipality Leeuwarden --round 2013 \
    --approach "Interventieteam Gezinnen" "$@"; echo "exit $?"; }
m --indicators 3.2.1-3.2.3 --reason "Eén bevinding in de factsheet"
$STJ --db "$db" verdicts --municipality Leeuwarden --format tsv | grep -P '^Interventieteam Gezinnen\t3\.2\.'
$STJ --db "$db" verdicts --municipality Leeuwarden | grep -E '^    3\.2\.' | cut -c1-30
m --indicators 3.1.7-3.2.1 --reason r
m --indicators 3.2.2-3.2.3 --reason r
m --indicators 3.2.3-3.2.1 --reason r
m --indicators 3.2.1-3.2.3 --unmerge --reason "Toch apart"
$STJ --db "$db" verdicts --municipality Leeuwarden --format tsv | grep -P '^Interventieteam Gezinnen\t3\.2\.'
$STJ --db "$db" history --municipality Leeuwarden | cut -c1-110
