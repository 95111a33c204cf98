# A round keeps the framework version it was started on, and its
# factsheet prints that version's wording: Leeuwarden 2013 (stj-ggsr@2013)
# still prints 2013's 3.2.1 and 4.2.3 after 2015 reworded them; the 2015
# round (stj-ggsr@2015) prints 2015's 3.2.1, 3.2.4 and 4.1.3 and not 2013's.
export SOURCE_DATE_EPOCH=1370044800
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
$STJ --db "$db" round new --municipality Leeuwarden --round 2015 --from 2013 \
    --framework stj-ggsr@2015 >/dev/null
$STJ --db "$db" import --framework stj-ggsr@2015 tests/fixtures/fw2/leeuwarden-2015.csv >/dev/null
for y in 2013 2015; do
	$STJ --db "$db" factsheet --municipality Leeuwarden --round $y -o "$T/f$y.pdf" >/dev/null
	pdftotext -raw "$T/f$y.pdf" - | tr '\n' ' ' | sed 's/  */ /g' >"$T/f$y.txt"
	echo "-- $y"
	for s in 'één centrale persoon voor het gezin die de intensieve zorg' \
	    'één centrale persoon voor het gezin (de regisseur)' \
	    'De regisseur stemt de intensieve zorg' \
	    'geven hun medewerkers de bevoegdheid' \
	    'mandateren hun medewerkers'; do
		printf '%s: %s\n' "$(grep -o -F "$s" "$T/f$y.txt" | wc -l)" "$s"
	done
done
