# stj serve in a real browser (headless Chromium, Selenium): log in with
# the printed link, the Overzicht lists Leeuwarden, its Ronde page opens, a
# municipality named <script>alert(1)</script> is shown as text and runs
# nothing, logging out works. Screenshots in $T (doc/web-*.png are copies).
. tests/web/serve.sh
serve_db
serve_start
/usr/bin/python3 tests/web/browser.py "$url" "$T"
echo "browser exit status $?"
serve_stop
