# stj invitations --format csv|eml: the Dutch text from
# templates/uitnodiging.txt with a new link per invitation (the link
# printed by stj invite stops working), recorded as sent; --remind writes
# the sent ones not submitted, again with new links; revoked ones never.
export STJ_TEST_NOW=2013-06-01T00:00:00Z
hide() { sed 's#/v/[A-Za-z0-9_-]\{43\}#/v/TOKEN#g'; }
$STJ --db "$T/db" import examples/leeuwarden-2013-dossier.xml >/dev/null
ig="Interventieteam Gezinnen"
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role gemeente \
    --organisation "Gemeente Leeuwarden" --email gemeente@leeuwarden.example >"$T/1"
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role netwerkpartner \
    --organisation "Fier Fryslân" --email fier@fier.example >/dev/null
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role netwerkpartner \
    --organisation "Leger des Heils" >/dev/null
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role netwerkpartner \
    --organisation "Verslavingszorg Noord Nederland" >/dev/null
$STJ --db "$T/db" invite --revoke 4 >/dev/null
echo "-- csv"
$STJ --db "$T/db" invitations --municipality Leeuwarden --format csv --base-url https://stj.example | hide
$STJ --db "$T/db" respond --token "$(sed -n 's#.*/v/##p' "$T/1")"; echo "exit $?"
echo "-- nothing left to send"
$STJ --db "$T/db" invitations --municipality Leeuwarden --format csv -o "$T/again.csv" | sed "s|$T|T|"
cat "$T/again.csv"
echo "-- eml, a reminder"
mkdir "$T/mail"
STJ_TEST_NOW=2013-06-15T09:30:00Z $STJ --db "$T/db" invitations --municipality Leeuwarden \
    --format eml --remind -o "$T/mail" --from "Inspectie STJ <stj@inspectie.example>" | sed "s|$T|T|"
ls "$T/mail"
hide <"$T/mail/uitnodiging-2.eml" | tr -d '\r'
# CRLF line ends, as RFC 5322 has them.
grep -c "$(printf '\r')\$" "$T/mail/uitnodiging-2.eml"
# What a mail program reads: the subject decoded, the link whole.
/usr/bin/python3 -c '
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
print(m["To"], "|", m["Subject"])
body = m.get_content()
print([l for l in body.splitlines() if "/v/" in l][0][:24], len(body))
' "$T/mail/uitnodiging-2.eml"
$STJ --db "$T/db" invitations --municipality Leeuwarden
echo "-- refused"
$STJ --db "$T/db" invitations --municipality Leeuwarden --format eml -o "$T/mail"; echo "exit $?"
$STJ --db "$T/db" invitations --municipality Leeuwarden --format pdf; echo "exit $?"
$STJ --db "$T/db" invitations --municipality Leeuwarden --format eml --from "x@y.example"; echo "exit $?"
$STJ --db "$T/db" invitations --municipality Leeuwarden --format csv --base-url "javascript:alert(1)"; echo "exit $?"
printf 'Onderwerp: {gemeente} {wachtwoord}\n\nTekst\n' >"$T/bad.txt"
$STJ --db "$T/db" invitations --municipality Leeuwarden --format csv --template "$T/bad.txt" 2>&1 | sed "s|$T|T|"
