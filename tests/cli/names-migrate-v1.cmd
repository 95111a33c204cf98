# D11 in an older database: the migration gives every stored name its
# matching key, so a database made by the first release matches other
# spellings too, on the command line and in an overrides file.
cp tests/fixtures/store/v1-leeuwarden.db "$T/db"
$STJ --db "$T/db" verdicts --municipality ' LEEUWARDEN' --format tsv | sed -n 1,2p
sqlite3 "$T/db" "SELECT name, name_key FROM municipality;
    SELECT name_key FROM approach ORDER BY id;
    SELECT DISTINCT name_key FROM respondent WHERE role = 'gemeente'"
printf 'gemeente\tronde\taanpak\tindicator\tverdict\tfinding\treden\n%s\n' \
    "leeuwarden	2013	voorwaardelijke interventie  gezinnen	1.1.1	X	Verschilt.	Toets" \
    > "$T/o.tsv"
$STJ --db "$T/db" override --file "$T/o.tsv" --inspector T >/dev/null
$STJ --db "$T/db" history --municipality leeuwarden | cut -c 22-
