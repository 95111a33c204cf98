# The bundled examples: Leeuwarden (Excel CSV), Oosterhout (response XML),
# Zuiderhaven (self-assessment CSV) and their dossiers, in one import.
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/leeuwarden-2013-dossier.xml examples/oosterhout-2013/*.xml \
    examples/oosterhout-2013-dossier.xml examples/zuiderhaven-2014.csv \
    examples/zuiderhaven-2014-dossier.xml
sqlite3 "$T/db" "SELECT m.name, r.year, a.name, count(DISTINCT p.id),
  sum(x.value IS NOT NULL), sum(x.toelichting IS NOT NULL),
  (SELECT group_concat(organisation, ', ') FROM approach_partner
   WHERE approach_id = a.id)
  FROM approach a JOIN round r ON r.id = a.round_id
  JOIN municipality m ON m.id = r.municipality_id
  JOIN respondent p ON p.approach_id = a.id
  JOIN answer x ON x.respondent_id = p.id
  GROUP BY a.id ORDER BY m.name, a.name"
# Spot checks against the published factsheets' findings.
sqlite3 "$T/db" "SELECT p.organisation, x.indicator, x.value FROM answer x
  JOIN respondent p ON p.id = x.respondent_id JOIN approach a ON a.id = p.approach_id
  WHERE a.name = 'Voorwaardelijke Interventie Gezinnen'
  AND x.indicator IN ('2.1.3', '5.3.1') ORDER BY x.indicator, p.id"
