# The audit log and a round's "last changed" are stamped with the real
# clock: SOURCE_DATE_EPOCH (backdating, nonsense, out of range) moves
# neither; it still pins the creation date inside a PDF. STJ_TEST_NOW,
# for tests only, must be an exact UTC time.
db="$T/db"
unset STJ_TEST_NOW
export USER=inspecteur-c
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
# TIME WHAT: "real clock: WHAT" when TIME is between $before and $after.
judge() {
	awk -v t="$1" -v b="$before" -v a="$after" -v w="$2" 'BEGIN {
		print (t >= b && t <= a ? "real clock" : "WRONG " t) ": " w }'
}
before=$(now)
SOURCE_DATE_EPOCH=1000000000 $STJ --db "$db" import \
    examples/leeuwarden-2013.csv >/dev/null
for e in 1000000000 nonsense 99999999999999999999; do
	SOURCE_DATE_EPOCH=$e $STJ --db "$db" override --municipality Leeuwarden \
	    --round 2013 --approach "Interventieteam Gezinnen" \
	    --indicator 1.1.1 --verdict X --finding "Verschillend." \
	    --reason "epoch $e" >/dev/null
	echo "exit $?"
	SOURCE_DATE_EPOCH=$e $STJ --db "$db" override --municipality Leeuwarden \
	    --round 2013 --approach "Interventieteam Gezinnen" \
	    --indicator 1.1.1 --revert --reason "back $e" >/dev/null
done
SOURCE_DATE_EPOCH=1000000000 $STJ --db "$db" factsheet \
    --municipality Leeuwarden -o "$T/pinned.pdf" >/dev/null
$STJ --db "$db" factsheet --municipality Leeuwarden -o "$T/free.pdf" >/dev/null
after=$(now)
$STJ --db "$db" history --municipality Leeuwarden >"$T/history"
while read -r at rest; do
	reason=${rest##*(}
	judge "$at" "${reason%)}"
done <"$T/history"
pdfinfo -isodates "$T/pinned.pdf" 2>/dev/null | grep CreationDate
judge "$(pdfinfo -isodates "$T/free.pdf" 2>/dev/null |
    awk '/CreationDate/ { print $2 }')" "factsheet date, last changed"
STJ_TEST_NOW=2013-02-30T00:00:00Z $STJ --db "$db" history \
    --municipality Leeuwarden
echo "exit $?"
STJ_TEST_NOW=2013-06-01T00:00:00Z $STJ --db "$db" override \
    --municipality Leeuwarden --round 2013 \
    --approach "Interventieteam Gezinnen" --indicator 1.1.1 --verdict X \
    --finding "Verschillend." --reason "pinned" >/dev/null
$STJ --db "$db" history --municipality Leeuwarden | tail -1
