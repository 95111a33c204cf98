#!/bin/sh
# page-fill.sh PDF [TOP BOTTOM]: how full each page of a factsheet is, from
# the words' boxes of pdftotext -bbox-layout (points from the top edge).
#
# Per page: the share of the content box (TOP and BOTTOM are its margins,
# 58 and 52 as templates/factsheet-layout.xml has them) down to the lowest
# word, and the page's first word (the highest, leftmost). The running header and the footer lie
# in the margins and do not count; nor do the single letters of the
# diagonal "CONCEPT" (pdftotext may join two of them: "EP"). Last, the pages more than half empty that are
# neither the last page nor followed by a new approach (its first page
# starts with the heading "Aanpak:"), or "none": the rule of issue 16.
# libharu's ToUnicode CMap makes pdftotext warn on stderr; dropped.
set -u
pdf=$1 top=${2:-58} bottom=${3:-52}
pdftotext -bbox-layout "$pdf" - 2>/dev/null | awk -v top="$top" \
    -v bottom="$bottom" '
function attr(s, name,   r) {
	r = s
	sub(".*" name "=\"", "", r)
	sub("\".*", "", r)
	return r + 0
}
/<page / {
	n++
	height[n] = attr($0, "height")
	low[n] = top
	first[n] = ""
}
/<word / {
	text = $0
	sub(/.*">/, "", text)
	sub(/<\/word>.*/, "", text)
	y0 = attr($0, "yMin")
	y1 = attr($0, "yMax")
	if (y0 < top || y1 > height[n] - bottom)
		next
	if (text ~ /^[CONEPT]+$/)
		next
	if (first[n] == "" || y0 < high[n] - 0.5) {
		first[n] = text
		high[n] = y0
	}
	if (y1 > low[n])
		low[n] = y1
}
END {
	bad = ""
	for (i = 1; i <= n; i++) {
		fill = (low[i] - top) / (height[i] - top - bottom)
		printf "page %d: %d%% %s\n", i, int(fill * 100 + 0.5), first[i]
		if (fill < 0.5 && i < n && first[i + 1] != "Aanpak:")
			bad = bad " " i
	}
	print "more than half empty:" (bad == "" ? " none" : bad)
}'
