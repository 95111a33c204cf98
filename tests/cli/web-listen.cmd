# stj serve refuses what it must not listen on, before it starts.
$STJ --db tests/fixtures/none.db serve --listen 0.0.0.0:8080
echo "exit $?"
$STJ --db tests/fixtures/none.db serve --listen 192.168.1.5:8080 --public
echo "exit $?"
$STJ --db tests/fixtures/none.db serve --listen localhost
echo "exit $?"
$STJ --db tests/fixtures/none.db serve --listen 127.0.0.1:0
echo "exit $?"
