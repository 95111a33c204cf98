# The municipality's progress note on a verbeterpunt: only on an
# indicator whose verdict is X (refused on a V) of a vastgesteld round
# (refused in wederhoor), rewritten, withdrawn, each a row of 'stj
# history' (field note). 'stj progress' from that round shows a note
# written so beside the status, as it shows a <voortgang> note of the
# later round's dossier (the note of 3.2.2 in the 2014 dossier below).
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c SOURCE_DATE_EPOCH=1370044800
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
A="Interventieteam Gezinnen"
n() { $STJ --db "$db" note --municipality leeuwarden --round 2013 --approach "$A" "$@"; echo "exit $?"; }
$STJ --db "$db" state --municipality Leeuwarden wederhoor --reason "Naar de gemeente" >/dev/null
n --indicator 5.2.1 --text "Gedaan" --who "Gemeente Leeuwarden"
$STJ --db "$db" state --municipality Leeuwarden vastgesteld --reason "Wederhoor verwerkt" >/dev/null
n --indicator 5.2.1 --text "De evaluatie is ingepland." --who "Gemeente Leeuwarden"
n --indicator 5.2.1 --text "De evaluatie is in maart 2014 gehouden." --who "J. Jansen"
n --indicator 5.3.1 --text "Weg" --who "J. Jansen"
n --indicator 5.3.1 --withdraw --who "J. Jansen"
n --indicator 1.1.1 --text "Niets te doen" --who "J. Jansen"
n --indicator 9.9.9 --text x
$STJ --db "$db" history --municipality Leeuwarden | grep -E '  note: '
$STJ --db "$db" round new --municipality Leeuwarden --round 2014 --from 2013 >/dev/null
$STJ --db "$db" import tests/fixtures/progress/leeuwarden-2014.csv \
    tests/fixtures/progress/leeuwarden-2014-dossier.xml >/dev/null
$STJ --db "$db" progress --municipality Leeuwarden --from 2013 --to 2014 |
    sed -n '/^Aanpak: Interventieteam/,/^Aanpak: /p' | grep -A1 -E '^  (3\.2\.2|5\.2\.1|5\.3\.1) '
$STJ --db "$db" progress --municipality Leeuwarden --from 2013 --to 2014 \
    -o "$T/p.pdf" >/dev/null
pdftotext -raw "$T/p.pdf" - | tr '\n' ' ' >"$T/p.txt"
grep -o 'Gemeente: De evaluatie is in maart 2014 gehouden.' "$T/p.txt"
grep -o 'Gemeente: In het convenant' "$T/p.txt" | sort -u
