# factsheet --all gives every municipality its own file name: '/', ':'
# and '%' are escaped as %XX, so Den/Bosch, Den_Bosch, Den:Bosch and
# Den%2FBosch never share a file; a name too long for a file name (260
# bytes of é, 240 of a) is cut between characters and ends in ~ and a
# hash of the whole name. Two shortened names that still collide (a
# forged hash) are not written over each other: the second fails. A
# failure (here a directory where one file should go) stops no other
# factsheet: --all lists what it did not write and exits 1, with -j too.
# --municipality without -o uses the same name.
long_e=$(printf 'é%.0s' $(seq 130))
long_a=$(printf 'a%.0s' $(seq 240))
forged="Gemeente$(printf 'x%.0s' $(seq 230))"
hdr='gemeente,aanpak,ronde,rol,organisatie,1.1.1 Alle netwerkpartners hanteren dezelfde omschrijving van GGSR,1.1.1 toelichting'
{
	echo "$hdr"
	for n in 'Den/Bosch' 'Den_Bosch' 'Den:Bosch' 'Den%2FBosch' "$long_e" \
	    "$long_a" "${long_a}b" "${forged}jrfexdbg" "${forged}oetxtkib" \
	    Zwolle; do
		echo "\"$n\",A,2013,gemeente,G,ja,"
	done
} >"$T/names.csv"
$STJ --db "$T/db" import "$T/names.csv" >/dev/null
# Long runs of one letter shortened for reading.
short() { sed -e "s|$T|\$T|" -e 's/\(éééééééééé\)\{13\}/é×130/g' \
    -e 's/\(éééééééééé\)\{11\}ééé/é×113/g' -e 's/a\{240\}/a×240/g' \
    -e 's/a\{227\}/a×227/g' -e 's/x\{230\}/x×230/g' \
    -e 's/x\{219\}/x×219/g'; }
for j in 1 3; do
	echo "-j $j:"
	mkdir -p "$T/out$j/factsheet-Zwolle-2013.pdf"
	$STJ --db "$T/db" factsheet --all -j $j -o "$T/out$j" >"$T/list" 2>"$T/err"
	echo "exit $?"
	short <"$T/list"
	short <"$T/err"
	echo "longest file name: $(ls "$T/out$j" | LC_ALL=C awk '
	    length > m { m = length } END { print m }') bytes"
	echo "files: $(ls "$T/out$j" | wc -l)"
done
top=$(pwd)
last=${STJ##* }
case $last in /*) stj=$STJ ;; *) stj="${STJ%"$last"}$top/$last" ;; esac
mkdir "$T/one"
( cd "$T/one" && $stj --db "$T/db" factsheet --municipality "$long_e" ) | short
cmp -s "$T/one/$(ls "$T/one")" "$T/out1/$(ls "$T/one")" && echo "same file as --all"
