# Answer and role words as people write them: "Ja, deels" is deels,
# "Weet ik niet" weet niet, "Niet van toepassing" n.v.t., in any case and
# spacing; "Netwerkpartner" and "Gemeente" are roles.
$STJ --db "$T/db" import tests/fixtures/mapping/forms-words.csv
sqlite3 "$T/db" "SELECT p.organisation, p.role, x.indicator, x.value,
  quote(x.toelichting) FROM answer x JOIN respondent p ON p.id = x.respondent_id
  ORDER BY p.id, x.indicator"
