# stj backup while stj serve runs and another process writes: the copy
# opens with stj status giving exactly what the database holds after the
# write; a backup onto the database (by any of its names) is refused and
# leaves nothing behind; the copy is one file (no -wal), checked.
. tests/web/serve.sh
serve_db
serve_start
echo "-- a write while the server runs"
$STJ --db "$T/db" import examples/zuiderhaven-2014.csv >/dev/null
echo "import exit status $?"
echo "-- backup"
$STJ --db "$T/db" backup "$T/copy.db"
echo "backup exit status $?"
echo "-- onto the live database"
refused() {
	$STJ --db "$T/db" backup "$1" 2>"$T/refused.err"
	echo "exit status $?"
	sed "s|$T|T|" "$T/refused.err"
}
refused "$T/db"
refused "$T/../$(basename "$T")/db"
refused "$T/db-wal"
serve_stop >/dev/null
# Nothing but the database and the copy (no temporary file, no -wal).
ls "$T" | grep 'db' | sed "s|^|file: |"
echo "-- the copy"
$STJ --db "$T/copy.db" status --format tsv
$STJ --db "$T/db" status --format tsv >"$T/live.tsv"
$STJ --db "$T/copy.db" status --format tsv | cmp - "$T/live.tsv" &&
    echo "same as the database"
echo "-- a backup of the copy (replacing an older one)"
$STJ --db "$T/copy.db" backup "$T/copy2.db" && cp "$T/copy2.db" "$T/copy3.db"
$STJ --db "$T/copy.db" backup "$T/copy3.db" && echo "replaced"
