# The shipped subset of DejaVu Sans (fonts/) keeps a factsheet small; a
# text with a character beyond it (Greek, Cyrillic) makes that document
# use the system's full DejaVu Sans, so the character is drawn, not boxed.
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/a.pdf" >/dev/null
size=$(wc -c <"$T/a.pdf")
[ "$size" -lt 100000 ] && echo "subset: under 100 KB" || echo "subset: $size bytes"
pdffonts "$T/a.pdf" 2>/dev/null | awk 'NR > 2 { print $(NF-4), $(NF-3) }'
$STJ --db "$T/db" override --municipality Leeuwarden --round 2013 \
    --approach "Interventieteam Gezinnen" --indicator 1.1.1 \
    --finding "Samenwerking met de Ψ-groep en de Жилищная коммуна." \
    --reason "Test" >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/b.pdf" >/dev/null
size=$(wc -c <"$T/b.pdf")
[ "$size" -gt 150000 ] && echo "full font: over 150 KB" || echo "full font: $size bytes"
pdftotext "$T/b.pdf" - | grep -o "Ψ-groep en de Жилищная"
