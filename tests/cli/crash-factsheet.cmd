# stj factsheet --all killed with SIGKILL half-way: every PDF at its
# target name is complete (pdfinfo reads it); only temporary files, never
# the target names, can be incomplete.
$GEN --workload national --municipalities 40 -o "$T/n.csv"
$STJ --db "$T/db" import "$T/n.csv" >/dev/null
$STJ --db "$T/db" factsheet --all -o "$T/pdf" >/dev/null 2>&1 &
pid=$!
sleep 0.3
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
bad=0
for f in "$T"/pdf/*.pdf; do
	[ -e "$f" ] || continue
	pdfinfo "$f" >/dev/null 2>&1 || { bad=$((bad + 1)); echo "incomplete: $f"; }
done
echo "incomplete PDFs at target names: $bad"
