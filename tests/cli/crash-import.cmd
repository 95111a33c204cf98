# stj import killed with SIGKILL at several points of a large import
# (national x 4, about 280 000 answers): the database passes
# integrity_check and holds all of the import or none of it; a new import
# afterwards stores everything.
$GEN --workload national --copies 4 -o "$T/big.csv"
$STJ --db "$T/db" import examples/leeuwarden-2013.csv >/dev/null
for delay in 0.05 0.2 0.4 0.7 1.0; do
	$STJ --db "$T/db" import "$T/big.csv" >/dev/null 2>&1 &
	pid=$!
	sleep $delay
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	ok=$(sqlite3 "$T/db" "PRAGMA integrity_check")
	n=$(sqlite3 "$T/db" "SELECT count(*) FROM answer")
	# 204: none of it (Leeuwarden only); 279276: all (it finished first)
	case $n in
	204|279276) state="all or nothing" ;;
	*) state="PARTIAL: $n answers" ;;
	esac
	echo "integrity $ok; $state"
	if [ "$n" = 279276 ]; then
		rm -f "$T/db" "$T/db-wal" "$T/db-shm"
		$STJ --db "$T/db" import examples/leeuwarden-2013.csv >/dev/null
	fi
done
$STJ --db "$T/db" import "$T/big.csv"
sqlite3 "$T/db" "PRAGMA integrity_check; SELECT count(*) FROM answer"
