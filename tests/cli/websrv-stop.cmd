# test: alone (timing or a large import: it needs the machine to itself)
# stj serve stops cleanly on SIGTERM: it refuses new connections at once,
# answers the request under way (a form sent slowly, 3 s at 1 kB/s, the
# signal after 1 s) and stores its change before it exits 0.
. tests/web/serve.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
serve_db
serve_start
curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
c="Cookie: sid=$sid"
curl -s -H "$c" "$base/" >"$T/page.html"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page.html")
pad=$(head -c 3000 /dev/zero | tr '\0' 'a')
form="csrf=$csrf&gemeente=Leeuwarden&jaar=2013&aanpak=Interventieteam%20Gezinnen&indicator=4.2.2&versie=0&oordeel=X&bevinding=Traag%20verstuurd&reden=slow$pad"
curl -s -o /dev/null -w '%{http_code}\n' --limit-rate 1000 -H "$c" \
    -d "$form" "$base/ronde/oordeel" >"$T/slow" &
cpid=$!
sleep 1
kill -TERM $pid
sleep 0.5
echo "a new connection after SIGTERM: $(curl -s -o /dev/null "$base/"; echo "curl exit $?")"
wait $cpid
echo "the request under way: $(cat "$T/slow")"
wait $pid
echo "stj serve exit status $?"
sed 's/token=[A-Za-z0-9_-]*/token=TOKEN/; s/127\.0\.0\.1:[0-9]*/127.0.0.1:PORT/' \
    "$T/serve.out"
$STJ --db "$T/db" history --municipality Leeuwarden | cut -c1-90
