# stj factsheet --all killed with SIGKILL while writing: the test hook
# (src/testhook.h) kills it when the third PDF is fully written under its
# temporary name, just before the rename, so the kill is known to land
# mid-run and mid-write. Then exactly the two PDFs before it are at their
# final names, each byte for byte the one a whole run writes; the
# interrupted one is only under a name that is no final name; nothing at
# a final name is partial. A new run writes every PDF. -j 1: one process,
# so "the third PDF" is one moment.
export SOURCE_DATE_EPOCH=1370044800
$GEN --workload national --municipalities 6 -o "$T/n.csv"
$STJ --db "$T/db" import "$T/n.csv" >/dev/null
$STJ --db "$T/db" factsheet --all -o "$T/whole" >/dev/null
# The killed run without $STJ_WRAP: valgrind would report as leaks the
# memory a process killed on purpose never frees.
STJ_TEST_KILL_AT=output-commit:3 ${STJ##* } --db "$T/db" factsheet --all -j 1 \
    -o "$T/pdf" >/dev/null 2>&1
rc=$?
[ $rc -eq 137 ] && echo "killed at the third PDF (exit 137)" || echo "NOT killed: exit $rc"
# ls -A: a temporary name may start with a dot.
final=0 same=0 other=0
ls -A "$T/pdf" >"$T/list"
while IFS= read -r name; do
	if [ -f "$T/whole/$name" ]; then
		final=$((final + 1))
		cmp -s "$T/pdf/$name" "$T/whole/$name" && same=$((same + 1))
	else
		other=$((other + 1))
	fi
done <"$T/list"
echo "at final names: $final, complete: $same; not at a final name: $other"
echo "PDFs of a whole run: $(ls -A "$T/whole" | wc -l)"
$STJ --db "$T/db" factsheet --all -o "$T/pdf" >/dev/null
for f in "$T"/whole/*; do
	cmp -s "$f" "$T/pdf/$(basename "$f")" || echo "differs: $f"
done
echo "a new run: every PDF complete"
