# One toelichting of 66 KB (over libharu's 65 535-byte string limit; the
# CSV allows 1 MiB a cell) once stopped the factsheet with "libharu error
# 0x105B". Text is measured and drawn in pieces: the factsheet is made,
# with every sentence of the text, its last one included. Since step 11
# a toelichting no longer prints in the factsheet (the drafts speak in
# STJ's voice), so the same text also goes in as the inspector's finding.
long=$(seq 1 1900 | sed 's/.*/Zin & van een lange toelichting./' | tr '\n' ' ')
long="${long}Einde van de lange toelichting."
echo "toelichting: ${#long} bytes"
awk -F ';' -v OFS=';' -v t="$long" 'NR == 2 { $7 = t } { print }' \
    examples/leeuwarden-2013.csv >"$T/long.csv"
$STJ --db "$T/db" import "$T/long.csv" >/dev/null
$STJ --db "$T/db" override --municipality Leeuwarden \
    --approach "Interventieteam Gezinnen" --indicator 1.1.1 \
    --finding "$long" --reason "lang" >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/f.pdf" >/dev/null
echo "exit $?"
# Sentences, not lines: a page break may fall anywhere in one, and puts
# page furniture (the footer, criterion) between its halves; keep only
# the words the toelichting is made of.
pdftotext -raw "$T/f.pdf" - | tr -d '\f' |
    grep -v -x 'Uitkomsten toezichtonderzoek .* [0-9]*' |
    tr -s ' \n' '\n\n' |
    grep -x -E 'Zin|[0-9]+|van|een|lange|toelichting\.' | tr '\n' ' ' |
    grep -o 'Zin [0-9]* van een lange toelichting\.' | sort -u | wc -l
pdftotext "$T/f.pdf" - | tr '\n' ' ' |
    grep -o 'Einde van de lange toelichting\.'
