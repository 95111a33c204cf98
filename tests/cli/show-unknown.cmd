$STJ framework show stj-onbekend@2013
