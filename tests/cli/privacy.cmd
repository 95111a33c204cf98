# Two municipalities with the same approach name and the same partner
# organisations: each one's factsheet, findings, conclusions, status and
# progress report hold only its own data. (The toelichtingen print in none
# of them since step 11: they stay beside the answers on the Ronde page.)
hdr='gemeente,aanpak,ronde,rol,organisatie,1.1.1 Alle netwerkpartners hanteren dezelfde omschrijving van GGSR,1.1.1 toelichting,1.2.1 De netwerkpartners weten waar gezinnen voor de aanpak kunnen worden aangemeld,1.2.1 toelichting'
{
	echo "$hdr"
	for m in Noordstad Zuidstad; do
		for y in 2013 2014; do
			echo "$m,Wijkaanpak,$y,gemeente,Gemeente $m,ja,GEHEIM-$m-gemeente-$y,nee,"
			echo "$m,Wijkaanpak,$y,netwerkpartner,GGD Regio,ja,GEHEIM-$m-ggd-$y,ja,GEHEIM-$m-ggd-b-$y"
			echo "$m,Wijkaanpak,$y,netwerkpartner,Politie,nee,GEHEIM-$m-politie-$y,ja,"
		done
	done
} >"$T/twee.csv"
$STJ --db "$T/db" import "$T/twee.csv"
$STJ --db "$T/db" factsheet --municipality Noordstad --round 2013 -o "$T/n.pdf" >/dev/null
$STJ --db "$T/db" progress --municipality Noordstad --from 2013 --to 2014 -o "$T/p.pdf" >/dev/null
{
	pdftotext "$T/n.pdf" -
	pdftotext "$T/p.pdf" -
	$STJ --db "$T/db" verdicts --municipality Noordstad --findings
	$STJ --db "$T/db" conclusions --municipality Noordstad
	$STJ --db "$T/db" status --municipality Noordstad
	$STJ --db "$T/db" progress --municipality Noordstad --from 2013 --to 2014
} >"$T/noord.txt"
echo "Noordstad's own secrets: $(grep -o 'GEHEIM-Noordstad-[a-z-]*2013' "$T/noord.txt" | sort -u | tr '\n' ' ')"
echo "Zuidstad mentioned: $(grep -c Zuidstad "$T/noord.txt")"
