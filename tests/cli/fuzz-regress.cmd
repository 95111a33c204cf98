# Every input the fuzzers found (fuzz/regress/) goes through stj itself:
# a clean refusal or import, never a crash, and quickly (each of these
# once took seconds to minutes or printed millions of lines).
for f in fuzz/regress/fuzz_csv/* fuzz/regress/fuzz_import/* \
    fuzz/regress/fuzz_dossier/*; do
	$STJ --db "$T/db" import --dry-run "$f" >"$T/out" 2>&1
	echo "$f: exit $?, $(wc -l <"$T/out") lines"
done
for f in fuzz/regress/fuzz_framework/*; do
	$STJ framework validate "$f" >"$T/out" 2>&1
	echo "$f: exit $?, $(wc -l <"$T/out") lines"
done
