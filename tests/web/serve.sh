# Shared by the web tests (sourced by tests/cli/web-*.cmd): a demo
# database with a hostile municipality name, and "stj serve" on a free
# port. After serve_start: $pid, $url (the login link), $base.

# Leeuwarden as imported, and the same answers under a name that is markup.
HOSTILE='<script>alert(1)</script>'
serve_db() {
	$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
	    examples/leeuwarden-2013-dossier.xml >/dev/null || exit 1
	sed 's/^Leeuwarden;/<script>alert(1)<\/script>;/' \
	    examples/leeuwarden-2013.csv >"$T/hostile.csv"
	$STJ --db "$T/db" import "$T/hostile.csv" >/dev/null || exit 1
}

# Port 0: the kernel picks a free port, and stj prints it in the URL.
# $STJ may run under valgrind: a slow start is waited for (up to 120 s).
# Arguments: more options of stj serve (--tls-cert ..., --threads N).
serve_start() {
	# Emptied here, not only by the redirection below, which runs in the
	# background: a test that starts a second server must not read the
	# first one's URL.
	: >"$T/serve.out"
	$STJ --db "$T/db" serve --listen 127.0.0.1:0 "$@" >"$T/serve.out" \
	    2>"$T/serve.err" &
	pid=$!
	i=0
	while ! grep -q '^stj serve: open http' "$T/serve.out"; do
		i=$((i + 1))
		if [ $i -gt 1200 ] || ! kill -0 $pid 2>/dev/null; then
			echo "stj serve did not start:"
			cat "$T/serve.err"
			kill -TERM $pid 2>/dev/null
			exit 1
		fi
		sleep 0.1
	done
	url=$(sed -n 's/^stj serve: open //p' "$T/serve.out")
	base=${url%%/login*}
}

# SIGTERM, then wait: under valgrind the log is written on exit.
serve_stop() {
	kill -TERM $pid
	wait $pid
	echo "stj serve exit status $?"
	sed 's/token=[A-Za-z0-9_-]*/token=TOKEN/; s/127\.0\.0\.1:[0-9]*/127.0.0.1:PORT/' \
	    "$T/serve.out"
}
