# framework show/list --format tsv: an indicator text with a backslash, a
# C1 control (U+0085) and a formula-like start, and a framework directory
# whose name holds a tab, stay one row per line with their columns: the
# text is escaped and quoted, the path (a code column) only escaped.
mkdir "$T/f	w"
sed -e 's/version="2013"/version="2099"/' \
    -e 's|<text>Alle netwerkpartners hanteren|<text>=Alle\\netwerk\&#x85;partners hanteren|' \
    framework/stj-ggsr-2013.xml >"$T/f	w/stj-ggsr-2099.xml"
export STJ_FRAMEWORK_PATH="$T/f	w"
$STJ framework show --format tsv stj-ggsr@2099 | sed -n '1,3p'
$STJ framework list --format tsv | sed -n "1p;/\t2099\t/s|$T|T|p"
