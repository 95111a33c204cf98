# 40 respondents answer at once (bench/build/websubmit, the client of
# make bench's 200): each opens its link, saves a page and submits it
# with its form's csrf. Nothing is lost and each answer is stored once:
# the rows in the database, counted exactly. No timing is asserted.
. tests/web/serve.sh
. bench/submit-setup.sh
export STJ_TEST_NOW=2013-06-01T00:00:00Z
submit_setup "$GEN" "$T/db" 40 "$T/tokens" || { echo "setup failed"; exit 1; }
serve_start --threads 4
hp=${base#http://}
bench/build/websubmit "$hp" "$T/tokens" | awk '{ print $1 " requests, " $6 " errors" }'
serve_stop >/dev/null
q() { sqlite3 "$T/db" "$1"; }
echo "invitations submitted: $(q "SELECT count(*) FROM invitation WHERE state = 'submitted' AND submitted IS NOT NULL")"
echo "respondents from invitations: $(q "SELECT count(*) FROM respondent WHERE role = 'netwerkpartner'")"
echo "their answers: $(q "SELECT count(*) FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE r.role = 'netwerkpartner'")"
echo "answers per respondent: $(q "SELECT group_concat(k || ' x' || c) FROM (SELECT k, count(*) AS c FROM (SELECT count(*) AS k FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE r.role = 'netwerkpartner' GROUP BY r.id) GROUP BY k)")"
echo "values: $(q "SELECT group_concat(value || ' ' || c, ', ') FROM (SELECT value, count(*) AS c FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE r.role = 'netwerkpartner' GROUP BY value ORDER BY value)")"
echo "import events: $(q "SELECT count(*) FROM import_event WHERE source LIKE 'invitation:%'")"
echo "invitations linked to one respondent each: $(q "SELECT count(DISTINCT respondent_id) FROM invitation WHERE respondent_id IS NOT NULL")"
