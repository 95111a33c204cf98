# The committed questionnaires are what the framework generates now
# (regenerate with "make questionnaires"): stj-ggsr@2013 (the default) in
# questionnaires/, stj-ggsr@2015 in questionnaires/2015/.
for r in gemeente netwerkpartner; do
	for f in xml csv pdf; do
		SOURCE_DATE_EPOCH=1356998400 $STJ questionnaire --role $r \
		    --format $f -o "$T/$r.$f" >/dev/null || echo "failed: $r.$f"
		cmp -s "$T/$r.$f" questionnaires/$r.$f ||
		    echo "questionnaires/$r.$f is out of date: run make questionnaires"
		SOURCE_DATE_EPOCH=1420070400 $STJ questionnaire --framework stj-ggsr@2015 \
		    --role $r --format $f -o "$T/2015-$r.$f" >/dev/null || echo "failed: 2015 $r.$f"
		cmp -s "$T/2015-$r.$f" questionnaires/2015/$r.$f ||
		    echo "questionnaires/2015/$r.$f is out of date: run make questionnaires"
	done
done
