#!/bin/sh
# check-factsheet.sh DB MUNICIPALITY PDF: what a factsheet test asserts,
# as a report whose every line the test's .out fixes exactly.
#
# From pdftotext -raw (content-stream order: a cell's lines come out
# together, the mark at the start of its finding's first line) it checks,
# per approach (the text between "Bevindingen toezichtonderzoek" and
# "Conclusie"), that every indicator text of the framework is there and
# that the marks, in order, are those of "stj verdicts" (a merged group
# prints one mark: its members' marks are equal, so repeats of a group
# are dropped by the "approach|indicator" keys the caller lists, comma-
# separated, in $MERGED_TAIL); and
# over the whole text that every LET OP remark of "stj verdicts
# --findings" and every line of "stj conclusions" appears.
# pdftotext's stderr is kept: any warning (e.g. about a font's ToUnicode
# map) reaches the test's .err and fails it.
set -u
db=$1 mun=$2 pdf=$3
stj=${STJ:-./stj}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pdftotext -raw "$pdf" "$tmp/raw.txt"
$stj framework show --format tsv | tail -n +2 | cut -f 3,4 >"$tmp/ind.tsv"
$stj --db "$db" verdicts --municipality "$mun" --format tsv | tail -n +2 \
    >"$tmp/verdicts.tsv"
$stj --db "$db" verdicts --municipality "$mun" --findings |
    sed -n 's/^ *\(LET OP: .*\)$/\1/p' >"$tmp/letop.txt"
$stj --db "$db" conclusions --municipality "$mun" |
    sed -n 's/^      \(.*\)$/\1/p' >"$tmp/concl.txt"

awk -F '\t' -v merged="${MERGED_TAIL:-}" '
	FILENAME ~ /ind.tsv$/ { id[++nind] = $1; text[$1] = $2; next }
	FILENAME ~ /verdicts.tsv$/ {
		if (!($1 in seen)) { seen[$1] = 1; order[++nappr] = $1 }
		m = $3 == "V" ? "√" : $3 == "X" ? "X" : "–"
		split(merged, skip, ",")
		drop = 0
		for (k in skip) if (skip[k] == $1 "|" $2) drop = 1
		if (!drop) want[$1] = want[$1] m
		next
	}
	# the factsheet text; the running header follows the footer, which
	# ends in the page number ("... November 2013 | 4"); it names the
	# approach without a leading "Aanpak" ("Aanpak: Bemoeizorg")
	prev ~ /(Pagina|\|) [0-9]+$/ && /^Aanpak: / { appr = substr($0, 9) }
	{ prev = $0 }
	$0 == "Bevindingen toezichtonderzoek" { in_findings = 1; next }
	$0 == "Conclusie" { in_findings = 0 }
	in_findings {
		body[appr] = body[appr] " " $0
		if ($0 ~ /^(√|X|–)( |$)/)
			got[appr] = got[appr] substr($0, 1, index($0 " ", " ") - 1)
	}
	END {
		for (a = 1; a <= nappr; a++) {
			ap = order[a]
			n = 0
			short = ap
			sub(/^Aanpak /, "", short)
			b = body[short]
			gsub(/  +/, " ", b)
			for (i = 1; i <= nind; i++)
				if (index(b, " " text[id[i]] " ") > 0) n++
				else print ap ": indicator " id[i] " missing"
			printf "%s: %d of %d indicators\n", ap, n, nind
			printf "%s: marks %s\n", ap, got[short]
			print ap ": marks " (got[short] == want[ap] ? "match stj verdicts" : "DIFFER from stj verdicts " want[ap])
		}
	}
' "$tmp/ind.tsv" "$tmp/verdicts.tsv" "$tmp/raw.txt"

# The whole text on one line, for remarks that wrap across lines.
tr '\n' ' ' <"$tmp/raw.txt" | sed 's/  */ /g' >"$tmp/flat.txt"
found() {
	total=0 ok=0
	while IFS= read -r line; do
		total=$((total + 1))
		if grep -qF -- "$line" "$tmp/flat.txt"; then
			ok=$((ok + 1))
		else
			echo "missing: $line"
		fi
	done <"$1"
	echo "$2: $ok of $total"
}
found "$tmp/letop.txt" "LET OP remarks"
found "$tmp/concl.txt" "conclusion lines"

# A table header (or theme heading) that is the last thing on its page
# is widowed: in content order the next page's number follows it.
awk '
	/^\f/ && (prev == "Criteria Indicatoren Bevindingen" ||
	    prev == "Wat gaat goed? Wat kan beter?") { widowed++ }
	{ prev = $0 }
	END { printf "widowed table headers: %d\n", widowed }
' "$tmp/raw.txt"
