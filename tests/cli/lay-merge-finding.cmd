# A merged group prints ONE finding (doc/rules.md, "Merged cells"), as the
# published merged cells do: drafted once from each respondent's answers
# combined over the members (ja to every member it was asked: ja). In
# Leeuwarden IG 3.1.1-3.1.3 the gemeente (asked all three) and the
# partners (asked 3.1.3) all say ja: "Alle ondervraagden …" once, where
# the members' own drafts are "De gemeente …" twice and "Alle …" once.
# The same text in the PDF's cell, and in `verdicts --findings`. When the
# inspector wrote a member's finding, the members' texts stand (the
# written one is not redrafted), each line once.
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=inspecteur-c
db="$T/db"
$STJ --db "$db" import examples/leeuwarden-2013.csv >/dev/null
f() { $STJ --db "$db" verdicts --municipality Leeuwarden --findings |
    sed -n '/^Aanpak: Interventieteam/,/^Aanpak: Voorwaardelijke/p' |
    sed -n '/^    3\.1\.1 /,/^    3\.1\.4 /p' | sed '$d'; }
pdf() { $STJ --db "$db" factsheet --municipality Leeuwarden -o "$T/l.pdf" \
    >/dev/null && pdftotext -raw "$T/l.pdf" - 2>/dev/null |
    awk '/^Aanpak$/ { on = 1 } on { print } /^De resultaten van de$/ &&
    on { exit }'; }
echo "-- apart"
f
$STJ --db "$db" merge --municipality Leeuwarden --round 2013 \
    --approach "Interventieteam Gezinnen" --indicators 3.1.1-3.1.3 \
    --reason "Eén bevinding, zoals gepubliceerd"
echo "-- merged"
f
echo "-- the PDF's cell"
pdf
$STJ --db "$db" override --municipality Leeuwarden --round 2013 \
    --approach "Interventieteam Gezinnen" --indicator 3.1.2 \
    --finding "De visie staat in het Amaryllisconcept (2010)." \
    --reason "Uit de documenten" >/dev/null
echo "-- a member's finding written by the inspector"
f
