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
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
: "${STJ:=./stj}"
: "${UNIT:=build/unit}"
: "${STJ_WRAP:=}"
: "${GEN:=bench/build/gen}"
export GEN
tmp="$top/tests/tmp"
rm -rf "$tmp"
mkdir -p "$tmp"

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
for cmd in tests/cli/*.cmd; do
	name=$(basename "$cmd" .cmd)
	# shellcheck disable=SC2254
	[ -n "$ONLY" ] && case "$name" in $ONLY) ;; *) continue ;; esac
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
		pass "$name"
	else
		fail "$name: ${why#; }"
		for stream in out err; do
			[ $stream = out ] && want="$base.out" || want="$base.err"
			[ -f "$want" ] || want=/dev/null
			diff -u "$want" "$T/std$stream" | head -30
		done
		head -40 "$T/wrap.txt"
	fi
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
