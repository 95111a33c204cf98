# The same Forms export saved as .xlsx (openpyxl, times as Excel dates):
# the suggestion and the import read it through the same mapping path.
/usr/bin/python3 tests/fixtures/map/make_xlsx.py tests/fixtures/map/forms.csv \
    "$T/forms.xlsx"
$STJ mapping --suggest "$T/forms.xlsx" >"$T/m.txt"
grep -c '^kolom\|^negeer' "$T/m.txt"
grep '^antwoord' "$T/m.txt"
sed -e 's/^# constant gemeente = $/constant gemeente = Bergdal/' \
    -e 's/^# constant aanpak = $/constant aanpak = Gezinscoach/' \
    -e 's/^# constant ronde = $/constant ronde = 2013/' \
    -e 's/^# constant rol = $/constant rol = netwerkpartner/' \
    "$T/m.txt" >"$T/edited.txt"
$STJ --db "$T/db" import --mapping "$T/edited.txt" "$T/forms.xlsx" |
    sed "s|$T/||"
sqlite3 "$T/db" "SELECT p.organisation, x.indicator, x.value,
  quote(x.toelichting) FROM answer x JOIN respondent p ON p.id = x.respondent_id
  ORDER BY p.organisation, x.indicator"
