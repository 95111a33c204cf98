$STJ frobnicate
