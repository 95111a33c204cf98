# Text is written as literal strings of UTF-16 code units: the characters
# whose code units hold the bytes of "(", ")", "\", CR or LF (Ĩ ĩ Ŝ Ċ Č)
# and those characters themselves must come back out exactly.
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null
$STJ --db "$T/db" override --municipality Leeuwarden --round 2013 \
    --approach "Interventieteam Gezinnen" --indicator 1.1.1 \
    --finding 'Ĩĩ Ŝŝ Ċċ Čč (zo) a\b c)d(e.' --reason "Test" >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/a.pdf" >/dev/null
pdftotext "$T/a.pdf" - 2>&1 | grep -o 'Ĩĩ Ŝŝ Ċċ Čč (zo) a\\b c)d(e\.'
qpdf --check "$T/a.pdf" 2>&1 | grep -c "No syntax or stream encoding errors"
# A bare CR in a literal string is read as LF by a conforming reader
# (poppler keeps it, so the text above cannot show it): no page's content
# stream may hold a CR byte, every one is written as \r.
for o in $(qpdf --show-pages "$T/a.pdf" | awk '/^    [0-9]+ 0 R$/ { print $1 }'); do
	qpdf --show-object="$o" --filtered-stream-data "$T/a.pdf"
done | tr -dc '\r' | wc -c
