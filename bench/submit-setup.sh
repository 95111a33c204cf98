# Sourced by bench/run.sh and tests/cli/mail-concurrent-submit.cmd:
# submit_setup GEN DB N TOKENS: a database of generated rounds (bench/gen,
# the gemeente's answers only) and N invitations of netwerkpartners, three
# per approach, made by "stj invite"; their tokens one a line in TOKENS.
submit_setup() {
	_m=$(( ($3 + 5) / 6 ))
	"$1" --workload national --municipalities "$_m" -o "$2.csv" || return 1
	/usr/bin/python3 - "$2.csv" "$2.g.csv" "$2.ap" <<'PY' || return 1
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig"),
                       delimiter=";"))
out = csv.writer(open(sys.argv[2], "w", newline="", encoding="utf-8"),
                 delimiter=";")
out.writerow(rows[0])
with open(sys.argv[3], "w", encoding="utf-8") as ap:
    for r in rows[1:]:
        if r[3] == "gemeente":
            out.writerow(r)
            ap.write("%s\t%s\n" % (r[0], r[1]))
PY
	$STJ --db "$2" import "$2.g.csv" >/dev/null || return 1
	: >"$4"
	_n=0
	while IFS="	" read -r _mun _ap; do
		for _p in 1 2 3; do
			[ "$_n" -lt "$3" ] || break 2
			$STJ --db "$2" invite --municipality "$_mun" \
			    --approach "$_ap" --role netwerkpartner \
			    --organisation "Partner $_p" |
			    sed -n 's#.*/v/##p' >>"$4" || return 1
			_n=$((_n + 1))
		done
	done <"$2.ap"
	[ "$(wc -l <"$4")" -eq "$3" ]
}
