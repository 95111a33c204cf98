# The answer words beyond the canonical ones are data: a word added to
# templates/antwoorden.txt is read without a new build, and a bad line
# there is an error at its file and line for every command.
d="$T/data"
mkdir -p "$d/templates"
ln -s "$PWD/framework" "$d/framework"
cp templates/antwoorden.txt "$d/templates/"
printf 'zeker weten\tja\n' >>"$d/templates/antwoorden.txt"
printf 'gemeente,aanpak,ronde,rol,organisatie,1.1.1\nBergdal,Gezinscoach,2025,gemeente,Gemeente Bergdal,Zeker Weten\n' >"$T/a.csv"
STJ_DATADIR="$d" $STJ --db "$T/db" import "$T/a.csv"
sqlite3 "$T/db" "SELECT indicator, value FROM answer"
printf 'misschien\tmogelijk\n' >>"$d/templates/antwoorden.txt"
STJ_DATADIR="$d" $STJ --db "$T/db" status >/dev/null 2>"$T/err"
echo "rc=$?"
sed "s|$T/||" "$T/err"
