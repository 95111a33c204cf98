# Fidelity: the proposed verdicts for the reconstructed Leeuwarden and
# Oosterhout answers against the 120 published marks
# (tests/fixtures/published-2013.tsv, from examples/RECONSTRUCTION.md).
# Every mark whose basis is the answers must match; the six that rest on
# documents need an inspector override (listed, not counted as failures).
$STJ --db "$T/db" import examples/leeuwarden-2013.csv \
    examples/oosterhout-2013/*.xml >/dev/null
{
	$STJ --db "$T/db" verdicts --municipality Leeuwarden --format tsv
	$STJ --db "$T/db" verdicts --municipality Oosterhout --format tsv |
	    tail -n +2
} >"$T/proposed.tsv"
awk -F '\t' '
	NR == FNR { if (FNR > 1) { mark[$1 "|" $2] = $3; basis[$1 "|" $2] = $5 }; next }
	FNR == 1 { next }
	{
		k = $1 "|" $2; n++
		if (!(k in mark)) { print "not published: " k; bad++; next }
		if ($3 == mark[k]) { match_all++; next }
		if (basis[k] == "documents") { print "needs override: " k " proposed " $3 ", published " mark[k]; next }
		print "MISMATCH: " k " proposed " $3 ", published " mark[k]; bad++
	}
	END { printf "%d of %d proposals match the published verdicts; %d mismatches\n", match_all, n, bad + 0 }
' tests/fixtures/published-2013.tsv "$T/proposed.tsv"
