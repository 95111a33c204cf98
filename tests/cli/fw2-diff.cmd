# stj framework diff: what the 2015 revision changed against 2013, in
# 2015's order, then what it no longer has: renamed (4.2.3 -> 4.1.3, and
# 3.1.7 -> 3.1.6 with the same text), reworded, split, merged, new
# criterion and indicators, dropped with the mapping's reason. Both ways,
# and an unknown version or a missing argument refused.
$STJ framework diff stj-ggsr@2013 stj-ggsr@2015
$STJ framework diff stj-ggsr@2015 stj-ggsr@2013 | head -3
$STJ framework diff stj-ggsr@2013 stj-ggsr@2013
$STJ framework diff stj-ggsr@2013 stj-ggsr@1999; echo "exit $?"
$STJ framework diff stj-ggsr@2013; echo "exit $?"
