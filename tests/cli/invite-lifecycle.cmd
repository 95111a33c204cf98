# Invitations: add (refused: a second gemeente, a partner the dossier does
# not name, an organisation invited twice, a bad address), list, revoke,
# reissue, reopen; a token refused when unknown, re-issued, revoked,
# expired (STJ_TEST_NOW moves the clock) or submitted; a token of one
# approach never writes another.
export STJ_TEST_NOW=2013-06-01T00:00:00Z
link() { sed -n 's#.*/v/##p'; }
hide() { sed 's#/v/[A-Za-z0-9_-]\{43\}$#/v/TOKEN#'; }
$STJ --db "$T/db" import examples/leeuwarden-2013-dossier.xml >/dev/null
ig="Interventieteam Gezinnen"; vig="Voorwaardelijke Interventie Gezinnen"
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role gemeente \
    --organisation "Gemeente Leeuwarden" --email gemeente@leeuwarden.example --inspector "An Inspecteur" >"$T/1"
hide <"$T/1"
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role netwerkpartner \
    --organisation "Fier Fryslân" --expires 7 --base-url https://stj.example/ >"$T/2"
hide <"$T/2"
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$vig" --role netwerkpartner \
    --organisation "Politie" >"$T/3"
hide <"$T/3"
echo "-- refused"
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role gemeente --organisation "Wethouder"; echo "exit $?"
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role netwerkpartner --organisation "GGD"; echo "exit $?"
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role netwerkpartner --organisation "fier  fryslân"; echo "exit $?"
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role netwerkpartner --organisation "Leger des Heils" --email "a@b.nl>
Bcc: x@y.nl"; echo "exit $?"
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "Wijkteam" --role gemeente --organisation "Gemeente"; echo "exit $?"
$STJ --db "$T/db" invite --municipality Leeuwarden --approach "$ig" --role partner --organisation X; echo "exit $?"
$STJ --db "$T/db" invite --revoke 9; echo "exit $?"
echo "-- list"
$STJ --db "$T/db" invitations --municipality Leeuwarden
echo "-- tokens"
t1=$(link <"$T/1"); t2=$(link <"$T/2"); t3=$(link <"$T/3")
$STJ --db "$T/db" respond --token "${t1%?}x"; echo "exit $?"
$STJ --db "$T/db" respond --token "not-a-token"; echo "exit $?"
printf '1.1.1\tja\tDe gemeente\\nweet het.\n1.1.2\tdeels\n' >"$T/g.tsv"
$STJ --db "$T/db" respond --token "$t1" --draft "$T/g.tsv"
# A partner's token: 1.1.2 is the gemeente's question; nothing is saved.
$STJ --db "$T/db" respond --token "$t2" --draft "$T/g.tsv"; echo "exit $?"
printf '1.1.1\tmisschien\n' | $STJ --db "$T/db" respond --token "$t2" --draft -; echo "exit $?"
# The Politie token of VIG writes VIG's draft, never IG's.
printf '1.1.1\tnee\n' | $STJ --db "$T/db" respond --token "$t3" --draft -
sqlite3 "$T/db" "SELECT a.name, i.organisation, x.indicator, x.value FROM invitation_answer x JOIN invitation i ON i.id = x.invitation_id JOIN approach a ON a.id = i.approach_id ORDER BY 1, 2, 3"
echo "-- expired, revoked, reissued"
STJ_TEST_NOW=2013-06-08T00:00:00Z $STJ --db "$T/db" respond --token "$t2"; echo "exit $?"
STJ_TEST_NOW=2013-06-07T23:59:59Z $STJ --db "$T/db" respond --token "$t2" | sed -n 1p
$STJ --db "$T/db" invite --revoke 2 --inspector "An Inspecteur"
$STJ --db "$T/db" respond --token "$t2"; echo "exit $?"
$STJ --db "$T/db" invite --revoke 2; echo "exit $?"
STJ_TEST_NOW=2013-06-10T00:00:00Z $STJ --db "$T/db" invite --reissue 2 >"$T/2b"
hide <"$T/2b"
STJ_TEST_NOW=2013-06-10T00:00:00Z $STJ --db "$T/db" respond --token "$t2"; echo "exit $?"
STJ_TEST_NOW=2013-06-10T00:00:00Z $STJ --db "$T/db" respond --token "$(link <"$T/2b")" | sed -n 1p
echo "-- submitted, reopened"
$STJ --db "$T/db" respond --token "$t1" --submit | sed -n 1p
$STJ --db "$T/db" invite --revoke 1; echo "exit $?"
$STJ --db "$T/db" invite --reissue 1; echo "exit $?"
$STJ --db "$T/db" invite --reopen 1; echo "exit $?"
$STJ --db "$T/db" invite --reopen 3 --reason "x"; echo "exit $?"
$STJ --db "$T/db" invite --reopen 1 --reason "De gemeente vult 1.1.2 aan" --inspector "An Inspecteur"
printf '1.1.2\tja\n' | $STJ --db "$T/db" respond --token "$t1" --draft - --submit
$STJ --db "$T/db" status --municipality Leeuwarden
$STJ --db "$T/db" invitations --municipality Leeuwarden --round 2013
sqlite3 "$T/db" "SELECT invitation_id, at, who, action, detail FROM invitation_event ORDER BY id"
sqlite3 "$T/db" "SELECT count(*) FROM invitation WHERE length(token_hash) = 32"
