# The schema: our application_id and version, foreign keys enforced, the
# audit log append-only.
$STJ --db "$T/db" import tests/fixtures/import/dossier.xml >/dev/null
sqlite3 "$T/db" "PRAGMA application_id; PRAGMA user_version; PRAGMA journal_mode"
sqlite3 "$T/db" "INSERT INTO audit_log (at, who, round_id, approach_id, indicator,
  field, old_value, new_value, reason) VALUES ('2013-06-01', 'inspecteur', 1, 1, '4.2.2',
  'verdict', 'V', 'X', 'Afspraken missen politie en onderwijs');
  UPDATE audit_log SET reason = 'anders'" 2>&1
sqlite3 "$T/db" "DELETE FROM audit_log" 2>&1
sqlite3 "$T/db" "PRAGMA foreign_keys = ON; INSERT INTO approach (round_id, name) VALUES (99, 'x')" 2>&1
sqlite3 "$T/db" "SELECT count(*), max(reason) FROM audit_log"
# A database from a newer stj, or not ours, is refused.
sqlite3 "$T/db" "PRAGMA user_version = 99"
$STJ --db "$T/db" status 2>&1 | sed "s|$T|\$T|"
sqlite3 "$T/other" "PRAGMA application_id = 7; CREATE TABLE t (x)"
$STJ --db "$T/other" status 2>&1 | sed "s|$T|\$T|"
