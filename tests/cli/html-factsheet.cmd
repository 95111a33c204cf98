# stj factsheet --format html: Leeuwarden's factsheet (overrides, one
# merge, one written conclusion) as HTML beside the PDF of the same round.
# Read back with html.parser (tests/html/check.py): lang, charset, title,
# the heading outline, every table captioned with every th scoped, the
# marks per approach in order (those of the PDF, tests/cli/
# factsheet-leeuwarden.out) with the text alternative that says what each
# means, LET OP in bold, and every finding and conclusion paragraph word for
# word in the PDF's text; the round's own front-page introduction and its
# publication date (front page, footer) as the PDF has them. tidy finds no error; nothing is fetched; the same
# database gives the same bytes, also on standard output.
export SOURCE_DATE_EPOCH=1370044800
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml examples/oosterhout-2013/*.xml \
    examples/oosterhout-2013-dossier.xml >/dev/null
$STJ --db "$T/db" override --file examples/overrides-2013.tsv \
    --inspector "STJ inspecteur" >/dev/null
$STJ --db "$T/db" merge --municipality Leeuwarden --round 2013 \
    --approach "Interventieteam Gezinnen" --indicators 3.1.1-3.1.3 \
    --reason "Eén bevinding voor visie en doelen" >/dev/null
$STJ --db "$T/db" conclusion --municipality Leeuwarden --round 2013 \
    --approach "Interventieteam Gezinnen" --theme Continu \
    --beter "Afspraken over wachttijden ontbreken; de continuïteit staat onder druk." \
    --reason "Conclusie van de inspecteur" >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/l.pdf" >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden --format html \
    -o "$T/factsheet-Leeuwarden-2013.html" >/dev/null
echo "exit $?"
pdftotext -raw "$T/l.pdf" "$T/l.txt" 2>/dev/null
/usr/bin/python3 tests/html/check.py "$T/factsheet-Leeuwarden-2013.html" \
    "$T/l.txt"
grep -c 'Afspraken over wachttijden ontbreken; de continuïteit staat onder druk.' \
    "$T/factsheet-Leeuwarden-2013.html"
# The round's own introduction (dossier <inleiding>, 2013's "eerste fase")
# and its publication date, on the front page and in the footer, as the PDF.
/usr/bin/python3 - "$T/factsheet-Leeuwarden-2013.html" "$T/l.txt" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
pdf = " ".join(open(sys.argv[2], encoding="utf-8").read().split())
intro = re.search(r'<section class="inleiding"[^>]*>(.*?)</section>', page, re.S).group(1)
pars = [" ".join(html.unescape(p).split()) for p in re.findall(r"<p>(.*?)</p>", intro, re.S)]
print("intro paragraphs:", len(pars), "| in the PDF:", sum(p in pdf for p in pars))
print("intro begins:", pars[0][:72])
print("front:", re.search(r'<p class="gepubliceerd">.*?</p>', page).group(0))
foot = re.search(r'<footer class="voet">\s*(.*?)\s*</footer>', page, re.S).group(1)
print("footer:", foot)
print("footer date in the PDF:", "Samenwerkend Toezicht Jeugd November 2013 |" in pdf)
PY
tidy -errors -q "$T/factsheet-Leeuwarden-2013.html"
echo "tidy exit $?"
$STJ --db "$T/db" factsheet --municipality Leeuwarden --format html \
    -o - >"$T/again.html"
cmp -s "$T/factsheet-Leeuwarden-2013.html" "$T/again.html" &&
    echo "regenerated on stdout: byte-identical"
