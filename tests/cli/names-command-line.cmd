# D11 on the command line: a name matches whatever its case, Unicode form,
# white space or apostrophe (' for ’); an unknown name gets the closest
# stored one (accents aside) as "did you mean"; "has no round" only for a
# municipality that exists.
cat > "$T/d.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<dossier gemeente="Súdwest-Fryslân" ronde="2013" kader="stj-ggsr" versie="2013">
  <context><p>Súdwest-Fryslân telt ruim 80.000 inwoners.</p></context>
  <aanpak naam="Bemoeizorg ’t Súdwesthûs">
    <beschrijving><p>Bemoeizorg.</p></beschrijving>
  </aanpak>
  <aanpak naam="Wijkaanpak">
    <beschrijving><p>Wijkteams.</p></beschrijving>
  </aanpak>
</dossier>
XML
printf '%s\n' 'gemeente;aanpak;ronde;rol;organisatie;1.1.1' \
    'Súdwest-Fryslân;Bemoeizorg ’t Súdwesthûs;2013;gemeente;Gemeente Súdwest-Fryslân;ja' \
    'Súdwest-Fryslân;Wijkaanpak;2013;gemeente;Gemeente Súdwest-Fryslân;nee' > "$T/a.csv"
$STJ --db "$T/db" import "$T/d.xml" "$T/a.csv" >/dev/null
$STJ --db "$T/db" status --municipality 'SÚDWEST-FRYSLÂN '
$STJ --db "$T/db" override --municipality 'súdwest-fryslân' --round 2013 \
    --approach "Bemoeizorg 't Súdwesthûs" --indicator 1.1.1 --verdict X \
    --finding 'Er is geen gedeelde omschrijving.' \
    --reason 'Geen gedeelde omschrijving' --inspector T >/dev/null
$STJ --db "$T/db" history --municipality "$(printf 'Su\314\201dwest-Frysla\314\202n')" | cut -c 22-
$STJ --db "$T/db" verdicts --municipality súdwest-fryslân --format tsv |
    awk -F '\t' '$2 == "1.1.1"'
$STJ --db "$T/db" conclusion --municipality Súdwest-Fryslân --round 2013 \
    --approach WIJKAANPAK --theme 1 --goed 'Een gedeelde omschrijving.' \
    --reason test >/dev/null
$STJ --db "$T/db" conclusions --municipality súdwest-fryslân | grep -A2 'Aanpak: Wijk'
echo "-- unknown names"
$STJ --db "$T/db" verdicts --municipality Sudwest-Fryslan --round 2025
$STJ --db "$T/db" verdicts --municipality Súdwest-Fryslân --round 2025
$STJ --db "$T/db" status --municipality Zwolle
$STJ --db "$T/db" factsheet --municipality 'Sudwest Fryslan' -o "$T/f.pdf"
$STJ --db "$T/db" merge --municipality Súdwest-Fryslân --round 2013 \
    --approach Bemoeizorg --indicators 3.1.4-3.1.7 --reason test
$STJ --db "$T/db" override --municipality Súdwest-Fryslân --round 2013 \
    --approach Wijkteam --indicator 1.1.1 --verdict X --finding test \
    --reason test
$STJ --db "$T/db" round new --municipality Sudwest-Fryslan --round 2014 \
    --from 2013
$STJ --db "$T/db" round new --municipality súdwest-fryslân --round 2014 \
    --from 2013
echo "exit $?"
