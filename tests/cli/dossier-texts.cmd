# stj dossier: the round's context and an approach's description
# rewritten with a reason (line breaks kept), said in one line; the same
# text again changes nothing; 'stj history' shows old and new; the
# factsheet prints the new texts.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c SOURCE_DATE_EPOCH=1370044800
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
x() { $STJ --db "$db" dossier --municipality leeuwarden "$@"; echo "exit $?"; }
x --context "Leeuwarden telt ruim 95.000 inwoners.
Twee aanpakken voor GGSR." --reason "Cijfers bijgewerkt"
x --round 2013 --approach "interventieteam gezinnen" \
    --description "Het interventieteam gezinnen helpt zo'n 30 gezinnen." \
    --reason "Korter" --inspector "A. de Vries"
x --approach "Interventieteam Gezinnen" \
    --description "Het interventieteam gezinnen helpt zo'n 30 gezinnen." \
    --reason "Nog eens"
x --context "Leeuwarden telt ruim 95.000 inwoners (CBS 2012)." --reason "Bron erbij"
$STJ --db "$db" history --municipality Leeuwarden | cut -c1-120
$STJ --db "$db" factsheet --municipality Leeuwarden -o "$T/f.pdf" >/dev/null
pdftotext "$T/f.pdf" - | grep -E 'inwoners|30 gezinnen|12.600'
