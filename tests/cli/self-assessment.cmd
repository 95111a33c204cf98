# The bundled self-assessment (Zuiderhaven, dossier soort="zelfevaluatie")
# as a PDF: titled Zelfevaluatie, author the municipality, never a claim
# that STJ judged it. --self-assessment does the same for any round. A
# self-assessment without partners still gets verdicts, and says that no
# partners were asked.
$STJ --db "$T/db" import examples/zuiderhaven-2014.csv \
    examples/zuiderhaven-2014-dossier.xml >/dev/null
$STJ --db "$T/db" factsheet --municipality Zuiderhaven -o "$T/z.pdf" >/dev/null
pdftotext "$T/z.pdf" - | tr '\n' ' ' | sed 's/  */ /g' >"$T/z.txt"
pdfinfo "$T/z.pdf" 2>/dev/null | grep -E '^(Title|Author):'
echo "Zelfevaluatie: $(grep -o Zelfevaluatie "$T/z.txt" | wc -l)"
echo "STJ judged it: $(grep -c -E '(Samenwerkend Toezicht Jeugd|STJ) heeft .{0,80}(getoetst|beoordeeld)' "$T/z.txt")"
grep -o 'De gemeente heeft ‘Aanpak ernstig overlastgevende gezinnen’ zelf beoordeeld' "$T/z.txt"
grep -o 'Politie eenheid Zeekust' "$T/z.txt" | head -1
# Leeuwarden assessing itself with only the gemeente's answers (VIG)
$STJ --db "$T/db" import \
    tests/fixtures/import/leeuwarden-2013-gemeente-only.csv >/dev/null
$STJ --db "$T/db" verdicts --municipality Leeuwarden --format tsv | cut -f 3 | sort | uniq -c
# (to a file: a reader that stops early would kill stj with SIGPIPE)
$STJ --db "$T/db" verdicts --municipality Leeuwarden --findings >"$T/findings"
grep -m 1 'De gemeente geeft aan' "$T/findings"
$STJ --db "$T/db" factsheet --municipality Leeuwarden --self-assessment \
    -o "$T/l.pdf" >/dev/null
pdftotext "$T/l.pdf" - | tr '\n' ' ' | sed 's/  */ /g' >"$T/l.txt"
grep -o 'Er zijn geen netwerkpartners bevraagd' "$T/l.txt"
echo "STJ judged it: $(grep -c -E '(Samenwerkend Toezicht Jeugd|STJ) heeft .{0,80}(getoetst|beoordeeld)' "$T/l.txt")"
pdfinfo "$T/l.pdf" 2>/dev/null | grep -E '^Author:'
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/i.pdf" >/dev/null
pdftotext "$T/i.pdf" - | tr '\n' ' ' | grep -c 'Samenwerkend Toezicht Jeugd heeft ‘Voorwaardelijke Interventie Gezinnen’ getoetst'
