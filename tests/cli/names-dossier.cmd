# D11: when the round has a dossier (stored before the answers or in the
# same import, in either order), answers for an approach or a
# netwerkpartner it does not name are refused at their line, with the
# dossier's names; other spellings of a named one are taken for it
# ("'t" for "’t"). An approach without partners in the dossier takes any.
# stj with the scratch directory in its messages shown as $T.
run() { $STJ "$@" 2>"$T/run.err"; rc=$?; sed "s|$T|\$T|g" "$T/run.err" >&2; return $rc; }
cat > "$T/d.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<dossier gemeente="Súdwest-Fryslân" ronde="2013" kader="stj-ggsr" versie="2013">
  <context><p>Súdwest-Fryslân telt ruim 80.000 inwoners.</p></context>
  <aanpak naam="Bemoeizorg ’t Súdwesthûs">
    <beschrijving><p>Bemoeizorg.</p></beschrijving>
    <netwerkpartner>GGD Fryslân</netwerkpartner>
    <netwerkpartner>Kearn</netwerkpartner>
  </aanpak>
  <aanpak naam="Wijkaanpak">
    <beschrijving><p>Wijkteams.</p></beschrijving>
  </aanpak>
</dossier>
XML
printf '%s\n' 'gemeente;aanpak;ronde;rol;organisatie;1.1.1' \
    "Súdwest-Fryslân;Bemoeizorg 't Súdwesthûs;2013;gemeente;Gemeente Súdwest-Fryslân;ja" \
    'Súdwest-Fryslân;Bemoeizorg;2013;gemeente;Gemeente Súdwest-Fryslân;ja' \
    "Súdwest-Fryslân;Bemoeizorg 't Súdwesthûs;2013;netwerkpartner;ggd fryslân;ja" \
    "Súdwest-Fryslân;Bemoeizorg 't Súdwesthûs;2013;netwerkpartner;Politie;ja" \
    'Súdwest-Fryslân;Wijkaanpak;2013;netwerkpartner;Politie;ja' > "$T/a.csv"
echo "-- answers, then the dossier, in one import"
run --db "$T/db" import "$T/a.csv" "$T/d.xml"
echo "exit $?"
echo "-- the dossier, then the answers"
run --db "$T/db" import "$T/d.xml"
run --db "$T/db" import "$T/a.csv"
echo "exit $?"
echo "-- only what the dossier names"
sed '3d;5d' "$T/a.csv" > "$T/b.csv"
run --db "$T/db" import "$T/b.csv"
$STJ --db "$T/db" status
