# test: alone (timing or a large import: it needs the machine to itself)
# stj serve over HTTPS (--tls-cert, --tls-key; a self-signed certificate
# made here): the login answers over TLS with a Secure cookie and HSTS,
# plain HTTP is not served, and each wrong file is named with what is
# wrong with it, before anything starts.
. tests/web/serve.sh
serve_db
mk() { # mk NAME DAYS: NAME.crt and NAME.key, CN=localhost
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
	    -nodes -days "$2" -subj /CN=localhost -keyout "$T/$1.key" \
	    -out "$T/$1.crt" 2>/dev/null || echo "openssl failed"
}
mk a 1
mk b 1

echo "-- HTTPS"
serve_start --public --tls-cert "$T/a.crt" --tls-key "$T/a.key"
port=${base##*:}
https=$(echo "$url" | sed 's/127\.0\.0\.1/localhost/')
curl -s -D "$T/login.h" -o /dev/null --resolve "localhost:$port:127.0.0.1" \
    --cacert "$T/a.crt" "$https"
echo "curl exit $?"
tr -d '\r' <"$T/login.h" | grep -E '^(HTTP|Location|Strict|Set-Cookie)' |
    sed 's/sid=[A-Za-z0-9_-]*/sid=SID/'
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
echo "GET / with the session: $(curl -s -o /dev/null -w '%{http_code}' \
    --resolve "localhost:$port:127.0.0.1" --cacert "$T/a.crt" \
    -H "Cookie: sid=$sid" "https://localhost:$port/")"
echo "another certificate authority: $(curl -s -o /dev/null \
    --resolve "localhost:$port:127.0.0.1" --cacert "$T/b.crt" \
    "https://localhost:$port/"; echo "curl exit $?")"
echo "plain HTTP: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")"
echo "TLS 1.1: $(curl -s -o /dev/null --tlsv1.1 --tls-max 1.1 --ciphers DEFAULT@SECLEVEL=0 \
    --resolve "localhost:$port:127.0.0.1" --cacert "$T/a.crt" \
    "https://localhost:$port/"; echo "curl exit $?")"
serve_stop

echo "-- wrong files"
echo junk >"$T/junk.pem"
: >"$T/empty.pem"
openssl ec -in "$T/a.key" -aes256 -passout pass:x -out "$T/enc.key" 2>/dev/null
openssl req -new -key "$T/a.key" -subj /CN=localhost -out "$T/old.csr"
openssl x509 -req -in "$T/old.csr" -signkey "$T/a.key" -days 0 \
    -out "$T/old.crt" 2>/dev/null
sleep 1
tls() {
	$STJ --db "$T/db" serve --listen 127.0.0.1:0 --public --tls-cert "$1" \
	    --tls-key "$2" 2>"$T/err"
	rc=$?
	sed "s|$T/||g; s|$T|DIR|; s/on [0-9-]*$/on DATE/" "$T/err"
	echo "exit $rc"
}
tls "$T/junk.pem" "$T/a.key"
tls "$T/empty.pem" "$T/a.key"
tls "$T/none.crt" "$T/a.key"
tls "$T" "$T/a.key"
tls "$T/a.key" "$T/a.key"
tls "$T/a.crt" "$T/a.crt"
tls "$T/a.crt" "$T/b.key"
tls "$T/a.crt" "$T/enc.key"
tls "$T/old.crt" "$T/a.key"
tls "$T/a.crt" "$T/none.key"
$STJ --db "$T/db" serve --tls-cert "$T/a.crt" 2>&1
echo "exit $?"
