# test: alone (its lockout window is 15 minutes of wall clock from the first failure: 20 Argon2 logins must fit in the first minute)
# Failed logins: the account is locked after 5 wrong passwords in a row
# (the message says for how long; the right password does not open it
# then), and one client address is slowed after 20 failures whatever names
# it tries (429, with its own message). A change made in the browser is
# audited under the account's name (stj history).
. tests/web/serve.sh
. tests/web/accounts.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
accounts_db
serve_start
try() {
	login_form
	curl -s -o "$T/t.html" -w "$1 $2: %{http_code} " -H "$lc" \
	    --data-urlencode "csrf=$lt" --data-urlencode "naam=$1" \
	    --data-urlencode "wachtwoord=$2" "$base/login"
	grep -o '<p class="melding[^<]*' "$T/t.html" | sed 's/.*">//'
}

echo "-- the audit names the account"
login ines
L='gemeente=Leeuwarden&jaar=2013'
A='aanpak=Interventieteam%20Gezinnen'
echo "POST /ronde/oordeel: $(code -H "$c" -d "csrf=$csrf&$L&$A&indicator=4.2.2&versie=0&oordeel=X&bevinding=Geen%20plan&reden=dossier" \
    "$base/ronde/oordeel")"
$STJ --db "$T/db" history --municipality Leeuwarden

echo "-- lock-out of an account"
for i in 1 2 3 4 5; do try lezer "fout-wachtwoord-$i"; done
try lezer "$PW"
sqlite3 "$T/db" "SELECT name, failed, locked_until > 0 FROM account WHERE name = 'lezer'"
sqlite3 "$T/db" "SELECT account, event FROM account_log WHERE event = 'locked'"
echo "other accounts still log in: $(login ines; code -H "$c" "$base/")"

echo "-- the limit per address"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13; do
	try "niemand-$i" fout-fout-fout-fout >/dev/null
done
try niemand-14 fout-fout-fout-fout
try ines "$PW"
serve_stop
