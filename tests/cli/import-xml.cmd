# Response XML: SQL-looking text stored verbatim, toelichting kept as
# written, an empty toelichting is none; a dossier joins paragraphs and
# names the partner (a partner the dossier does not name is refused).
$STJ --db "$T/db" import tests/fixtures/import/response-partner.xml tests/fixtures/import/dossier.xml
sqlite3 "$T/db" "SELECT p.organisation, x.indicator, quote(x.value), quote(x.toelichting)
  FROM answer x JOIN respondent p ON p.id = x.respondent_id ORDER BY x.indicator"
sqlite3 "$T/db" "SELECT context FROM round; SELECT name, description FROM approach;
  SELECT position, organisation FROM approach_partner ORDER BY position"
