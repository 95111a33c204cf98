/*
 * xlsx_write: questionnaire and verdict workbooks. See xlsx_write.h.
 */
#include "xlsx_write.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "ingest.h"
#include "template.h"
#include "util.h"
#include "xlsx.h"

static const char *const text_ids[] = {
	"titel", "instructie", "gemeente", "aanpak", "ronde", "rol",
	"organisatie", "kop-indicator", "kop-vraag", "kop-antwoord",
	"kop-toelichting", "thema", "thema-tekst", "toelichting",
	"fout-antwoord", "fout-ronde", NULL
};

struct texts *
xlsx_texts_load(const char *datadir, struct diags *d)
{
	char         *path = xasprintf("%s/templates/texts-xlsx.xml", datadir);
	char         *xsd = xasprintf("%s/templates/texts.xsd", datadir);
	struct texts *t = texts_load(path, xsd, text_ids, d);

	free(path);
	free(xsd);
	return t;
}

/*
 * A private temporary file for libxlsxwriter to write; its name in
 * tmp[]. -1 after a diagnostic on path.
 */
static int
temp_open(char tmp[64], const char *path, struct diags *d)
{
	const char *dir = getenv("TMPDIR");
	int         fd;

	if (dir == NULL || strlen(dir) > 32)
		dir = "/tmp";
	snprintf(tmp, 64, "%s/stj-xlsx-XXXXXX", dir);
	if ((fd = mkstemp(tmp)) == -1) {
		diags_add(d, path, 0, MSG_IO, strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

/* Copies the finished workbook at tmp into path through an outfile. */
static int
temp_commit(const char *tmp, const char *path, struct diags *d)
{
	struct outfile o;
	FILE          *in;
	char           buf[64 * 1024];
	size_t         n;

	if ((in = fopen(tmp, "rb")) == NULL) {
		diags_add(d, path, 0, MSG_IO, strerror(errno));
		return -1;
	}
	if (outfile_open(&o, path, d) == -1) {
		fclose(in);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, o.f);
	if (ferror(in)) {
		diags_add(d, path, 0, MSG_IO, strerror(errno));
		fclose(in);
		outfile_abort(&o);
		return -1;
	}
	fclose(in);
	return outfile_commit(&o, d);
}

/* Closes wb (writing tmp) and puts it at path; tmp is removed. */
static int
book_finish(lxw_workbook *wb, const char *tmp, const char *path,
    struct diags *d)
{
	lxw_error err = workbook_close(wb);
	int       rc;

	if (err != LXW_NO_ERROR) {
		diags_add(d, path, 0, MSG_XLSX_WRITE, lxw_strerror(err));
		rc = -1;
	} else
		rc = temp_commit(tmp, path, d);
	unlink(tmp);
	return rc;
}

/* The formats of the questionnaire. */
struct qfmt {
	lxw_format *title, *wrap, *bold, *head, *input, *input_wrap, *theme;
};

static void
qfmt_make(lxw_workbook *wb, struct qfmt *f)
{
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->wrap = workbook_add_format(wb);
	format_set_text_wrap(f->wrap);
	format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
	f->bold = workbook_add_format(wb);
	format_set_bold(f->bold);
	format_set_align(f->bold, LXW_ALIGN_VERTICAL_TOP);
	f->head = workbook_add_format(wb);
	format_set_bold(f->head);
	format_set_bottom(f->head, LXW_BORDER_THIN);
	f->theme = workbook_add_format(wb);
	format_set_bold(f->theme);
	format_set_text_wrap(f->theme);
	format_set_bg_color(f->theme, 0xDDE7F0);
	/* The cells to fill: unlocked, so they stay editable under the
	 * sheet's protection, and shaded so they are found. */
	f->input = workbook_add_format(wb);
	format_set_unlocked(f->input);
	format_set_bg_color(f->input, 0xFFF7D6);
	format_set_border(f->input, LXW_BORDER_THIN);
	format_set_align(f->input, LXW_ALIGN_VERTICAL_TOP);
	f->input_wrap = workbook_add_format(wb);
	format_set_unlocked(f->input_wrap);
	format_set_bg_color(f->input_wrap, 0xFFF7D6);
	format_set_border(f->input_wrap, LXW_BORDER_THIN);
	format_set_text_wrap(f->input_wrap);
	format_set_align(f->input_wrap, LXW_ALIGN_VERTICAL_TOP);
}

/* The fields at the top: key (read back), label, the cell to fill. */
static lxw_row_t
q_fields(lxw_worksheet *ws, const struct qfmt *f, const struct texts *t,
    enum role r, lxw_row_t row)
{
	static const char *const keys[] = {
		"gemeente", "aanpak", "ronde", "organisatie", "rol"
	};
	lxw_data_validation year;
	size_t              i;
	char               *label;

	memset(&year, 0, sizeof(year));
	year.validate = LXW_VALIDATION_TYPE_INTEGER;
	year.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	year.minimum_number = 2000;
	year.maximum_number = 2100;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++, row++) {
		label = texts_get(t, keys[i], NULL);
		worksheet_write_string(ws, row, 0, keys[i], f->bold);
		worksheet_write_string(ws, row, 1, label, f->wrap);
		free(label);
		if (strcmp(keys[i], "rol") == 0)
			worksheet_write_string(ws, row, 2, role_name(r), f->bold);
		else
			worksheet_write_blank(ws, row, 2, f->input);
		if (strcmp(keys[i], "ronde") == 0) {
			char *msg = texts_get(t, "fout-ronde", NULL);
			year.error_message = msg;
			worksheet_data_validation_cell(ws, row, 2, &year);
			free(msg);
		}
	}
	return row;
}

/* One question's row: id, wording (and the toelichting prompt), cells. */
static void
q_question(lxw_worksheet *ws, const struct qfmt *f, const struct texts *t,
    const struct fw_indicator *ind, const struct fw_question *q,
    lxw_row_t row)
{
	lxw_data_validation dv;
	char               *list[ANSWER__COUNT + 1], *text, *prompt, *msg;
	size_t              i, n = 0;

	if (q->toelichting != NULL) {
		prompt = texts_get(t, "toelichting", "vraag", q->toelichting,
		    NULL);
		text = xasprintf("%s\n\n%s", q->text, prompt);
		free(prompt);
	} else
		text = xstrdup(q->text);
	worksheet_write_string(ws, row, 0, ind->id, f->bold);
	worksheet_write_string(ws, row, 1, text, f->wrap);
	free(text);
	worksheet_write_blank(ws, row, 2, f->input);
	if (q->toelichting != NULL)
		worksheet_write_blank(ws, row, 3, f->input_wrap);
	/* The label as printed ("weet niet"), when stj reads it back as
	 * that answer; else the code. */
	for (i = 0; i < q->scale->noptions && n < ANSWER__COUNT; i++) {
		const struct fw_scale_option *o = &q->scale->options[i];
		list[n++] = (char *)(ingest_parse_answer(o->label) == o->code ?
		    o->label : answer_code(o->code));
	}
	list[n] = NULL;
	memset(&dv, 0, sizeof(dv));
	dv.validate = LXW_VALIDATION_TYPE_LIST;
	dv.value_list = list;
	msg = texts_get(t, "fout-antwoord", NULL);
	dv.error_message = msg;
	worksheet_data_validation_cell(ws, row, 2, &dv);
	free(msg);
}

static void
q_sheet(lxw_workbook *wb, const struct framework *fw, enum role r,
    const struct texts *t)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, XLSX_FORM_SHEET);
	struct qfmt    f;
	lxw_row_t      row = 0;
	size_t         i, j, k;
	char          *s, *s2;

	qfmt_make(wb, &f);
	worksheet_set_column(ws, 0, 0, 12, NULL);
	worksheet_set_column(ws, 1, 1, 70, NULL);
	worksheet_set_column(ws, 2, 2, 14, NULL);
	worksheet_set_column(ws, 3, 3, 50, NULL);
	s = texts_get(t, "titel", "kader", fw->title, "rol", role_name(r),
	    NULL);
	worksheet_write_string(ws, row++, 0, s, f.title);
	free(s);
	s = texts_get(t, "instructie", NULL);
	worksheet_set_row(ws, row, 90, NULL);
	worksheet_merge_range(ws, row, 0, row, 3, s, f.wrap);
	free(s);
	row = q_fields(ws, &f, t, r, row + 2) + 1;
	s = texts_get(t, "kop-indicator", NULL);
	worksheet_write_string(ws, row, 0, s, f.head);
	free(s);
	s = texts_get(t, "kop-vraag", NULL);
	worksheet_write_string(ws, row, 1, s, f.head);
	free(s);
	s = texts_get(t, "kop-antwoord", NULL);
	worksheet_write_string(ws, row, 2, s, f.head);
	free(s);
	s = texts_get(t, "kop-toelichting", NULL);
	worksheet_write_string(ws, row++, 3, s, f.head);
	free(s);
	for (i = 0; i < fw->nthemes; i++) {
		const struct fw_theme *th = &fw->themes[i];
		s = texts_get(t, "thema", "id", th->id, NULL);
		s2 = texts_get(t, "thema-tekst", "naam", th->name, "stelling",
		    th->statement != NULL ? th->statement : "", NULL);
		worksheet_write_string(ws, row, 0, s, f.theme);
		worksheet_merge_range(ws, row, 1, row, 3, s2, f.theme);
		worksheet_set_row(ws, row++, 32, NULL);
		free(s);
		free(s2);
		for (j = 0; j < th->ncriteria; j++)
			for (k = 0; k < th->criteria[j].nindicators; k++) {
				const struct fw_indicator *ind =
				    &th->criteria[j].indicators[k];
				if (ind->question[r] == NULL)
					continue;
				q_question(ws, &f, t, ind, ind->question[r],
				    row++);
			}
	}
	worksheet_protect(ws, NULL, NULL);
}

