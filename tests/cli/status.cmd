$STJ --db "$T/db" import tests/fixtures/import/good-excel.csv tests/fixtures/import/qualtrics.csv >/dev/null
$STJ --db "$T/db" status
$STJ --db "$T/db" status --municipality Bergdal --format tsv
