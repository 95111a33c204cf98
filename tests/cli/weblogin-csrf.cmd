# The login form's CSRF protection before a session exists (double
# submit: the "login" cookie and the form's token, plus the Origin when a
# browser sends one), and session fixation: a sid cookie planted before
# the login is not the session after it.
. tests/web/serve.sh
. tests/web/accounts.sh
accounts_db
serve_start
post() {
	code "$@" --data-urlencode naam=ines --data-urlencode "wachtwoord=$PW" \
	    "$base/login"
}
login_form
other=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
echo "no cookie, no token: $(post)"
echo "token, no cookie: $(post --data-urlencode "csrf=$lt")"
echo "cookie, no token: $(post -H "$lc")"
echo "cookie, other token: $(post -H "$lc" --data-urlencode "csrf=$other")"
echo "cookie and token, foreign Origin: $(post -H "$lc" \
    -H 'Origin: http://evil.example' --data-urlencode "csrf=$lt")"
host=${base#http://}
echo "cookie and token, our Origin: $(post -H "$lc" \
    -H "Origin: http://$host" --data-urlencode "csrf=$lt")"
echo "cookie and token, Origin null: $(post -H "$lc" -H 'Origin: null' \
    --data-urlencode "csrf=$lt")"

echo "-- session fixation"
planted="Cookie: sid=$other; login=${lc#Cookie: login=}"
curl -s -D "$T/fx.h" -o /dev/null -H "$planted" --data-urlencode "csrf=$lt" \
    --data-urlencode naam=ines --data-urlencode "wachtwoord=$PW" \
    "$base/login"
new=$(tr -d '\r' <"$T/fx.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
echo "a new sid: $([ -n "$new" ] && [ "$new" != "$other" ] && echo yes)"
echo "planted sid: $(code -H "Cookie: sid=$other" "$base/")"
echo "new sid: $(code -H "Cookie: sid=$new" "$base/")"
login ines
login ines
echo "sessions in the database: $(sqlite3 "$T/db" 'SELECT count(*) FROM session')"

echo "-- logout needs the session's token"
echo "POST /logout login token: $(code -H "$c" --data-urlencode "csrf=$lt" \
    "$base/logout")"
echo "POST /logout: $(code -H "$c" --data-urlencode "csrf=$csrf" \
    "$base/logout")"
serve_stop
