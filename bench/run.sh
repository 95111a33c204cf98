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
# Without -j: the default, one worker per online processor.
ncpu=$(getconf _NPROCESSORS_ONLN)
r2=$($M $STJ --db "$W/national.db" factsheet --all -o "$W/pdf2")
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

echo "web (about 40 s) ..." >&2
SECS=2
HZ=$(getconf CLK_TCK)
# A reviewed country's audit log: 20 changes per approach (13 680 rows in
# the national database), written by SQL, so that the Logboek, the last
# change on the Overzicht and the version in every edit form read a log of
# national size, as they will after a year of reviews.
audit_fill() {
	sqlite3 "$1" "WITH ind AS (SELECT DISTINCT indicator AS id
	    FROM answer ORDER BY indicator LIMIT 20)
	  INSERT INTO audit_log (at, who, round_id, approach_id, indicator,
	    field, old_value, new_value, reason)
	  SELECT '2024-03-01T10:00:00Z', 'bench', a.round_id, a.id, ind.id,
	    'finding', NULL, 'Bevinding van de inspecteur.', 'bench'
	  FROM approach a, ind ORDER BY a.id, ind.id"
}
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# stj serve on database $1: sets srv (its pid), hp (host:port), cookie.
serve() {
	$STJ --db "$1" serve --listen 127.0.0.1:0 >"$W/serve.out" \
	    2>"$W/serve.err" &
	srv=$!
	i=0
	while ! grep -q '^stj serve: open http' "$W/serve.out"; do
		i=$((i + 1))
		if [ $i -gt 100 ]; then cat "$W/serve.err" >&2; exit 1; fi
		sleep 0.1
	done
	url=$(sed -n 's/^stj serve: open //p' "$W/serve.out")
	hp=${url#http://}
	hp=${hp%%/*}
	cookie=$(curl -s -D - -o /dev/null "$url" | tr -d '\r' |
	    sed -n 's/^Set-Cookie: \(sid=[^;]*\);.*/\1/p')
}
stop() { kill -TERM "$1"; wait "$1" || true; }
# web PID CLIENTS PATH...: "rate p50 p99 errors server-cpu-ms-per-request"
web() {
	pid=$1 c=$2
	shift 2
	t0=$(cpu "$pid")
	r=$($B/webload "$hp" "$cookie" "$c" "$SECS" "$@")
	t1=$(cpu "$pid")
	echo "$r" | awk -v t="$((t1 - t0))" -v hz="$HZ" '{ printf "%s %s %s %s %.2f\n",
	    $3, $4, $5, $6, ($1 > 0 ? t * 1000 / hz / $1 : 0) }'
}
f() { echo "$1" | cut -d ' ' -f "$2"; }

cp "$W/national.db" "$W/web.db"
audit_fill "$W/web.db"
audit_fill "$W/one.db"
year=$(sqlite3 "$W/web.db" "SELECT min(year) FROM round")
# Ten municipalities with plain names (no percent-encoding needed), and
# one whose name no other contains (the Overzicht filtered to one row).
names=$(sqlite3 "$W/web.db" "SELECT name FROM municipality
    WHERE name NOT GLOB '*[^A-Za-z]*' ORDER BY name LIMIT 10")
alone=$(sqlite3 "$W/web.db" "SELECT name FROM municipality m
    WHERE name NOT GLOB '*[^A-Za-z]*' AND (SELECT count(*) FROM
    municipality x WHERE instr(x.name_key, m.name_key) > 0) = 1
    ORDER BY name LIMIT 1")
paths() { for m in $names; do printf '%s?gemeente=%s&jaar=%s\n' "$1" "$m" "$year"; done; }
ronde=$(paths /ronde)
logboek=$(paths /logboek)
factsheet=$(paths /factsheet.pdf)

# The limit: bare libmicrohttpd serving the stylesheet's bytes.
$B/webbare templates/web/stj.css >"$W/bare.port" &
bare_pid=$!
while [ ! -s "$W/bare.port" ]; do sleep 0.1; done
hp=127.0.0.1:$(cat "$W/bare.port")
cookie=-
lim1=$(web $bare_pid 1 /static/stj.css)
lim50=$(web $bare_pid 50 /static/stj.css)
stop $bare_pid

serve "$W/web.db"
css1=$(web $srv 1 /static/stj.css)
css50=$(web $srv 50 /static/stj.css)
ov1=$(web $srv 1 /)
ov50=$(web $srv 50 /)
ovone_nat=$(web $srv 1 "/?zoek=$alone")
# shellcheck disable=SC2086
ro1=$(web $srv 1 $ronde)
# shellcheck disable=SC2086
ro50=$(web $srv 50 $ronde)
# shellcheck disable=SC2086
lb1=$(web $srv 1 $logboek)
# shellcheck disable=SC2086
lb50=$(web $srv 50 $logboek)
first=$(echo "$factsheet" | head -n 1)
fs_code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" \
    "http://$hp$first")
if [ "$fs_code" = 200 ]; then
	# shellcheck disable=SC2086
	fs1=$(web $srv 1 $factsheet)
	# shellcheck disable=SC2086
	fs50=$(web $srv 50 $factsheet)
fi
stop $srv
# Without the route: stj factsheet of one municipality, best of 5.
fs_cli=""
m1=$(echo "$names" | head -n 1)
for i in 1 2 3 4 5; do
	t0=$(date +%s%N)
	$STJ --db "$W/web.db" factsheet --municipality "$m1" -o "$W/fs.pdf" \
	    >/dev/null
	t1=$(date +%s%N)
	ms=$(( (t1 - t0) / 1000000 ))
	if [ -z "$fs_cli" ] || [ "$ms" -lt "$fs_cli" ]; then fs_cli=$ms; fi
done

serve "$W/one.db"
one_mun=$(sqlite3 "$W/one.db" "SELECT name FROM municipality")
one_enc=$(printf '%s' "$one_mun" | od -An -tx1 | tr -d ' \n' |
    sed 's/\(..\)/%\1/g')
ovone=$(web $srv 1 /)
roone=$(web $srv 1 "/ronde?gemeente=$one_enc&jaar=$year")
lbone=$(web $srv 1 "/logboek?gemeente=$one_enc&jaar=$year")
stop $srv

# -- step 10: mail -- login cost and 200 respondents submitting at once.
echo "login and 200 respondents (about 2 min) ..." >&2
# crypto_pwhash_str_verify, as src/account.c: "wall cpu wall cpu" (ms)
pwh=$($B/pwhash 5)
# Logins through POST /login (GET /login for its form, then the POST),
# N in a row by each of C clients: "logins/s".
PW='wachtwoord-van-twaalf'
echo "$PW" | $STJ --db "$W/login.db" user add bench --role inspecteur >/dev/null
logins() { # logins N C
	t0=$(date +%s%N)
	for j in $(seq "$2"); do
		(for i in $(seq "$1"); do
			curl -s -D "$W/lf$j.h" -o "$W/lf$j.html" "http://$hp/login"
			lt=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$W/lf$j.html")
			lc=$(tr -d '\r' <"$W/lf$j.h" | sed -n 's/^Set-Cookie: \(login=[^;]*\);.*/\1/p')
			curl -s -o /dev/null -w '%{http_code}\n' -H "Cookie: $lc" \
			    --data-urlencode "csrf=$lt" -d naam=bench \
			    --data-urlencode "wachtwoord=$PW" "http://$hp/login"
		done >"$W/li$j.codes") &
	done
	wait
	t1=$(date +%s%N)
	bad=$(cat "$W"/li*.codes | grep -vc '^303$' || true)
	awk -v n="$(( $1 * $2 ))" -v ms="$(( (t1 - t0) / 1000000 ))" -v bad="$bad" \
	    'BEGIN { printf "%.1f %s\n", n * 1000 / ms, bad }'
	rm -f "$W"/li*.codes
}
serve "$W/login.db"
login1=$(logins 20 1)
login4=$(logins 10 4)
stop $srv
# 200 invitations (stj invite), 200 clients at once: open, save, submit.
. bench/submit-setup.sh
submit_setup "$B/gen" "$W/submit.db" 200 "$W/tokens"
serve "$W/submit.db"
t0=$(cpu "$srv")
sub=$($B/websubmit "$hp" "$W/tokens")
t1=$(cpu "$srv")
stop $srv
sub=$(echo "$sub" | awk -v t="$((t1 - t0))" -v hz="$HZ" '{ printf "%s %s %s %s %.2f\n",
    $3, $4, $5, $6, ($1 > 0 ? t * 1000 / hz / $1 : 0) }')
sub_ok=$(sqlite3 "$W/submit.db" "SELECT count(*) FROM invitation
    WHERE state = 'submitted' AND respondent_id IS NOT NULL")
sub_rows=$(sqlite3 "$W/submit.db" "SELECT count(*) FROM answer a
    JOIN respondent r ON r.id = a.respondent_id
    WHERE r.role = 'netwerkpartner'")
sub_events=$(sqlite3 "$W/submit.db" "SELECT count(*) FROM import_event
    WHERE source LIKE 'invitation:%'")

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
printf 'render: factsheets, default -j (%s processors)\t%s\ts\t\n' "$ncpu" "$(sec "$r2")"
printf 'render: rate, default -j\t%s\tfactsheets/s\t\n' "$(rate "$n_mun" "$(sec "$r2")")"
printf 'render: pages in all\t%s\tpages\t\n' "$pages"
printf 'render: size of all\t%s\tKB\t\n' "$kb"
printf 'render: bare libharu, same documents and pages\t%s\ts\tlimit (1 core)\n' "$(sec "$bare")"
printf 'render: ratio bare/stj -j 1\t%s\t\t\n' "$(ratio "$(sec "$bare")" "$(sec "$r1")")"
printf 'national: CSV to %s PDFs (import + factsheet --all)\t%s\ts\ttarget <= 3\n' "$n_mun" "$end_to_end"
printf 'one municipality: import + factsheet\t%s\tms\ttarget < 100\n' "$one_best"
pp() { printf '%s / %s' "$(f "$1" 2)" "$(f "$1" 3)"; }
webrows() { # webrows NAME RESULT-1 RESULT-50 TARGET-MS
	printf 'web 1 client: %s p50 / p99\t%s\tms\ttarget <= %s\n' "$1" "$(pp "$2")" "$4"
	printf 'web 1 client: %s server CPU\t%s\tms/request\t\n' "$1" "$(f "$2" 5)"
	printf 'web 50 clients: %s p50 / p99\t%s\tms\t\n' "$1" "$(pp "$3")"
	printf 'web 50 clients: %s rate\t%s\trequests/s\t\n' "$1" "$(f "$3" 1)"
	printf 'web 50 clients: %s rate / limit\t%s\t\ttarget >= 0.3\n' "$1" "$(ratio "$(f "$3" 1)" "$(f "$lim50" 1)")"
}
printf 'web limit: bare libmicrohttpd, static file, 1 client\t%s\trequests/s\tlimit (p50 / p99 %s ms)\n' "$(f "$lim1" 1)" "$(pp "$lim1")"
printf 'web limit: bare libmicrohttpd, static file, 50 clients\t%s\trequests/s\tlimit (p50 / p99 %s ms)\n' "$(f "$lim50" 1)" "$(pp "$lim50")"
printf 'web 1 client: stj /static/stj.css\t%s\trequests/s\t\n' "$(f "$css1" 1)"
printf 'web 50 clients: stj /static/stj.css\t%s\trequests/s\t\n' "$(f "$css50" 1)"
webrows "Overzicht (50 rows)" "$ov1" "$ov50" 20
webrows "Ronde" "$ro1" "$ro50" 20
webrows "Logboek" "$lb1" "$lb50" 20
if [ -n "${fs1:-}" ]; then
	webrows "factsheet preview" "$fs1" "$fs50" 150
else
	printf 'web: factsheet preview route\tabsent\t\t\n'
fi
printf 'stj factsheet, one municipality (process)\t%s\tms\ttarget <= 150\n' "$fs_cli"
# Server CPU per request: under a loaded machine steadier than wall time.
printf 'web national/one: Overzicht of one round, server CPU\t%s\t\tindependent = 1\n' "$(ratio "$(f "$ovone_nat" 5)" "$(f "$ovone" 5)")"
printf 'web national/one: Ronde, server CPU\t%s\t\tindependent = 1\n' "$(ratio "$(f "$ro1" 5)" "$(f "$roone" 5)")"
printf 'web national/one: Logboek, server CPU\t%s\t\tindependent = 1\n' "$(ratio "$(f "$lb1" 5)" "$(f "$lbone" 5)")"
printf 'login: Argon2id verify, libsodium INTERACTIVE (t=2, m=64 MiB)\t%s\tms wall / CPU\tOWASP: m >= 19 MiB, t >= 2\n' "$(f "$pwh" 1) / $(f "$pwh" 2)"
printf 'login: Argon2id verify, OWASP minimum (t=2, m=19 MiB)\t%s\tms wall / CPU\tfor comparison\n' "$(f "$pwh" 3) / $(f "$pwh" 4)"
printf 'web 1 client: logins through POST /login\t%s\tlogins/s\tlimit %s (1000 / CPU ms)\n' "$(f "$login1" 1)" "$(awk -v c="$(f "$pwh" 2)" 'BEGIN { printf "%.1f", 1000 / c }')"
printf 'web 4 clients: logins through POST /login\t%s\tlogins/s\tlimit %s (x %s cores)\n' "$(f "$login4" 1)" "$(awk -v c="$(f "$pwh" 2)" -v n="$(nproc)" 'BEGIN { printf "%.1f", n * 1000 / c }')" "$(nproc)"
printf 'web 200 respondents at once: open, save, submit p50 / p99\t%s\tms\tstatic file 50 clients p99 %s\n' "$(pp "$sub")" "$(f "$lim50" 3)"
printf 'web 200 respondents at once: rate\t%s\trequests/s\t\n' "$(f "$sub" 1)"
printf 'web 200 respondents at once: rate / limit\t%s\t\tstatic file 50 clients %s requests/s\n' "$(ratio "$(f "$sub" 1)" "$(f "$lim50" 1)")" "$(f "$lim50" 1)"
printf 'web 200 respondents at once: server CPU\t%s\tms/request\t\n' "$(f "$sub" 5)"
printf 'web 200 respondents: submitted / answer rows / import events\t%s\t\t200 / 600 / 200 (nothing lost, each once)\n' "$sub_ok / $sub_rows / $sub_events"
printf 'web: failed logins and submissions\t%s\t\t0\n' "$(( $(f "$login1" 2) + $(f "$login4" 2) + $(f "$sub" 4) ))"
printf 'web: failed requests (all runs)\t%s\t\t0\n' "$(for r in "$lim1" "$lim50" "$css1" "$css50" "$ov1" "$ov50" "$ovone_nat" "$ro1" "$ro50" "$lb1" "$lb50" "${fs1:-0 0 0 0}" "${fs50:-0 0 0 0}" "$ovone" "$roone" "$lbone"; do f "$r" 4; done | awk '{ s += $1 } END { print s }')"
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
