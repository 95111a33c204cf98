# A finding far longer than a page, with a 300-letter word in it, and a
# very long LET OP: the row continues over pages, the word is broken
# between characters with a hyphen at each break, nothing is lost and no word lies outside the page's
# content box (pdftotext -bbox, in points from the top-left corner; A4
# with margins 50 left and right, see templates/factsheet-layout.xml).
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null
word=$(printf 'Zorgcoördinatie%.0s' $(seq 20))
long="Begin. $word $(seq 1 400 | sed 's/.*/Regel & van een heel lange bevinding./' | tr '\n' ' ')Einde."
$STJ --db "$T/db" override --municipality Leeuwarden --round 2013 \
    --approach "Interventieteam Gezinnen" --indicator 3.2.2 \
    --finding "$long" --letop "$(seq 1 60 | sed 's/.*/Punt & van de opmerking./' | tr '\n' ' ')" \
    --reason "Test" >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/l.pdf" >/dev/null
# Without what a page break puts between the two halves of a row (the
# theme's name with "(vervolg)"; the diagonal CONCEPT of a concept round
# comes out one letter a line).
pdftotext -raw "$T/l.pdf" - | tr -d '\f' | grep -v -x \
    -e 'Uitkomsten toezichtonderzoek .* | [0-9]*' \
    -e 'Aanpak: Interventieteam Gezinnen' -e '[CONEPT]' \
    -e 'Vervolg bevindingen toezichtonderzoek' -e '[A-Z][a-z]* (vervolg)' \
    -e 'Een toegeruste' -e regisseur \
    -e 'Criteria Indicatoren Bevindingen' | sed 's/-$//' | tr -d ' \n' >"$T/flat"
grep -c "$word" "$T/flat"
echo "hyphenated lines: $(pdftotext -raw "$T/l.pdf" - | grep -c 'Zorgco[^ ]*-$')"
n=0
for i in $(seq 1 400); do
	grep -q "Regel${i}vaneenheellangebevinding" "$T/flat" && n=$((n + 1))
done
echo "$n of 400 lines of the finding"
grep -o 'LETOP:Punt1vandeopmerking.*Punt60vandeopmerking.' "$T/flat" | wc -l
pdftotext -bbox "$T/l.pdf" - | awk '
	/<page / { pages++ }
	/<word / {
		split($0, a, "\""); x0 = a[2]; y0 = a[4]; x1 = a[6]; y1 = a[8]
		words++
		if (x0 < 49.5 || x1 > 545.8 || y0 < 0 || y1 > 841.9) {
			bad++; print "outside:", $0
		}
	}
	END { printf "%d words on %d pages, %d outside the content box\n", words, pages, bad }
' | sed 's/^[0-9]* words on [0-9]* pages/N words on N pages/'
