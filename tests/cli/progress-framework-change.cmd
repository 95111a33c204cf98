# 2014 on a framework version that adds 5.3.2 and moves 4.2.3 to 4.3.2
# (renamed-from="4.2.3"): 5.3.2 is nieuw, 4.3.2 is compared with 2013's
# 4.2.3, nothing is vervallen.
F="--frameworks tests/fixtures/progress/frameworks"
$STJ $F --db "$T/db" import --framework stj-ggsr@2013 \
    examples/leeuwarden-2013.csv >/dev/null
$STJ $F --db "$T/db" import --framework stj-ggsr@2014 \
    tests/fixtures/progress/leeuwarden-2014-kader2014.csv >/dev/null
$STJ $F --db "$T/db" progress --municipality Leeuwarden --from 2013 \
    --to 2014 --format tsv | awk -F '\t' '
	NR == 1 || $5 != "ongewijzigd" || $2 ~ /^4\.[23]/ { print }
	{ n[$5]++ }
	END { print "rows:", n["ongewijzigd"], "ongewijzigd,", n["nieuw"], "nieuw,", n["vervallen"] + 0, "vervallen" }'
$STJ $F --db "$T/db" progress --municipality Leeuwarden --from 2013 \
    --to 2014 | grep -e 'was 4.2.3' -e '^  5.3.2'
