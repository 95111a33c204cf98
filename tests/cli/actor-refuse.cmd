# step 10: actor. The roles are the library's: every change checks its
# actor on the round as stored before anything changes, whatever front
# end calls it. STJ_TEST_ACTOR (tests only) makes the CLI act as another
# role: each change is refused for a lezer and a beheerder (the role and
# account named), and for a gemeente of another municipality as if
# Leeuwarden were not there (no "did you mean"); nothing is stored. Then
# a gemeente's reaction: hidden in concept (the round is not there for
# it), accepted in wederhoor, refused once vastgesteld (it sees the
# round); a gemeente's note refused in wederhoor, and a lezer's.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-a
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
A="Interventieteam Gezinnen"
M="--municipality Leeuwarden --round 2013"
changes() {
	$STJ --db "$db" override $M --approach "$A" --indicator 3.2.2 --verdict X --reason r; echo "override $?"
	$STJ --db "$db" merge $M --approach "$A" --indicators 4.2.1-4.2.3 --reason r; echo "merge $?"
	$STJ --db "$db" conclusion $M --approach "$A" --theme 1 --goed g --reason r; echo "conclusion $?"
	$STJ --db "$db" dossier $M --context c --reason r; echo "dossier $?"
	$STJ --db "$db" state $M wederhoor --reason r; echo "state $?"
	$STJ --db "$db" import examples/leeuwarden-2013.csv --replace >/dev/null; echo "import $?"
	$STJ --db "$db" invite $M --approach "$A" --role netwerkpartner --organisation Politie >/dev/null; echo "invite $?"
	$STJ --db "$db" round new --municipality Leeuwarden --round 2014 >/dev/null; echo "round new $?"
}
for who in lezer:lea beheerder:bob gemeente:gw:Oosterhout; do
	echo "-- $who"
	STJ_TEST_ACTOR=$who changes
done
echo "-- nothing stored"
$STJ --db "$db" history --municipality Leeuwarden | wc -l
$STJ --db "$db" invitations --municipality Leeuwarden
$STJ --db "$db" status | grep -c 2014
echo "-- gemeente of Leeuwarden"
r() { STJ_TEST_ACTOR=gemeente:lw:Leeuwarden $STJ --db "$db" "$@"; echo "exit $?"; }
r reaction $M --approach "$A" --indicator 3.2.2 --text "Te vroeg"
r override $M --approach "$A" --indicator 3.2.2 --verdict X --reason r
$STJ --db "$db" state $M wederhoor --reason "Naar de gemeente" >/dev/null
r reaction $M --approach "$A" --indicator 3.2.2 --text "Wij herkennen dit niet."
r note $M --approach "$A" --indicator 3.2.2 --text "Al gedaan"
r override $M --approach "$A" --indicator 3.2.2 --verdict X --reason r
STJ_TEST_ACTOR=lezer:lea $STJ --db "$db" note $M --approach "$A" --indicator 3.2.2 --text x; echo "lezer note $?"
$STJ --db "$db" state $M vastgesteld --reason "Wederhoor verwerkt; Interventieteam Gezinnen" >/dev/null
r reaction $M --approach "$A" --indicator 3.2.2 --text "Te laat"
$STJ --db "$db" history --municipality Leeuwarden
