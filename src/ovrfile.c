/*
 * ovrfile: a file of overrides, as "stj override --file" applies it (and
 * any other front end that takes one): tab-separated, a header naming the
 * columns in any order, one change per row. Every row goes through
 * ops_override() in one batch: all or none. The reader is here, not in
 * the command, so both doors read the same format the same way.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "ops.h"
#include "ovrfile.h"
#include "round.h"
#include "util.h"

/* The columns of an overrides file; the first OC_REQUIRED are required. */
enum { OC_GEMEENTE, OC_RONDE, OC_AANPAK, OC_INDICATOR, OC_REDEN,
    OC_VERDICT, OC_FINDING, OC_LETOP, OC__COUNT };
#define OC_REQUIRED 5
#define OC_KNOWN "gemeente, ronde, aanpak, indicator, reden; verdict, " \
    "finding, letop"

static const char *const ocol_name[OC__COUNT] = {
	"gemeente", "ronde", "aanpak", "indicator", "reden", "verdict",
	"finding", "letop"
};

struct ovr_file {
	const char *path;
	FILE       *f;
	char       *buf;      /* the current line, without its line break */
	size_t      cap;
	ssize_t     len;
	long        line;
	int         col[OC__COUNT];   /* field of each column; -1: absent */
	size_t      ncols;            /* fields of the header */
	char      **fields;
};

/* Next line into of->buf: 1, 0 at the end, -1 on a read error. */
static int
read_line(struct ovr_file *of, struct diags *d)
{
	errno = 0;
	if ((of->len = getline(&of->buf, &of->cap, of->f)) == -1) {
		if (ferror(of->f)) {
			diags_add(d, of->path, of->line + 1, MSG_IO,
			    strerror(errno ? errno : EIO));
			return -1;
		}
		return 0;
	}
	of->line++;
	if (of->len > 0 && of->buf[of->len - 1] == '\n')
		of->buf[--of->len] = '\0';
	if (of->len > 0 && of->buf[of->len - 1] == '\r')
		of->buf[--of->len] = '\0';
	/* A spreadsheet's UTF-8 export may start with a byte order mark. */
	if (of->line == 1 && strncmp(of->buf, "\xef\xbb\xbf", 3) == 0) {
		memmove(of->buf, of->buf + 3, (size_t)of->len - 2);
		of->len -= 3;
	}
	return 1;
}

/* The line as text: -1 after a diagnostic at its line. */
static int
line_check(const struct ovr_file *of, struct diags *d)
{
	if ((size_t)of->len > CSV_MAX_FIELD) {
		diags_add(d, of->path, of->line, MSG_OVR_LINE_BIG,
		    (size_t)CSV_MAX_FIELD);
		return -1;
	}
	if (memchr(of->buf, '\0', (size_t)of->len) != NULL) {
		diags_add(d, of->path, of->line, MSG_CSV_NUL);
		return -1;
	}
	if (!utf8_valid(of->buf, (size_t)of->len)) {
		diags_add(d, of->path, of->line, MSG_CSV_UTF8);
		return -1;
	}
	return 0;
}

/* Splits the line at tabs into of->fields (up to max); the full count. */
static size_t
split_tabs(struct ovr_file *of, size_t max)
{
	char  *p = of->buf, *tab;
	size_t n = 0;

	for (;;) {
		tab = strchr(p, '\t');
		if (tab != NULL)
			*tab = '\0';
		if (n < max)
			of->fields[n] = p;
		n++;
		if (tab == NULL)
			return n;
		p = tab + 1;
	}
}

/*
 * A cell as meant: spaces around it trimmed, and a cell in double quotes
 * (as a spreadsheet saves one that holds a quote) unquoted with its
 * doubled quotes made single. NULL for a quote that does not close.
 */
static char *
cell_text(char *s)
{
	char  *end, *r, *w;
	size_t len;

	s += strspn(s, " ");
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		s[--len] = '\0';
	if (s[0] != '"')
		return s;
	end = s + len - 1;
	if (len < 2 || *end != '"')
		return NULL;
	*end = '\0';
	for (r = w = s + 1; *r != '\0'; r++) {
		if (*r == '"' && *++r != '"')
			return NULL;
		*w++ = *r;
	}
	*w = '\0';
	return s + 1;
}

