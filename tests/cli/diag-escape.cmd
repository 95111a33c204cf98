# A diagnostic quotes what the input said ("'X' is no answer", a file
# name): control characters in it are printed escaped (\xHH, \t, \n), so a
# terminal escape in a cell (ESC ] 52 writes the clipboard) or a line
# break in a file name never reaches the terminal raw or splits the line.
hdr='gemeente,aanpak,ronde,rol,organisatie,1.1.1 Alle netwerkpartners'
{
	echo "$hdr"
	printf 'Utrecht,Wijkaanpak,2013,gemeente,Gemeente Utrecht,"ja\033]52;c;aGk=\007"\n'
	printf 'Utrecht,Wijkaanpak,2013,netwerkpartner,GGD,"nee\ttab"\n'
} >"$T/bad.csv"
cp "$T/bad.csv" "$T/two
lines.csv"
$STJ --db "$T/db" import "$T/bad.csv" "$T/two
lines.csv" >"$T/out" 2>&1
echo "exit $?"
sed "s|$T/||g" "$T/out"
