#!/bin/sh
# Fidelity of the rules against the published 2013 marks, twice:
#
# 1. the reconstructed answers in examples/ (made to fit the rules, so
#    this score is partly circular: examples/RECONSTRUCTION.md);
# 2. tests/fidelity/independent-2013.tsv, answers encoded from the
#    published findings alone by someone who never saw the rules
#    (NOTES.md beside it). Cells where any answer is unknown ('?') are
#    scored apart: the rules then judge on fewer respondents than were
#    asked.
#
# Prints both scores (marks, and LET OP) and every disagreement, marked
# with the published basis (answers, or documents: an inspector's
# override). Usage: fidelity.sh STJ SCRATCHDIR (run from the checkout's
# top). doc/rules.md discusses the result.
set -eu
stj=$1
t=$2
published=tests/fixtures/published-2013.tsv
indep=tests/fidelity/independent-2013.tsv
mkdir -p "$t"
rm -f "$t/rec.db" "$t/ind.db"

# --- 1. the reconstructed examples -------------------------------------
$stj --db "$t/rec.db" import examples/leeuwarden-2013.csv \
    examples/oosterhout-2013/*.xml >/dev/null
{
	$stj --db "$t/rec.db" verdicts --municipality Leeuwarden --format tsv
	$stj --db "$t/rec.db" verdicts --municipality Oosterhout --format tsv |
	    tail -n +2
} >"$t/rec.tsv"
awk -F '\t' '
	NR == FNR { if (FNR > 1) { mark[$1 "|" $2] = $3; lo[$1 "|" $2] = $4
	    basis[$1 "|" $2] = $5 }; next }
	FNR == 1 { next }
	{
		k = $1 "|" $2; n++
		if ($3 == mark[k]) m++
		else printf "  mark  %s: rules %s, published %s (%s)\n", k, $3, mark[k], basis[k]
		if ($4 == lo[k]) l++
		else printf "  letop %s: rules %s, published %s\n", k, $4, lo[k]
	}
	END {
		printf "reconstructed answers (examples/): marks %d of %d, LET OP %d of %d match the published\n", m, n, l, n
	}
' "$published" "$t/rec.tsv" >"$t/rec.out"
tail -n 1 "$t/rec.out"
sed '$d' "$t/rec.out"

# --- 2. the independent encoding ---------------------------------------
# One CSV row per respondent (G, P1..P3) of each approach; '-' (not
# asked) and '?' (unknown) stay empty: not answered.
awk -F '\t' '
	function aanpak(a) { return a == "Gezinsmanager" ? "Aanpak Gezinsmanagement" : a == "Bemoeizorg" ? "Aanpak Bemoeizorg" : a }
	NR == 1 { next }
	{
		k = $1 "|" aanpak($2)
		if (!(k in seen)) { seen[k] = 1; keys[++nk] = k }
		for (r = 0; r < 4; r++)
			ans[k, r, $3] = ($(4 + r) == "-" || $(4 + r) == "?") ? "" : $(4 + r)
		if (!($3 in isind)) { isind[$3] = 1; inds[++ni] = $3 }
	}
	END {
		printf "gemeente;aanpak;ronde;rol;organisatie"
		for (i = 1; i <= ni; i++) printf ";%s", inds[i]
		printf "\n"
		for (j = 1; j <= nk; j++) {
			split(keys[j], ka, "|")
			for (r = 0; r < 4; r++) {
				printf "%s;%s;2013;%s;%s", ka[1], ka[2],
				    r == 0 ? "gemeente" : "netwerkpartner",
				    r == 0 ? "Gemeente " ka[1] : "Netwerkpartner " r
				for (i = 1; i <= ni; i++) printf ";%s", ans[keys[j], r, inds[i]]
				printf "\n"
			}
		}
	}
' "$indep" >"$t/independent.csv"
$stj --db "$t/ind.db" import "$t/independent.csv" >/dev/null
{
	$stj --db "$t/ind.db" verdicts --municipality Leeuwarden --format tsv
	$stj --db "$t/ind.db" verdicts --municipality Oosterhout --format tsv |
	    tail -n +2
} >"$t/ind.tsv"
awk -F '\t' '
	function aanpak(a) { return a == "Gezinsmanager" ? "Aanpak Gezinsmanagement" : a == "Bemoeizorg" ? "Aanpak Bemoeizorg" : a }
	FILENAME == ARGV[1] { if (FNR > 1) basis[$1 "|" $2] = $5; next }
	FILENAME == ARGV[2] { if (FNR > 1) { k = aanpak($2) "|" $3
	    mark[k] = $8 == "" ? "-" : $8; lo[k] = $9; conf[k] = $11
	    unk[k] = ($4 "" $5 "" $6 "" $7) ~ /\?/ }; next }
	FNR == 1 { next }
	{
		k = $1 "|" $2; s = unk[k] ? "u" : "k"; n[s]++
		if ($3 == mark[k]) m[s]++
		else printf "  mark  %s%s: rules %s, published %s (%s; encoding %s)\n", k, unk[k] ? " (?)" : "", $3, mark[k], basis[k], conf[k]
		if ($4 == lo[k]) l[s]++
		else printf "  letop %s%s: rules %s, published %s\n", k, unk[k] ? " (?)" : "", $4, lo[k]
	}
	END {
		printf "independent encoding (tests/fidelity/independent-2013.tsv): marks %d of %d, LET OP %d of %d match the published\n", m["k"], n["k"], l["k"], n["k"]
		printf "  cells with an unknown answer (?): marks %d of %d, LET OP %d of %d\n", m["u"], n["u"], l["u"], n["u"]
	}
' "$published" "$indep" "$t/ind.tsv" >"$t/ind.out"
tail -n 2 "$t/ind.out"
sed '$d' "$t/ind.out" | sed '$d'
