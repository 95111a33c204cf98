# The temporary file is made by mkstemp: a file a killed run left at the
# old name (PATH.tmp.PID; exec keeps the pid) blocks nothing and is left
# alone. The file written has the mode a new file gets under the umask.
$STJ --db "$T/db" import examples/leeuwarden-2013.csv >/dev/null
export STJ T
sh -c 'touch "$T/f.pdf.tmp.$$"; exec $STJ --db "$T/db" factsheet \
    --municipality Leeuwarden -o "$T/f.pdf"' >"$T/out"
echo "exit $?"
sed "s|$T|\$T|" "$T/out"
pdfinfo "$T/f.pdf" >/dev/null && echo "f.pdf complete"
ls "$T" | grep -c tmp
umask 002
$STJ questionnaire --role gemeente --format csv -o "$T/q.csv" >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/g.pdf" >/dev/null
umask 077
$STJ questionnaire --role gemeente --format xml -o "$T/q.xml" >/dev/null
stat -c '%A %n' "$T/q.csv" "$T/g.pdf" "$T/q.xml" | sed "s|$T/||"
