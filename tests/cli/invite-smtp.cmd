# stj invitations --smtp sends the invitations through libcurl to a local
# SMTP sink (Debian's python3-aiosmtpd; never a real server): each message
# arrives with its To, its Subject (UTF-8 encoded-word, decoded) and a link
# that opens that invitation. One without an e-mail address is skipped
# and keeps its link; a server that is not there sends nothing and keeps
# every link.
export STJ_TEST_NOW=2013-06-01T00:00:00Z
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$T/box" &
sink=$!
$STJ --db "$T/db" import examples/leeuwarden-2013-dossier.xml >/dev/null
ig="Interventieteam Gezinnen"
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role gemeente \
    --organisation "Gemeente Leeuwarden" --email gemeente@leeuwarden.example >/dev/null
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role netwerkpartner \
    --organisation "Fier Fryslân" --email fier@fier.example >/dev/null
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role netwerkpartner \
    --organisation "Leger des Heils" >"$T/3"
printf '# test\nOnderwerp: Uitnodiging voor {organisatie} – {aanpak} ({vragen} vragen)\n\nBeste {organisatie},\n\n{link}\n' >"$T/tekst.txt"
# Nothing listens on the port yet, or no more: nothing is sent.
closed=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$STJ --db "$T/db" invitations --municipality Leeuwarden --smtp "smtp://127.0.0.1:$closed" \
    --from "STJ <stj@inspectie.example>" --template "$T/tekst.txt" 2>&1 | sed "s/port $closed after [0-9]* ms/port PORT/"
$STJ --db "$T/db" invitations --municipality Leeuwarden
for i in 1 2 3 4 5 6 7 8 9 10; do
	/usr/bin/python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$port" 2>/dev/null && break
	sleep 0.5
done
$STJ --db "$T/db" invitations --municipality Leeuwarden --smtp "smtp://127.0.0.1:$port" \
    --from "STJ <stj@inspectie.example>" --template "$T/tekst.txt"
echo "exit $?"
kill "$sink"
wait "$sink" 2>/dev/null
/usr/bin/python3 - "$T/box" >"$T/links" <<'PY'
import mailbox, email.policy, email, sys
msgs = [email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
        for m in mailbox.Maildir(sys.argv[1], create=False)]
for m in sorted(msgs, key=lambda m: m["To"]):
    body = m.get_content()
    link = [l for l in body.splitlines() if "/v/" in l][0]
    print(m["To"], "|", m["From"], "|", str(m["Subject"]).strip(), "|", m["X-MailFrom"], "|", m["X-RcptTo"])
    print(link)
PY
sed 's#/v/[A-Za-z0-9_-]\{43\}$#/v/TOKEN#' "$T/links"
# Each link received opens its own invitation.
for tok in $(sed -n 's#.*/v/##p' "$T/links"); do
	$STJ --db "$T/db" respond --token "$tok" | sed -n 1p
done
# The one without an address was not sent: its first link still works.
$STJ --db "$T/db" respond --token "$(sed -n 's#.*/v/##p' "$T/3")" | sed -n 1p
$STJ --db "$T/db" invitations --municipality Leeuwarden
