# stj serve with accounts: the plain login URL (no token; the token link
# is refused), the login form and its cookie, a login by name and password
# (a new session cookie, HttpOnly and SameSite=Strict), the account on
# every page, a wrong password or name with one message that does not say
# which was wrong, and a logout that ends the session in the database.
. tests/web/serve.sh
. tests/web/accounts.sh
accounts_db
serve_start
echo "url: $(echo "$url" | sed 's/127\.0\.0\.1:[0-9]*/127.0.0.1:PORT/')"
echo "GET /login?token=...: $(code "$base/login?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")"
echo "GET / without session: $(code "$base/")"
curl -s "$base/" | grep -o 'Meld u aan[^<]*'
echo "GET /static/stj.css without session: $(code "$base/static/stj.css")"

echo "-- the form"
login_form
tr -d '\r' <"$T/lf.h" | grep -E '^(HTTP|Set-Cookie)' |
    sed 's/login=[A-Za-z0-9_-]\{43\};/login=(43 characters);/'
echo "form token is the cookie's: $([ "Cookie: login=$lt" = "$lc" ] && echo yes)"
grep -c 'name="wachtwoord"' "$T/lf.html"

echo "-- a wrong password, an unknown name: one message"
for n in ines nobody; do
	curl -s -o "$T/bad.html" -w "$n: %{http_code}\n" -H "$lc" \
	    --data-urlencode "csrf=$lt" --data-urlencode "naam=$n" \
	    --data-urlencode "wachtwoord=fout-fout-fout-fout" "$base/login"
	grep -o '<p class="melding[^<]*' "$T/bad.html"
done

echo "-- login"
login ines
tr -d '\r' <"$T/li.h" | grep -E '^(HTTP|Location|Set-Cookie)' |
    sed 's/sid=[A-Za-z0-9_-]\{43\};/sid=(43 characters);/'
echo "GET /: $(code -H "$c" "$base/")"
curl -s -H "$c" "$base/" | grep -o '<span class="account">[^<]*'
sqlite3 "$T/db" "SELECT a.name FROM session s JOIN account a ON a.id = s.account_id"
echo "GET /login logged in: $(code -H "$c" "$base/login")"

echo "-- logout"
echo "POST /logout without token: $(code -H "$c" -X POST "$base/logout")"
curl -s -D "$T/lo.h" -o /dev/null -H "$c" --data-urlencode "csrf=$csrf" \
    "$base/logout"
tr -d '\r' <"$T/lo.h" | grep -E '^(HTTP|Location|Set-Cookie)'
echo "GET / after logout: $(code -H "$c" "$base/")"
sqlite3 "$T/db" "SELECT count(*) FROM session"
serve_stop
