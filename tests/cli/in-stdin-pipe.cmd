# "stj import -" reads standard input and a pipe reads like a file, CSV
# and XML (the readers rewound after reading ahead, which a pipe cannot);
# messages name standard input "<stdin>"; "-" twice is a usage error.
hdr='gemeente,aanpak,ronde,rol,organisatie,1.1.1 Alle netwerkpartners,1.1.1 toelichting'
printf '%s\nUtrecht,Wijkaanpak,2013,gemeente,Gemeente Utrecht,ja,Via stdin\n' "$hdr" >"$T/a.csv"
cat examples/leeuwarden-2013.csv | $STJ --db "$T/db" import -
cat tests/fixtures/import/response-partner.xml | $STJ --db "$T/db" import /dev/stdin
cat tests/fixtures/import/dossier.xml | $STJ --db "$T/db" import --dry-run - "$T/a.csv" | sed "s|$T/||"
sqlite3 "$T/db" "SELECT substr(source, 1, instr(source, ':')), count(*) FROM respondent GROUP BY 1 ORDER BY 1"
printf '%s\nUtrecht,Wijkaanpak,2013,gemeente,G,ja,\nUtrecht,Wijkaanpak,2013,netwerkpartner,P,jawel,\n' "$hdr" |
    $STJ --db "$T/db" import -
echo "exit $?"
$STJ --db "$T/db" import - - </dev/null
echo "exit $?"
