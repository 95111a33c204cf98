# stj user add: an inspecteur, a beheerder and a gemeente account (bound
# to a stored municipality, typed in another spelling); the password comes
# as one line on standard input. The row holds an Argon2id string, the
# account log says who added what and when, and no output shows the hash.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=beheer-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv >/dev/null
u() { $STJ --db "$db" user "$@" >"$T/out" 2>&1; echo "exit $?"; cat "$T/out"; cat "$T/out" >>"$T/all"; }
echo "correct horse battery" | u add anna --role inspecteur
printf 'twaalf tekens!\r\n' | u add "  Beheer   Centraal " --role beheerder
echo "Leeuwarden aan het woord" | u add gemeente-lw --role gemeente --municipality " LEEUWARDEN"
u list
sqlite3 "$db" "SELECT name, name_key, role, municipality_id, disabled, created,
  changed, last_login, failed, locked_until,
  substr(password, 1, 31), length(password) > 60 FROM account ORDER BY id"
sqlite3 "$db" "SELECT * FROM account_log"
# The hash is in no output.
wc -l <"$T/all"
grep -q 'argon2' "$T/all" && echo "the hash is shown" || echo "no hash shown"
