#!/bin/sh
# make bench: the workloads of issue "Step 6" measured side by side with
# their limits on this machine, in one run. Prints one aligned table and
# writes bench/results.tsv. Numbers only: nothing here passes or fails.
#
# Workloads come from bench/build/gen (deterministic, seed 1): national
# (342 municipalities x 2 approaches x 4 respondents), x100 (the same 100
# times) and one (a single municipality).
set -eu
cd "$(dirname "$0")/.."
B=bench/build
D=bench/data
STJ=./stj
M=$B/measure
mkdir -p "$D"
rm -rf "$D"/work
mkdir -p "$D"/work
W=$D/work

echo "generating workloads ..." >&2
[ -f "$D/national.csv" ] || $B/gen --workload national -o "$D/national.csv"
[ -d "$D/dossiers" ] || $B/gen --workload national -o /dev/null \
    --dossier-dir "$D/dossiers"
[ -f "$D/national-long.csv" ] || $B/gen --workload national --long \
    -o "$D/national-long.csv"
[ -f "$D/x100.csv" ] || $B/gen --workload x100 -o "$D/x100.csv"
[ -f "$D/x100-long.csv" ] || $B/gen --workload x100 --long \
    -o "$D/x100-long.csv"
$B/gen --workload one -o "$D/one.csv"
$B/gen --workload one -o /dev/null --dossier-dir "$D/one-dossier"

answers() { # answers loaded by sqlite3 .import (rows of the long form)
	sqlite3 "$W/$1-long.db" "SELECT count(*) FROM answers"
}

# stj import into an empty database: "seconds rss_kb"
stj_import() {
	rm -f "$W/$1.db" "$W/$1.db-wal" "$W/$1.db-shm"
	$M $STJ --db "$W/$1.db" import "$2"
}
# the sqlite3 shell's .import of the long form into a plain table
sqlite_import() {
	rm -f "$W/$1-long.db"
	printf '%s\n' \
	    'CREATE TABLE answers (gemeente TEXT, aanpak TEXT, ronde TEXT, rol TEXT, organisatie TEXT, indicator TEXT, antwoord TEXT, toelichting TEXT);' \
	    '.mode csv' ".import --skip 1 $2 answers" >"$W/import.sql"
	$M -i "$W/import.sql" sqlite3 "$W/$1-long.db"
}
sec() { echo "$1" | cut -d ' ' -f 1; }
rss() { echo "$1" | cut -d ' ' -f 2; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }

echo "import national ..." >&2
best=""
for i in 1 2 3; do
	r=$(stj_import national "$D/national.csv")
	if [ -z "$best" ] || awk -v a="$(sec "$r")" -v b="$(sec "$best")" \
	    'BEGIN { exit !(a < b) }'; then best=$r; fi
done
imp_nat=$best
sq_nat=$(sqlite_import national "$D/national-long.csv")
for i in 1 2; do
	r=$(sqlite_import national "$D/national-long.csv")
	awk -v a="$(sec "$r")" -v b="$(sec "$sq_nat")" \
	    'BEGIN { exit !(a < b) }' && sq_nat=$r
done

n_nat=$(answers national)

echo "import x100 (a minute or two) ..." >&2
imp_x100=$(stj_import x100 "$D/x100.csv")
sq_x100=$(sqlite_import x100 "$D/x100-long.csv")
n_x100=$(answers x100)
rm -f "$W"/x100*.db*

