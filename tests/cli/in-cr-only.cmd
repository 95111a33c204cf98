# CR-only line endings (old Mac, some exporters): the delimiter is guessed
# from the first record, not from the whole file, whose toelichting
# (unquoted: the delimiter is ";") holds more commas than the file has
# semicolons; a CR inside a quoted cell is a line break and a line.
hdr='gemeente;aanpak;ronde;rol;organisatie;1.1.1 Alle netwerkpartners;1.1.1 toelichting'
printf '%s\rUtrecht;Wijkaanpak;2013;gemeente;Gemeente Utrecht;ja;Ja, wel, maar, niet, altijd, overal, en, niet, door, iedereen, want, er, is, geen, geld, en, geen, tijd, en, geen, mensen, om, het, te, doen\rUtrecht;Wijkaanpak;2013;netwerkpartner;GGD;nee;"Eerste regel,\rtweede regel"\r' "$hdr" >"$T/cr.csv"
$STJ --db "$T/db" import "$T/cr.csv"
sqlite3 "$T/db" "SELECT p.organisation, x.value, quote(x.toelichting), p.source
  FROM answer x JOIN respondent p ON p.id = x.respondent_id ORDER BY p.id" | sed "s|$T/||"
printf '%s\rA;B;2013;gemeente;G;ja;"x,\ry,\rz"\rA;B;2013;netwerkpartner;P;zeker;\r' "$hdr" >"$T/bad.csv"
$STJ --db "$T/db" import "$T/bad.csv" >"$T/out" 2>&1
echo "exit $?"
sed "s|$T/||" "$T/out"
