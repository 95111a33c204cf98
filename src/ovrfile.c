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
#include "xlsx.h"

/* The columns of an overrides file; the first OC_REQUIRED are required. */
enum { OC_GEMEENTE, OC_RONDE, OC_AANPAK, OC_INDICATOR, OC_REDEN,
    OC_VERDICT, OC_FINDING, OC_LETOP, OC_GOED, OC_BETER, OC__COUNT };
#define OC_REQUIRED 5
#define OC_KNOWN "gemeente, ronde, aanpak, indicator, reden; verdict, " \
    "finding, letop; goed, beter"

/*
 * goed and beter (step 12): a theme's conclusion, on a row whose
 * indicator is the theme's id or name ("Wat gaat goed?", "Wat kan
 * beter?"), as stj verdicts --format csv|xlsx writes them.
 */
static const char *const ocol_name[OC__COUNT] = {
	"gemeente", "ronde", "aanpak", "indicator", "reden", "verdict",
	"finding", "letop", "goed", "beter"
};

/* -- step 12: xlsx -- */
/*
 * Columns stj verdicts --format csv|xlsx writes for the inspector to read
 * (ovrfile.h): read past, so its export reads back as it is.
 */
static const char *const info_col[] = {
	"tekst", "voorstel", "huidig", "bevinding"
};

static int
is_info_column(const char *name)
{
	size_t k;

	for (k = 0; name != NULL && k < sizeof(info_col) / sizeof(info_col[0]);
	    k++)
		if (strcasecmp(name, info_col[k]) == 0)
			return 1;
	return 0;
}

/* One record of a CSV file or a sheet, kept for reading (step 12). */
struct ovr_rec {
	char  **f;
	size_t  n;
	long    line;
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
	/* CSV and xlsx: every record read first (NULL: tab-separated). */
	struct ovr_rec *recs;
	size_t          nrecs, ri;
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
		if (k == OC__COUNT && is_info_column(of->fields[i]))
			continue;
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

	/* An empty reden is checked when the row is applied (apply_row). */
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

static int row_change(struct ovr_file *of, struct store_change *c,
    struct diags *d);

/*
 * A row of a theme's conclusion: its goed and beter (the change's finding
 * and letop carry them to apply_row; c->revert marks the row a theme's).
 * verdict, finding and letop are for indicators.
 */
static int
theme_row(const struct ovr_file *of, struct store_change *c,
    struct diags *d)
{
	const char *goed = cell(of, OC_GOED), *beter = cell(of, OC_BETER);

