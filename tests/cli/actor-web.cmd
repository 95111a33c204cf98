# step 10: actor. A change in the browser is the account's: the audit
# log's who is the logged-in inspector's name (stj history, exact rows of
# an override and a state change). The pages show only what the account
# may use: a lezer's Ronde page has no form of a round (only the menu's
# Afmelden) and no Respons link, its menu no Importeren; an inspector's
# has every one of them.
. tests/web/serve.sh
. tests/web/accounts.sh
export STJ_TEST_NOW=2013-06-01T00:00:00Z
accounts_db
serve_start
L='gemeente=Leeuwarden&jaar=2013'
A='aanpak=Interventieteam%20Gezinnen'
# forms FILE: the forms of a round on a page (the menu's logout is not).
forms() { grep -o '<form method="post" action="/[a-z/]*"' "$1" | grep -vc '"/logout"'; }
page() { curl -s -H "$c" "$base$1" >"$T/p.html"; }

echo "-- inspecteur ines"
login ines
page "/ronde?$L"
echo "forms on Ronde: $(forms "$T/p.html")"
for f in oordeel conclusie status samenvoegen dossier inleiding publicatie; do
	echo "  /ronde/$f: $(grep -c "action=\"/ronde/$f\"" "$T/p.html")"
done
echo "Respons link: $(grep -c '>Respons</a>' "$T/p.html")"
page /
echo "Importeren link: $(grep -c 'href="/importeren"' "$T/p.html")"
curl -s -o /dev/null -w 'override: %{http_code}\n' -H "$c" \
    -d "csrf=$csrf&$L&$A&indicator=4.2.2&versie=0&oordeel=X&bevinding=Geen%20plan&reden=dossier" \
    "$base/ronde/oordeel"
curl -s -o /dev/null -w 'invite: %{http_code}\n' -H "$c" \
    -d "csrf=$csrf&$L&$A&rol=netwerkpartner&organisatie=Politie" \
    "$base/respons/uitnodigen"
curl -s -o /dev/null -w 'state: %{http_code}\n' -H "$c" \
    -d "csrf=$csrf&$L&versie=0&status=wederhoor&reden=Naar%20de%20gemeente" \
    "$base/ronde/status"
$STJ --db "$T/db" history --municipality Leeuwarden

echo "-- lezer"
login lezer
page "/ronde?$L"
echo "forms on Ronde: $(forms "$T/p.html")"
echo "Respons link: $(grep -c '>Respons</a>' "$T/p.html")"
page /
echo "Importeren link: $(grep -c 'href="/importeren"' "$T/p.html")"

serve_stop
