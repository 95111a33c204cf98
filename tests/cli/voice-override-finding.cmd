# A mark changed against the proposal needs a written finding: the CLI
# and an overrides file refuse it without one (the web calls the same
# ops_override). Confirming the proposal needs none. Such a cell never
# prints the answers' draft or its LET OP: not with the inspector's
# finding, and not in a database from before the rule (finding NULL).
export STJ_TEST_NOW=2013-06-01T00:00:00Z
$STJ --db "$T/db" import examples/leeuwarden-2013.csv >/dev/null
o() { $STJ --db "$T/db" override --municipality Leeuwarden \
    --approach "Interventieteam Gezinnen" --indicator 3.4.2 "$@"; echo "exit $?"; }
cell() { $STJ --db "$T/db" verdicts --municipality Leeuwarden --findings |
    grep -A3 '^    3\.4\.2' | sed -n 1,3p; }
echo "-- as proposed"
cell
o --verdict X --reason "Tegenstrijdig"
printf 'gemeente\tronde\taanpak\tindicator\tverdict\treden\n%s\n' \
    "Leeuwarden	2013	Interventieteam Gezinnen	3.4.2	X	Tegenstrijdig" >"$T/o.tsv"
$STJ --db "$T/db" override --file "$T/o.tsv" 2>"$T/e"; echo "exit $?"
sed "s|$T/||" "$T/e" >&2
o --verdict V --reason "Bevestigd"
o --verdict X --finding "Het gezin kan worden losgelaten." --reason "Documenten"
echo "-- overridden"
cell
$STJ --db "$T/db" verdicts --municipality Leeuwarden --format tsv | grep -P '\t3\.4\.2\t' | head -1
echo "-- a store from before the rule"
sqlite3 "$T/db" "UPDATE override SET finding = NULL WHERE indicator = '3.4.2'"
cell
o --letop "Afspraken ontbreken." --reason "Nog een"
o --revert --reason "Terug"
cell
