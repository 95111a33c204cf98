# The factsheet of a round that is not vastgesteld carries a diagonal
# CONCEPT on every page (pdftotext -raw gives it one letter a line); a
# vastgesteld one none, and "Vastgesteld op" the day it was, on its front
# page.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
# pages, pages with CONCEPT, and the "Vastgesteld op" lines of a PDF
report() {
	n=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	c=0
	for i in $(seq 1 "$n"); do
		pdftotext -raw -f "$i" -l "$i" "$1" - | tr -d '\n' |
		    grep -q CONCEPT && c=$((c + 1))
	done
	echo "$n pages, $c with CONCEPT"
	pdftotext -raw "$1" - | grep 'Vastgesteld op'
}
$STJ --db "$db" factsheet --municipality Leeuwarden -o "$T/concept.pdf" >/dev/null
report "$T/concept.pdf"
$STJ --db "$db" state --municipality Leeuwarden wederhoor --reason "Naar de gemeente" >/dev/null
$STJ --db "$db" factsheet --municipality Leeuwarden -o "$T/wederhoor.pdf" >/dev/null
report "$T/wederhoor.pdf"
STJ_TEST_NOW=2013-07-15T10:00:00Z $STJ --db "$db" state --municipality Leeuwarden \
    vastgesteld --reason "Wederhoor verwerkt" >/dev/null
$STJ --db "$db" factsheet --municipality Leeuwarden -o "$T/vast.pdf" >/dev/null
report "$T/vast.pdf"
pdfinfo -isodates "$T/vast.pdf" 2>/dev/null | grep '^CreationDate:'
