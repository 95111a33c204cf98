# An indicator with two answer columns: the message names the indicator
# and the second column (it once said the column appeared twice).
$STJ --db "$T/db" import tests/fixtures/mapping/dup-indicator.csv
