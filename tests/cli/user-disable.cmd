# stj user disable and enable: the list shows it, twice is refused, the
# sessions of a disabled account end; role gives another role and ends
# them too.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=beheer-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv >/dev/null
echo "correct horse battery" | $STJ --db "$db" user add anna --role inspecteur >/dev/null
echo "correct horse battery" | $STJ --db "$db" user add bert --role lezer >/dev/null
sqlite3 "$db" "INSERT INTO session VALUES (x'00', 1, 'c', 0, 0, 1, 1);
  INSERT INTO session VALUES (x'01', 1, 'c', 0, 0, 1, 1)"
u() { $STJ --db "$db" user "$@"; echo "exit $?"; }
u disable Anna
u disable anna
u list
u enable anna
u enable anna
sqlite3 "$db" "INSERT INTO session VALUES (x'02', 2, 'c', 0, 0, 1, 1)"
u role bert --role gemeente --municipality leeuwarden
u role bert --role lezer --municipality leeuwarden
u role bert --role beheerder
u list --format tsv
sqlite3 "$db" "SELECT count(*) FROM session; SELECT * FROM account_log"
