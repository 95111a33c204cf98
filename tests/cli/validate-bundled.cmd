$STJ framework validate framework/stj-ggsr-2013.xml
