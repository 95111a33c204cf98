# The user guide in a real browser (tests/web/handleiding.py): every
# image of doc/handleiding.md is served and decoded (naturalWidth > 0),
# with the guide's text as its alt, and the browser logs nothing (no CSP
# refusal, no 404).
. tests/web/serve.sh
serve_db
serve_start
/usr/bin/python3 tests/web/handleiding.py "$url" "$T"
echo "browser exit status $?"
echo "images in the guide: $(grep -c '^!\[.*\](web-[a-z0-9-]*\.png)$' doc/handleiding.md)"
serve_stop >/dev/null
