# The tree in the reference's own notation (## theme, - criterion,
# "  - " indicator): the expected file is those lines of
# shared/reference/toetsingskader.md, verbatim.
$STJ framework show | sed -n \
    -e '/ — /s/^\([0-9]\) /## \1 /p' \
    -e 's/^  \([0-9]\.[0-9]\) /- \1 /p' \
    -e 's/^    \([0-9]\.[0-9]\.[0-9]\) /  - \1 /p'
