# Without SOURCE_DATE_EPOCH the creation date is when the round's data
# last changed (import, then an inspector's change), so regenerating from
# the same database gives the same bytes. STJ_TEST_NOW stands in for the
# clock of those changes.
STJ_TEST_NOW=2013-06-01T00:00:00Z $STJ --db "$T/db" import \
    examples/leeuwarden-2013.csv >/dev/null
unset SOURCE_DATE_EPOCH STJ_TEST_NOW
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/a.pdf" >/dev/null
pdfinfo -isodates "$T/a.pdf" 2>/dev/null | grep CreationDate
STJ_TEST_NOW=2013-06-13T00:00:00Z $STJ --db "$T/db" override \
    --municipality Leeuwarden --round 2013 \
    --approach "Interventieteam Gezinnen" --indicator 1.1.1 --verdict X \
    --finding "De omschrijvingen verschillen." \
    --reason "Omschrijvingen verschillen" >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/b.pdf" >/dev/null
pdfinfo -isodates "$T/b.pdf" 2>/dev/null | grep CreationDate
sleep 1
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/c.pdf" >/dev/null
cmp "$T/b.pdf" "$T/c.pdf" && echo "byte-identical"
