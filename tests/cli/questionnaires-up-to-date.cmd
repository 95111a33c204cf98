# The committed questionnaires are what the framework generates now
# (regenerate with "make questionnaires").
for r in gemeente netwerkpartner; do
	for f in xml csv pdf; do
		SOURCE_DATE_EPOCH=1356998400 $STJ questionnaire --role $r \
		    --format $f -o "$T/$r.$f" >/dev/null || echo "failed: $r.$f"
		cmp -s "$T/$r.$f" questionnaires/$r.$f ||
		    echo "questionnaires/$r.$f is out of date: run make questionnaires"
	done
done
