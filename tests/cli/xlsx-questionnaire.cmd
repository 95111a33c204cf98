# stj questionnaire --format xlsx, as openpyxl reads it: one sheet
# Vragenlijst, protected; the wording locked, only the cells to fill
# unlocked ([in]): C for gemeente/aanpak/ronde/organisatie and each
# answer, D where a toelichting is asked; a drop-down of the scale per
# answer, a whole number 2000-2100 for the ronde.
$STJ questionnaire --role gemeente --format xlsx -o "$T/g.xlsx" | sed "s|$T/||"
/usr/bin/python3 tests/fixtures/xlsx/show.py "$T/g.xlsx"
# Written atomically: a failure leaves what was there.
echo old > "$T/keep.xlsx"
$STJ questionnaire --role gemeente --format xlsx -o "$T/keep.xlsx" \
    --framework nosuch 2>&1
cat "$T/keep.xlsx"
