# test: alone (its lockout window is 15 minutes of wall clock from the first failure: 20 Argon2 logins must fit in the first minute)
# stj serve --behind-proxy: failed logins are limited per client address
# as the proxy names it, the LAST entry of X-Forwarded-For (what nginx
# appends); entries before it are the client's own claim. 20 failures
# from 10.0.0.1 slow 10.0.0.1 (429), also when it claims to be another
# address first, while 10.0.0.2 still logs in.
. tests/web/serve.sh
. tests/web/accounts.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
accounts_db
serve_start --behind-proxy
try() {
	login_form
	curl -s -o "$T/t.html" -w "$1 from $3: %{http_code} " -H "$lc" \
	    -H "X-Forwarded-For: $3" --data-urlencode "csrf=$lt" \
	    --data-urlencode "naam=$1" --data-urlencode "wachtwoord=$2" \
	    "$base/login"
	grep -o '<p class="melding[^<]*' "$T/t.html" | sed 's/.*">//'
	echo
}
for i in $(seq 1 20); do
	try "niemand-$i" fout-fout-fout-fout "192.0.2.$i, 10.0.0.1" >/dev/null
done
try ines "$PW" "10.0.0.1"
try ines "$PW" "10.0.0.2, 10.0.0.1"
try ines "$PW" "10.0.0.1, 10.0.0.2"
try ines "$PW" "10.0.0.2"
serve_stop
