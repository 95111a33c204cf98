$STJ framework show
