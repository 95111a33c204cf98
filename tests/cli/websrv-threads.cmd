# stj serve keeps one database connection per worker thread (--threads N):
# after 40 pages read by 8 clients at once, the server holds at most one
# read connection per thread, not one per request, and the pages are all
# served. A change (a write connection) adds at most one per thread.
. tests/web/serve.sh
serve_db
serve_start --threads 2
curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
c="Cookie: sid=$sid"
db=$(cd "$T" && pwd -P)/db
conns() { ls -l /proc/$pid/fd | grep -c " $db\$"; }
echo "connections before any page: $(conns)"
clients=
for n in 1 2 3 4 5 6 7 8; do
	for i in 1 2 3 4 5; do
		curl -s -o /dev/null -w '%{http_code}\n' -H "$c" \
		    "$base/ronde?gemeente=Leeuwarden&jaar=2013"
	done >"$T/c.$n" &
	clients="$clients $!"
done
# shellcheck disable=SC2086
wait $clients
echo "pages: $(cat "$T"/c.* | sort | uniq -c | sed 's/^ *//')"
n=$(conns)
[ "$n" -ge 1 ] && [ "$n" -le 2 ] && echo "read connections: 1 or 2"
csrf=$(curl -s -H "$c" "$base/" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')
echo "a change: $(curl -s -o /dev/null -w '%{http_code}' -H "$c" \
    -d "csrf=$csrf&gemeente=Leeuwarden&jaar=2013&aanpak=Interventieteam%20Gezinnen&indicator=4.2.2&versie=0&oordeel=X&reden=r" \
    "$base/ronde/oordeel")"
n=$(conns)
[ "$n" -ge 2 ] && [ "$n" -le 4 ] && echo "read and write connections: 2 to 4"
serve_stop
echo "-- --threads"
for v in 0 65 x 1x ""; do
	$STJ --db "$T/db" serve --threads "$v" 2>&1
	echo "exit $?"
done
