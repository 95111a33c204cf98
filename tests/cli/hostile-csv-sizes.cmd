# A 100 MB cell on one line, 10 000 columns, a duplicated header and a
# header without indicator columns: each refused with its line, exit 1,
# the database unchanged (same bytes before and after).
$STJ --db "$T/db" import examples/leeuwarden-2013.csv >/dev/null
before=$(sqlite3 "$T/db" "SELECT count(*) FROM answer")
md5=$(sqlite3 "$T/db" .dump | md5sum)
hdr='gemeente,aanpak,ronde,rol,organisatie,1.1.1 Alle netwerkpartners hanteren dezelfde omschrijving van GGSR,1.1.1 toelichting'
{ echo "$hdr"; printf 'Utrecht,A,2013,gemeente,Gemeente Utrecht,ja,'; head -c 100000000 /dev/zero | tr '\0' x; echo; } >"$T/big-cell.csv"
{ printf 'gemeente'; i=1; while [ $i -lt 10000 ]; do printf ',c%d' $i; i=$((i + 1)); done; echo; } >"$T/wide.csv"
{ echo "$hdr,1.1.1 Alle netwerkpartners hanteren dezelfde omschrijving van GGSR"; echo 'Utrecht,A,2013,gemeente,G,ja,,ja'; } >"$T/dup.csv"
{ echo 'gemeente,aanpak,ronde,rol,organisatie,opmerking'; echo 'Utrecht,A,2013,gemeente,G,x'; } >"$T/none.csv"
for f in big-cell wide dup none; do
	$STJ --db "$T/db" import "$T/$f.csv" >"$T/out" 2>&1
	echo "exit $?"
	sed "s|$T/||" "$T/out"
done
echo "answers before: $before, after: $(sqlite3 "$T/db" "SELECT count(*) FROM answer")"
[ "$(sqlite3 "$T/db" .dump | md5sum)" = "$md5" ] && echo "database unchanged"
rm -f "$T/big-cell.csv"
