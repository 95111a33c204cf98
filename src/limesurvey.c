/*
 * limesurvey: .lss writer and export recogniser. See limesurvey.h.
 *
 * The .lss follows LimeSurvey's own exporter (export_helper.php,
 * surveyGetXMLStructure) in the 4.x+ layout its importer
 * (import_helper.php, XMLImportSurvey) reads: <document> with
 * LimeSurveyDocType, DBVersion, languages, and per table
 * <rows><row><column>value</column>...</row></rows>. The importer never
 * reads <fields>, so it is left out; values are XML-escaped text, which
 * it reads like CDATA. Ids are file-local; LimeSurvey renumbers them.
 */
#include "limesurvey.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* LimeSurvey 6's database version; the importer has no upper bound. */
#define LS_DBVERSION 631
#define LS_SID       "471100"

static const char role_letter[ROLE__COUNT] = { 'G', 'N' };

/* The fixed questions, coded as the importer's columns are named. */
static const char *const fixed_codes[] = {
	"gemeente", "aanpak", "ronde", "organisatie"
};
static const char *const fixed_texts[] = {
	"Gemeente", "Aanpak", "Ronde", "Organisatie"
};

static void
put_xml(FILE *f, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		default: fputc(*s, f); break;
		}
}

static void
col(FILE *f, const char *name, const char *value)
{
	fprintf(f, "<%s>", name);
	put_xml(f, value);
	fprintf(f, "</%s>", name);
}

static void
coln(FILE *f, const char *name, long v)
{
	fprintf(f, "<%s>%ld</%s>", name, v, name);
}

/* The code of ind for role r: letter + id without dots; "" if too long. */
static void
ls_code(const struct fw_indicator *ind, enum role r, char out[21])
{
	size_t      n = 0;
	const char *s;

	out[n++] = role_letter[r];
	for (s = ind->id; *s != '\0' && n < 20; s++)
		if (*s != '.')
			out[n++] = *s;
	out[*s == '\0' ? n : 0] = '\0';
}

static int
check_codes(const struct framework *fw, enum role r, struct diags *d)
{
	size_t i, k;
	char   a[21], b[21];

	for (i = 0; i < fw->nindicators; i++) {
		ls_code(fw->indicators[i], r, a);
		if (a[0] == '\0') {
			diags_add(d, NULL, 0, MSG_LS_CODE, fw->indicators[i]->id,
			    "?");
			return -1;
		}
		for (k = 0; k < i; k++) {
			ls_code(fw->indicators[k], r, b);
			if (strcmp(a, b) == 0) {
				diags_add(d, NULL, 0, MSG_LS_CODE,
				    fw->indicators[i]->id, fw->indicators[k]->id);
				return -1;
			}
		}
	}
	return 0;
}

static void
survey_tables(FILE *f, const struct framework *fw, enum role r)
{
	char title[512];

	fputs("<surveys><rows><row>", f);
	col(f, "sid", LS_SID); col(f, "gsid", "1"); col(f, "language", "nl");
	col(f, "additional_languages", ""); col(f, "anonymized", "N");
	col(f, "format", "G"); col(f, "datestamp", "Y");
	col(f, "ipaddr", "N"); col(f, "refurl", "N");
	fputs("</row></rows></surveys>\n", f);
	snprintf(title, sizeof(title), "%s (%s)", fw->title, role_name(r));
	fputs("<surveys_languagesettings><rows><row>", f);
	col(f, "surveyls_survey_id", LS_SID);
	col(f, "surveyls_language", "nl");
	col(f, "surveyls_title", title);
	fputs("</row></rows></surveys_languagesettings>\n", f);
}

