#!/bin/sh
# fuzz/coverage.sh HARNESS [CORPUS_DIR...]: line coverage of src/ reached
# by a corpus (default fuzz/corpus/HARNESS and fuzz/regress/HARNESS).
# Builds a coverage copy of the harness into fuzz/build/cov/, replays the
# corpus once and prints llvm-cov's per-file report for the src files.
# Example, after "FUZZ_KEEP_SCRATCH=1 fuzz/run.sh": fuzz/coverage.sh
# fuzz_csv /tmp/stj-fuzz-run.XXXXXX/corpus/fuzz_csv
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
[ $# -ge 1 ] || { echo "usage: fuzz/coverage.sh HARNESS [CORPUS_DIR...]" >&2; exit 2; }
h=$1
shift
dirs=${*:-"fuzz/corpus/$h fuzz/regress/$h"}
FCC=${CC:-clang-14}
case $FCC in cc|gcc*|*/cc|*/gcc*) FCC=clang-14 ;; esac
out=fuzz/build/cov
mkdir -p "$out/tmp" || exit 2

base="src/util.c src/diag.c"
xml="src/xmlsafe.c src/framework.c src/assess.c src/csv.c src/ingest.c"
case $h in
fuzz_csv)        srcs="fuzz/fuzz_csv.c src/csv.c $base" ;;
fuzz_import|fuzz_dossier) srcs="fuzz/fuzz_ingest.c $xml $base" ;;
fuzz_framework)  srcs="fuzz/fuzz_framework.c $xml $base" ;;
*) echo "fuzz: no harness $h" >&2; exit 2 ;;
esac

# shellcheck disable=SC2086,SC2046
$FCC -std=c11 -D_DEFAULT_SOURCE -g -O1 -fsanitize=fuzzer \
    -fprofile-instr-generate -fcoverage-mapping \
    -DSTJ_DATADIR=\"$top\" -DSTJ_VERSION=\"0.1\" -DFUZZ_ROOT=\"$top\" \
    -Isrc -Ifuzz $(pkg-config --cflags libxml-2.0) -o "$out/$h" $srcs \
    $(pkg-config --libs libxml-2.0) -lm || exit 2

set --
for d in $dirs; do
	[ -d "$d" ] && set -- "$@" "$d"
done
rm -f "$out/$h.profraw"
# -runs=0 with directories: run every input once, fuzz nothing.
LLVM_PROFILE_FILE="$out/$h.profraw" TMPDIR="$out/tmp" \
    "./$out/$h" -runs=0 "$@" >"$out/$h.log" 2>&1
PD=llvm-profdata-14
COV=llvm-cov-14
command -v $PD >/dev/null 2>&1 || PD=llvm-profdata
command -v $COV >/dev/null 2>&1 || COV=llvm-cov
$PD merge -sparse "$out/$h.profraw" -o "$out/$h.profdata" || exit 2
# shellcheck disable=SC2086,SC2046
$COV report "$out/$h" -instr-profile="$out/$h.profdata" \
    $(echo "$srcs" | tr ' ' '\n' | grep '^src/')
