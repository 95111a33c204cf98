# A column that looks like a toelichting but maps to nothing is an error
# with file:line, and the dry run says which column it is: its text was
# once dropped without a word.
$STJ --db "$T/db" import --dry-run tests/fixtures/mapping/forms-unmapped.csv
