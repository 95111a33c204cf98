# -o never renames over what is not a regular file. A character device
# (a /dev/null node made here, or a symlink to /dev/null when mknod is
# not allowed; never the real /dev/null, which a broken stj run as root
# would replace) and a FIFO are written into; a symlink is never replaced
# (to a file or to nothing: refused, the target untouched); '-' is
# standard output for factsheet, questionnaire (pdf too) and progress.
# The command names the file it wrote on stdout, and nothing when it
# wrote a stream.
$STJ --db "$T/db" import examples/leeuwarden-2013.csv >/dev/null
fs() { $STJ --db "$T/db" factsheet --municipality Leeuwarden "$@"; }
mknod "$T/null" c 1 3 2>/dev/null || ln -s /dev/null "$T/null"
fs -o "$T/null"; echo "exit $?"
[ -c "$T/null" ] && echo "null: still a character device"
echo old >"$T/file"
ln -s file "$T/link"
ln -s nowhere "$T/dangling"
exec 3>&2 2>"$T/err"
fs -o "$T/link"; echo "exit $?"
fs -o "$T/dangling"; echo "exit $?"
$STJ questionnaire --role gemeente --format xml -o "$T/link"; echo "exit $?"
exec 2>&3
sed "s|$T|\$T|" "$T/err"
[ -L "$T/link" ] && echo "link: still a symlink to $(readlink "$T/link"), file: $(cat "$T/file")"
[ -L "$T/dangling" ] && [ ! -e "$T/nowhere" ] && echo "dangling: still dangling"
mkfifo "$T/fifo"
timeout 60 cat "$T/fifo" >"$T/from-fifo" &
fs -o "$T/fifo"; echo "exit $?"
wait
echo "fifo gave: $(head -c 5 "$T/from-fifo")"
echo "standard output:"
# Through cat, not head: a reader that stops early would kill stj with
# SIGPIPE (and valgrind would call that a leak).
first() { cat >"$T/got"; head -c "$1" "$T/got"; echo; }
fs -o - | first 5
ln -s /dev/stdout "$T/to-stdout"   # not /dev/stdout: a broken stj would replace it
fs -o "$T/to-stdout" | first 5
$STJ questionnaire --role gemeente --format pdf -o - | first 5
$STJ questionnaire --role gemeente --format csv -o - | first 8
hdr='gemeente,aanpak,ronde,rol,organisatie,1.1.1 Alle netwerkpartners hanteren dezelfde omschrijving van GGSR,1.1.1 toelichting'
printf '%s\nA,W,2013,gemeente,G,ja,\nA,W,2014,gemeente,G,nee,\n' "$hdr" >"$T/two.csv"
$STJ --db "$T/db" import "$T/two.csv" >/dev/null
$STJ --db "$T/db" progress --municipality A --from 2013 --to 2014 -o - |
    first 5
# No file named '-' (here, where it would be written), no temporaries.
[ -e ./- ] && { echo "a file named '-' was written"; rm -f ./-; }
ls -a "$T" | grep -c tmp
echo "named files:"
$STJ questionnaire --role gemeente --format csv -o "$T/q.csv" | sed "s|$T|\$T|"
fs -o "$T/f.pdf" | sed "s|$T|\$T|"
$STJ --db "$T/db" progress --municipality A --from 2013 --to 2014 \
    -o "$T/p.pdf" | sed "s|$T|\$T|"
