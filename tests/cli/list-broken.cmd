# A broken file is reported; the good frameworks are still listed.
STJ_DATADIR=. $STJ --frameworks tests/fixtures/invalid framework list --format tsv
