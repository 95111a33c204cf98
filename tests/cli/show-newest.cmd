$STJ --frameworks tests/fixtures/frameworks framework show --format tsv
