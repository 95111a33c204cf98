# A Microsoft Forms export with natural question titles and "Toelichting
# bij vraag" columns: stj mapping --suggest writes a mapping to edit
# (metadata ignored with why, each column placed, guesses said, every
# answer text, constants as placeholders); with the constants filled in
# it imports as it is, every toelichting stored.
f=tests/fixtures/map/forms.csv
$STJ mapping --suggest $f -o "$T/m.txt"
cat "$T/m.txt"
sed -e 's/^# constant gemeente = $/constant gemeente = Bergdal/' \
    -e 's/^# constant aanpak = $/constant aanpak = Gezinscoach/' \
    -e 's/^# constant ronde = $/constant ronde = 2013/' \
    -e 's/^# constant rol = $/constant rol = Netwerkpartner/' \
    "$T/m.txt" >"$T/edited.txt"
$STJ --db "$T/db" import --dry-run --mapping "$T/edited.txt" $f |
    sed "s|$T/||"
$STJ --db "$T/db" import --mapping "$T/edited.txt" $f
sqlite3 "$T/db" "SELECT m.name, r.year, a.name, p.role, p.organisation,
  x.indicator, x.value, quote(x.toelichting) FROM answer x
  JOIN respondent p ON p.id = x.respondent_id
  JOIN approach a ON a.id = p.approach_id JOIN round r ON r.id = a.round_id
  JOIN municipality m ON m.id = r.municipality_id
  ORDER BY p.organisation, x.indicator"
