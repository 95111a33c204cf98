# The demo's factsheets (make demo: the examples, the overrides, the eight
# published merged cells) are as long as the published ones, within a
# page: Leeuwarden 15 pages (counted from seed 002), Oosterhout 14 (seed
# 004). No page is more than half empty but the last before a new
# approach (tests/page-fill.sh measures each page from pdftotext's word
# boxes). An approach named "Aanpak X"
# prints "Aanpak: X", never "Aanpak: Aanpak X", as the published
# Oosterhout ("Aanpak: Bemoeizorg").
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml examples/oosterhout-2013/*.xml \
    examples/oosterhout-2013-dossier.xml >/dev/null
$STJ --db "$T/db" override --file examples/overrides-2013.tsv \
    --inspector "STJ inspecteur" >/dev/null
sed -n 's/^\t\.\/\$(BIN) --db \$(DEMO_DB) \$(DEMO_MERGE) --municipality \([A-Za-z]*\) \\$/\1/p' \
    Makefile >"$T/mun"
sed -n 's/^\t    --approach "\(.*\)" --indicators \(.*\)$/\1|\2/p' Makefile |
    paste -d '|' "$T/mun" - | while IFS='|' read -r mun appr range; do
	$STJ --db "$T/db" merge --municipality "$mun" --round 2013 \
	    --approach "$appr" --indicators "$range" --reason "Zoals gepubliceerd"
done
# The published page counts (examples/RECONSTRUCTION.md, "Front page and
# publication date"): Leeuwarden 15 (seed 002), Oosterhout 14 (seed 004).
for mp in Leeuwarden:15 Oosterhout:14; do
	m=${mp%:*} pub=${mp#*:}
	$STJ --db "$T/db" factsheet --municipality $m -o "$T/$m.pdf" >/dev/null
	n=$(pdfinfo "$T/$m.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	echo "-- $m: $n pages"
	[ "$n" -ge $((pub - 1)) ] && [ "$n" -le $((pub + 1)) ] &&
	    echo "within one page of the published $pub"
	sh tests/page-fill.sh "$T/$m.pdf"
done
pdftotext -raw "$T/Oosterhout.pdf" - 2>/dev/null >"$T/o.txt"
echo "-- Oosterhout: 'Aanpak: Aanpak' $(grep -c 'Aanpak: Aanpak' "$T/o.txt") times, an approach's first page:"
grep -A1 -x 'Aanpak:' "$T/o.txt"
grep -o '^Aanpak: [A-Za-z]*$' "$T/o.txt" | sort | uniq -c
grep -o "heeft ‘[^’]*’ getoetst" "$T/o.txt"
echo "-- the front page lists the full names"
sed -n '/^In deze factsheet worden de volgende/,/^In deze factsheet leest/p' "$T/o.txt"
