# An output path that cannot be written fails with the path and the
# reason, exit 1, and leaves no file (not even the temporary one) behind.
# An existing directory is not a regular file: never replaced.
$STJ --db "$T/db" import examples/leeuwarden-2013.csv >/dev/null
touch "$T/file"
exec 3>&2 2>"$T/err"
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/file/x.pdf"
echo "exit $?"
mkdir "$T/dir"
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/dir"
echo "exit $?"
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/nodir/x.pdf"
echo "exit $?"
find "$T" -name '*.tmp*' | wc -l
ls "$T/dir" | wc -l
sed "s|$T|\$T|" "$T/err" >&3
