# Broken CSV: a stray quote, a quoted cell that never closes, a NUL byte.
for f in stray-quote unterminated nul; do
	$STJ --db "$T/db" import tests/fixtures/import/$f.csv
	echo "exit $?"
done
