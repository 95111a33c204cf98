# Without a command: the usage on stderr, exit 2.
$STJ 2>"$T/err"
echo "exit $?"
head -1 "$T/err"
