# A file's diagnostics are capped as XML's always were: 100 lines, then
# "... and N more errors in FILE" with the exact count (a CSV with 1.47 M
# bad cells printed 1.47 M lines, 203 MB). Each file has its own cap.
hdr='gemeente,aanpak,ronde,rol,organisatie,1.1.1 Alle netwerkpartners,1.2.1 Weten'
awk -v h="$hdr" 'BEGIN { print h; for (i = 1; i <= 3000; i++)
    printf "G%d,A,2013,gemeente,Gemeente %d,misschien,soms\n", i, i }' >"$T/bad.csv"
awk -v h="$hdr" 'BEGIN { print h; for (i = 1; i <= 3; i++)
    printf "H%d,A,2013,gemeente,Gemeente %d,ja,vaak\n", i, i }' >"$T/few.csv"
$STJ --db "$T/db" import "$T/bad.csv" "$T/few.csv" >"$T/out" 2>&1
echo "exit $?, $(wc -l <"$T/out") lines"
sed "s|$T/||" "$T/out" | sed -n '1,2p;99,106p'
