# A new round started with 'round new' and not yet answered never reads as
# decline: every indicator is nog niet beantwoord (no mark now, no X
# counted), and the report says how complete the round is. Then two
# respondents of Interventieteam Gezinnen answer: their indicators are
# compared, Voorwaardelijke Interventie Gezinnen stays unanswered.
export SOURCE_DATE_EPOCH=1370044800
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
$STJ --db "$db" round new --municipality Leeuwarden --round 2014 --from 2013 >/dev/null
p() { $STJ --db "$db" progress --municipality Leeuwarden --from 2013 --to 2014 "$@"; }
count() { p --format tsv | awk -F '\t' 'NR > 1 { n[$1 "\t" $5]++ } END { for (k in n) print k "\t" n[k] }' | sort; }
echo "-- empty"
count
p --format tsv | sed -n '1,2p'
p | sed -n '1,10p'
p | grep -E '^  5\.2\.1 ' | head -1
echo "-- two of eight"
head -n 5 tests/fixtures/progress/leeuwarden-2014.csv >"$T/twee.csv"
$STJ --db "$db" import "$T/twee.csv" >/dev/null
count
p | sed -n '2p'
p -o "$T/p.pdf" >/dev/null
pdftotext -raw "$T/p.pdf" - | tr '\n' ' ' >"$T/p.txt"
echo "in the PDF:"
grep -o 'In 2014 hebben 2 van 8 respondenten geantwoord.' "$T/p.txt"
grep -o 'Nog niet beantwoord' "$T/p.txt" | sort | uniq -c | sed 's/^ *//'
grep -c 'Verslechterd' "$T/p.txt"
