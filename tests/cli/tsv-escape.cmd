# Names with a tab, a newline, a CR, a backslash and a terminal escape
# (a database written before names were checked, or by another tool):
# every --format tsv output keeps one row per line and its columns,
# escaped as \t \n \r \\ \xHH; a free-text cell that starts like a
# formula (= + - @) gets a leading quote; the code columns (indicator,
# verdict -, van/naar, role) stay exact.
$STJ --db "$T/db" import tests/fixtures/import/good-excel.csv >/dev/null
sed 's/;2013;/;2014;/' tests/fixtures/import/good-excel.csv >"$T/2014.csv"
$STJ --db "$T/db" import "$T/2014.csv" >/dev/null
sqlite3 "$T/db" "
UPDATE approach SET name = '-Wijk' || char(9) || 'aanpak' || char(10) ||
    'nep' || char(13) || 'C:\\temp';
UPDATE respondent SET organisation = '=HYPERLINK(\"http://x\")' ||
    char(27) || ']52;c;ZWNobw==' || char(7) WHERE role = 'gemeente';
UPDATE respondent SET organisation = '@SUM(1)' || CAST(X'C29B' AS TEXT) ||
    'x' WHERE organisation = 'GGD Amstelland';
UPDATE answer SET value = 'nvt' WHERE indicator = '1.1.2';"
$STJ --db "$T/db" verdicts --municipality Amstelveld --round 2013 \
    --format tsv | sed -n '1,3p'
$STJ --db "$T/db" status --format tsv
$STJ --db "$T/db" progress --municipality Amstelveld --from 2013 --to 2014 \
    --format tsv | sed -n '1,2p'
for f in "verdicts --municipality Amstelveld --format tsv" "status --format tsv" \
    "progress --municipality Amstelveld --from 2013 --to 2014 --format tsv"; do
	# shellcheck disable=SC2086
	$STJ --db "$T/db" $f | awk -F '\t' -v f="${f%% *}" '
	    NR == 1 { n = NF } NF != n { bad++ }
	    /[\001-\010\013-\037\177]/ { bad++ }
	    END { print f ": " NR " rows, " bad + 0 " bad" }'
done
