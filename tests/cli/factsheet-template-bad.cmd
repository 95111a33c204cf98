# A template that lacks a text the factsheet needs, or whose table columns
# do not fit the page, is refused with its file and what is wrong; no PDF.
$STJ --db "$T/db" import examples/leeuwarden-2013.csv >/dev/null
mkdir "$T/data"
cp -r framework templates "$T/data/"
grep -v 'id="goed"' templates/texts-stj.xml >"$T/data/templates/texts-stj.xml"
sed 's|<column id="criteria" width="88"/>|<column id="criteria" width="400"/>|' \
    templates/factsheet-layout.xml >"$T/data/templates/factsheet-layout.xml"
STJ_DATADIR="$T/data" $STJ --db "$T/db" factsheet --municipality Leeuwarden \
    -o "$T/l.pdf" 2>&1 | sed "s|$T|\$T|"
cp templates/texts-stj.xml "$T/data/templates/"
STJ_DATADIR="$T/data" $STJ --db "$T/db" factsheet --municipality Leeuwarden \
    -o "$T/l.pdf" 2>&1 | sed "s|$T|\$T|"
[ -e "$T/l.pdf" ] || echo "no PDF written"
