# The sRGB profile compiled into stj (src/srgb_icc.c, the PDF/A output
# intent) is Debian's icc-profiles-free sRGB.icc, byte for byte, and is
# what the factsheet carries.
sh tools/icc2c.sh /usr/share/color/icc/sRGB.icc "$T/icc.c"
cmp src/srgb_icc.c "$T/icc.c" && echo "src/srgb_icc.c matches sRGB.icc"
$STJ --db "$T/db" import examples/leeuwarden-2013.csv >/dev/null
$STJ --db "$T/db" factsheet --municipality Leeuwarden -o "$T/l.pdf" >/dev/null
n=$(qpdf --show-object=1 "$T/l.pdf" |
    sed -n 's|.*/DestOutputProfile \([0-9]*\) 0 R.*|\1|p')
qpdf --show-object="$n" --filtered-stream-data "$T/l.pdf" >"$T/out.icc"
cmp /usr/share/color/icc/sRGB.icc "$T/out.icc" && echo "the PDF's output intent is sRGB.icc"
qpdf --show-object="$n" "$T/l.pdf"; echo