int
xlsx_write_questionnaire(const struct framework *fw, enum role r,
    const struct texts *t, const char *path, struct diags *d)
{
	lxw_workbook *wb;
	char          tmp[64];

	if (temp_open(tmp, path, d) == -1)
		return -1;
	if ((wb = workbook_new(tmp)) == NULL) {
		diags_add(d, path, 0, MSG_XLSX_WRITE, "out of memory");
		unlink(tmp);
		return -1;
	}
	q_sheet(wb, fw, r, t);
	return book_finish(wb, tmp, path, d);
}

int
xlsx_write_table(const char *path, const char *sheet, size_t ncols,
    const char *const *header, const char *const *cells, size_t nrows,
    const double *widths, struct diags *d)
{
	lxw_workbook  *wb;
	lxw_worksheet *ws;
	lxw_format    *head, *wrap;
	char           tmp[64];
	size_t         i, j;

	if (temp_open(tmp, path, d) == -1)
		return -1;
	if ((wb = workbook_new(tmp)) == NULL) {
		diags_add(d, path, 0, MSG_XLSX_WRITE, "out of memory");
		unlink(tmp);
		return -1;
	}
	ws = workbook_add_worksheet(wb, sheet);
	head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_bottom(head, LXW_BORDER_THIN);
	wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	for (j = 0; j < ncols; j++) {
		if (widths != NULL)
			worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j,
			    widths[j], NULL);
		worksheet_write_string(ws, 0, (lxw_col_t)j, header[j], head);
	}
	worksheet_freeze_panes(ws, 1, 0);
	for (i = 0; i < nrows; i++)
		for (j = 0; j < ncols; j++) {
			const char *c = cells[i * ncols + j];
			if (c != NULL && c[0] != '\0')
				worksheet_write_string(ws, (lxw_row_t)(i + 1),
				    (lxw_col_t)j, c, wrap);
		}
	return book_finish(wb, tmp, path, d);
}
