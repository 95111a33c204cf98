# The LimeSurvey survey structure file per role: well-formed XML, the
# tables, columns and references LimeSurvey's importer needs, one question
# per indicator asked of the role (type O: list with comment), the codes.
for r in gemeente netwerkpartner; do
	$STJ questionnaire --role $r --format lss -o "$T/$r.lss" | sed "s|$T/||"
	xmllint --noout "$T/$r.lss" && echo well-formed
	/usr/bin/python3 tests/fixtures/lss/check-lss.py "$T/$r.lss"
	grep -o '<title>[^<]*</title>' "$T/$r.lss" | sed 's/<[^>]*>//g' | tr '\n' ' '
	echo
done
# The framework's wording of 1.1.1 for a netwerkpartner, its answer options.
grep -o '<qid>5</qid><question>[^<]*' "$T/netwerkpartner.lss"
grep -o '<code>A[0-9]</code>' "$T/gemeente.lss" | sort | uniq -c
grep -o '<aid>5[0-9]</aid><answer>[^<]*' "$T/gemeente.lss"
