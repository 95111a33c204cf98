# What the generated questionnaires hold: the questions per role, a CSV
# header that imports, and a PDF whose text has the questions and scale.
$STJ questionnaire --role netwerkpartner --format csv -o - | tr ',' '\n' | grep -c toelichting
$STJ questionnaire --role gemeente --format xml -o - | grep -c '<antwoord '
$STJ questionnaire --role netwerkpartner --format xml -o - | grep -c '<antwoord '
$STJ questionnaire --role netwerkpartner --format xml -o - | grep -c 'indicator="1.1.2"'
pdftotext questionnaires/gemeente.pdf - | grep -c 'weet niet'
pdftotext questionnaires/gemeente.pdf - | grep -o 'Coördinatie' | head -1
for r in gemeente netwerkpartner; do
	pdftotext questionnaires/$r.pdf - | tr -d '\f' |
	    grep -o '^[1-5]\.[1-4]\.[1-7]' | sort -u | tr '\n' ' '
	echo
done
