# stj user passwd: a new password from standard input, a new hash (with a
# new salt even for the same password), logged; the account's sessions end
# (one stored by hand here: stj serve makes them). An unknown account is
# named with the closest one; a short password changes nothing.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=beheer-c
db="$T/db"
echo "correct horse battery" | $STJ --db "$db" user add anna --role inspecteur >/dev/null
h() { sqlite3 "$db" "SELECT password FROM account WHERE name = 'anna'"; }
before=$(h)
sqlite3 "$db" "INSERT INTO session VALUES (x'00', 1, 'c', 0, 0, 1, 1)"
u() { $STJ --db "$db" user "$@"; echo "exit $?"; }
STJ_TEST_NOW=2013-06-02T10:00:00Z
echo "correct horse battery" | u passwd ANNA
[ "$(h)" != "$before" ] && echo "new hash"
h | cut -c1-31
sqlite3 "$db" "SELECT count(*) FROM session"
after=$(h)
echo "kort" | u passwd anna
[ "$(h)" = "$after" ] && echo "unchanged"
echo "correct horse battery" | u passwd ana
echo "correct horse battery" | u passwd zz
sqlite3 "$db" "SELECT changed FROM account; SELECT * FROM account_log"
