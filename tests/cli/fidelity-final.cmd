# Fidelity after the inspector's overrides (examples/overrides-2013.tsv):
# the final verdicts equal all 120 published marks; six come from the
# inspector, and each has its reason in the audit log.
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/oosterhout-2013/*.xml >/dev/null
STJ_TEST_NOW=2013-06-01T00:00:00Z $STJ --db "$T/db" override \
    --file examples/overrides-2013.tsv --inspector "STJ inspecteur"
{
	$STJ --db "$T/db" verdicts --municipality Leeuwarden --format tsv
	$STJ --db "$T/db" verdicts --municipality Oosterhout --format tsv |
	    tail -n +2
} >"$T/final.tsv"
awk -F '\t' '
	NR == FNR { if (FNR > 1) mark[$1 "|" $2] = $3; next }
	FNR == 1 { next }
	{ n++; if ($3 == mark[$1 "|" $2]) ok++; else print "MISMATCH: " $1 "|" $2 " " $3 " != " mark[$1 "|" $2]
	  if ($5 == "inspecteur") insp++ }
	END { printf "%d of %d final verdicts match the published ones; %d by the inspector\n", ok, n, insp }
' tests/fixtures/published-2013.tsv "$T/final.tsv"
$STJ --db "$T/db" history --municipality Oosterhout | cut -c1-100
