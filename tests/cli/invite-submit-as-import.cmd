# A round filled through four invitations (stj respond: what the online
# questionnaire calls) is the round an import of the same answers makes:
# the same status, verdicts, findings and answer rows. A draft never shows
# in the verdicts; submitting twice is refused.
export STJ_TEST_NOW=2013-06-01T00:00:00Z
/usr/bin/python3 tests/fixtures/invite/split.py "$T"
$STJ --db "$T/a" import examples/leeuwarden-2013-dossier.xml "$T/ig.csv" >/dev/null
$STJ --db "$T/b" import examples/leeuwarden-2013-dossier.xml >/dev/null
n=0
for who in "gemeente Gemeente Leeuwarden" "netwerkpartner fier fryslân" \
    "netwerkpartner Leger des Heils" "netwerkpartner Verslavingszorg Noord Nederland"; do
	n=$((n + 1))
	$STJ --db "$T/b" invite --municipality leeuwarden --approach "interventieteam gezinnen" \
	    --role "${who%% *}" --organisation "${who#* }" >"$T/inv$n"
	sed 's#/v/[A-Za-z0-9_-]\{43\}$#/v/TOKEN#' "$T/inv$n"
	tok=$(sed -n 's#.*/v/##p' "$T/inv$n")
	$STJ --db "$T/b" respond --token "$tok" --draft "$T/$n.tsv" | tail -1
	# A draft is not an answer: no respondent until it is submitted.
	$STJ --db "$T/b" status | grep -c '/'
	$STJ --db "$T/b" respond --token "$tok" --submit | sed -n 1p
done
$STJ --db "$T/b" respond --token "$tok" --submit; echo "exit $?"
$STJ --db "$T/b" respond --token "$tok" --draft "$T/1.tsv"; echo "exit $?"
for c in "status" "verdicts --municipality Leeuwarden --format tsv" \
    "verdicts --municipality Leeuwarden --findings"; do
	$STJ --db "$T/a" $c >"$T/from-import"
	$STJ --db "$T/b" $c >"$T/from-invite"
	cmp "$T/from-import" "$T/from-invite" && echo "same: $c"
done
q="SELECT p.role, p.organisation, x.indicator, x.value, x.toelichting FROM answer x JOIN respondent p ON p.id = x.respondent_id ORDER BY 1, 2, 3"
sqlite3 "$T/a" "$q" >"$T/from-import"
sqlite3 "$T/b" "$q" >"$T/from-invite"
cmp "$T/from-import" "$T/from-invite" && echo "same answer rows: $(wc -l <"$T/from-invite")"
sqlite3 "$T/b" "SELECT source, action, detail FROM import_event ORDER BY id"
$STJ --db "$T/b" invitations --municipality Leeuwarden
