$STJ framework list --format pdf
