# Characters the embedded DejaVu Sans lacks: a system font that has them
# draws them (⦗ ⦘ ⟂: DejaVu Sans Mono, from fonts-dejavu-core, becomes a
# third embedded font); those no font can draw (an emoji: libharu stops at
# U+FFFF; CJK without a CJK font) are drawn as U+FFFD, and the factsheet
# says once which they are and where each first occurs. Right-to-left
# text is drawn left to right, with a warning.
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null
$STJ --db "$T/db" override --municipality Leeuwarden --round 2013 \
    --approach "Interventieteam Gezinnen" --indicator 1.1.2 \
    --finding "Blij 😀 en 中文 en haakjes ⦗x⦘ en loodrecht ⟂; 😀 nog eens." \
    --reason "Test" >/dev/null
$STJ --db "$T/db" override --municipality Leeuwarden --round 2013 \
    --approach "Voorwaardelijke Interventie Gezinnen" --indicator 2.1.1 \
    --finding "Groet: שלום." --reason "Test" >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/g.pdf" \
    2>"$T/err" >/dev/null
echo "exit $?"
sed "s|$T|\$T|" "$T/err"
pdftotext -raw "$T/g.pdf" - | tr '\n' ' ' | grep -o 'Blij.*nog eens\.'
echo "fonts: $(pdffonts "$T/g.pdf" 2>/dev/null | tail -n +3 | wc -l)"
