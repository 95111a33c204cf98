# override --file reads its header by name: columns in any order, with
# finding and letop beside verdict; a BOM, CRLF line ends, blank lines,
# a cell in quotes and a line far over 8 KB are read as meant; the count
# is exact, also when a line changes nothing.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv >/dev/null
long=$(awk 'BEGIN { while (n++ < 1200) printf "Lange bevinding. "; }')
f="$T/bevindingen.tsv"
{
	printf '\357\273\277reden\tindicator\tgemeente\taanpak\tronde\tfinding\tletop\tverdict\r\n'
	printf '\r\n'
	printf 'Geen opschaling\t4.1.2\tLeeuwarden\tInterventieteam Gezinnen\t2013\t\t\t\342\210\232\r\n'
	printf '   \r\n'
	printf 'Uit het dossier\t1.1.1\tLeeuwarden\tInterventieteam Gezinnen\t2013\t"Het ""werkplan"" regelt dit."\tOnvolledig\tx\r\n'
	printf 'Opgelost\t1.2.2\tLeeuwarden\tInterventieteam Gezinnen\t2013\t\t-\t\r\n'
	printf 'Lang\t2.1.1\tLeeuwarden\tInterventieteam Gezinnen\t2013\t%s\t\tv\r\n' "$long"
}	>"$f"
$STJ --db "$db" override --file "$f" | sed "s|$T|\$T|"
echo "exit $?"
$STJ --db "$db" verdicts --municipality Leeuwarden --format tsv |
    grep -P '^Interventieteam Gezinnen\t(4\.1\.2|1\.1\.1|1\.2\.2|2\.1\.1)\t'
$STJ --db "$db" verdicts --municipality Leeuwarden --findings |
    grep -A2 '^    1\.1\.1' | head -3
$STJ --db "$db" history --municipality Leeuwarden | cut -c1-100
# Again: nothing changes, and the count says so.
$STJ --db "$db" override --file "$f" | sed "s|$T|\$T|"
sqlite3 "$db" "SELECT count(*), sum(length(finding)) FROM override"