/* Which column name names; OC__COUNT for none. */
static size_t
column_of(const char *name)
{
	size_t k;

	for (k = 0; name != NULL && k < OC__COUNT; k++)
		if (strcasecmp(name, ocol_name[k]) == 0)
			return k;
	return OC__COUNT;
}

/* Which field holds which column; -1 after errors. */
static int
header_columns(struct ovr_file *of, struct diags *d)
{
	size_t i, k;
	int    errors = 0;

	for (i = 0; i < of->ncols; i++) {
		k = column_of(of->fields[i]);
		if (of->fields[i] == NULL)
			diags_add(d, of->path, 1, MSG_CSV_STRAY_QUOTE);
		else if (k == OC__COUNT)
			diags_add(d, of->path, 1, MSG_OVR_BAD_COLUMN,
			    of->fields[i], OC_KNOWN);
		else if (of->col[k] != -1)
			diags_add(d, of->path, 1, MSG_CSV_DUP_COLUMN,
			    of->fields[i]);
		else {
			of->col[k] = (int)i;
			continue;
		}
		errors++;
	}
	for (k = 0; errors == 0 && k < OC_REQUIRED; k++)
		if (of->col[k] == -1) {
			diags_add(d, of->path, 1, MSG_CSV_MISSING_COLUMN,
			    ocol_name[k]);
			errors++;
		}
	if (errors == 0 && of->col[OC_VERDICT] == -1 &&
	    of->col[OC_FINDING] == -1 && of->col[OC_LETOP] == -1) {
		diags_add(d, of->path, 1, MSG_OVR_NO_CHANGE_COLUMN);
		errors++;
	}
	return errors ? -1 : 0;
}

/*
 * Reads the header, line 1. A first line that names no column at all is
 * data: the header is missing (it used to be skipped unread, and with it
 * the first override).
 */
static int
read_header(struct ovr_file *of, struct diags *d)
{
	size_t i, n, known = 0;
	int    rc;

	if ((rc = read_line(of, d)) == -1)
		return -1;
	if (rc == 0 || of->buf[strspn(of->buf, " \t")] == '\0') {
		diags_add(d, of->path, of->line, MSG_OVR_NO_HEADER);
		return -1;
	}
	if (line_check(of, d) == -1)
		return -1;
	for (n = 1, i = 0; of->buf[i] != '\0'; i++)
		n += of->buf[i] == '\t';
	of->fields = xcalloc(n, sizeof(*of->fields));
	of->ncols = split_tabs(of, n);
	for (i = 0; i < n; i++) {
		of->fields[i] = cell_text(of->fields[i]);
		known += column_of(of->fields[i]) != OC__COUNT;
	}
	if (known == 0) {
		diags_add(d, of->path, 1, MSG_OVR_NO_HEADER);
		return -1;
	}
	for (i = 0; i < OC__COUNT; i++)
		of->col[i] = -1;
	return header_columns(of, d);
}

/* Column k of the current row: its text, "" when absent. */
static const char *
cell(const struct ovr_file *of, int k)
{
	return of->col[k] == -1 ? "" : of->fields[of->col[k]];
}

/* The reason, finding and LET OP of a row: checked text or NULL. */
static int
row_texts(const struct ovr_file *of, struct store_change *c,
    struct diags *d)
{
	const char *reden = cell(of, OC_REDEN), *letop = cell(of, OC_LETOP);

	if (*reden == '\0') {
		diags_add(d, of->path, of->line, MSG_EMPTY_FIELD, "reden");
		return -1;
	}
	if (ops_text_check("'reden'", reden, 0, of->path, of->line, d) == -1 ||
	    ops_text_check("'finding'", cell(of, OC_FINDING), 0, of->path,
	    of->line, d) == -1 ||
	    ops_text_check("'letop'", letop, 0, of->path, of->line, d) == -1)
		return -1;
	c->reason = reden;
	c->finding = *cell(of, OC_FINDING) ? cell(of, OC_FINDING) : NULL;
	c->no_letop = strcmp(letop, "-") == 0;
	c->letop = *letop && !c->no_letop ? letop : NULL;
	return 0;
}

