$STJ framework validate