static void
group_rows(FILE *f, const struct framework *fw, int l10n)
{
	size_t t;

	fputs(l10n ? "<group_l10ns><rows>" : "<groups><rows>", f);
	for (t = 0; t <= fw->nthemes; t++) {
		fputs("<row>", f);
		if (l10n) {
			coln(f, "id", (long)t + 1);
			coln(f, "gid", (long)t + 1);
			col(f, "group_name", t == 0 ? "Gegevens" :
			    fw->themes[t - 1].name);
			col(f, "description", t == 0 ? "" :
			    fw->themes[t - 1].statement ?
			    fw->themes[t - 1].statement : "");
			col(f, "language", "nl");
		} else {
			coln(f, "gid", (long)t + 1);
			col(f, "sid", LS_SID);
			coln(f, "group_order", (long)t + 1);
			col(f, "randomization_group", "");
			col(f, "grelevance", "1");
		}
		fputs("</row>\n", f);
	}
	fputs(l10n ? "</rows></group_l10ns>\n" : "</rows></groups>\n", f);
}

static void
question_row(FILE *f, long qid, long gid, const char *type,
    const char *code, const char *mandatory, long order)
{
	fputs("<row>", f);
	coln(f, "qid", qid); col(f, "parent_qid", "0"); col(f, "sid", LS_SID);
	coln(f, "gid", gid); col(f, "type", type); col(f, "title", code);
	col(f, "other", "N"); col(f, "mandatory", mandatory);
	coln(f, "question_order", order); col(f, "scale_id", "0");
	col(f, "same_default", "0"); col(f, "relevance", "1");
	fputs("</row>\n", f);
}

static void
l10n_row(FILE *f, long qid, const char *text, const char *help)
{
	fputs("<row>", f);
	coln(f, "id", qid); coln(f, "qid", qid); col(f, "question", text);
	col(f, "help", help); col(f, "language", "nl");
	fputs("</row>\n", f);
}

/* Theme (1-based group) of ind. */
static long
theme_gid(const struct framework *fw, const struct fw_indicator *ind)
{
	return (long)(ind->criterion->theme - fw->themes) + 2;
}

static void
questions(FILE *f, const struct framework *fw, enum role r, int l10n)
{
	size_t i;
	long   qid = 0;
	char   code[21];

	fputs(l10n ? "<question_l10ns><rows>" : "<questions><rows>", f);
	for (i = 0; i < 4; i++) {
		qid++;
		if (l10n)
			l10n_row(f, qid, fixed_texts[i], "");
		else
			question_row(f, qid, 1, "S", fixed_codes[i], "Y", qid);
	}
	for (i = 0; i < fw->nindicators; i++) {
		const struct fw_indicator *ind = fw->indicators[i];
		const struct fw_question  *q = ind->question[r];
		if (q == NULL)
			continue;
		qid++;
		ls_code(ind, r, code);
		if (l10n)
			l10n_row(f, qid, q->text, q->toelichting ?
			    q->toelichting : "");
		else
			question_row(f, qid, theme_gid(fw, ind),
			    q->toelichting ? "O" : "L", code, "N", qid);
	}
	fputs(l10n ? "</rows></question_l10ns>\n" :
	    "</rows></questions>\n", f);
}

/* Answer options: aid = qid * 10 + answer, code "A<answer>". */
static void
answers(FILE *f, const struct framework *fw, enum role r, int l10n)
{
	size_t i, k;
	long   qid = 4;

	fputs(l10n ? "<answer_l10ns><rows>" : "<answers><rows>", f);
	for (i = 0; i < fw->nindicators; i++) {
		const struct fw_question *q = fw->indicators[i]->question[r];
		if (q == NULL)
			continue;
		qid++;
		for (k = 0; k < q->scale->noptions; k++) {
			const struct fw_scale_option *o = &q->scale->options[k];
			long aid = qid * 10 + (long)o->code;
			char code[8];
			fputs("<row>", f);
			if (l10n) {
				coln(f, "id", aid); coln(f, "aid", aid);
				col(f, "answer", o->label);
				col(f, "language", "nl");
			} else {
				snprintf(code, sizeof(code), "A%d", (int)o->code);
				coln(f, "aid", aid); coln(f, "qid", qid);
				col(f, "code", code);
				coln(f, "sortorder", (long)k + 1);
				col(f, "assessment_value", "0");
				col(f, "scale_id", "0");
			}
			fputs("</row>\n", f);
		}
	}
	fputs(l10n ? "</rows></answer_l10ns>\n" : "</rows></answers>\n", f);
}

