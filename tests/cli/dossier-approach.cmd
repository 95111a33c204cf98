# stj dossier --add-approach: a new approach in the round's dossier, last,
# with its description and partners, audited; it can be invited at once.
# Refused: a name an approach of the round already has (in any spelling),
# a fourth partner, no reason, a round that does not exist, a vastgesteld
# round; nothing is changed then.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
x() { $STJ --db "$db" dossier --municipality leeuwarden "$@"; echo "exit $?"; }
x --add-approach "Wijkteam Plus" --description "Een wijkteam voor
de zwaarste gezinnen." --partner "GGD Fryslân" --partner "Veilig Thuis" \
    --partner "MEE Friesland" --reason "Nieuwe aanpak sinds 2013"
x --add-approach "wijkteam  PLUS" --reason "Nog eens"
x --add-approach "Vier" --partner a --partner b --partner c --partner d --reason r
x --add-approach "Vier" --partner a --partner b --partner c --partner d \
    --partner e --reason r
x --add-approach "Zonder reden"
x --round 2014 --add-approach "Later" --reason r
x --add-approach "Ook" --context "x" --reason r
x --approach "Interventieteam Gezinnen" --partner "GGD" --description x --reason r
$STJ --db "$db" status --municipality Leeuwarden | sed -n '/Wijkteam/,$p'
$STJ --db "$db" history --municipality Leeuwarden
$STJ --db "$db" invite --municipality Leeuwarden --approach "wijkteam plus" \
    --role netwerkpartner --organisation "Veilig Thuis" | sed 's/[A-Za-z0-9_-]\{43\}/TOKEN/'
$STJ --db "$db" state --municipality Leeuwarden wederhoor --reason w >/dev/null
$STJ --db "$db" state --municipality Leeuwarden vastgesteld --reason "v: Wijkteam Plus, GGD Fryslân, Veilig Thuis, MEE Friesland" 2>&1
x --add-approach "Te laat" --reason r
$STJ --db "$db" status --municipality Leeuwarden | grep -c "Te laat"; true