/* The current row as a change (strings in of->buf). -1 after errors. */
static int
read_row(struct ovr_file *of, struct store_change *c, struct diags *d)
{
	const char *verdict;
	size_t      n = split_tabs(of, of->ncols), k;

	memset(c, 0, sizeof(*c));
	if (n != of->ncols) {
		diags_add(d, of->path, of->line, MSG_CSV_RAGGED, n, of->ncols);
		return -1;
	}
	for (k = 0; k < n; k++)
		if ((of->fields[k] = cell_text(of->fields[k])) == NULL) {
			diags_add(d, of->path, of->line, MSG_CSV_STRAY_QUOTE);
			return -1;
		}
	for (k = 0; k < OC_REQUIRED; k++)
		if (k != OC_REDEN && *cell(of, (int)k) == '\0') {
			diags_add(d, of->path, of->line, MSG_EMPTY_FIELD,
			    ocol_name[k]);
			return -1;
		}
	c->key.municipality = cell(of, OC_GEMEENTE);
	c->key.approach = cell(of, OC_AANPAK);
	c->key.indicator = cell(of, OC_INDICATOR);
	if (round_parse_year(cell(of, OC_RONDE), &c->key.round) == -1) {
		diags_add(d, of->path, of->line, MSG_BAD_ROUND,
		    cell(of, OC_RONDE));
		return -1;
	}
	verdict = cell(of, OC_VERDICT);
	if (*verdict != '\0' && (c->verdict = verdict_parse(verdict)) ==
	    NULL) {
		diags_add(d, of->path, of->line, MSG_BAD_VERDICT, verdict);
		return -1;
	}
	if (row_texts(of, c, d) == -1)
		return -1;
	if (c->verdict == NULL && c->finding == NULL && c->letop == NULL &&
	    !c->no_letop) {
		diags_add(d, of->path, of->line, MSG_OVR_NOTHING);
		return -1;
	}
	return 0;
}

/* Moves the messages of one row to d, at the row's file:line. */
static void
at_line(struct diags *one, struct diags *d, const char *path, long line)
{
	size_t i;

	for (i = 0; i < one->n; i++)
		diags_add_text(d, one->v[i].file ? one->v[i].file : path,
		    one->v[i].file ? one->v[i].line : line, one->v[i].text);
	diags_free(one);
}

/* Applies every row of of; counts rows that changed and that did not. */
static size_t
apply_rows(struct ops *x, struct ovr_file *of, const struct actor *actor,
    const char *at, size_t *applied, size_t *unchanged, struct diags *d)
{
	struct store_change c;
	struct diags        one;
	char               *said;
	size_t              errors = 0;
	int                 rc, changed;

	while ((rc = read_line(of, d)) == 1) {
		if (of->buf[strspn(of->buf, " \t")] == '\0')
			continue;   /* a blank line holds no override */
		diags_init(&one);
		if (line_check(of, &one) == -1 || read_row(of, &c, &one) == -1) {
			errors++;
		} else {
			c.actor = actor;
			c.at = at;
			if (ops_override(x, &c, OPS_ANY, &said, &changed,
			    &one) == -1)
				errors++;
			else if (changed)
				(*applied)++;
			else
				(*unchanged)++;
			free(said);
		}
		at_line(&one, d, of->path, of->line);
	}
	return errors + (rc == -1);
}

int
ovrfile_apply(struct ops *x, const char *path, const struct actor *actor,
    const char *at, size_t *applied, size_t *unchanged, struct diags *d)
{
	struct ovr_file of;
	size_t          errors = 0;
	int             rc = -1;

	*applied = *unchanged = 0;
	memset(&of, 0, sizeof(of));
	of.path = path;
	if ((of.f = fopen(path, "r")) == NULL) {
		diags_add(d, path, 0, MSG_IO, strerror(errno));
		return -1;
	}
	if (read_header(&of, d) == -1 || ops_batch_begin(x, d) == -1)
		goto out;
	errors = apply_rows(x, &of, actor, at, applied, unchanged, d);
	if (errors > 0)
		diags_add(d, path, 0, MSG_OVR_NONE_APPLIED, errors);
	rc = ops_batch_end(x, errors == 0 ? 0 : -1, d);
out:
	fclose(of.f);
	free(of.buf);
	free(of.fields);
	return rc;
}
