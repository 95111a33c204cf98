# UTF-16 with a byte-order mark (Excel's "Unicode text") is converted and
# imported, CSV and XML, with the file's line numbers in messages; without
# a BOM it is named as UTF-16, not "NUL byte" or "stray quote". A UTF-8
# BOM still works.
hdr='gemeente,aanpak,ronde,rol,organisatie,1.1.1 Alle netwerkpartners,1.1.1 toelichting'
printf '%s\r\nUtrecht,Wijkaanpak,2013,gemeente,Gemeente Utrecht,ja,"Eén\r\nregel"\r\n' "$hdr" >"$T/u8.csv"
iconv -f UTF-8 -t UTF-16 "$T/u8.csv" >"$T/u16.csv"
iconv -f UTF-8 -t UTF-16BE "$T/u8.csv" | { printf '\376\377'; cat; } >"$T/u16be.csv"
iconv -f UTF-8 -t UTF-16LE "$T/u8.csv" >"$T/u16-nobom.csv"
cat >"$T/u8.xml" <<'X'
<?xml version="1.0" encoding="UTF-16"?>
<antwoorden kader="stj-ggsr" versie="2013">
  <gemeente>Utrecht</gemeente>
  <aanpak>Wijkaanpak</aanpak>
  <ronde>2013</ronde>
  <rol>netwerkpartner</rol>
  <organisatie>GGD Regio Utrecht</organisatie>
  <antwoord indicator="1.1.1" waarde="nee"><toelichting>Géén.</toelichting></antwoord>
</antwoorden>
X
iconv -f UTF-8 -t UTF-16 "$T/u8.xml" >"$T/u16.xml"
iconv -f UTF-8 -t UTF-16LE "$T/u8.xml" >"$T/u16-nobom.xml"
printf '%s\nUtrecht,Wijkaanpak,2013,gemeente,G,ja,\nUtrecht,Wijkaanpak,2013,netwerkpartner,P,misschien,\n' "$hdr" |
    iconv -f UTF-8 -t UTF-16 >"$T/u16-bad.csv"
{ printf '\357\273\277'; cat "$T/u8.csv"; } >"$T/bom8.csv"
{ printf '\357\273\277'; sed 's/UTF-16/UTF-8/; s/GGD Regio Utrecht/GGD/' "$T/u8.xml"; } >"$T/bom8.xml"
for f in u16.csv u16.xml; do
	$STJ --db "$T/db" import "$T/$f"
done
$STJ --db "$T/db2" import --dry-run "$T/u16be.csv" | tail -1
sqlite3 "$T/db" "SELECT p.organisation, x.indicator, x.value, quote(x.toelichting)
  FROM answer x JOIN respondent p ON p.id = x.respondent_id ORDER BY p.id"
for f in u16-nobom.csv u16-nobom.xml u16-bad.csv; do
	$STJ --db "$T/db4" import "$T/$f" >"$T/out" 2>&1
	echo "exit $?"
	sed "s|$T/||" "$T/out"
done
$STJ --db "$T/db3" import "$T/bom8.csv" "$T/bom8.xml"
