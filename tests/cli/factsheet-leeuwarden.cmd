# The Leeuwarden factsheet from the bundled examples, with the inspector's
# overrides, one merge and one written conclusion: every indicator of both
# approaches, the marks of stj verdicts, every LET OP remark and every
# conclusion line are in the PDF text (tests/check-factsheet.sh); the
# partners with their diacritics, the continuation headings, embedded
# fonts, metadata, size and byte-identical regeneration.
export SOURCE_DATE_EPOCH=1370044800
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml examples/oosterhout-2013/*.xml \
    examples/oosterhout-2013-dossier.xml >/dev/null
$STJ --db "$T/db" override --file examples/overrides-2013.tsv \
    --inspector "STJ inspecteur" >/dev/null
$STJ --db "$T/db" merge --municipality Leeuwarden --round 2013 \
    --approach "Interventieteam Gezinnen" --indicators 3.1.1-3.1.3 \
    --reason "Eén bevinding voor visie en doelen" >/dev/null
$STJ --db "$T/db" conclusion --municipality Leeuwarden --round 2013 \
    --approach "Interventieteam Gezinnen" --theme Continu \
    --beter "Afspraken over wachttijden ontbreken; de continuïteit staat onder druk." \
    --reason "Conclusie van de inspecteur" >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/l.pdf" >/dev/null
MERGED_TAIL="Interventieteam Gezinnen|3.1.1,Interventieteam Gezinnen|3.1.2" \
    sh tests/check-factsheet.sh "$T/db" Leeuwarden "$T/l.pdf"
pdftotext -raw "$T/l.pdf" "$T/l.txt"
echo "partners who answered:"
sed -n '/vragenlijst over deze aanpak is ingevuld door:/,/^Deze netwerkpartners/p' \
    "$T/l.txt" | grep -v "ingevuld door\|^Deze netwerkpartners"
tr '\n' ' ' <"$T/l.txt" | grep -o 'Afspraken over wachttijden ontbreken; de continuïteit staat onder druk.'
echo "Oosterhout mentioned: $(grep -c Oosterhout "$T/l.txt")"
echo "continuation pages: $(grep -c '^Vervolg bevindingen toezichtonderzoek$' "$T/l.txt") findings, $(grep -c '^Vervolg conclusie$' "$T/l.txt") conclusion"
# The front page, without the diagonal CONCEPT (one letter a line).
grep -v -x '[CONEPT]' "$T/l.txt" | head -3
pdffonts "$T/l.pdf" 2>/dev/null | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1, $(NF-4), $(NF-3) }'
pdfinfo -isodates "$T/l.pdf" 2>/dev/null | grep -E '^(Title|Author|Creator|CreationDate|Pages):'
size=$(wc -c <"$T/l.pdf")
[ "$size" -lt 300000 ] && echo "under 300 KB" || echo "too big: $size bytes"
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/again.pdf" >/dev/null
cmp -s "$T/l.pdf" "$T/again.pdf" && echo "regenerated: byte-identical"
