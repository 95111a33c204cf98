# override --file: a file without a header is refused at line 1 (it used
# to lose its first override); a bad header names the column; every row
# error is file:line, lookups included, also after a line over 8 KB;
# one error and nothing is applied.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv >/dev/null
ig="Leeuwarden	2013	Interventieteam Gezinnen"
h='gemeente	ronde	aanpak	indicator	verdict	reden'
run() {
	{ $STJ --db "$db" override --file "$T/$1"; echo "exit $?"; } 2>&1 |
	    sed "s|$T/||"
}
printf '%s\t4.1.2\tX\tGeen opschaling\n%s\t4.2.2\tX\tNiet ondertekend\n' \
    "$ig" "$ig" >"$T/no-header.tsv"
run no-header.tsv
: >"$T/empty.tsv"
run empty.tsv
printf 'gemeente\tronde\taanpak\tindicator\toordeel\tverdict\tverdict\n' \
    >"$T/bad-header.tsv"
run bad-header.tsv
printf 'gemeente\tronde\taanpak\tindicator\treden\n' >"$T/nothing.tsv"
run nothing.tsv
long=$(awk 'BEGIN { while (n++ < 1200) printf "Lange reden. "; }')
esc=$(printf '\033')
{
	echo "$h"
	printf '%s\t4.1.2\tX\t \n' "$ig"
	printf '%s\t4.1.2\tX\t%s\n' "$ig" "$long"
	printf '%s\t9.9.9\tX\tOnbekend\n' "$ig"
	printf 'Leeuwarden\t2013\tStadsaanpak\t4.1.2\tX\tOnbekend\n'
	printf 'Lewarden\t2013\tInterventieteam Gezinnen\t4.1.2\tX\tOnbekend\n'
	printf '%s\t4.1.2\tY\tGeen opschaling\n' "$ig"
	printf 'Leeuwarden\t13\tInterventieteam Gezinnen\t4.1.2\tX\tr\n'
	printf '%s\t4.1.2\tX\n' "$ig"
	printf '%s\t4.1.2\t\tr\n' "$ig"
	printf '%s\t4.1.2\tX\tGeen %s[2J opschaling\n' "$ig" "$esc"
	printf '%s\t4.1.2\tX\t"Geen "opschaling"\n' "$ig"
	printf '%s\t4.2.2\tX\tNiet ondertekend\n' "$ig"
}	>"$T/rows.tsv"
run rows.tsv
sqlite3 "$db" "SELECT count(*) FROM override; SELECT count(*) FROM audit_log"