int
limesurvey_write_lss(FILE *f, const struct framework *fw, enum role r,
    struct diags *d)
{
	if (check_codes(fw, r, d) == -1)
		return -1;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document>\n", f);
	fprintf(f, "<LimeSurveyDocType>Survey</LimeSurveyDocType>\n"
	    "<DBVersion>%d</DBVersion>\n"
	    "<languages><language>nl</language></languages>\n", LS_DBVERSION);
	survey_tables(f, fw, r);
	group_rows(f, fw, 0);
	group_rows(f, fw, 1);
	questions(f, fw, r, 0);
	questions(f, fw, r, 1);
	answers(f, fw, r, 0);
	answers(f, fw, r, 1);
	fputs("</document>\n", f);
	return 0;
}

/* ---- export recognition -------------------------------------------- */

/*
 * The comment column's suffix, as LimeSurvey writes it: "[comment]" for
 * code headings, "_comment" with ExpressionScript codes, " [Comment]"
 * after a full question text. Returns the length before it, or 0.
 */
static size_t
comment_base(const char *h)
{
	static const char *const sfx[] = { "[comment]", "_comment" };
	size_t n = strlen(h), i, k;

	for (i = 0; i < 2; i++) {
		k = strlen(sfx[i]);
		if (n > k && strcasecmp(h + n - k, sfx[i]) == 0) {
			n -= k;
			while (n > 0 && h[n - 1] == ' ')
				n--;
			return n;
		}
	}
	return 0;
}

/* Does h (len n) look like one of our codes: role letter, digits? */
static int
code_like(const char *h, size_t n)
{
	size_t i;

	if (n < 2 || (h[0] != 'G' && h[0] != 'N'))
		return 0;
	for (i = 1; i < n; i++)
		if (!isdigit((unsigned char)h[i]))
			return 0;
	return 1;
}

/*
 * The indicator h[0..n) names, by code or question text; *roles gets a
 * bit per role whose code or wording it is (wording can be the same for
 * both roles).
 */
static const struct fw_indicator *
match(const struct framework *fw, const char *h, size_t n, unsigned *roles)
{
	const struct fw_indicator *found = NULL;
	size_t i;
	int    r;
	char   code[21];

	*roles = 0;
	for (i = 0; i < fw->nindicators && found == NULL; i++)
		for (r = 0; r < ROLE__COUNT; r++) {
			const struct fw_question *q =
			    fw->indicators[i]->question[r];
			if (q == NULL)
				continue;
			ls_code(fw->indicators[i], (enum role)r, code);
			if ((strlen(code) == n && memcmp(code, h, n) == 0) ||
			    (strlen(q->text) == n &&
			    memcmp(q->text, h, n) == 0)) {
				*roles |= 1u << r;
				found = fw->indicators[i];
			}
		}
	return found;
}

