/*
 * render: text and TSV formatters. See render.h.
 */
#include "render.h"

#include <string.h>

#include "questionnaire.h"
#include "util.h"

/* ---- escaping ------------------------------------------------------ */

void
render_tsv_cell(FILE *f, const char *s, enum render_cell kind)
{
	if (s == NULL)
		return;
	/* OWASP's list; TAB, CR and LF print escaped but read back as such. */
	if (kind == RENDER_CELL_TEXT && *s != '\0' &&
	    strchr("=+-@\t\r\n", *s) != NULL)
		fputc('\'', f);
	fput_escaped(f, s, strlen(s), 1);
}

size_t
render_text(FILE *f, const char *s)
{
	return s == NULL ? 0 : fput_escaped(f, s, strlen(s), 0);
}

void
render_text_lines(FILE *f, const char *indent, const char *s)
{
	const char *nl;
	size_t      len;

	for (; s != NULL && *s != '\0'; s = nl + 1) {
		nl = strchr(s, '\n');
		len = nl ? (size_t)(nl - s) : strlen(s);
		/* A CRLF line ending ends the line too. */
		if (len > 0 && s[len - 1] == '\r')
			len--;
		fputs(indent, f);
		fput_escaped(f, s, len, 0);
		fputc('\n', f);
		if (nl == NULL)
			break;
	}
}

/* ---- the framework ------------------------------------------------- */

void
render_framework_counts(FILE *f, const struct framework *fw)
{
	fprintf(f, "%zu themes, %zu criteria, %zu indicators", fw->nthemes,
	    fw->ncriteria, fw->nindicators);
}

/* Roles asked of ind, comma separated, in role order. */
static void
put_roles(FILE *f, const struct fw_indicator *ind, const char *sep)
{
	int r, first = 1;

	for (r = 0; r < ROLE__COUNT; r++)
		if (ind->question[r] != NULL) {
			fprintf(f, "%s%s", first ? "" : sep,
			    role_name((enum role)r));
			first = 0;
		}
}

static void
put_scale(FILE *f, const struct fw_scale *sc)
{
	size_t i;

	for (i = 0; i < sc->noptions; i++)
		fprintf(f, "%s%s", i ? " / " : "", sc->options[i].label);
}

static void
tree_detail(FILE *f, const struct fw_indicator *ind)
{
	int r;

	fprintf(f, "          regel: %s\n", ind->rule);
	if (ind->renamed_from != NULL)
		fprintf(f, "          was: %s\n", ind->renamed_from);
	for (r = 0; r < ROLE__COUNT; r++) {
		const struct fw_question *q = ind->question[r];
		if (q == NULL)
			continue;
		fprintf(f, "          %s: %s\n", role_name(q->role), q->text);
		fprintf(f, "            antwoord: ");
		put_scale(f, q->scale);
		fputc('\n', f);
		if (q->toelichting != NULL)
			fprintf(f, "            toelichting: %s\n",
			    q->toelichting);
	}
}

static void
tree_text(FILE *f, const struct framework *fw, int detail)
{
	size_t t, c, i;

	fprintf(f, "%s %s: %s\n", fw->id, fw->version, fw->title);
	render_framework_counts(f, fw);
	fputc('\n', f);
	for (t = 0; t < fw->nthemes; t++) {
		const struct fw_theme *th = &fw->themes[t];
		fprintf(f, "\n%s %s \xe2\x80\x94 %s\n", th->id, th->name,
		    th->statement);
		for (c = 0; c < th->ncriteria; c++) {
			const struct fw_criterion *cr = &th->criteria[c];
			fprintf(f, "  %s %s\n", cr->id, cr->text);
			for (i = 0; i < cr->nindicators; i++) {
				const struct fw_indicator *ind =
				    &cr->indicators[i];
				fprintf(f, "    %s %s\n", ind->id, ind->text);
				if (detail)
					tree_detail(f, ind);
			}
		}
	}
}

static void
tree_tsv(FILE *f, const struct framework *fw)
{
	size_t i;

	fputs("theme\tcriterion\tindicator\ttext\trule\troles\n", f);
	for (i = 0; i < fw->nindicators; i++) {
		const struct fw_indicator *ind = fw->indicators[i];
		render_tsv_cell(f, ind->criterion->theme->id, RENDER_CELL_CODE);
		fputc('\t', f);
		render_tsv_cell(f, ind->criterion->id, RENDER_CELL_CODE);
		fputc('\t', f);
		render_tsv_cell(f, ind->id, RENDER_CELL_CODE);
		fputc('\t', f);
		render_tsv_cell(f, ind->text, RENDER_CELL_TEXT);
		fputc('\t', f);
		render_tsv_cell(f, ind->rule, RENDER_CELL_CODE);
		fputc('\t', f);
		put_roles(f, ind, ",");
		fputc('\n', f);
	}
}

void
render_framework_tree(FILE *f, const struct framework *fw,
    enum render_format fmt, int detail)
{
	if (fmt == RENDER_TSV)
		tree_tsv(f, fw);
	else
		tree_text(f, fw, detail);
}

void
render_framework_list(FILE *f, const struct framework_set *set,
    enum render_format fmt)
{
	size_t i, wid = 2, wver = 7;

	if (fmt == RENDER_TSV) {
		fputs("id\tversion\tthemes\tcriteria\tindicators\t"
		    "gemeente\tnetwerkpartner\tfile\n", f);
		for (i = 0; i < set->n; i++) {
			const struct framework *fw = set->v[i];
			render_tsv_cell(f, fw->id, RENDER_CELL_CODE);
			fputc('\t', f);
			render_tsv_cell(f, fw->version, RENDER_CELL_CODE);
			fprintf(f, "\t%zu\t%zu\t%zu\t%zu\t%zu\t", fw->nthemes,
			    fw->ncriteria, fw->nindicators,
			    questionnaire_count(fw, ROLE_GEMEENTE),
			    questionnaire_count(fw, ROLE_NETWERKPARTNER));
			/* A path: escaped, never given a quote. */
			render_tsv_cell(f, fw->file, RENDER_CELL_CODE);
			fputc('\n', f);
		}
		return;
	}
	for (i = 0; i < set->n; i++) {
		if (strlen(set->v[i]->id) > wid)
			wid = strlen(set->v[i]->id);
		if (strlen(set->v[i]->version) > wver)
			wver = strlen(set->v[i]->version);
	}
	for (i = 0; i < set->n; i++) {
		const struct framework *fw = set->v[i];
		fprintf(f, "%-*s  %-*s  ", (int)wid, fw->id, (int)wver,
		    fw->version);
		render_framework_counts(f, fw);
		fprintf(f, "; questions: gemeente %zu, netwerkpartner %zu  %s\n",
		    questionnaire_count(fw, ROLE_GEMEENTE),
		    questionnaire_count(fw, ROLE_NETWERKPARTNER), fw->file);
	}
}
