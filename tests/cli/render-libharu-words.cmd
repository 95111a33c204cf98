# libharu's error codes come with words (from hpdf_error.h), the code
# beside them: here a "font" that is no TrueType file.
$STJ --db "$T/db" import examples/leeuwarden-2013.csv >/dev/null
mkdir "$T/fonts"
printf 'dit is geen lettertype%.0s\n' $(seq 20) >"$T/fonts/DejaVuSans.ttf"
cp "$T/fonts/DejaVuSans.ttf" "$T/fonts/DejaVuSans-Bold.ttf"
STJ_FONT_DIR="$T/fonts" $STJ --db "$T/db" factsheet \
    --municipality Leeuwarden -o "$T/x.pdf" 2>&1 | sed "s|$T|\$T|"
[ -e "$T/x.pdf" ] && echo "a PDF was written" || echo "no PDF"
