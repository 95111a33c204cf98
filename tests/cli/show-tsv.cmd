$STJ framework show --format tsv stj-ggsr@2013
