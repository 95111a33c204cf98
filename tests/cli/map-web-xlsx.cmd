# The web's Importeren offers .xlsx in its file chooser and reads an .xlsx
# upload (openpyxl's) through the same path as "stj import": the dry run
# page lists its respondents.
. tests/web/serve.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
$STJ --db "$T/db" import examples/zuiderhaven-2014.csv >/dev/null || exit 1
serve_start
/usr/bin/python3 tests/fixtures/xlsx/make.py export "$T/export.xlsx"
curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
c="Cookie: sid=$sid"
curl -s -H "$c" "$base/importeren" >"$T/page.html"
grep -o 'accept="[^"]*"' "$T/page.html"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page.html" | head -1)
curl -s -H "$c" -F csrf="$csrf" -F "bestand=@$T/export.xlsx" \
    "$base/importeren" >"$T/dry.html"
grep -o '[^>]*vragen beantwoord[^<]*' "$T/dry.html"
grep -c 'export.xlsx:[0-9]' "$T/dry.html"
serve_stop
