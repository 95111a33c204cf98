# A dossier declaring ISO-8859-1 and a response declaring windows-1252
# that hold UTF-8 are read as the UTF-8 they are: 'Súdwest-Fryslân', not
# 'SÃºdwest-FryslÃ¢n' (decoded twice). A real Latin-1 file is refused.
cat >"$T/dossier.xml" <<'X'
<?xml version="1.0" encoding="ISO-8859-1"?>
<dossier gemeente="Súdwest-Fryslân" ronde="2013" kader="stj-ggsr" versie="2013">
  <context><p>Gemeente in Fryslân.</p></context>
  <aanpak naam="Bemoeizorg 't Súdwesthûs">
    <beschrijving><p>Outreachend.</p></beschrijving>
    <netwerkpartner>Fier Fryslân</netwerkpartner>
  </aanpak>
</dossier>
X
cat >"$T/response.xml" <<'X'
<?xml version="1.0" encoding="windows-1252"?>
<antwoorden kader="stj-ggsr" versie="2013">
  <gemeente>Súdwest-Fryslân</gemeente>
  <aanpak>Bemoeizorg 't Súdwesthûs</aanpak>
  <ronde>2013</ronde>
  <rol>netwerkpartner</rol>
  <organisatie>Fier Fryslân</organisatie>
  <antwoord indicator="1.1.1" waarde="ja"><toelichting>Één omschrijving.</toelichting></antwoord>
</antwoorden>
X
$STJ --db "$T/db" import "$T/dossier.xml" "$T/response.xml"
sqlite3 "$T/db" "SELECT name FROM municipality; SELECT name FROM approach;
  SELECT organisation FROM approach_partner; SELECT organisation FROM respondent;
  SELECT toelichting FROM answer"
printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<dossier gemeente="S\372dwest" ronde="2013" kader="stj-ggsr" versie="2013"/>\n' >"$T/latin1.xml"
$STJ --db "$T/db" import "$T/latin1.xml" >"$T/out" 2>&1
echo "exit $?"
sed "s|$T/||" "$T/out"
