# A reason or inspector with a line break or another control character
# is refused (it could forge lines of the log or drive the terminal); a
# finding, LET OP or conclusion keeps line breaks but nothing else.
# What an older stj let in is printed escaped by history.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import tests/fixtures/import/good-excel.csv >/dev/null
nl='
'
esc=$(printf '\033')
o() { $STJ --db "$db" override --municipality Amstelveld --round 2013 \
    --approach Wijkaanpak --indicator 1.2.1 --finding "Werkplan." "$@"; \
    echo "exit $?"; }
o --verdict V --reason "Werkplan${nl}2013-06-01T00:00:00Z  chef  2013  Wijkaanpak  1.2.1  verdict: X -> V  (ok)"
o --verdict V --reason "Werkplan" --inspector "B${esc}]52;c;aGk=$(printf '\007')"
o --verdict V --reason "$(printf 'Werk\tplan')"
o --verdict V --reason "$(printf 'Werk\302\205plan')"
o --verdict V --reason "$(printf 'Werk\377plan')"
o --verdict V --finding "De aanmelding${esc}[2J" --reason "Werkplan"
o --verdict V --letop "Eerste regel${nl}tweede regel" --reason "Werkplan"
$STJ --db "$db" conclusion --municipality Amstelveld --approach Wijkaanpak \
    --theme 1 --goed "$(printf 'Goed\007')" --reason r
echo "exit $?"
$STJ --db "$db" merge --municipality Amstelveld --approach Wijkaanpak \
    --indicators 1.2.1-1.2.2 --reason "$(printf 'r\r')"
echo "exit $?"
# An entry an older stj stored, with a forged line, ESC and a backslash.
sqlite3 "$db" "INSERT INTO audit_log (at, who, round_id, approach_id,
    indicator, field, old_value, new_value, reason) SELECT
    '2013-06-02T00:00:00Z', 'x' || char(27) || '[31m', round_id, id, '1.1.1', 'verdict', NULL, 'V',
    'a' || char(10) || '2013-06-03T00:00:00Z  chef  (b' || char(9) || 'c\d'
    || char(127) FROM approach"
$STJ --db "$db" history --municipality Amstelveld
