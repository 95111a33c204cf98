# An approach name of 2 100 characters once wrapped the running header
# ("Aanpak: NAME", in the top margin) down over the body text. It is
# shortened to one line ending in "…", cut between characters (the name
# is full of "é"), and no header word reaches into the content box (50
# points from the top edge, templates/factsheet-layout.xml).
name="Wijkaanpak$(printf ' Gezinnen én kinderen%.0s' $(seq 100))"
echo "name: $(printf '%s' "$name" | wc -m) characters"
awk -F ';' -v OFS=';' -v n="$name" \
    'NR > 1 && $2 == "Interventieteam Gezinnen" { $2 = n } { print }' \
    examples/leeuwarden-2013.csv >"$T/long.csv"
$STJ --db "$T/db" import "$T/long.csv" >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/h.pdf" >/dev/null
echo "exit $?"
pdftotext -raw "$T/h.pdf" - | tr -d '\f' |
    awk 'prev ~ /(Pagina|Jeugd|\|) [0-9]+$/ && /^Aanpak: Wijk/ { print } { prev = $0 }' \
    >"$T/heads"
echo "headers: $(wc -l <"$T/heads"), distinct: $(sort -u "$T/heads" | wc -l)"
sort -u "$T/heads"
iconv -f UTF-8 -t UTF-8 "$T/heads" >/dev/null && echo "valid UTF-8"
pdftotext -bbox "$T/h.pdf" - | awk '
	/<page / { page++ }
	/<word / {
		split($0, a, "\""); y0 = a[4]; y1 = a[8]
		if (y0 < 50 && y1 > 50) bad++
		if (y1 <= 50) head[page] = 1
	}
	END { n = 0; for (p in head) n++
	      printf "%d pages with a header, %d header words over the body\n", n, bad }'
