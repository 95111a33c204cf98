# stj framework diff: what the 2015 revision changed against 2013, in
# 2015's order, then what it no longer has: renamed (4.2.3 -> 4.1.3, and
# 3.1.7 -> 3.1.6 with the same text), reworded, split, merged, new
# criterion and indicators, dropped with the mapping's reason. Both ways,
# and an unknown version or a missing argument refused.
$STJ framework diff stj-ggsr@2013 stj-ggsr@2015
$STJ framework diff stj-ggsr@2015 stj-ggsr@2013; echo "exit $?"
$STJ framework diff stj-ggsr@2013 stj-ggsr@2013
$STJ framework diff stj-ggsr@2013 stj-ggsr@1999; echo "exit $?"
$STJ framework diff stj-ggsr@2013; echo "exit $?"
# same ids, other wording: a theme's name, a criterion's and an
# indicator's text (a version 2016 made from 2015 for this test)
mkdir "$T/fw"
sed -e 's/version="2015"/version="2016"/' -e '/<mapping /,/<\/mapping>/d' \
    -e 's|<name>Gezin centraal</name>|<name>Gezin en netwerk centraal</name>|' \
    -e 's|<text>De aanpak is flexibel</text>|<text>De aanpak is flexibel en snel beschikbaar</text>|' \
    -e 's|<text>Binnen de aanpak wordt het sociale netwerk van het gezin benut</text>|<text>Binnen de aanpak wordt het sociale netwerk van het gezin betrokken en benut</text>|' \
    framework/stj-ggsr-2015.xml >"$T/fw/stj-ggsr-2016.xml"
$STJ --frameworks "$T/fw" framework diff stj-ggsr@2015 stj-ggsr@2016
