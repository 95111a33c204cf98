# The dry run lists every column, what it maps to or that it is ignored
# and why, and counts answers and toelichtingen per respondent.
$STJ --db "$T/db" import --dry-run tests/fixtures/mapping/forms-words.csv
