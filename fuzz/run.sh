#!/bin/sh
# fuzz/run.sh [SECONDS [HARNESS...]]: builds the libFuzzer harnesses into
# fuzz/build/ and runs each for SECONDS (default 120; $FUZZ_SECONDS also
# works), all of them unless HARNESS names are given.
#
# Each harness first replays its regression inputs (fuzz/regress/NAME/),
# then fuzzes a scratch copy of fuzz/corpus/NAME/, so a run never changes
# the committed corpus. Crash, leak and timeout inputs are kept in
# fuzz/build/artifacts/NAME/ and their paths printed; logs are in
# fuzz/build/logs/. Exit status: 0 all clean, 1 a harness failed, 2 the
# build failed.
#
# Environment: CC (default clang-14), FUZZ_PARALLEL=1 runs the harnesses
# at the same time, FUZZ_BUILD_ONLY=1 stops after building,
# FUZZ_KEEP_SCRATCH=1 keeps the scratch corpora (path printed).
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2

seconds=${1:-${FUZZ_SECONDS:-120}}
[ $# -gt 0 ] && shift
case $seconds in
''|*[!0-9]*) echo "usage: fuzz/run.sh [SECONDS [HARNESS...]]" >&2; exit 2 ;;
esac
all="fuzz_csv fuzz_import fuzz_dossier fuzz_framework fuzz_xlsx"
harnesses=${*:-$all}

FCC=${CC:-clang-14}
# make exports CC=cc by default; the harnesses need clang.
case $FCC in cc|gcc*|*/cc|*/gcc*) FCC=clang-14 ;; esac
out=fuzz/build
mkdir -p "$out/logs" || exit 2

# Like tools/deps.sh: as root, install clang-14 and libFuzzer when missing;
# otherwise print the apt-get line and stop.
missing=
for p in clang-14 libclang-rt-14-dev; do
	case $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
if [ -n "$missing" ] && [ "$FCC" = clang-14 ]; then
	if [ "$(id -u)" -eq 0 ]; then
		echo "fuzz: installing$missing"
		# shellcheck disable=SC2086
		DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		    --no-install-recommends $missing || exit 2
	else
		echo "fuzz: missing Debian packages. Run:" >&2
		echo "  sudo apt-get install$missing" >&2
		exit 2
	fi
fi
if ! command -v "$FCC" >/dev/null 2>&1; then
	echo "fuzz: $FCC not found" >&2
	exit 2
fi

# The \" reach the compiler as they are: the macros are string literals
# (a checkout path with blanks is not supported).
# shellcheck disable=SC2089
CFLAGS_F="-std=c11 -D_DEFAULT_SOURCE -g -O1 -fno-omit-frame-pointer \
 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
 -DSTJ_DATADIR=\"$top\" -DSTJ_VERSION=\"0.1\" -DFUZZ_ROOT=\"$top\" \
 -Isrc -Ifuzz $(pkg-config --cflags libxml-2.0 libutf8proc libzip)"
LIBS_F="$(pkg-config --libs libxml-2.0 libutf8proc libzip) -lm"

# Sources per harness: only what it needs (never main.c or cmd_*.c).
base="src/util.c src/diag.c src/testhook.c"
# ingest.c reads .xlsx too (step 12): src/xlsx.c and libzip with it.
# ... and recognises answer words and LimeSurvey exports (step 12).
xml="src/xmlsafe.c src/framework.c src/assess.c src/csv.c src/ingest.c src/names.c src/xlsx.c
 src/mapping.c src/limesurvey.c src/mapfile.c"
srcs_of() {
	case $1 in
	fuzz_csv)        echo "fuzz/fuzz_csv.c src/csv.c $base" ;;
	fuzz_import)     echo "fuzz/fuzz_ingest.c $xml $base" ;;
	fuzz_dossier)    echo "fuzz/fuzz_ingest.c $xml $base" ;;
	fuzz_framework)  echo "fuzz/fuzz_framework.c $xml $base" ;;
	fuzz_xlsx)       echo "fuzz/fuzz_xlsx.c src/xlsx.c src/xmlsafe.c src/csv.c $base" ;;
	*) return 1 ;;
	esac
}

