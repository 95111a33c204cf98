# test: alone (timing or a large import: it needs the machine to itself)
# stj serve killed (SIGKILL) while four clients send changes: every change
# answered 303 is in the database, each whole (its verdict and finding
# rows together, with its override), none half-written, and the database
# passes integrity_check. First the kill lands inside a transaction (the
# 25th change, its rows written, just before COMMIT: STJ_TEST_KILL_AT),
# then from outside, at whatever the server is doing. It serves again after.
. tests/web/serve.sh
# The server without $STJ_WRAP, as in crash-import: valgrind would report
# as leaks the memory of a process killed on purpose.
STJ=${STJ##* }
serve_db

# Every approach × indicator of both municipalities, url-encoded.
pairs() {
	for m in Leeuwarden "$HOSTILE"; do
		$STJ --db "$T/db" verdicts --municipality "$m" --format tsv |
		    awk -F'\t' -v m="$m" 'NR > 1 { print m "\t" $1 "\t" $2 }'
	done | sed 's/ /%20/g; s/</%3C/g; s/>/%3E/g; s/(/%28/g; s/)/%29/g; s|/|%2F|g'
}
pairs >"$T/pairs"

login() {
	curl -s -D "$T/login.h" -o /dev/null "$url"
	sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
	curl -s -H "Cookie: sid=$sid" "$base/" >"$T/page.html"
	csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page.html")
}

# client N FILE: sends the changes in FILE, one line "CODE FINDING" each.
client() {
	while IFS='	' read -r m a i; do
		f="kill-$1-$i-$(echo "$a$m" | cksum | cut -d' ' -f1)"
		curl -s -o /dev/null -w "%{http_code} $f\n" -H "Cookie: sid=$sid" \
		    -d "csrf=$csrf&gemeente=$m&jaar=2013&aanpak=$a&indicator=$i&versie=0&oordeel=X&bevinding=$f&reden=test" \
		    "$base/ronde/oordeel"
	done <"$2" >"$T/client.$1"
}

# clients FILE: four clients on FILE's lines until the server dies; $acked.
clients() {
	split -n r/4 "$1" "$T/part."
	n=0
	for p in "$T"/part.*; do
		n=$((n + 1))
		client $n "$p" &
	done
}

acked() { cat "$T"/client.* 2>/dev/null | grep -c '^303 '; }

# What the database holds (stj history: the findings written); every
# acknowledged change must be in it.
check() {
	wait
	cat "$T"/client.* | sed -n 's/^303 //p' | sort >"$T/acked"
	for m in Leeuwarden "$HOSTILE"; do
		$STJ --db "$T/db" history --municipality "$m"
	done | sed -n 's/.*finding: voorstel -> \(kill-[^ ]*\) .*/\1/p' |
	    sort >"$T/stored"
	echo "acknowledged: $(wc -l <"$T/acked" | tr -d ' ') of $(cat "$T"/part.* | wc -l | tr -d ' ') sent"
	echo "acknowledged but not stored: $(comm -23 "$T/acked" "$T/stored" | wc -l)"
	sqlite3 "$T/db" "SELECT 'changes stored: ' || count(*) FROM audit_log WHERE field = 'finding';
	    SELECT 'verdicts without their finding: ' || ((SELECT count(*) FROM audit_log WHERE field = 'verdict') - count(*)) FROM audit_log WHERE field = 'finding';
	    SELECT 'overrides without their audit rows: ' || count(*) FROM override o WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.field = 'finding' AND l.new_value = o.finding);
	    PRAGMA integrity_check;"
	rm -f "$T"/part.* "$T"/client.*
}

echo "-- killed just before the COMMIT of the 25th change"
export STJ_TEST_KILL_AT=store-commit:25
serve_start --threads 4
unset STJ_TEST_KILL_AT
login
clients "$T/pairs"
wait $pid 2>/dev/null
echo "stj serve exit status $?"
check >"$T/check"
a=$(sed -n 's/^acknowledged: \([0-9]*\) of.*/\1/p' "$T/check")
[ "$a" -le 24 ] && echo "acknowledged: at most the 24 committed"
sed '/^acknowledged: /d' "$T/check"

echo "-- killed from outside after 10 acknowledged changes"
# The changes not stored yet (a stored one would now be stale).
sqlite3 "$T/db" "SELECT m.name || char(9) || a.name || char(9) || o.indicator
    FROM override o JOIN approach a ON a.id = o.approach_id
    JOIN round r ON r.id = a.round_id JOIN municipality m ON m.id = r.municipality_id" |
    sed 's/ /%20/g; s/</%3C/g; s/>/%3E/g; s/(/%28/g; s/)/%29/g; s|/|%2F|g' | sort >"$T/done"
sort "$T/pairs" | comm -23 - "$T/done" >"$T/todo"
serve_start --threads 4
login
clients "$T/todo"
i=0
while [ "$(acked)" -lt 10 ] && [ $i -lt 1200 ]; do
	i=$((i + 1))
	sleep 0.05
done
kill -KILL $pid
wait $pid 2>/dev/null
echo "stj serve exit status $?"
check >"$T/check"
sed -n 's/^acknowledged: \([0-9]*\) of \([0-9]*\) sent/\1 \2/p' "$T/check" | {
	read -r a s
	[ "$a" -ge 10 ] && [ "$a" -lt "$s" ] && echo "killed mid-stream: yes"
}
sed '/^acknowledged: /d; /^changes stored: /d' "$T/check"

echo "-- served again"
serve_start
login
echo "GET /: $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: sid=$sid" "$base/")"
serve_stop
