# test: alone (timing or a large import: it needs the machine to itself)
# stj import killed with SIGKILL inside its transaction: the test hook
# (src/testhook.h) kills it after every row of a large import (national x
# 4, about 280 000 answers) is written and before COMMIT, so the kill is
# known to land mid-transaction: the exit status is SIGKILL's and the WAL
# already holds the import's pages. Then the database passes
# integrity_check and holds none of it, and a new import stores all.
$GEN --workload national --copies 4 -o "$T/big.csv"
$STJ --db "$T/db" import examples/leeuwarden-2013.csv >/dev/null
wal() { [ -f "$T/db-wal" ] && stat -c %s "$T/db-wal" || echo 0; }
echo "WAL before: $(wal) bytes"
# The killed run without $STJ_WRAP: valgrind would report as leaks the
# memory a process killed on purpose never frees.
STJ_TEST_KILL_AT=import-commit ${STJ##* } --db "$T/db" import "$T/big.csv" \
    >/dev/null 2>&1
rc=$?
[ $rc -eq 137 ] && echo "killed before COMMIT (exit 137)" || echo "NOT killed: exit $rc"
[ "$(wal)" -gt 1000000 ] && echo "the WAL holds the uncommitted import" ||
    echo "WAL only $(wal) bytes: the kill came before the rows were written"
sqlite3 "$T/db" "PRAGMA integrity_check; SELECT count(*) FROM answer"
$STJ --db "$T/db" import "$T/big.csv"
sqlite3 "$T/db" "PRAGMA integrity_check; SELECT count(*) FROM answer"
