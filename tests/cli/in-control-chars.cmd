# Names with control characters (ESC, BEL, tab, line break, DEL, C1) are
# refused at import with file:line, CSV, response XML and dossier; a
# toelichting keeps line breaks and tabs but no other control character.
# Messages name the code point, never echo the character.
hdr='gemeente,aanpak,ronde,rol,organisatie,1.1.1 Alle netwerkpartners,1.1.1 toelichting'
{
	echo "$hdr"
	printf 'Utrecht\033]52;c;aGk=\007,Wijkaanpak,2013,gemeente,Gemeente Utrecht,ja,\n'
	printf 'Utrecht,"Wijk\naanpak",2013,netwerkpartner,GGD,ja,\n'
	printf 'Utrecht,Wijkaanpak,2013,netwerkpartner,"Politie\tMidden",ja,\n'
	printf 'Utrecht,Wijkaanpak,2013,netwerkpartner,Leger\302\205des Heils,ja,\n'
	printf 'Utrecht,Wijkaanpak,2014,netwerkpartner,Fier\177,ja,\n'
	printf 'Utrecht,Wijkaanpak,2015,netwerkpartner,Fier,ja,"bel\007"\n'
} >"$T/bad.csv"
printf '%s\nUtrecht,Wijkaanpak,2013,gemeente,Gemeente Utrecht,ja,"Twee\nregels\tmet tab"\n' "$hdr" >"$T/good.csv"
cat >"$T/response.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<antwoorden kader="stj-ggsr" versie="2013">
  <gemeente>Utrecht</gemeente>
  <aanpak>Wijkaanpak</aanpak>
  <ronde>2013</ronde>
  <rol>netwerkpartner</rol>
  <organisatie>GGD&#x9b;31m</organisatie>
  <antwoord indicator="1.1.1" waarde="ja">
    <toelichting>Regel&#x85;regel</toelichting>
  </antwoord>
</antwoorden>
X
cat >"$T/dossier.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<dossier gemeente="Utrecht&#x7f;" ronde="2013" kader="stj-ggsr" versie="2013">
  <context><p>Context&#x80;</p></context>
  <aanpak naam="Wijk&#x9d;aanpak">
    <beschrijving><p>Een wijkteam.</p></beschrijving>
    <netwerkpartner>GGD&#x90;</netwerkpartner>
  </aanpak>
</dossier>
X
$STJ --db "$T/db" import "$T/bad.csv" "$T/response.xml" "$T/dossier.xml" >"$T/out" 2>&1
echo "exit $?"
sed "s|$T/||" "$T/out"
$STJ --db "$T/db" import "$T/good.csv"
sqlite3 "$T/db" "SELECT quote(toelichting) FROM answer"
