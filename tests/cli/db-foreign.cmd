# Another program's SQLite file is refused by every command, readers and
# writers, and left byte for byte as it was: no stj tables, no
# application_id, no switch to WAL, no -wal or -shm file beside it. Both
# kinds: another application_id, and application_id 0 with other tables
# (in rollback-journal and in WAL mode).
sqlite3 "$T/other.sqlite" "CREATE TABLE notes (x); INSERT INTO notes VALUES (1)"
sqlite3 "$T/app7.sqlite" "PRAGMA application_id = 7; CREATE TABLE t (x)"
sqlite3 "$T/wal.sqlite" "PRAGMA journal_mode = WAL; CREATE TABLE t (x)" >/dev/null
printf 'gemeente\tronde\taanpak\tindicator\tverdict\treden\n' >"$T/o.csv"
for db in other.sqlite app7.sqlite wal.sqlite; do
	cp "$T/$db" "$T/orig"
	while read -r args; do
		# shellcheck disable=SC2086
		$STJ --db "$T/$db" $args >/dev/null 2>"$T/err"
		echo "$args: exit $? $(cat "$T/err")" | sed "s|$T/||g"
	done <<-EOF2
	status
	verdicts --municipality Leeuwarden
	factsheet --municipality Leeuwarden -o $T/l.pdf
	factsheet --all -o $T/all
	progress --municipality Leeuwarden --from 2013 --to 2014
	history --municipality Leeuwarden
	conclusions --municipality Leeuwarden --round 2013
	override --municipality Leeuwarden --round 2013 --approach A --indicator 1.1.1 --verdict V --reason r
	override --file $T/o.csv
	merge --municipality Leeuwarden --round 2013 --approach A --indicators 1.1.1-1.1.2 --reason r
	conclusion --municipality Leeuwarden --round 2013 --approach A --theme 1 --goed g --reason r
	round new --municipality Leeuwarden --round 2013
	import examples/leeuwarden-2013.csv
	import --dry-run examples/leeuwarden-2013.csv
	EOF2
	cmp "$T/orig" "$T/$db" && echo "$db unchanged"
	ls "$T" | grep -e '-wal$' -e '-shm$' || echo "no -wal, no -shm"
done
