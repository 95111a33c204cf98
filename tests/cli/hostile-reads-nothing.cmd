# Refused documents read nothing else: no entity file, no DTD, no network.
strace -f -qq -e trace=open,openat,connect,socket -o "$T/trace" \
    $STJ framework validate tests/fixtures/hostile/xxe.xml \
    tests/fixtures/hostile/doctype-url.xml \
    tests/fixtures/hostile/billion-laughs.xml \
    tests/fixtures/hostile/xinclude.xml 2>/dev/null
echo "exit $?"
grep -c 'fixtures/hostile/.*\.xml' "$T/trace" | sed 's/^/hostile files opened: /'
grep -E 'secret\.txt|stj\.invalid|connect\(|socket\(' "$T/trace"
echo "other reads: $?"
