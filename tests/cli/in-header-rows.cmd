# Extra header rows are known by what they are, not where they are: a
# one-row CSV whose respondent has rol "Gemeente" and ronde "2013 " is a
# respondent (it was taken for Qualtrics's second header row: "stored 0
# respondents"); Qualtrics's question-text and ImportId rows are skipped;
# a row under the header that is neither is reported, not dropped.
hdr='gemeente,aanpak,ronde,rol,organisatie,1.1.1 Alle netwerkpartners,1.1.1 toelichting'
printf '%s\nUtrecht,Wijkaanpak,2013 ,Gemeente,Gemeente Utrecht,ja,\n' "$hdr" >"$T/one.csv"
$STJ --db "$T/db" import "$T/one.csv"
sqlite3 "$T/db" "SELECT role, organisation FROM respondent"
$STJ --db "$T/db2" import tests/fixtures/import/qualtrics.csv
printf '%s\nGemeente,Aanpak,Ronde (jaar),Rol,Organisatie,ja,Toelichting\n' "$hdr" >"$T/label.csv"
$STJ --db "$T/db3" import "$T/label.csv" >"$T/out" 2>&1
echo "exit $?"
sed "s|$T/||" "$T/out"
