/*
 * questionnaire: per-role view of a framework. See questionnaire.h.
 */
#include "questionnaire.h"

#include <string.h>


size_t
questionnaire_count(const struct framework *fw, enum role r)
{
	size_t i, n = 0;

	for (i = 0; i < fw->nindicators; i++)
		if (fw->indicators[i]->question[r] != NULL)
			n++;
	return n;
}

/* Text with the five XML specials escaped. */
static void
put_xml(FILE *f, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f); break;
		}
}

void
questionnaire_write_xml(FILE *f, const struct framework *fw, enum role r)
{
	size_t i;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
	fputs("<!--\n  Vragenlijst ", f);
	put_xml(f, fw->title);
	fprintf(f, ", rol: %s.\n", role_name(r));
	fputs("  Vul gemeente, aanpak, ronde (jaar) en organisatie in, en per "
	    "vraag\n  waarde=\"ja\", \"deels\", \"nee\", \"weet niet\" of "
	    "\"n.v.t.\"; leeg = niet beantwoord.\n-->\n", f);
	fprintf(f, "<antwoorden kader=\"%s\" versie=\"%s\">\n", fw->id,
	    fw->version);
	fprintf(f, "  <gemeente></gemeente>\n  <aanpak></aanpak>\n"
	    "  <ronde></ronde>\n  <rol>%s</rol>\n"
	    "  <organisatie></organisatie>\n", role_name(r));
	for (i = 0; i < fw->nindicators; i++) {
		const struct fw_question *q = fw->indicators[i]->question[r];
		if (q == NULL)
			continue;
		fprintf(f, "  <antwoord indicator=\"%s\" waarde=\"\">\n"
		    "    <vraag>", fw->indicators[i]->id);
		put_xml(f, q->text);
		fputs("</vraag>\n", f);
		if (q->toelichting != NULL)
			fputs("    <toelichting></toelichting>\n", f);
		fputs("  </antwoord>\n", f);
	}
	fputs("</antwoorden>\n", f);
}

/* One CSV cell, quoted when it holds a comma, quote or line break. */
static void
put_csv(FILE *f, const char *s, int first)
{
	if (!first)
		fputc(',', f);
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

void
questionnaire_write_csv(FILE *f, const struct framework *fw, enum role r)
{
	static const char *const fixed[] = {
		"gemeente", "aanpak", "ronde", "rol", "organisatie"
	};
	size_t i;
	char   buf[1024];

	for (i = 0; i < sizeof(fixed) / sizeof(*fixed); i++)
		put_csv(f, fixed[i], i == 0);
	for (i = 0; i < fw->nindicators; i++) {
		const struct fw_indicator *ind = fw->indicators[i];
		if (ind->question[r] == NULL)
			continue;
		snprintf(buf, sizeof(buf), "%s %s", ind->id, ind->text);
		put_csv(f, buf, 0);
		if (ind->question[r]->toelichting != NULL) {
			snprintf(buf, sizeof(buf), "%s toelichting", ind->id);
			put_csv(f, buf, 0);
		}
	}
	fputs("\r\n", f);
}
