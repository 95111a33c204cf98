# Every command in the guides is run: each fenced ```sh block of
# doc/handleiding.md and doc/beheer.md starts with "# test: run" (run here,
# in order, against a scratch database, with "stj" on PATH; any non-zero
# exit fails) or "# test: skip (why)" (needs root or a network; its reason
# is printed). A block with neither mark fails: no instruction goes stale.
top=$(pwd)
mkdir -p "$T/bin" "$T/work"
ln -s "$top/examples" "$T/work/examples"
# $STJ is "./stj" or "build/sanitize/stj" (perhaps after a wrapper):
# each word that names a file here is made absolute, as the blocks run in
# $T/work.
stj_abs=""
for w in $STJ; do
	case $w in
	/*|-*) ;;
	*) [ -e "$top/$w" ] && w="$top/${w#./}" ;;
	esac
	stj_abs="$stj_abs $w"
done
printf '#!/bin/sh\nexec %s "$@"\n' "$stj_abs" >"$T/bin/stj"
chmod +x "$T/bin/stj"
for doc in doc/handleiding.md doc/beheer.md; do
	rm -f "$T"/block.*
	# One file per block: block.N, its first line the block's line number.
	awk -v dir="$T" '
		/^```sh$/ { n++; f = dir "/block." n; print NR >f; inb = 1; next }
		/^```$/ && inb { close(f); inb = 0; next }
		inb { print >f }
	' "$doc"
	n=1
	while [ -f "$T/block.$n" ]; do
		line=$(head -1 "$T/block.$n")
		mark=$(sed -n 2p "$T/block.$n")
		case "$mark" in
		"# test: run")
			tail -n +3 "$T/block.$n" >"$T/run.sh"
			(cd "$T/work" && PATH="$T/bin:$PATH" STJ_DB="$T/work/stj.db" \
			    sh -e "$T/run.sh") >>"$T/log" 2>&1 &&
			    echo "$doc block $n: ok" ||
			    { echo "$doc block $n (line $line) failed:"; tail -3 "$T/log"; } ;;
		"# test: skip ("*")")
			echo "$doc block $n: skipped ${mark#\# test: skip }" ;;
		*)
			echo "$doc block $n (line $line): no '# test: run' or '# test: skip (why)'" ;;
		esac
		n=$((n + 1))
	done
done
