# step 10: accounts. Shared by the weblogin-* and webrole-* tests (after
# tests/web/serve.sh): Leeuwarden and Oosterhout 2013, and one account of
# each role; the password of each is "$PW". login NAME sets $c to its
# session's Cookie header and $csrf to the session's form token.
PW='wachtwoord-van-twaalf'
accounts_db() {
	$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
	    examples/leeuwarden-2013-dossier.xml \
	    examples/oosterhout-2013/*.xml >/dev/null || exit 1
	for a in 'beheer beheerder' 'ines inspecteur' 'lezer lezer'; do
		set -- $a
		echo "$PW" | $STJ --db "$T/db" user add "$1" --role "$2" \
		    >/dev/null || exit 1
	done
	echo "$PW" | $STJ --db "$T/db" user add gemeente-lw --role gemeente \
	    --municipality Leeuwarden >/dev/null || exit 1
}

code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

# The login form's cookie and token into $lc (Cookie header) and $lt.
login_form() {
	curl -s -D "$T/lf.h" -o "$T/lf.html" "$base/login"
	lt=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/lf.html")
	lc="Cookie: login=$(tr -d '\r' <"$T/lf.h" |
	    sed -n 's/^Set-Cookie: login=\([^;]*\);.*/\1/p')"
}

# login NAME [PASSWORD]: POST /login; $c and $csrf of the new session.
login() {
	login_form
	curl -s -D "$T/li.h" -o "$T/li.html" -H "$lc" \
	    --data-urlencode "csrf=$lt" --data-urlencode "naam=$1" \
	    --data-urlencode "wachtwoord=${2:-$PW}" "$base/login"
	c="Cookie: sid=$(tr -d '\r' <"$T/li.h" |
	    sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')"
	csrf=$(curl -s -H "$c" "$base/wachtwoord" |
	    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
}
