# Only a header that is the toelichting column's name ("ID toelichting",
# any case, after ".", " ", "_", "-" or ":") makes one: a question that
# asks to "licht toe in de toelichting" is an answer column and its "nee"
# an answer. "ID toelichting ..." with more text is an error naming it.
printf '%s\n%s\n' \
    'gemeente,aanpak,ronde,rol,organisatie,1.1.1 Hanteert u een omschrijving? (licht toe in de toelichting),1.1.1. Toelichting,1.2.1_TOELICHTING,1.2.1' \
    'Utrecht,Wijkaanpak,2013,gemeente,Gemeente Utrecht,nee,Geen omschrijving,Bij het loket,ja' >"$T/q.csv"
$STJ --db "$T/db" import "$T/q.csv"
sqlite3 "$T/db" "SELECT indicator, value, quote(toelichting) FROM answer ORDER BY indicator"
printf '%s\n%s\n' \
    'gemeente,aanpak,ronde,rol,organisatie,1.1.1 Alle netwerkpartners,1.1.1 Toelichting bij de vraag' \
    'Utrecht,Wijkaanpak,2013,gemeente,G,ja,Tekst' >"$T/amb.csv"
$STJ --db "$T/db2" import "$T/amb.csv" >"$T/out" 2>&1
echo "exit $?"
sed "s|$T/||" "$T/out"
