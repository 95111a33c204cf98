# Without a mapping: columns it cannot place are errors, and a column that
# looks like a toelichting is refused, not dropped. With one: a regex with
# a group, an explicit negeer (the dry run says so), the mapping's own
# answer word and one of templates/antwoorden.txt ("Gedeeltelijk"), and
# roles as people write them ("Netwerkpartner", "GEMEENTE").
f=tests/fixtures/map/words.csv
$STJ --db "$T/db" import $f
echo "rc=$?"
$STJ --db "$T/db" import --dry-run --mapping tests/fixtures/map/words-mapping.txt $f
$STJ --db "$T/db" import --mapping tests/fixtures/map/words-mapping.txt $f
sqlite3 "$T/db" "SELECT r.year, p.role, p.organisation, x.indicator, x.value,
  quote(x.toelichting) FROM answer x JOIN respondent p ON p.id = x.respondent_id
  JOIN approach a ON a.id = p.approach_id JOIN round r ON r.id = a.round_id
  ORDER BY p.organisation, x.indicator"
