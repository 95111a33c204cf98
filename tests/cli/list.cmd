STJ_DATADIR=. $STJ --frameworks tests/fixtures/frameworks framework list
STJ_DATADIR=. $STJ --frameworks tests/fixtures/frameworks framework list --format tsv