for h in $harnesses; do
	srcs=$(srcs_of "$h") || { echo "fuzz: no harness $h (have: $all)" >&2; exit 2; }
	# shellcheck disable=SC2086,SC2090
	if ! $FCC $CFLAGS_F -o "$out/$h" $srcs $LIBS_F \
	    >"$out/logs/$h.build" 2>&1; then
		cat "$out/logs/$h.build" >&2
		echo "fuzz: building $h failed" >&2
		exit 2
	fi
done
echo "fuzz: built $harnesses in $out/"
[ -n "${FUZZ_BUILD_ONLY:-}" ] && exit 0

scratch=$(mktemp -d "${TMPDIR:-/tmp}/stj-fuzz-run.XXXXXX") || exit 2
if [ -z "${FUZZ_KEEP_SCRATCH:-}" ]; then
	trap 'rm -rf "$scratch"' EXIT
	trap 'exit 1' INT TERM
fi

# The options of every run: 64 KiB inputs (a survey export of one
# municipality is well under that), 10 s per input, 2 GiB of memory.
opts="-max_len=65536 -timeout=10 -rss_limit_mb=2048 -detect_leaks=1"

# run_one NAME: regression inputs, then SECONDS of fuzzing; status file.
run_one() {
	h=$1
	log="$out/logs/$h.log"
	art="$out/artifacts/$h/"
	mkdir -p "$art" "$scratch/corpus/$h" "$scratch/tmp-$h"
	if [ -d "fuzz/corpus/$h" ]; then
		cp -R "fuzz/corpus/$h/." "$scratch/corpus/$h/"
	fi
	dict=
	[ -f "fuzz/dict/$h.dict" ] && dict="-dict=fuzz/dict/$h.dict"
	: >"$log"
	regress=$(find "fuzz/regress/$h" -type f 2>/dev/null | sort)
	if [ -n "$regress" ]; then
		# shellcheck disable=SC2086
		if ! TMPDIR="$scratch/tmp-$h" "./$out/$h" $opts \
		    -artifact_prefix="$art" $regress >>"$log" 2>&1; then
			echo fail >"$scratch/$h.status"
			return
		fi
	fi
	# shellcheck disable=SC2086
	if TMPDIR="$scratch/tmp-$h" "./$out/$h" $opts $dict \
	    -max_total_time="$seconds" -print_final_stats=1 \
	    -artifact_prefix="$art" "$scratch/corpus/$h" >>"$log" 2>&1; then
		echo ok >"$scratch/$h.status"
	else
		echo fail >"$scratch/$h.status"
	fi
}

for h in $harnesses; do
	echo "fuzz: $h for ${seconds}s (log $out/logs/$h.log)"
	if [ -n "${FUZZ_PARALLEL:-}" ]; then
		run_one "$h" &
	else
		run_one "$h"
	fi
done
wait

failed=0
for h in $harnesses; do
	log="$out/logs/$h.log"
	st=$(cat "$scratch/$h.status" 2>/dev/null || echo fail)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
	eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	slow=$(sed -n 's/^stat::slowest_unit_time_sec: *//p' "$log" | tail -n 1)
	if [ "$st" = ok ]; then
		echo "fuzz: $h ok: ${runs:-?} runs, ${eps:-?} exec/s, cov ${cov:-?}, slowest ${slow:-?}s"
	else
		failed=1
		echo "fuzz: $h FAILED:"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*invariant failed|ALARM)' "$log" | head -n 5 | sed 's/^/    /'
		inputs=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log")
		# A regression input that fails is not copied: name it.
		[ -z "$inputs" ] &&
		    inputs=$(sed -n 's/^Running: \(.*\)$/\1/p' "$log" | tail -n 1)
		if [ -n "$inputs" ]; then
			for i in $inputs; do
				echo "    crashing input: $i"
				echo "    reproduce: ./$out/$h $i"
			done
		else
			echo "    (no input written; see $log)"
		fi
	fi
done
[ -n "${FUZZ_KEEP_SCRATCH:-}" ] && echo "fuzz: scratch corpora in $scratch"
exit $failed
