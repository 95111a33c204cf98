# An X that rested on the inspector's override (2013: 4.1.2 and 4.2.2 of
# Interventieteam Gezinnen, answers "ja") is not verbeterd because the 2014
# answers say ja again: it is nog te beoordelen, with last year's reason
# beside it, until the 2014 inspector says so (an override: 4.1.2 V). The
# municipality's note stands under 'Gemeente', the inspector's part under
# 'Inspecteur'; the report says the municipality wrote it.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c SOURCE_DATE_EPOCH=1370044800
db="$T/db"
A="Interventieteam Gezinnen"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml \
    examples/oosterhout-2013/*.xml examples/oosterhout-2013-dossier.xml >/dev/null
$STJ --db "$db" override --file examples/overrides-2013.tsv --inspector "STJ inspecteur" >/dev/null
$STJ --db "$db" state --municipality Leeuwarden wederhoor --reason "Naar de gemeente" >/dev/null
$STJ --db "$db" state --municipality Leeuwarden vastgesteld --reason "Wederhoor verwerkt" >/dev/null
$STJ --db "$db" note --municipality Leeuwarden --round 2013 --approach "$A" \
    --indicator 4.2.2 --text "Politie en onderwijs tekenen in 2014." --who "Gemeente Leeuwarden"
$STJ --db "$db" round new --municipality Leeuwarden --round 2014 --from 2013 >/dev/null
$STJ --db "$db" import tests/fixtures/progress/leeuwarden-2014.csv \
    tests/fixtures/progress/leeuwarden-2014-dossier.xml >/dev/null
p() { $STJ --db "$db" progress --municipality Leeuwarden --from 2013 --to 2014 "$@"; }
# the rows 4.1.2 and 4.2.2 of Interventieteam Gezinnen with the lines under them
rows() {
	p | sed -n '/^Aanpak: Interventieteam/,/^Aanpak: /p' | awk '
	/^  [0-9]/ { on = ($1 == "4.1.2" || $1 == "4.2.2") }
	on && /^  / { print }'
}
echo "-- unconfirmed"
p --format tsv | grep -E '^Interventieteam Gezinnen	4\.(1\.2|2\.2)	'
p | sed -n '1,3p'
rows
p | grep -E '^  Interventieteam Gezinnen 4\.'
$STJ --db "$db" override --municipality Leeuwarden --round 2014 --approach "$A" \
    --indicator 4.1.2 --verdict V --reason "Opschalingsprocedure in het convenant van maart 2014" >/dev/null
echo "-- 4.1.2 confirmed by the 2014 inspector"
p --format tsv | grep -E '^Interventieteam Gezinnen	4\.(1\.2|2\.2)	'
rows
p -o "$T/p.pdf" >/dev/null
pdftotext -raw "$T/p.pdf" - | tr '\n' ' ' >"$T/p.txt"
echo "in the PDF:"
grep -o 'Deze rapportage is geschreven door de gemeente Leeuwarden' "$T/p.txt"
grep -o 'In 2014 hebben 8 van 8 respondenten geantwoord.' "$T/p.txt"
grep -o 'Nog te beoordelen' "$T/p.txt"
grep -o 'Inspecteur 2014: Opschalingsprocedure' "$T/p.txt"
grep -o 'Inspecteur 2013: De samenwerkingsafspraken' "$T/p.txt"
grep -o 'Gemeente: Politie en onderwijs' "$T/p.txt"
