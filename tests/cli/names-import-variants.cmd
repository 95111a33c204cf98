# D11: spellings of one name that differ only in Unicode form (NFC 'ú',
# NFD 'u' + U+0301), case or white space (double, no-break U+00A0,
# trailing) are one municipality, approach and organisation: stored in
# normal form, the first spelling stored kept, each other spelling noted
# once. A case variant of a partner is that partner, not a new one.
# stj with the scratch directory in its messages shown as $T.
run() { $STJ "$@" 2>"$T/run.err"; rc=$?; sed "s|$T|\$T|g" "$T/run.err" >&2; return $rc; }
printf '%s\n' 'gemeente;aanpak;ronde;rol;organisatie;1.1.1' \
    'Súdwest-Fryslân;Wijkaanpak;2013;gemeente;Gemeente Súdwest-Fryslân;ja' \
    "$(printf 'Su\314\201dwest-Frysla\314\202n;wijkaanpak;2013;netwerkpartner;GGD;ja')" \
    "$(printf 'S\303\272dwest-Frysl\303\242n\302\240;WIJKAANPAK ;2013;netwerkpartner;Stichting  Thuis;nee')" \
    'Súdwest-Fryslân;wijkaanpak;2013;netwerkpartner;Kearn;ja' > "$T/a.csv"
run --db "$T/db" import "$T/a.csv"
printf '%s\n' 'gemeente;aanpak;ronde;rol;organisatie;1.1.1' \
    'súdwest-fryslân;Wijkaanpak;2013;netwerkpartner;ggd;nee' > "$T/b.csv"
run --db "$T/db" import "$T/b.csv"
echo "exit $?"
sqlite3 "$T/db" "SELECT name FROM municipality; SELECT name FROM approach;
    SELECT organisation FROM respondent ORDER BY id"
