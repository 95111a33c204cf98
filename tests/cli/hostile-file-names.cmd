# Municipality names with '/', '..' and control characters become file
# names inside the --all directory only; nothing is written outside it.
hdr='gemeente,aanpak,ronde,rol,organisatie,1.1.1 Alle netwerkpartners hanteren dezelfde omschrijving van GGSR,1.1.1 toelichting'
printf '%s\n%s\n%s\n%s\n' "$hdr" \
    '../../evil,A,2013,gemeente,G,ja,' \
    'a/b/../c,A,2013,gemeente,G,ja,' \
    '..,A,2013,gemeente,G,ja,' >"$T/names.csv"
$STJ --db "$T/db" import "$T/names.csv" >/dev/null
mkdir "$T/out"
$STJ --db "$T/db" factsheet --all -o "$T/out/pdf" | sed "s|$T|\$T|"
( cd "$T" && find . -name '*.pdf' | sort )
