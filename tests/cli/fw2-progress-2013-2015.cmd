# Progress over two framework versions (issue 18, "Done when"): Leeuwarden
# 2013 on stj-ggsr@2013, the inspector overriding 3.2.1 and 4.2.3 of
# Interventieteam Gezinnen to X against answers that said "ja" (with a
# reason), the municipality's progress note on 3.2.1; then a 2015 round on
# stj-ggsr@2015, answered by 2 of the 8 respondents, for part of the
# indicators. The report shows 4.2.3 compared as 4.1.3 (was 4.2.3), both
# parts of the split 3.2.1 compared with 2013's 3.2.1 (gesplitst uit;
# the override's X is nog te beoordelen under last year's reason where
# the answers now say ja, ongewijzigd where they say nee), the merged
# 3.1.5 (samengevoegd uit), 1.2.2 vervallen with the mapping's reason,
# 4.4.1/4.4.2 nieuw, everything else of 2015 nog niet beantwoord, and the
# completeness line.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c SOURCE_DATE_EPOCH=1370044800
db="$T/db"
A="Interventieteam Gezinnen"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
$STJ --db "$db" override --municipality Leeuwarden --round 2013 --approach "$A" \
    --indicator 3.2.1 --verdict X --finding "De regisseur stemt de zorg niet af: elke hulpverlener houdt een eigen plan aan." \
    --reason "Dossier: geen gezamenlijk plan in de vijf bekeken casussen" >/dev/null
$STJ --db "$db" override --municipality Leeuwarden --round 2013 --approach "$A" \
    --indicator 4.2.3 --verdict X --finding "Medewerkers moeten beslissingen voorleggen aan hun leidinggevende." \
    --reason "Interviews met drie netwerkpartners" >/dev/null
$STJ --db "$db" state --municipality Leeuwarden wederhoor --reason "Naar de gemeente" >/dev/null
$STJ --db "$db" state --municipality Leeuwarden vastgesteld --reason "Wederhoor verwerkt" >/dev/null
$STJ --db "$db" note --municipality Leeuwarden --round 2013 --approach "$A" \
    --indicator 3.2.1 --text "Sinds 2014 werkt elk gezin met één gezinsplan." --who "Gemeente Leeuwarden"
$STJ --db "$db" round new --municipality Leeuwarden --round 2015 --from 2013 \
    --framework stj-ggsr@2015
$STJ --db "$db" import --framework stj-ggsr@2015 tests/fixtures/fw2/leeuwarden-2015.csv
$STJ --db "$db" progress --municipality Leeuwarden --from 2013 --to 2015
echo "-- tsv"
$STJ --db "$db" progress --municipality Leeuwarden --from 2013 --to 2015 --format tsv |
    grep -E '^Interventieteam Gezinnen	(1\.2\.2|3\.1\.[56]|3\.2\.[14]|4\.1\.3|4\.4\.1)	'
echo "-- pdf"
$STJ --db "$db" progress --municipality Leeuwarden --from 2013 --to 2015 -o "$T/p.pdf" >/dev/null
pdftotext -raw "$T/p.pdf" - | tr '\n' ' ' >"$T/p.txt"
for s in 'Gesplitst uit 3.2.1' 'Samengevoegd uit 3.1.5 en 3.1.6' 'Was 3.1.7' 'Was 4.2.3' \
    'Inspecteur 2013: Interviews met drie netwerkpartners' \
    'In 2015 hebben 2 van 8 respondenten geantwoord.' \
    'Netwerkpartners en alle relevante partijen melden GGSR aan voor de aanpak √ Vervallen Reden: Het aanmelden door alle relevante partijen valt vanaf 2015 onder 1.2.1 en 4.2.1.'; do
	printf '%s: %s\n' "$(grep -o -F "$s" "$T/p.txt" | wc -l)" "$s"
done
