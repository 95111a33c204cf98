# Every PDF stj writes reads without a single warning: pdftotext (poppler)
# and qpdf --check on the demo factsheet (Leeuwarden with the inspector's
# overrides), a self-assessment and the printed questionnaire. libharu
# 2.3.0's own ToUnicode maps made pdftotext warn "Invalid 'begincidrange'
# operator in ToUnicode CMap" on every font.
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml examples/oosterhout-2013/*.xml \
    examples/oosterhout-2013-dossier.xml examples/zuiderhaven-2014.csv \
    examples/zuiderhaven-2014-dossier.xml >/dev/null
$STJ --db "$T/db" override --file examples/overrides-2013.tsv \
    --inspector "STJ inspecteur" >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/l.pdf" >/dev/null
$STJ --db "$T/db" factsheet --municipality Zuiderhaven -o "$T/z.pdf" >/dev/null
$STJ questionnaire --role gemeente --format pdf -o "$T/q.pdf" >/dev/null
for f in l z q; do
	echo "$f: pdftotext: $(pdftotext "$T/$f.pdf" /dev/null 2>&1 | wc -l) lines on stderr"
	# exit 0: no warnings (3: warnings, 2: errors); its whole report
	qpdf --check "$T/$f.pdf" 2>&1 | sed "s|$T/||"
	echo "$f: qpdf --check exit $(qpdf --check "$T/$f.pdf" >/dev/null 2>&1; echo $?)"
done
# the text still comes out right, diacritics and marks included
pdftotext "$T/l.pdf" - | grep -m 1 -o 'één of meerdere ouders'
pdftotext -raw "$T/l.pdf" - | grep -c '^√'
