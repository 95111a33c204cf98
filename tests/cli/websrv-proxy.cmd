# stj serve --behind-proxy: a proxy on this computer terminates TLS, so stj
# listens on loopback only, its cookie is Secure and it sends HSTS; the
# address rules of --public, --behind-proxy and TLS.
. tests/web/serve.sh
serve_db
serve_start --behind-proxy
curl -s -D "$T/login.h" -o /dev/null -H 'X-Forwarded-Proto: https' \
    -H 'X-Forwarded-For: 192.0.2.7' "$url"
tr -d '\r' <"$T/login.h" | grep -E '^(HTTP|Location|Strict|Set-Cookie)' |
    sed 's/sid=[A-Za-z0-9_-]*/sid=SID/'
serve_stop

echo "-- --public with --behind-proxy on loopback"
serve_start --public --behind-proxy
curl -s -D "$T/login.h" -o /dev/null "$url"
tr -d '\r' <"$T/login.h" | grep -E '^Set-Cookie' | sed 's/sid=[A-Za-z0-9_-]*/sid=SID/'
serve_stop

echo "-- without a proxy or TLS: no Secure, no HSTS"
serve_start
curl -s -D "$T/login.h" -o /dev/null "$url"
tr -d '\r' <"$T/login.h" | grep -E '^(Strict|Set-Cookie)' | sed 's/sid=[A-Za-z0-9_-]*/sid=SID/'
serve_stop

echo "-- refused"
for a in "--listen 0.0.0.0:8080 --behind-proxy" \
    "--listen 0.0.0.0:8080 --public --behind-proxy" \
    "--listen 192.0.2.1:8443 --public" "--public" \
    "--listen [::]:8080 --public" "--listen 0.0.0.0:8080"; do
	# shellcheck disable=SC2086
	$STJ --db "$T/db" serve $a 2>&1
	echo "exit $?"
done
