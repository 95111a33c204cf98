# Reading needs no write access (run as nobody when the tests run as root,
# whom permissions do not stop): status, verdicts and factsheet used to
# fail with "attempt to write a readonly database". A read-only file reads;
# so does a database in a directory nobody may write, unless it is in WAL
# mode, where SQLite must create a -shm file beside it: that is said, with
# what to do. An import into a read-only file says so once, not once per
# respondent.
if [ "$(id -u)" = 0 ]; then
	as="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	[ -d "$T/wrap" ] && chmod 1777 "$T/wrap"
else
	as=""
fi
export XDG_CACHE_HOME="$T/cache"
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null
mkdir "$T/out" "$T/cache" "$T/rw" "$T/ro" "$T/ro-wal"
chmod 1777 "$T/out" "$T/cache" "$T/rw"
cp "$T/db" "$T/rw/db"
cp "$T/db" "$T/ro-wal/db"
cp "$T/db" "$T/ro/db"
sqlite3 "$T/ro/db" "PRAGMA journal_mode = DELETE" >/dev/null
chmod 444 "$T/rw/db" "$T/ro/db" "$T/ro-wal/db"
chmod 555 "$T/ro" "$T/ro-wal"
for dir in rw ro ro-wal; do
	echo "$dir:"
	$as $STJ --db "$T/$dir/db" status 2>&1 | sed -n 1p
	$as $STJ --db "$T/$dir/db" verdicts --municipality Leeuwarden \
	    --format tsv 2>&1 | wc -l
	$as $STJ --db "$T/$dir/db" factsheet --municipality Leeuwarden \
	    -o "$T/out/$dir.pdf" >/dev/null 2>&1 &&
	    pdfinfo "$T/out/$dir.pdf" >/dev/null 2>&1 && echo "factsheet written"
done 2>&1 | sed "s|$T/||g"
$as $STJ --db "$T/rw/db" import examples/oosterhout-2013/*.xml 2>&1 |
    sed "s|$T/||g"
chmod 755 "$T/ro" "$T/ro-wal"
