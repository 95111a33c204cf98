# GET /handleiding: the user guide doc/handleiding.md as a page, for any
# session (401 without), linked from the header; its headings, lists and
# code blocks as HTML, every text escaped, the guide's own marks (inline
# code, links, the test marks of its code blocks) not on the page.
. tests/web/serve.sh
serve_db
serve_start
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
echo "without a session: $(code "$base/handleiding")"
curl -s -c "$T/jar" -o /dev/null "$url"
curl -s -b "$T/jar" -o "$T/page.html" -w 'with a session: %{http_code}\n' \
    "$base/handleiding"
curl -s -b "$T/jar" "$base/" | grep -c '<a href="/handleiding">Handleiding</a>'
grep -E '^<(h1|h2)>' "$T/page.html"
echo "code blocks: $(grep -c '^<pre><code>' "$T/page.html")"
grep "^<li>" "$T/page.html"
grep -c 'test: \|```\|](' "$T/page.html"
grep '^<p>Een ronde is eerst' "$T/page.html"
grep -A2 '^<pre><code>stj backup\|^<pre><code>stj state' "$T/page.html"
serve_stop >/dev/null
