# The rules' calibration is validated: a tie that is no V, X or gemeente
# and a support answer that is not substantive fail the schema, a <rule>
# that names no rule fails loading, a rule calibrated twice fails too.
f=framework/stj-ggsr-2013.xml
sed 's/letop="nee deels" tie="X"/letop="nee deels" tie="misschien"/' $f >"$T/tie.xml"
sed 's/<rule name="agreement" support="ja"/<rule name="agreement" support="ja nvt"/' $f >"$T/support.xml"
sed 's/<rule name="municipality"/<rule name="gemiddelde"/' $f >"$T/name.xml"
sed 's/<rule name="municipality"/<rule name="majority"/' $f >"$T/twice.xml"
for x in tie support name twice; do
	$STJ framework validate "$T/$x.xml" >"$T/o" 2>&1
	echo "exit $?"
	sed "s|$T/||" "$T/o" | cut -c1-150
done
$STJ framework validate $f | head -1
