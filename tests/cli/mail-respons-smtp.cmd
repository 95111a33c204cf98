# The Respons page sends the texts itself (stj serve --smtp, to a local
# SMTP sink: python3-aiosmtpd, never a real server), through the same
# library function as stj invitations --smtp: "Uitnodigingen versturen"
# sends those never sent nor opened, "Herinnering sturen" those sent or
# opened but not submitted, each with a NEW link: exact recipients, each
# link received opens its questionnaire (200), the links before it open
# nothing. One without an address is named, not sent. The forms need a
# session (401) and its CSRF token (403); the sent time is recorded.
# "direct versturen" on the invite form sends the first text at once.
. tests/web/serve.sh
export STJ_TEST_NOW=2013-06-01T00:00:00Z
ig="Interventieteam Gezinnen"
grep -v "^Leeuwarden;$ig;2013;netwerkpartner;" examples/leeuwarden-2013.csv >"$T/l.csv"
$STJ --db "$T/db" import "$T/l.csv" examples/leeuwarden-2013-dossier.xml \
    >/dev/null || exit 1
invite() {
	$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" \
	    --role netwerkpartner --organisation "$@" | sed -n 's#.*/v/##p'
}
invite "Fier Fryslân" --email fier@fier.example >"$T/fier0"
invite "Leger des Heils" --email leger@leger.example >"$T/leger0"
invite "Verslavingszorg Noord Nederland" >"$T/vnn0"
# Leger des Heils opened its link (given by hand): a reminder, no invitation.
$STJ --db "$T/db" respond --token "$(cat "$T/leger0")" | sed -n 1p
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$T/box" &
sink=$!
for i in 1 2 3 4 5 6 7 8 9 10; do
	/usr/bin/python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$port" 2>/dev/null && break
	sleep 0.5
done
serve_start --smtp "smtp://127.0.0.1:$port" --from "STJ <stj@inspectie.example>"
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
c="Cookie: sid=$sid"
R="$base/respons?gemeente=Leeuwarden&jaar=2013"
csrf=$(curl -s -H "$c" "$R" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
buttons() {
	curl -s -H "$c" "$R" | grep -o '<form method="post" action="/respons/\(versturen\|herinneren\)" *[a-z]*><[^>]*><[^>]*><[^>]*><input type="hidden" name="aanpak" value="[^"]*"><button type="submit">[^<]*' |
	    sed 's/<form method="post" action="\([^"]*\)" *\([a-z]*\)>.*name="aanpak" value="\([^"]*\)"><button type="submit">/\1 \2 \3: /'
}
flash() {
	curl -s -H "$c" "$R" | sed -n 's#.*<p class="melding \([a-z]*\)" role="status">\(.*\)</p>#\1: \2#p'
}
post() {
	code -H "$c" --data-urlencode "csrf=$csrf" -d gemeente=Leeuwarden \
	    -d jaar=2013 --data-urlencode "aanpak=$ig" "$@"
}
echo "-- the buttons"
buttons
echo "-- the forms' guards"
for f in versturen herinneren; do
	echo "POST /respons/$f: no session $(code -d "csrf=$csrf" -d gemeente=Leeuwarden \
	    -d jaar=2013 --data-urlencode "aanpak=$ig" "$base/respons/$f"), no csrf $(code \
	    -H "$c" -d gemeente=Leeuwarden -d jaar=2013 --data-urlencode "aanpak=$ig" \
	    "$base/respons/$f"), another csrf $(code -H "$c" -d csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA \
	    -d gemeente=Leeuwarden -d jaar=2013 --data-urlencode "aanpak=$ig" \
	    "$base/respons/$f"), no aanpak $(code -H "$c" --data-urlencode "csrf=$csrf" \
	    -d gemeente=Leeuwarden -d jaar=2013 "$base/respons/$f")"
done
echo "-- Uitnodigingen versturen"
echo "POST: $(post "$base/respons/versturen")"
flash
echo "again: $(post "$base/respons/versturen")"
flash
echo "-- Herinnering sturen"
echo "POST: $(post "$base/respons/herinneren")"
flash
buttons
echo "-- direct versturen"
echo "the box: $(curl -s -H "$c" "$R" | grep -c '<label class="vink" ><input type="checkbox" name="direct" value="1">')"
echo "revoke 3: $(code -H "$c" --data-urlencode "csrf=$csrf" -d gemeente=Leeuwarden -d jaar=2013 -d id=3 "$base/respons/intrekken")"
echo "invite with the box: $(post -d rol=netwerkpartner --data-urlencode \
    "organisatie=Verslavingszorg Noord Nederland" -d email=vnn@vnn.example \
    -d direct=1 "$base/respons/uitnodigen")"
flash
kill "$sink"
wait "$sink" 2>/dev/null
/usr/bin/python3 - "$T/box" >"$T/mails" <<'PY'
import mailbox, email.policy, email, re, sys
box = mailbox.Maildir(sys.argv[1], create=False)
# In the order delivered: the sink's counter Q in each file's name.
keys = sorted(box.keys(), key=lambda k: int(re.search(r"Q(\d+)", k).group(1)))
for k in keys:
    m = email.message_from_bytes(box[k].as_bytes(), policy=email.policy.default)
    body = m.get_content()
    link = [l for l in body.splitlines() if "/v/" in l][0]
    print(m["X-RcptTo"], "|", m["X-MailFrom"], "|", str(m["Subject"]).strip(), "|", link.strip())
PY
echo "-- the messages, in the order sent"
sed 's#http://127\.0\.0\.1:[0-9]*/v/[A-Za-z0-9_-]\{43\}#http://127.0.0.1:PORT/v/TOKEN#' "$T/mails"
echo "-- each link received, then the links before it"
title() {
	curl -s -w '\n%{http_code}\n' "$1" >"$T/p.html"
	echo "$(tail -1 "$T/p.html") $(sed -n 's#<h1>\(.*\)</h1>#\1#p' "$T/p.html" | head -1)"
}
while read -r to _ _ _ l; do
	echo "$to: $(title "${l##* | }")"
done <"$T/mails"
for f in fier0 leger0 vnn0; do
	echo "$f: $(title "$base/v/$(cat "$T/$f")")"
done
serve_stop
$STJ --db "$T/db" invitations --municipality Leeuwarden
