# stj serve: every route but the stylesheet (fixed content, which a
# respondent's questionnaire needs too) refuses a request without a session (401); the
# one-time login link sets a safe session cookie and works once; every
# response carries the security headers; a POST needs the session's CSRF
# token; every value on a page is escaped; errors never echo the request.
. tests/web/serve.sh
serve_db
serve_start
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

echo "-- without a session"
for r in / /static/stj.css '/ronde?gemeente=Leeuwarden&jaar=2013' /login \
    /nope; do
	echo "GET $r: $(code "$base$r")"
done
echo "POST /logout: $(code -X POST "$base/logout")"
echo "GET /login?token=wrong: $(code "$base/login?token=wrong")"
echo "GET /login?token=(43 wrong): $(code \
    "$base/login?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")"

echo "-- login"
curl -s -D "$T/login.h" -o /dev/null "$url"
tr -d '\r' <"$T/login.h" | grep -E '^(HTTP|Location|Set-Cookie)' |
    sed 's/sid=[A-Za-z0-9_-]\{43\};/sid=(43 characters);/'
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
echo "token again: $(code "$url")"
c="Cookie: sid=$sid"

echo "-- headers of a page"
curl -s -D "$T/page.h" -o "$T/page.html" -H "$c" "$base/"
tr -d '\r' <"$T/page.h" | grep -E '^(HTTP|Content-Security|X-|Referrer|Cache|Content-Type)'

echo "-- with the session"
for r in / /static/stj.css '/ronde?gemeente=Leeuwarden&jaar=2013' \
    '/ronde?gemeente=%3Cscript%3Ealert(1)%3C%2Fscript%3E&jaar=2013' \
    '/ronde?gemeente=Nergens&jaar=2013' '/ronde?gemeente=Leeuwarden' \
    '/ronde?gemeente=Leeuwarden&jaar=%3Cb%3E' /nope /login; do
	echo "GET $r: $(code -H "$c" "$base$r")"
done
curl -s -H "$c" "$base/ronde?gemeente=Leeuwarden&jaar=%3Cb%3E" | grep -c '<b>'
echo "POST /logout without token: $(code -H "$c" -X POST "$base/logout")"
echo "POST /logout wrong token: $(code -H "$c" \
    -d csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA "$base/logout")"
echo "POST /logout 100 kB: $(head -c 100000 /dev/zero | code -H "$c" \
    --data-binary @- "$base/logout")"
echo "POST /logout as JSON: $(code -H "$c" -H 'Content-Type: application/json' \
    -d '{}' "$base/logout")"

echo "-- a hostile name is text"
grep -c '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/page.html"
grep -c '<script' "$T/page.html"
curl -s -H "$c" "$base/ronde?gemeente=%3Cscript%3Ealert(1)%3C%2Fscript%3E&jaar=2013" \
    >"$T/ronde.html"
grep -c '<h1>&lt;script&gt;alert(1)&lt;/script&gt; <span' "$T/ronde.html"
grep '<script' "$T/ronde.html" | grep -vc '^<script src="/static/stj.js"></script>$'

echo "-- logout"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/page.html")
echo "POST /logout: $(code -H "$c" -d "csrf=$csrf" "$base/logout")"
echo "GET / after logout: $(code -H "$c" "$base/")"
serve_stop
