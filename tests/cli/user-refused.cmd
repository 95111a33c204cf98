# stj user add refuses, before it asks for a password: a name taken (in
# any spelling), a role that is none, a gemeente without municipality or
# with one not in the database (and the closest one), a municipality for
# another role, a bad name; then a password too short, the name as its
# password, no password at all, a control character. Nothing is stored.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=beheer-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv >/dev/null
echo "correct horse battery" | $STJ --db "$db" user add anna --role inspecteur >/dev/null
u() { $STJ --db "$db" user "$@"; echo "exit $?"; }
echo "correct horse battery" | u add " ANNA" --role lezer
echo "correct horse battery" | u add bert --role inspector
echo "correct horse battery" | u add bert --role gemeente
echo "correct horse battery" | u add bert --role gemeente --municipality Leewarden
echo "correct horse battery" | u add bert --role gemeente --municipality Utrecht
echo "correct horse battery" | u add bert --role lezer --municipality Leeuwarden
echo "correct horse battery" | u add "$(printf 'be\trt')" --role lezer
echo "correct horse battery" | u add "   " --role lezer
echo "correct horse battery" | u add "$(printf '%065d' 0)" --role lezer
echo "elf tekens!" | u add bert --role lezer
echo "Bert Bert Bert" | u add "bert bert  bert" --role lezer
u add bert --role lezer </dev/null
printf 'correct\001horse battery\n' | u add bert --role lezer
printf '%0129d\n' 0 | u add bert --role lezer
u add bert
u add --role lezer
u passwd
u remove bert
u list bert
u list --format csv
sqlite3 "$db" "SELECT count(*) FROM account; SELECT count(*) FROM account_log"
