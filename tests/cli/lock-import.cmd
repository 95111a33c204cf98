# A round that is vastgesteld refuses an import into it: answers (even
# with --replace, even as a dry run) and a dossier, each at its file and
# line, in the words of the other refusals. One transaction: the files of
# another municipality imported beside them are not stored either, and the
# database is as it was. Reopened with a reason, the same import works.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml >/dev/null
s() { $STJ --db "$db" state --municipality Leeuwarden "$@" >/dev/null; }
s wederhoor --reason "Naar de gemeente"
s vastgesteld --reason "Wederhoor verwerkt"
$STJ --db "$db" status >"$T/before"
$STJ --db "$db" import --replace examples/leeuwarden-2013.csv
echo "exit $?"
$STJ --db "$db" import --dry-run examples/zuiderhaven-2014.csv \
    examples/leeuwarden-2013-dossier.xml
echo "exit $?"
$STJ --db "$db" import examples/zuiderhaven-2014.csv \
    examples/zuiderhaven-2014-dossier.xml examples/leeuwarden-2013-dossier.xml
echo "exit $?"
$STJ --db "$db" status >"$T/after"
cmp "$T/before" "$T/after" && echo "status unchanged"
s wederhoor --reason "Gemeente stuurt nieuwe antwoorden"
$STJ --db "$db" import --replace examples/leeuwarden-2013.csv examples/leeuwarden-2013-dossier.xml
echo "exit $?"
