# The round's own front page from the Ronde page, in a real browser
# (tests/web/frontpage.py): the publication date and the introduction set
# through their forms with a reason; the factsheet PDF the workbench
# serves prints both (front page and footer), and the audit log has each
# change with its reason.
. tests/web/serve.sh
export STJ_TEST_NOW=2026-03-01T10:00:00Z
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml >/dev/null || exit 1
serve_start
/usr/bin/python3 tests/web/frontpage.py "$url" "$T"
echo "browser exit status $?"
serve_stop >/dev/null
pdftotext "$T/factsheet.pdf" "$T/f.txt" 2>/dev/null
# One line of the text, as the columns wrap it.
tr -s '\n' ' ' <"$T/f.txt" >"$T/flat.txt"
grep -o 'Deze factsheet beschrijft het toezicht van 2025 in Leeuwarden\. De inspecties schreven deze inleiding zelf, voor deze ronde\.' "$T/flat.txt"
echo "the dossier's introduction left: $(grep -c 'eerste fase van het toezichtonderzoek' "$T/flat.txt")"
echo "front page: $(grep -c '^Juni 2025$' "$T/f.txt"), footers: $(grep -c '^Juni 2025 | [0-9]*$' "$T/f.txt"), pages: $(pdfinfo "$T/factsheet.pdf" | sed -n 's/^Pages: *//p'), the dossier's November 2013: $(grep -ci 'november 2013' "$T/f.txt")"
# Each change with its reason (the old introduction cut short).
$STJ --db "$T/db" history --municipality Leeuwarden |
    sed 's/^\(.\{90\}\).*\(  (.*)\)$/\1 …\2/'
