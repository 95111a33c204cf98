#!/bin/sh
# tools/screenshots.sh [OUTDIR]: takes the workbench screenshots the user
# guide and the README show (doc/web-*.png) from today's "stj serve", the
# same way every time: a fresh database of the examples (Leeuwarden 2013,
# Fier Fryslân's answers left out so that it can be invited), one
# override, one merged group, one invitation, a fixed clock
# (STJ_TEST_NOW), a window of 1100x800. Needs ./stj built, chromium,
# chromium-driver and python3-selenium (Debian); python3-pil, when
# there, makes each PNG smaller (a 256-colour palette).
# Run from the checkout: make screenshots (OUTDIR defaults to doc).
set -eu
out=${1:-doc}
tmp=$(mktemp -d)
pid=
trap 'if [ -n "$pid" ]; then kill -TERM "$pid"; wait "$pid" || :; fi; rm -rf "$tmp"' EXIT
export STJ_TEST_NOW=2025-10-06T09:30:00Z
STJ="./stj --db $tmp/db"
M='--municipality Leeuwarden --round 2013'
grep -v '^Leeuwarden;Interventieteam Gezinnen;2013;netwerkpartner;Fier' \
    examples/leeuwarden-2013.csv >"$tmp/l.csv"
$STJ import "$tmp/l.csv" examples/leeuwarden-2013-dossier.xml >/dev/null
$STJ override $M --approach "Interventieteam Gezinnen" --indicator 4.2.2 \
    --verdict X --finding "Er is geen gezamenlijk plan van aanpak." \
    --reason "Dossiers tonen geen plan" --inspector "A. Inspecteur" >/dev/null
$STJ merge $M --approach "Interventieteam Gezinnen" --indicators 3.1.1-3.1.3 \
    --reason "Eén bevinding voor de toeleiding" \
    --inspector "A. Inspecteur" >/dev/null
link=$($STJ invite $M --approach "Interventieteam Gezinnen" \
    --role netwerkpartner --organisation "Fier Fryslân" \
    --email fier@example.nl --inspector "A. Inspecteur" | grep -o '/v/[A-Za-z0-9_-]*')
./stj --db "$tmp/db" serve --listen 127.0.0.1:0 >"$tmp/serve.out" \
    2>"$tmp/serve.err" &
pid=$!
i=0
until grep -q '^stj serve: open http' "$tmp/serve.out"; do
	i=$((i + 1))
	[ $i -lt 100 ] || { cat "$tmp/serve.err"; exit 1; }
	sleep 0.1
done
url=$(sed -n 's/^stj serve: open //p' "$tmp/serve.out")
/usr/bin/python3 tools/screenshots.py "$url" "$link" "$out"
