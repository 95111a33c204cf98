# A command that only reads, or changes what is stored, says "no such
# database" (exit 1) for a missing file and creates none: a typo in --db
# used to give an empty database, no output and exit 0. Only import and
# round new, which store new data, create it; an empty file is ours to
# fill. A reader on an empty database says so.
printf 'gemeente\tronde\taanpak\tindicator\tverdict\treden\n' >"$T/o.tsv"
while read -r args; do
	# shellcheck disable=SC2086
	$STJ --db "$T/typo.db" $args >/dev/null 2>"$T/err"
	echo "$args: exit $? $(cat "$T/err")" | sed "s|$T/||g"
done <<EOF2
status
verdicts --municipality Leeuwarden
factsheet --municipality Leeuwarden -o $T/l.pdf
factsheet --all -o $T/all
progress --municipality Leeuwarden --from 2013 --to 2014
history --municipality Leeuwarden
conclusions --municipality Leeuwarden --round 2013
override --municipality Leeuwarden --round 2013 --approach A --indicator 1.1.1 --verdict V --reason r
override --file $T/o.tsv
merge --municipality Leeuwarden --round 2013 --approach A --indicators 1.1.1-1.1.2 --reason r
conclusion --municipality Leeuwarden --round 2013 --approach A --theme 1 --goed g --reason r
import --dry-run examples/leeuwarden-2013.csv
EOF2
ls "$T" | grep typo
$STJ --db "$T/new.db" round new --municipality Leeuwarden --round 2013
$STJ --db "$T/new2.db" import examples/leeuwarden-2013.csv
: >"$T/empty.db"
$STJ --db "$T/empty.db" status 2>&1 | sed "s|$T/||"
$STJ --db "$T/empty.db" import examples/leeuwarden-2013.csv
$STJ --db "$T/empty.db" status | sed -n 1p