echo "assess ..." >&2
$STJ --db "$W/national.db" import "$D"/dossiers/*.xml >/dev/null
assess=$($B/assess "$W/national.db" .)
n_mun=$(echo "$assess" | cut -d ' ' -f 1)
t_assess=$(echo "$assess" | cut -d ' ' -f 2)

echo "render ..." >&2
rm -rf "$W/pdf1" "$W/pdf2" "$W/bare"
r1=$($M $STJ --db "$W/national.db" factsheet --all -j 1 -o "$W/pdf1")
r2=$($M $STJ --db "$W/national.db" factsheet --all -j 2 -o "$W/pdf2")
pages=$(for f in "$W"/pdf1/*.pdf; do pdfinfo "$f" 2>/dev/null; done |
    awk '/^Pages:/ { s += $2 } END { print s }')
per_doc=$(awk -v p="$pages" -v n="$n_mun" 'BEGIN { printf "%.0f", p / n }')
mkdir -p "$W/bare"
bare=$($M $B/bare "$n_mun" "$per_doc" fonts/DejaVuSans-STJ.ttf \
    fonts/DejaVuSans-Bold-STJ.ttf "$W/bare")
kb=$(du -k "$W/pdf1" | cut -f 1)

echo "one municipality ..." >&2
one_best=""
for i in 1 2 3 4 5; do
	rm -f "$W/one.db"*
	t0=$(date +%s%N)
	$STJ --db "$W/one.db" import "$D/one.csv" "$D"/one-dossier/*.xml >/dev/null
	mun=$(sqlite3 "$W/one.db" "SELECT name FROM municipality")
	$STJ --db "$W/one.db" factsheet --municipality "$mun" -o "$W/one.pdf" >/dev/null
	t1=$(date +%s%N)
	ms=$(( (t1 - t0) / 1000000 ))
	if [ -z "$one_best" ] || [ "$ms" -lt "$one_best" ]; then one_best=$ms; fi
done

end_to_end=$(awk -v a="$(sec "$imp_nat")" -v b="$(sec "$r2")" 'BEGIN { printf "%.2f", a + b }')

{
printf 'measure\tvalue\tunit\tlimit or target\n'
printf 'import national: answers\t%s\tanswers\t\n' "$n_nat"
printf 'import national: stj\t%s\ts\t\n' "$(sec "$imp_nat")"
printf 'import national: stj rate\t%s\tanswers/s\t\n' "$(rate "$n_nat" "$(sec "$imp_nat")")"
printf 'import national: sqlite3 .import\t%s\ts\tlimit\n' "$(sec "$sq_nat")"
printf 'import national: ratio sqlite3/stj\t%s\t\ttarget >= 0.5\n' "$(ratio "$(sec "$sq_nat")" "$(sec "$imp_nat")")"
printf 'import x100: answers\t%s\tanswers\t\n' "$n_x100"
printf 'import x100: stj\t%s\ts\t\n' "$(sec "$imp_x100")"
printf 'import x100: stj rate\t%s\tanswers/s\t\n' "$(rate "$n_x100" "$(sec "$imp_x100")")"
printf 'import x100: sqlite3 .import\t%s\ts\tlimit\n' "$(sec "$sq_x100")"
printf 'import x100: ratio sqlite3/stj\t%s\t\ttarget >= 0.5\n' "$(ratio "$(sec "$sq_x100")" "$(sec "$imp_x100")")"
printf 'scaling: x100/national import time\t%s\t\tlinear = 100\n' "$(ratio "$(sec "$imp_x100")" "$(sec "$imp_nat")")"
printf 'memory: stj import national peak RSS\t%s\tKB\t\n' "$(rss "$imp_nat")"
printf 'memory: stj import x100 peak RSS\t%s\tKB\ta few MB above national\n' "$(rss "$imp_x100")"
printf 'assess: municipalities\t%s\t\t\n' "$n_mun"
printf 'assess: proposals + drafted findings\t%s\ts\t\n' "$t_assess"
printf 'assess: rate\t%s\tmunicipalities/s\t\n' "$(rate "$n_mun" "$t_assess")"
printf 'render: factsheets -j 1\t%s\ts\t\n' "$(sec "$r1")"
printf 'render: rate -j 1\t%s\tfactsheets/s\t\n' "$(rate "$n_mun" "$(sec "$r1")")"
printf 'render: factsheets -j 2\t%s\ts\t\n' "$(sec "$r2")"
printf 'render: rate -j 2\t%s\tfactsheets/s\t\n' "$(rate "$n_mun" "$(sec "$r2")")"
printf 'render: pages in all\t%s\tpages\t\n' "$pages"
printf 'render: size of all\t%s\tKB\t\n' "$kb"
printf 'render: bare libharu, same documents and pages\t%s\ts\tlimit (1 core)\n' "$(sec "$bare")"
printf 'render: ratio bare/stj -j 1\t%s\t\t\n' "$(ratio "$(sec "$bare")" "$(sec "$r1")")"
printf 'national: CSV to %s PDFs (import + -j 2)\t%s\ts\ttarget <= 5\n' "$n_mun" "$end_to_end"
printf 'one municipality: import + factsheet\t%s\tms\ttarget < 100\n' "$one_best"
} >bench/results.tsv

awk -F '\t' '
	{ row[NR] = $0; for (i = 1; i <= NF; i++) if (length($i) > w[i]) w[i] = length($i) }
	END {
		for (r = 1; r <= NR; r++) {
			n = split(row[r], f, "\t")
			line = ""
			for (i = 1; i <= n; i++)
				line = line sprintf(i == 2 ? "%" w[i] "s  " : "%-" w[i] "s  ", f[i])
			sub(/ +$/, "", line)
			print line
		}
	}' bench/results.tsv
echo
echo "machine: $(nproc) cores, $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f 2 | sed 's/^ //'), $(uname -sr)"
echo "written: bench/results.tsv"
rm -rf "$W"
