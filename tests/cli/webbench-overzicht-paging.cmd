# The Overzicht shows 50 rounds a page: with 53 municipalities page 1 has
# the first 50 by name and links to page 2, page 2 the last 3 and links
# back; a page past the end is 404 and a bad page number 400. The filter
# keeps the rounds whose municipality's name contains what was typed
# (case and apostrophes as names compare), also in the page links.
. tests/web/serve.sh
# Leeuwarden's answers under 53 names, one import.
{
	head -n 1 examples/leeuwarden-2013.csv
	for i in $(seq -w 1 53); do
		tail -n +2 examples/leeuwarden-2013.csv |
		    sed "s/^Leeuwarden;/Gemeente $i;/"
	done
	tail -n +2 examples/leeuwarden-2013.csv |
	    sed "s/^Leeuwarden;/’s-Gemeente 99;/"
} >"$T/many.csv"
$STJ --db "$T/db" import "$T/many.csv" >/dev/null || exit 1
serve_start
curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
c="Cookie: sid=$sid"
code() { curl -s -o /dev/null -w '%{http_code}' -H "$c" "$@"; }
# page PATH: the names of its rows, then its pager (text and links).
page() {
	curl -s -H "$c" "$base$1" >"$T/page.html"
	echo "rows: $(grep -c '^<td><a href="/ronde' "$T/page.html")"
	sed -n 's/^<td><a href="\/ronde[^"]*">\([^<]*\)<\/a><\/td>$/\1/p' \
	    "$T/page.html" | tr '\n' ',' | sed 's/,$/\n/'
	sed -n 's/.*<nav class="paginas"[^>]*>\(.*\)<\/nav>/\1/p' \
	    "$T/page.html"
}

echo "-- page 1"
page /
echo "-- page 2"
page '/?pagina=2'
echo "-- past the end, bad numbers"
for p in 3 0 01 -1 x 100000; do
	echo "GET /?pagina=$p: $(code "$base/?pagina=$p")"
done
echo "-- filter"
page '/?zoek=GEMEENTE%205'
page '/?zoek=%27s-gem'
page '/?zoek=gemeente&pagina=2'
page '/?zoek=Nergens'
grep -o 'Geen gemeente gevonden[^<]*' "$T/page.html"
echo "GET /?zoek=(control character): $(code "$base/?zoek=a%01")"
serve_stop
