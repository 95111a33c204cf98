#!/bin/sh
# The test runner: unit tests ($UNIT) and CLI tests (tests/cli/*.cmd).
#
# A CLI test is tests/cli/NAME.cmd, a shell snippet run from the top of the
# checkout with $STJ (the binary, possibly under $STJ_WRAP) and $T (an empty
# scratch directory). Beside it, NAME.out and NAME.err hold the exact
# expected stdout and stderr (absent: must be empty) and NAME.rc the exit
# status (absent: 0). The last line is "N passed, N failed"; the exit
# status is 1 when anything failed.
#
# STJ_WRAP (e.g. valgrind ...) runs every stj and unit call under a tool
# that writes its findings to a log; a non-empty log fails the test.
#
# ONLY (a shell pattern, e.g. ONLY='web-*') runs only the CLI tests whose
# name matches, and no unit tests: for working on one area. CI never sets it.
#
# TEST_JOBS (default: the number of online processors) CLI tests run at
# once, each in its own scratch directory with its own database and, for
# the web tests, its own server on a port the kernel picks. A test whose
# .cmd has a line "# test: alone" (it measures time, kills processes or
# needs the machine to itself) runs after the others, by itself. Results
# are printed in name order whatever order the tests finish in.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
: "${STJ:=./stj}"
: "${UNIT:=build/unit}"
: "${STJ_WRAP:=}"
: "${GEN:=bench/build/gen}"
export GEN
tmp="$top/tests/tmp"
if [ "${1:-}" != --one ]; then
	rm -rf "$tmp"
	mkdir -p "$tmp"
fi

# The tests must not see the caller's database or framework path.
unset STJ_DB STJ_FRAMEWORK_PATH
STJ_DATADIR="$top"
export STJ_DATADIR

passed=0
failed=0
pass() { passed=$((passed + 1)); [ -n "${VERBOSE:-}" ] && echo "ok   $1"; true; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

# wrap LOGDIR CMD...: the command under $STJ_WRAP, logging to LOGDIR.
wrapped() {
	logdir=$1
	shift
	if [ -n "$STJ_WRAP" ]; then
		mkdir -p "$logdir"
		echo "$STJ_WRAP --log-file=$logdir/wrap.%p $*"
	else
		echo "$*"
	fi
}

# Findings of the wrapping tool, if any; prints them and returns 1.
wrap_clean() {
	[ -n "$STJ_WRAP" ] || return 0
	bad=0
	for log in "$1"/wrap.*; do
		[ -s "$log" ] || continue
		cat "$log"
		bad=1
	done
	return $bad
}

# --- one CLI test: run_test tests/cli/NAME.cmd ---------------------------
# Writes $tmp/NAME/verdict ("pass" or "fail: why") and, on failure,
# $tmp/NAME/report (the differences and the wrapping tool's findings).
run_test() {
	cmd=$1
	name=$(basename "$cmd" .cmd)
	base=${cmd%.cmd}
	T="$tmp/$name"
	mkdir -p "$T"
	STJ_RUN=$(wrapped "$T/wrap" "$STJ")
	STJ="$STJ_RUN" T="$T" sh "$cmd" >"$T/stdout" 2>"$T/stderr"
	rc=$?
	want_rc=0
	[ -f "$base.rc" ] && want_rc=$(cat "$base.rc")
	ok=1
	why=""
	if [ "$rc" != "$want_rc" ]; then
		ok=0
		why="exit status $rc, expected $want_rc"
	fi
	for stream in out err; do
		got="$T/std$stream"
		[ $stream = out ] && want="$base.out" || want="$base.err"
		if [ -f "$want" ]; then
			cmp -s "$want" "$got" || { ok=0; why="$why; std$stream differs"; }
		elif [ -s "$got" ]; then
			ok=0
			why="$why; unexpected std$stream"
		fi
	done
	wrap_clean "$T/wrap" >"$T/wrap.txt" || { ok=0; why="$why; $STJ_WRAP found problems"; }
	if [ $ok = 1 ]; then
		echo pass >"$T/verdict"
	else
		echo "fail: ${why#; }" >"$T/verdict"
		for stream in out err; do
			[ $stream = out ] && want="$base.out" || want="$base.err"
			[ -f "$want" ] || want=/dev/null
			diff -u "$want" "$T/std$stream" | head -30
		done >"$T/report"
		head -40 "$T/wrap.txt" >>"$T/report"
	fi
}

if [ "${1:-}" = --one ]; then
	run_test "$2"
	exit 0
fi

# --- unit tests ---------------------------------------------------------
: "${ONLY:=}"
udir="$tmp/unit"
mkdir -p "$udir"
if [ -n "$ONLY" ]; then
	: >"$udir/out"
	urc=0
else
	# shellcheck disable=SC2046
	$(wrapped "$udir/wrap" "$UNIT") >"$udir/out" 2>&1
	urc=$?
fi
while IFS= read -r line; do
	case "$line" in
	"PASS "*) pass "unit: ${line#PASS }" ;;
	"FAIL "*) fail "unit: ${line#FAIL }" ;;
	esac
done <"$udir/out"
if [ $urc -ne 0 ] || ! wrap_clean "$udir/wrap"; then
	fail "unit: exit status $urc"
	grep -v '^PASS ' "$udir/out" | head -40
fi

# --- CLI tests ----------------------------------------------------------
: "${TEST_JOBS:=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}"
case "$TEST_JOBS" in ''|*[!0-9]*|0) TEST_JOBS=1 ;; esac
: >"$tmp/together"
: >"$tmp/alone"
for cmd in tests/cli/*.cmd; do
	name=$(basename "$cmd" .cmd)
	# shellcheck disable=SC2254
	[ -n "$ONLY" ] && case "$name" in $ONLY) ;; *) continue ;; esac
	if grep -q '^# test: alone' "$cmd"; then
		echo "$cmd" >>"$tmp/alone"
	else
		echo "$cmd" >>"$tmp/together"
	fi
done
export STJ STJ_WRAP UNIT ONLY
xargs -r -P "$TEST_JOBS" -n 1 sh "$top/tests/run.sh" --one <"$tmp/together"
xargs -r -n 1 sh "$top/tests/run.sh" --one <"$tmp/alone"
cat "$tmp/together" "$tmp/alone" | LC_ALL=C sort | while IFS= read -r cmd; do
	name=$(basename "$cmd" .cmd)
	if [ ! -f "$tmp/$name/verdict" ]; then
		echo "fail: the runner left no result" >"$tmp/$name/verdict"
		: >"$tmp/$name/report"
	fi
done
for cmd in $(cat "$tmp/together" "$tmp/alone" | LC_ALL=C sort); do
	name=$(basename "$cmd" .cmd)
	case $(cat "$tmp/$name/verdict") in
	pass) pass "$name" ;;
	*)
		fail "$name: $(sed 's/^fail: //' "$tmp/$name/verdict")"
		cat "$tmp/$name/report"
		;;
	esac
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