int
limesurvey_recognise(const struct framework *fw,
    const char *const *header, size_t n, struct ls_map *out)
{
	size_t i, hits = 0, votes[ROLE__COUNT] = { 0 };
	int    has_rol = 0, r;
	char   buf[64];

	memset(out, 0, sizeof(*out));
	out->role = ROLE__COUNT;
	out->names = xcalloc(n ? n : 1, sizeof(*out->names));
	out->n = n;
	for (i = 0; i < n; i++) {
		const char *h = header[i];
		size_t      len = comment_base(h);
		int         comment = len > 0;
		unsigned    roles;
		const struct fw_indicator *ind;

		if (strcasecmp(h, "rol") == 0)
			has_rol = 1;
		if (!comment)
			len = strlen(h);
		if ((ind = match(fw, h, len, &roles)) == NULL) {
			if (code_like(h, len) && out->bad == NULL)
				out->bad = xstrdup(h);
			continue;
		}
		for (r = 0; r < ROLE__COUNT; r++)
			votes[r] += (roles >> r) & 1u;
		snprintf(buf, sizeof(buf), "%s%s", ind->id,
		    comment ? " toelichting" : "");
		out->names[i] = xstrdup(buf);
		hits++;
	}
	if (hits == 0) {
		ls_map_free(out);
		return 0;
	}
	/*
	 * The role whose codes or wording most headings are; a tie (every
	 * heading worded alike for both) leaves it to a "rol" column.
	 */
	for (r = 0; r < ROLE__COUNT; r++)
		if (votes[r] > (out->role == ROLE__COUNT ? 0 :
		    votes[out->role]))
			out->role = (enum role)r;
	if (has_rol || (ROLE__COUNT == 2 && votes[0] == votes[1]))
		out->role = ROLE__COUNT;
	return 1;
}

const char *
limesurvey_answer(const char *cell)
{
	static const char *const canon[ANSWER__COUNT] = {
		"", "ja", "deels", "nee", "weet niet", "n.v.t."
	};

	if (cell[0] == 'A' && cell[1] >= '1' && cell[1] <= '5' &&
	    cell[2] == '\0')
		return canon[cell[1] - '0'];
	return cell;
}

void
ls_map_free(struct ls_map *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->names[i]);
	free(m->names);
	free(m->bad);
	free(m->view);
	free(m->cells);
	memset(m, 0, sizeof(*m));
	m->role = ROLE__COUNT;
}

/* ---- the CSV importer's hook ---------------------------------------- */

int
limesurvey_header(const struct framework *fw, const char *path,
    struct csv_record *rec, struct ls_map *m, struct diags *d)
{
	const char **h = xcalloc(rec->n ? rec->n : 1, sizeof(*h));
	size_t       i, extra;
	int          rc;

	for (i = 0; i < rec->n; i++)
		h[i] = rec->fields[i].text;
	rc = limesurvey_recognise(fw, h, rec->n, m);
	free(h);
	if (rc == 0)
		return 0;
	if (m->bad != NULL) {
		diags_add(d, path, rec->line, MSG_LS_BAD_CODE, m->bad, fw->id,
		    fw->version);
		ls_map_free(m);
		return -1;
	}
	extra = m->role != ROLE__COUNT;
	m->view = xcalloc(rec->n + extra, sizeof(*m->view));
	m->cells = xcalloc(rec->n + 1, sizeof(*m->cells));
	for (i = 0; i < rec->n; i++) {
		m->view[i] = rec->fields[i];
		if (m->names[i] != NULL) {
			m->view[i].text = m->names[i];
			m->view[i].len = strlen(m->names[i]);
		}
	}
	if (extra) {
		m->view[i].text = strcpy(m->rol, "rol");
		m->view[i].len = 3;
		m->view[i].line = rec->line;
	}
	rec->fields = m->view;
	rec->n += extra;
	return 1;
}

void
limesurvey_row(struct ls_map *m, struct csv_record *rec)
{
	size_t i, extra = m->role != ROLE__COUNT;

	if (rec->n != m->n)
		return;
	for (i = 0; i < rec->n; i++) {
		const char *a;
		m->view[i] = rec->fields[i];
		if (m->names[i] == NULL || strchr(m->names[i], ' ') != NULL)
			continue;      /* not an answer column */
		if ((a = limesurvey_answer(rec->fields[i].text)) !=
		    rec->fields[i].text) {
			snprintf(m->cells[i], sizeof(m->cells[i]), "%s", a);
			m->view[i].text = m->cells[i];
			m->view[i].len = strlen(a);
		}
	}
	if (extra) {
		snprintf(m->rol, sizeof(m->rol), "%s", role_name(m->role));
		m->view[i].text = m->rol;
		m->view[i].len = strlen(m->rol);
		m->view[i].line = rec->line;
	}
	rec->fields = m->view;
	rec->n += extra;
}
