# STJ's own voice: after the demo's import and overrides no finding, LET
# OP or conclusion names a partner organisation or quotes a toelichting;
# the Leeuwarden factsheet names each partner once, in its approach's
# list of who answered, as the published one does. No cell says
# "verdeeld" without a ja and a nee behind it (counted per output).
export STJ_TEST_NOW=2013-06-01T00:00:00Z
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/oosterhout-2013/*.xml >/dev/null
$STJ --db "$T/db" override --file examples/overrides-2013.tsv >/dev/null
names='Fier Fryslân|Leger des Heils|Verslavingszorg|Bureau Jeugdzorg|Politie|Reclassering|GGD|Surplus|Thebe|MultiVision'
for m in Leeuwarden Oosterhout; do
	$STJ --db "$T/db" verdicts --municipality $m --findings >"$T/$m.txt"
	$STJ --db "$T/db" conclusions --municipality $m >>"$T/$m.txt"
	echo "$m: partner names in findings and conclusions: $(grep -c -E "$names" "$T/$m.txt")"
	echo "$m: 'verdeeld': $(grep -c 'verdeeld' "$T/$m.txt"), 'geen overeenstemming': $(grep -c 'geen overeenstemming' "$T/$m.txt")"
done
# A toelichting of the examples, word for word: stays out.
echo "toelichting quoted: $(grep -c 'Dwang en drang kunnen worden ingezet' "$T/Leeuwarden.txt")"
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/f.pdf" >/dev/null
pdftotext "$T/f.pdf" - 2>/dev/null >"$T/f.txt"
grep -o -E "$names[^ ]*( [A-Z][a-z]+)*" "$T/f.txt" | sort | uniq -c