	if (*cell(of, OC_VERDICT) || *cell(of, OC_FINDING) ||
	    *cell(of, OC_LETOP)) {
		diags_add(d, of->path, of->line, MSG_OVR_THEME_ROW,
		    c->key.indicator);
		return -1;
	}
	c->reason = cell(of, OC_REDEN);
	if (ops_text_check("'reden'", c->reason, 0, of->path, of->line,
	    d) == -1)
		return -1;
	c->finding = *goed ? goed : NULL;
	c->letop = *beter ? beter : NULL;
	c->revert = 1;
	if (c->finding == NULL && c->letop == NULL && *c->reason) {
		diags_add(d, of->path, of->line, MSG_OVR_NOTHING);
		return -1;
	}
	return 0;
}

/* 1 when a and b (NULL: none) say the same. */
static int
same_text(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/*
 * A theme's conclusion: only what differs from what the inspector wrote
 * is applied (an unedited row changes nothing and needs no reden).
 */
static void
apply_theme(struct ops *x, struct store_change *c, const struct actor *actor,
    const char *at, size_t *errors, size_t *applied, size_t *unchanged,
    struct diags *one)
{
	const char *goed = c->finding, *beter = c->letop;
	char       *was_goed, *was_beter, *said = NULL;

	c->finding = c->letop = NULL;
	c->revert = 0;
	c->actor = actor;   /* reading the conclusion is checked too */
	if (goed == NULL && beter == NULL) {
		(*unchanged)++;
		return;
	}
	if (ops_conclusion_get(x, c, &was_goed, &was_beter, one) == -1) {
		(*errors)++;
		return;
	}
	if (goed != NULL && same_text(goed, was_goed))
		goed = NULL;
	if (beter != NULL && same_text(beter, was_beter))
		beter = NULL;
	free(was_goed);
	free(was_beter);
	c->actor = actor;
	c->at = at;
	if (goed == NULL && beter == NULL)
		(*unchanged)++;
	else if (c->reason[0] == '\0') {
		diags_add(one, NULL, 0, MSG_EMPTY_FIELD, "reden");
		(*errors)++;
	} else if (ops_conclusion(x, c, goed, beter, OPS_ANY, &said,
	    one) == -1)
		(*errors)++;
	else
		(*applied)++;
	free(said);
}

/* The current row as a change (strings in of->buf). -1 after errors. */
static int
read_row(struct ovr_file *of, struct store_change *c, struct diags *d)
{
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
	return row_change(of, c, d);
}

/* The row in of->fields as a change. -1 after errors. */
static int
row_change(struct ovr_file *of, struct store_change *c, struct diags *d)
{
	const char *verdict;
	size_t      k;

	memset(c, 0, sizeof(*c));
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
	if (strchr(c->key.indicator, '.') == NULL)
		return theme_row(of, c, d);
	if (*cell(of, OC_GOED) != '\0' || *cell(of, OC_BETER) != '\0') {
		diags_add(d, of->path, of->line, MSG_OVR_GOED_BETER);
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
	    !c->no_letop && c->reason[0] != '\0') {
		diags_add(d, of->path, of->line, MSG_OVR_NOTHING);
		return -1;
	}
	return 0;
}

/*
 * Applies one change. A row without a reden is a row the inspector did
 * not edit, when it changes nothing: stj verdicts' export read back as it
 * is (its verdict, finding and letop cells hold the inspector's own
 * overrides, empty where the proposal stands). Whether it changes
 * something is learnt by applying it: when it does, the reden is
 * missing, and the batch, failing, rolls back.
 */
static void
apply_row(struct ops *x, struct store_change *c, const struct actor *actor,
    const char *at, size_t *errors, size_t *applied, size_t *unchanged,
    struct diags *one)
{
	char *said;
	int   changed, noreason = c->reason[0] == '\0';

	if (c->revert) {   /* a theme's row (theme_row) */
		apply_theme(x, c, actor, at, errors, applied, unchanged, one);
		return;
	}
	if (noreason && c->verdict == NULL && c->finding == NULL &&
	    c->letop == NULL && !c->no_letop) {
		(*unchanged)++;
		return;
	}
	c->actor = actor;
	c->at = at;
	if (noreason)
		c->reason = "-";
	if (ops_override(x, c, OPS_ANY, &said, &changed, one) == -1)
		(*errors)++;
	else if (changed && noreason) {
		diags_add(one, NULL, 0, MSG_EMPTY_FIELD, "reden");
		(*errors)++;
	} else if (changed)
		(*applied)++;
	else
		(*unchanged)++;
	free(said);
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

/*
 * The next row that is not blank: 1, 0 at the end, -1 on a read error.
 * Tab-separated: in of->buf; CSV or xlsx: the next record.
 */
static int
next_row(struct ovr_file *of, struct diags *d)
{
	int    rc;
	size_t k;

	if (of->recs == NULL) {
		while ((rc = read_line(of, d)) == 1)
			if (of->buf[strspn(of->buf, " \t")] != '\0')
				return 1;
		return rc;
	}
	while (++of->ri < of->nrecs) {
		const struct ovr_rec *r = &of->recs[of->ri];
		of->line = r->line;
		for (k = 0; k < r->n; k++)
			if (r->f[k][strspn(r->f[k], " \t")] != '\0')
				return 1;
	}
	return 0;
}

/* Spaces around a cell trimmed, in place. */
static char *
trim(char *s)
{
	size_t len;

	s += strspn(s, " ");
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		s[--len] = '\0';
	return s;
}

/* The current record as a change. -1 after errors. */
static int
rec_row(struct ovr_file *of, struct store_change *c, struct diags *d)
{
	const struct ovr_rec *r = &of->recs[of->ri];
	size_t                k;

	memset(c, 0, sizeof(*c));
	if (r->n != of->ncols) {
		diags_add(d, of->path, of->line, MSG_CSV_RAGGED, r->n,
		    of->ncols);
		return -1;
	}
	for (k = 0; k < r->n; k++)
		of->fields[k] = trim(r->f[k]);
	return row_change(of, c, d);
}

/* Applies every row of of; counts rows that changed and that did not. */
static size_t
apply_rows(struct ops *x, struct ovr_file *of, const struct actor *actor,
    const char *at, size_t *applied, size_t *unchanged, struct diags *d)
{
	struct store_change c;
	struct diags        one;
	size_t              errors = 0;
	int                 rc;

	while ((rc = next_row(of, d)) == 1) {
		diags_init(&one);
		if ((of->recs == NULL && line_check(of, &one) == -1) ||
		    (of->recs == NULL ? read_row(of, &c, &one) :
		    rec_row(of, &c, &one)) == -1)
			errors++;
		else
			apply_row(x, &c, actor, at, &errors, applied, unchanged,
			    &one);
		at_line(&one, d, of->path, of->line);
	}
	return errors + (rc == -1);
}

/* -- step 12: xlsx -- */
static void
recs_add(struct ovr_file *of, const struct csv_record *rec)
{
	struct ovr_rec *r;
	size_t          k;

	of->recs = xrealloc(of->recs, (of->nrecs + 1) * sizeof(*of->recs));
	r = &of->recs[of->nrecs++];
	r->n = rec->n;
	r->line = rec->line;
	r->f = xcalloc(rec->n + 1, sizeof(*r->f));
	for (k = 0; k < rec->n; k++)
		r->f[k] = xstrdup(rec->fields[k].text);
}

static int
xlsx_rec(void *ctx, struct csv_record *rec)
{
	recs_add(ctx, rec);
	return 0;
}

enum ovr_kind { OVR_TSV, OVR_CSV, OVR_XLSX };

/*
 * What the file is: a workbook (zip), else tab-separated when its first
 * line holds a tab, else CSV (',' or ';'). The file is rewound.
 */
static enum ovr_kind
sniff_kind(FILE *f)
{
	char          head[4];
	char         *line = NULL;
	size_t        cap = 0, n = fread(head, 1, sizeof(head), f);
	enum ovr_kind k;

	rewind(f);
	if (xlsx_sniff(head, n))
		return OVR_XLSX;
	if (getline(&line, &cap, f) == -1 || strchr(line, '\t') != NULL)
		k = OVR_TSV;
	else
		k = OVR_CSV;
	free(line);
	rewind(f);
	return k;
}

/* Every record of a CSV file or the first sheet, into of->recs. */
static int
load_records(struct ovr_file *of, enum ovr_kind kind, struct diags *d)
{
	struct csv_reader *rd;
	struct csv_record  rec;
	char              *buf;
	size_t             len;
	int                rc;

	if (kind == OVR_XLSX) {
		if (file_read_all(of->path, XLSX_MAX_FILE, &buf, &len) == -1) {
			if (errno == EFBIG)
				diags_add(d, of->path, 0, MSG_TOO_BIG,
				    XLSX_MAX_FILE);
			else
				diags_add(d, of->path, 0, MSG_IO,
				    strerror(errno));
			return -1;
		}
		rc = xlsx_read(of->path, buf, len, xlsx_rec, of, d);
		free(buf);
		return rc == 0 ? 0 : -1;
	}
	rd = csv_open(of->f, of->path);
	while ((rc = csv_next(rd, &rec, d)) == 1)
		recs_add(of, &rec);
	csv_close(rd);
	return rc;
}

/* The header from the first record. */
static int
rec_header(struct ovr_file *of, struct diags *d)
{
	size_t i, known = 0;

	of->ri = 0;
	if (of->nrecs == 0) {
		diags_add(d, of->path, 0, MSG_OVR_NO_HEADER);
		return -1;
	}
	of->line = of->recs[0].line;
	of->ncols = of->recs[0].n;
	of->fields = xcalloc(of->ncols + 1, sizeof(*of->fields));
	for (i = 0; i < of->ncols; i++) {
		of->fields[i] = trim(of->recs[0].f[i]);
		known += column_of(of->fields[i]) != OC__COUNT;
	}
	if (known == 0) {
		diags_add(d, of->path, of->line, MSG_OVR_NO_HEADER);
		return -1;
	}
	for (i = 0; i < OC__COUNT; i++)
		of->col[i] = -1;
	return header_columns(of, d);
}

static void
recs_free(struct ovr_file *of)
{
	size_t i, k;

	for (i = 0; i < of->nrecs; i++) {
		for (k = 0; k < of->recs[i].n; k++)
			free(of->recs[i].f[k]);
		free(of->recs[i].f);
	}
	free(of->recs);
}

int
ovrfile_apply(struct ops *x, const char *path, const struct actor *actor,
    const char *at, size_t *applied, size_t *unchanged, struct diags *d)
{
	struct ovr_file of;
	enum ovr_kind   kind;
	size_t          errors = 0, before;
	int             rc = -1;

	*applied = *unchanged = 0;
	memset(&of, 0, sizeof(of));
	of.path = path;
	if ((of.f = fopen(path, "r")) == NULL) {
		diags_add(d, path, 0, MSG_IO, strerror(errno));
		return -1;
	}
	kind = sniff_kind(of.f);
	before = d->n;
	if (kind != OVR_TSV && (load_records(&of, kind, d) == -1 ||
	    of.nrecs == 0)) {
		/* A file that holds nothing has no header either. */
		if (d->n == before)
			diags_add(d, path, 0, MSG_OVR_NO_HEADER);
		goto out;
	}
	if ((kind == OVR_TSV ? read_header(&of, d) : rec_header(&of, d)) ==
	    -1 || ops_batch_begin(x, d) == -1)
		goto out;
	errors = apply_rows(x, &of, actor, at, applied, unchanged, d);
	if (errors > 0)
		diags_add(d, path, 0, MSG_OVR_NONE_APPLIED, errors);
	/*
	 * Nothing changed (a sheet read back as it was exported): rolled
	 * back, so the database is byte for byte what it was.
	 */
	rc = ops_batch_end(x, errors == 0 && *applied > 0 ? 0 : -1, d);
	if (errors == 0 && *applied == 0)
		rc = 0;
out:
	fclose(of.f);
	free(of.buf);
	free(of.fields);
	recs_free(&of);
	return rc;
}
