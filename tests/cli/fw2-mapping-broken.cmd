# A <mapping> that names what is not there is refused with file:line.
# In the file itself: a split into an indicator the version lacks, a
# dropped indicator it still has, an old id named twice. Against the
# installed 2013 it names: a merge from, a dropped id and a renamed-from
# that 2013 lacks; such a version is left out of the installed set (exit
# 1) while the good ones still load. The schema refuses a split into one
# id; a mapping from the framework itself is refused.
mkdir "$T/fw"
b="$T/fw/stj-ggsr-2016.xml"
v() { $STJ framework validate "$b" >"$T/out" 2>&1; echo "exit $?"; sed "s|$T/||" "$T/out"; }
sed -e 's/version="2015"/version="2016"/' \
    -e 's/into="3.2.1 3.2.4"/into="3.2.1 3.2.9"/' \
    -e 's/dropped id="1.2.2"/dropped id="3.2.1"/' \
    framework/stj-ggsr-2015.xml >"$b"
v
sed -e 's/version="2015"/version="2016"/' \
    -e 's/merge from="3.1.5 3.1.6"/merge from="3.1.5 3.1.8"/' \
    -e 's/dropped id="1.2.2"/dropped id="1.2.9"/' \
    -e 's/renamed-from="4.2.3"/renamed-from="4.2.9"/' \
    framework/stj-ggsr-2015.xml >"$b"
v
$STJ --frameworks "$T/fw" framework list --format tsv >"$T/out" 2>&1; echo "exit $?"
sed "s|$T/||" "$T/out" | cut -f1,2
sed -e 's/version="2015"/version="2016"/' -e 's/into="3.2.1 3.2.4"/into="3.2.4"/' \
    framework/stj-ggsr-2015.xml >"$b"
v
sed -e 's/version="2015"/version="2016"/' -e 's/from="stj-ggsr@2013"/from="stj-ggsr@2016"/' \
    framework/stj-ggsr-2015.xml >"$b"
v
