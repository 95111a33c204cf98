# GET /handleiding/NAME.png: the images the guide shows, for a session
# (401 without), as image/png with their own private caching; a name of
# no image's form (a path, a dot-dot, another extension) and an image the
# guide does not show (though its file is there) are 404; so is one the
# guide shows whose file is missing. The datadir is a copy
# (STJ_DATADIR) so that a file can be added and one taken away.
mkdir -p "$T/data"
cp -rL templates "$T/data/" || exit 1
ln -s "$PWD/framework" "$PWD/fonts" "$T/data/"
cp doc/web-ronde.png "$T/data/templates/web/geheim.png"
rm "$T/data/templates/web/web-merged.png"
export STJ_DATADIR="$T/data"
. tests/web/serve.sh
serve_db
serve_start
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
echo "without a session: $(code "$base/handleiding/web-review.png")"
curl -s -c "$T/jar" -o /dev/null "$url"
curl -s -b "$T/jar" -D "$T/h" -o "$T/img.png" "$base/handleiding/web-review.png"
tr -d '\r' <"$T/h" | grep -i '^HTTP/\|^Content-Type\|^Cache-Control\|^X-Content-Type\|^Content-Security'
cmp "$T/img.png" doc/web-review.png && echo "the bytes of doc/web-review.png"
for p in /handleiding/geheim.png /handleiding/web-merged.png \
    /handleiding/../stj /handleiding/..%2fstj.png /handleiding/%2e%2e.png \
    /handleiding/Web-review.png /handleiding/web-review.PNG \
    /handleiding/web-review.png.png /handleiding/web_review.png \
    /handleiding/sub/web-review.png /handleiding/ /handleiding/.png; do
	echo "$p: $(code --path-as-is -b "$T/jar" "$base$p")"
done
echo "POST: $(code -b "$T/jar" -d x=1 "$base/handleiding/web-review.png")"
serve_stop >/dev/null
