# stj serve: "Aanpak toevoegen" on the Ronde page (POST /ronde/aanpak, 303
# back) adds an approach with its partners, which the Respons page then
# offers for invitations; a name in markup is shown as text; no reason or
# a name the round has is refused with the library's message; a
# vastgesteld round shows no form and refuses the POST.
. tests/web/serve.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
serve_db
serve_start
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
L='gemeente=Leeuwarden&jaar=2013'
curl -s -D "$T/login.h" -o /dev/null "$url"
sid=$(tr -d '\r' <"$T/login.h" | sed -n 's/^Set-Cookie: sid=\([^;]*\);.*/\1/p')
c="Cookie: sid=$sid"
csrf=$(curl -s -H "$c" "$base/" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | sed -n 1p)
add() {
	curl -s -o /dev/null -D "$T/post.h" -H "$c" --data-urlencode "csrf=$csrf" \
	    --data-urlencode gemeente=Leeuwarden --data-urlencode jaar=2013 "$@" \
	    "$base/ronde/aanpak"
	tr -d '\r' <"$T/post.h" | grep -E '^(HTTP|Location)'
	curl -s -H "$c" "$base/ronde?$L" | grep 'class="melding'
}
echo "forms: $(curl -s -H "$c" "$base/ronde?$L" | grep -c 'action="/ronde/aanpak"')"
add --data-urlencode "aanpak=Wijkteam <b>Plus</b>" \
    --data-urlencode "tekst=Een wijkteam." --data-urlencode "partner1=GGD Fryslân" \
    --data-urlencode "partner2=" --data-urlencode "partner3=Veilig Thuis" \
    --data-urlencode "reden=Nieuw in 2013"
add --data-urlencode "aanpak=wijkteam <b>plus</b>" --data-urlencode "reden=Nog eens"
add --data-urlencode "aanpak=Zonder reden"
echo "without the CSRF token: $(code -H "$c" -d "$L&aanpak=X&reden=r" "$base/ronde/aanpak")"
echo "bad partner: $(code -H "$c" -d "csrf=$csrf&$L&aanpak=X&reden=r&partner1=a%01b" "$base/ronde/aanpak")"
curl -s -H "$c" "$base/respons?$L" | grep -o '<option[^>]*>Wijkteam[^<]*</option>'
$STJ --db "$T/db" status --municipality Leeuwarden | sed -n '/Wijkteam/,$p'
$STJ --db "$T/db" history --municipality Leeuwarden | cut -d' ' -f3-
$STJ --db "$T/db" state --municipality Leeuwarden wederhoor --reason w >/dev/null
$STJ --db "$T/db" state --municipality Leeuwarden vastgesteld --reason "v: Wijkteam <b>Plus</b>, GGD Fryslân, Veilig Thuis" >/dev/null
echo "forms, vastgesteld: $(curl -s -H "$c" "$base/ronde?$L" | grep -c 'action="/ronde/aanpak"')"
add --data-urlencode "aanpak=Te laat" --data-urlencode "reden=r" | sed 's/ at [0-9TZ:-]* / at TIME /'
serve_stop
