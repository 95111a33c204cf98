$STJ framework validate framework/stj-ggsr-2013.xml tests/fixtures/invalid/rule-unknown.xml tests/fixtures/frameworks/stj-ggsr-2016-mini.xml
