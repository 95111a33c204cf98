# SQL-looking text in every text field (gemeente, aanpak, organisatie,
# toelichting, dossier, override reason) is stored and printed verbatim;
# every table is still there afterwards.
cat >"$T/sql.csv" <<'CSV'
gemeente,aanpak,ronde,rol,organisatie,1.1.1 Alle netwerkpartners hanteren dezelfde omschrijving van GGSR,1.1.1 toelichting
"Robert'); DROP TABLE answer;--",x' OR '1'='1,2013,gemeente,"Org""; DELETE FROM respondent; --",ja,"'; UPDATE answer SET value='nee'; SELECT '"
CSV
$STJ --db "$T/db" import "$T/sql.csv"
echo "exit $?"
$STJ --db "$T/db" status --format tsv
$STJ --db "$T/db" verdicts --municipality "Robert'); DROP TABLE answer;--" --findings >"$T/v"
head -4 "$T/v"
$STJ --db "$T/db" override --municipality "Robert'); DROP TABLE answer;--" \
    --round 2013 --approach "x' OR '1'='1" --indicator 1.1.1 --verdict X \
    --finding "'); DROP TABLE override;--" --reason "1; DROP TABLE audit_log; --" --inspector "'; --" >/dev/null
$STJ --db "$T/db" history --municipality "Robert'); DROP TABLE answer;--" | cut -c 22-
sqlite3 "$T/db" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name" | tr '\n' ' '
echo
sqlite3 "$T/db" "SELECT value, toelichting FROM answer"
