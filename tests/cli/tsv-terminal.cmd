# Names and toelichtingen with terminal escapes (ESC ] 52 writes the
# terminal's clipboard, ESC [ 2 J clears the screen), BEL, BS, CR and
# newlines, as a database written before they were refused holds them:
# the text of verdicts --findings, status and conclusions shows every
# control character as \xHH (\t \n \r) and the status columns stay
# aligned. (Since step 11 no toelichting prints in a drafted finding:
# the drafts name respondents by role and count, in STJ's own words.)
$STJ --db "$T/db" import tests/fixtures/import/good-excel.csv >/dev/null
sqlite3 "$T/db" "
UPDATE approach SET name = 'Wijk' || char(27) || '[2Jaanpak' || char(10) ||
    'Aanpak: nep';
UPDATE respondent SET organisation = 'GGD' || char(27) || ']52;c;ZWNobw==' ||
    char(7) || CAST(X'C29B' AS TEXT) || '31m' WHERE organisation = 'GGD Amstelland';
UPDATE answer SET toelichting = 'Regel een' || char(13) || char(10) ||
    'Aanpak: nep' || char(8) || char(8) || char(9) || 'x'
    WHERE indicator = '1.1.1' AND toelichting LIKE 'Gezinnen%';
UPDATE answer SET toelichting = 'kort' || char(27) || '[0m' WHERE
    indicator = '1.1.1' AND toelichting = 'geen';"
$STJ --db "$T/db" verdicts --municipality Amstelveld --findings | sed -n '1,8p'
$STJ --db "$T/db" status
$STJ --db "$T/db" conclusions --municipality Amstelveld | sed -n '1,2p'
{
	$STJ --db "$T/db" verdicts --municipality Amstelveld --findings
	$STJ --db "$T/db" status
	$STJ --db "$T/db" conclusions --municipality Amstelveld
} | LC_ALL=C tr -d '\n' | LC_ALL=C tr -dc '\000-\037\177' | wc -c |
    sed 's/^ */control bytes: /'
