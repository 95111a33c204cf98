# A database made by the first release (schema v1: Leeuwarden imported,
# one override) opens in this one: migrated to the current schema in one
# transaction, answers, override and audit log kept, a factsheet renders
# and new imports work.
cp tests/fixtures/store/v1-leeuwarden.db "$T/db"
$STJ --db "$T/db" verdicts --municipality Leeuwarden --format tsv |
    awk -F '\t' '$3 != "V" || $5 != "voorstel"'
sqlite3 "$T/db" "PRAGMA user_version; PRAGMA integrity_check;
    SELECT count(*) FROM answer; SELECT count(*) FROM audit_log"
$STJ --db "$T/db" history --municipality Leeuwarden | cut -c 22-
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/l.pdf" >/dev/null &&
    pdfinfo "$T/l.pdf" >/dev/null 2>&1 && echo "factsheet written"
$STJ --db "$T/db" import examples/oosterhout-2013/*.xml
