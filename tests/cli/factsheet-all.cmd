# --all writes one factsheet per municipality into the directory (made
# if missing), named after municipality and round; the Oosterhout one
# holds every indicator and mark of both its approaches, and nothing of
# the other municipalities.
export SOURCE_DATE_EPOCH=1370044800
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml examples/oosterhout-2013/*.xml \
    examples/oosterhout-2013-dossier.xml examples/zuiderhaven-2014.csv \
    examples/zuiderhaven-2014-dossier.xml >/dev/null
$STJ --db "$T/db" override --file examples/overrides-2013.tsv \
    --inspector "STJ inspecteur" >/dev/null
$STJ --db "$T/db" factsheet --all -o "$T/out" | sed "s|$T|\$T|"
sh tests/check-factsheet.sh "$T/db" Oosterhout "$T/out/factsheet-Oosterhout-2013.pdf"
pdftotext "$T/out/factsheet-Oosterhout-2013.pdf" - |
    grep -c -e Leeuwarden -e Zuiderhaven -e "Fier Fryslân"
echo "round 2013 only:"
rm -r "$T/out"
$STJ --db "$T/db" factsheet --all --round 2013 -o "$T/out" | sed "s|$T|\$T|"
echo "with -j 2:"
$STJ --db "$T/db" factsheet --all -j 2 -o "$T/par" | sed "s|$T|\$T|"
for f in "$T"/out/*.pdf; do
	cmp -s "$f" "$T/par/$(basename "$f")" || echo "differs: $(basename "$f")"
done
