# A second round for Leeuwarden: "round new --from 2013" takes over the
# dossier, then the 2014 answers come in (three IG answers changed:
# 1.2.1 now nee, 3.2.2 and 5.3.1 now ja; everything else as in 2013) with
# progress notes in the 2014 dossier. The inspector keeps 4.1.2 and 4.2.2
# as X in 2014, the LET OP of 4.1.2 resolved. tsv: exactly these rows.
export SOURCE_DATE_EPOCH=1370044800
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml examples/oosterhout-2013/*.xml \
    examples/oosterhout-2013-dossier.xml >/dev/null
$STJ --db "$T/db" override --file examples/overrides-2013.tsv \
    --inspector "STJ inspecteur" >/dev/null
$STJ --db "$T/db" round new --municipality Leeuwarden --round 2014 --from 2013
$STJ --db "$T/db" status --municipality Leeuwarden --format tsv | grep 2014 | cut -f 1-5 | sort -u
$STJ --db "$T/db" import tests/fixtures/progress/leeuwarden-2014.csv \
    tests/fixtures/progress/leeuwarden-2014-dossier.xml
for ind in 4.1.2 4.2.2; do
	$STJ --db "$T/db" override --municipality Leeuwarden --round 2014 \
	    --approach "Interventieteam Gezinnen" --indicator $ind --verdict X \
	    --finding "Nog steeds niet geregeld." --no-letop --reason "Nog steeds niet geregeld" >/dev/null
done
$STJ --db "$T/db" progress --municipality Leeuwarden --from 2013 --to 2014 \
    --format tsv
$STJ --db "$T/db" progress --municipality Leeuwarden --from 2013 --to 2014 |
    sed -n '1,/^Aanpak: Voorwaardelijke/p' | grep -v 'ongewijzigd                  '
$STJ --db "$T/db" progress --municipality Leeuwarden --from 2013 --to 2014 \
    -o "$T/p.pdf" >/dev/null
pdftotext -raw "$T/p.pdf" - | tr '\n' ' ' >"$T/p.txt"
echo "in the PDF:"
grep -o 'Samenwerking 4 4' "$T/p.txt"
grep -o 'Continu 4 3' "$T/p.txt"
# every verbeterpunt of 2013, with its status now
$STJ --db "$T/db" verdicts --municipality Leeuwarden --round 2013 --format tsv |
    awk -F '\t' '$3 == "X" { print $2 }' | sort -u | while read -r id; do
	text=$($STJ framework show --format tsv stj-ggsr@2013 | awk -F '\t' -v id="$id" '$3 == id { print $4 }')
	printf '%s %s: %s\n' "$id" "$text" "$(grep -o -F "$id $text" "$T/p.txt" | wc -l)"
done
grep -o 'Gemeente: In het convenant met de zorgaanbieders' "$T/p.txt"
grep -o 'LET OP opgelost' "$T/p.txt"
pdfinfo "$T/p.pdf" 2>/dev/null | grep -E '^(Title|Author):'
