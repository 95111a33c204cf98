# "framework show ID" without @VERSION: the newest installed version of ID
$STJ --frameworks tests/fixtures/frameworks framework show --format tsv stj-ggsr
