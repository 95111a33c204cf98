/*
 * xlsx: an .xlsx sheet's rows as CSV records. See xlsx.h.
 */
#include "xlsx.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zip.h>

#include "util.h"
#include "xmlsafe.h"

/* A growing byte buffer, NUL-terminated when len > 0 or after put. */
struct sbuf {
	char  *s;
	size_t len, cap;
};

static void
sbuf_put(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = b->len + n + 1 > 2 * b->cap ? b->len + n + 1 :
		    2 * b->cap;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* ---- The container ---------------------------------------------- */

struct book {
	const char    *name;
	struct diags  *d;
	zip_t         *z;
	size_t         total;     /* bytes inflated so far, all parts */
	int            errors;
	char         **sst;       /* shared strings */
	size_t         nsst, capsst;
};

int
xlsx_sniff(const void *head, size_t n)
{
	return n >= 4 && (memcmp(head, "PK\3\4", 4) == 0 ||
	    memcmp(head, "PK\5\6", 4) == 0);
}

static void
book_error(struct book *b, long line, enum msg id, ...)
{
	va_list ap;

	va_start(ap, id);
	diags_vadd(b->d, b->name, line, id, ap);
	va_end(ap);
	b->errors++;
}

/* An entry name that would leave a directory if it were extracted. */
static int
unsafe_name(const char *n)
{
	const char *p = n;

	if (n[0] == '/' || n[0] == '\\' || (n[0] != '\0' && n[1] == ':'))
		return 1;
	for (;;) {
		size_t k = strcspn(p, "/\\");
		if (k == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		if (p[k] == '\0')
			return 0;
		p += k + 1;
	}
}

static int
book_open(struct book *b, const void *data, size_t len)
{
	zip_error_t   zerr;
	zip_source_t *src;
	zip_int64_t   i, n;

	if (len > XLSX_MAX_FILE) {
		book_error(b, 0, MSG_TOO_BIG, XLSX_MAX_FILE);
		return -1;
	}
	zip_error_init(&zerr);
	if ((src = zip_source_buffer_create(data, len, 0, &zerr)) == NULL ||
	    (b->z = zip_open_from_source(src, ZIP_RDONLY, &zerr)) == NULL) {
		book_error(b, 0, MSG_XLSX_NOT_ZIP, zip_error_strerror(&zerr));
		zip_source_free(src);
		zip_error_fini(&zerr);
		return -1;
	}
	zip_error_fini(&zerr);
	n = zip_get_num_entries(b->z, 0);
	for (i = 0; i < n; i++) {
		const char *en = zip_get_name(b->z, (zip_uint64_t)i, 0);
		if (en != NULL && unsafe_name(en)) {
			book_error(b, 0, MSG_XLSX_ENTRY_NAME, en);
			return -1;
		}
	}
	return 0;
}

/*
 * Inflates entry into the parser p in chunks, counting: the declared size
 * is checked first, then the bytes actually inflated, as libzip does not
 * hold an entry to its declared size. 1: no such entry; 0; -1 after a
 * diagnostic.
 */
static int
book_parse(struct book *b, const char *entry, struct xmlsafe_push *p)
{
	enum { CHUNK = 64 * 1024 };
	char        *buf;
	zip_stat_t   st;
	zip_file_t  *f;
	zip_int64_t  n;
	size_t       got = 0, comp;

	zip_stat_init(&st);
	if (zip_stat(b->z, entry, 0, &st) == -1)
		return 1;
	comp = (st.valid & ZIP_STAT_COMP_SIZE) && st.comp_size > 0 ?
	    (size_t)st.comp_size : 1;
	if ((st.valid & ZIP_STAT_SIZE) && st.size > XLSX_MAX_ENTRY) {
		book_error(b, 0, MSG_XLSX_ENTRY_BIG, entry, XLSX_MAX_ENTRY);
		return -1;
	}
	if ((st.valid & ZIP_STAT_SIZE) && st.size > XLSX_RATIO_FREE &&
	    st.size / comp > XLSX_MAX_RATIO) {
		book_error(b, 0, MSG_XLSX_RATIO, entry, XLSX_MAX_RATIO);
		return -1;
	}
	if ((f = zip_fopen(b->z, entry, 0)) == NULL) {
		book_error(b, 0, MSG_XLSX_NOT_ZIP, zip_strerror(b->z));
		return -1;
	}
	/* Not static: the web server imports in several threads. */
	buf = xmalloc(CHUNK);
	while ((n = zip_fread(f, buf, CHUNK)) > 0) {
		got += (size_t)n;
		b->total += (size_t)n;
		if (got > XLSX_MAX_ENTRY ||
		    ((st.valid & ZIP_STAT_SIZE) && got > st.size)) {
			book_error(b, 0, MSG_XLSX_ENTRY_BIG, entry,
			    got > XLSX_MAX_ENTRY || !(st.valid & ZIP_STAT_SIZE) ?
			    XLSX_MAX_ENTRY : (size_t)st.size);
			break;
		}
		if (got > XLSX_RATIO_FREE && got / comp > XLSX_MAX_RATIO) {
			book_error(b, 0, MSG_XLSX_RATIO, entry, XLSX_MAX_RATIO);
			break;
		}
		if (b->total > XLSX_MAX_TOTAL) {
			book_error(b, 0, MSG_XLSX_TOTAL, XLSX_MAX_TOTAL);
			break;
		}
		if (xmlsafe_push_feed(p, buf, (size_t)n, 0) == -1)
			break;
	}
	free(buf);
	if (n < 0) {
		book_error(b, 0, MSG_XLSX_NOT_ZIP, zip_file_strerror(f));
		zip_fclose(f);
		return -1;
	}
	zip_fclose(f);
	if (n > 0)
		return -1;
	return xmlsafe_push_feed(p, "", 0, 1);
}

/* Parses one part with handlers h; its diagnostics named FILE:PART. */
static int
book_part(struct book *b, const char *entry, struct xmlsafe_sax *h,
    struct xmlsafe_push **pp)
{
	char                *pname = xasprintf("%s:%s", b->name, entry);
	struct xmlsafe_push *p;
	int                  rc = -1;

	if ((p = xmlsafe_push_new(h, pname, b->d)) != NULL) {
		*pp = p;
		rc = book_parse(b, entry, p);
		*pp = NULL;
		if (rc == -1)
			b->errors++;
	}
	xmlsafe_push_free(p);
	free(pname);
	return rc;
}

/* The value of attribute name in attrs, or NULL. */
static const char *
attr(const char *const *attrs, const char *name)
{
	for (; attrs[0] != NULL; attrs += 2)
		if (strcmp(attrs[0], name) == 0)
			return attrs[1];
	return NULL;
}

/* ---- Workbook, relationships, shared strings ---------------------- */

struct rel {
	char *id, *type, *target;
};

struct wb {
	struct rel *rels;
	size_t      nrels;
	char      **sheet_name, **sheet_rid;
	size_t      nsheets;
	/* Shared strings being read. */
	struct book *b;
	struct sbuf  cur;
	int          in_si, in_t, in_rph;
	size_t       limit_hit;
	struct xmlsafe_push *p;
};

static void
rels_start(void *ctx, const char *name, const char *const *attrs)
{
	struct wb  *w = ctx;
	const char *id = attr(attrs, "Id"), *type = attr(attrs, "Type"),
	           *target = attr(attrs, "Target");

	if (strcmp(name, "Relationship") != 0 || id == NULL || type == NULL ||
	    target == NULL || w->nrels >= 4096)
		return;
	w->rels = xrealloc(w->rels, (w->nrels + 1) * sizeof(*w->rels));
	w->rels[w->nrels].id = xstrdup(id);
	w->rels[w->nrels].type = xstrdup(type);
	w->rels[w->nrels].target = xstrdup(target);
	w->nrels++;
}

static void
wb_start(void *ctx, const char *name, const char *const *attrs)
{
	struct wb  *w = ctx;
	const char *sn = attr(attrs, "name"), *rid = attr(attrs, "id");

	if (strcmp(name, "sheet") != 0 || sn == NULL || rid == NULL ||
	    w->nsheets >= 4096)
		return;
	w->sheet_name = xrealloc(w->sheet_name,
	    (w->nsheets + 1) * sizeof(char *));
	w->sheet_rid = xrealloc(w->sheet_rid,
	    (w->nsheets + 1) * sizeof(char *));
	w->sheet_name[w->nsheets] = xstrdup(sn);
	w->sheet_rid[w->nsheets] = xstrdup(rid);
	w->nsheets++;
}

/* Text runs: <t> inside <si> (or <is>), but not inside phonetic <rPh>. */
static void
sst_start(void *ctx, const char *name, const char *const *attrs)
{
	struct wb *w = ctx;

	(void)attrs;
	if (strcmp(name, "si") == 0) {
		w->in_si = 1;
		w->cur.len = 0;
	} else if (strcmp(name, "rPh") == 0)
		w->in_rph++;
	else if (strcmp(name, "t") == 0)
		w->in_t = 1;
}

static void
sst_end(void *ctx, const char *name)
{
	struct wb   *w = ctx;
	struct book *b = w->b;

	if (strcmp(name, "rPh") == 0 && w->in_rph > 0)
		w->in_rph--;
	else if (strcmp(name, "t") == 0)
		w->in_t = 0;
	else if (strcmp(name, "si") == 0 && w->in_si) {
		w->in_si = 0;
		if (b->nsst == b->capsst) {
			b->capsst = b->capsst ? 2 * b->capsst : 64;
			b->sst = xrealloc(b->sst, b->capsst * sizeof(char *));
		}
		b->sst[b->nsst++] = xstrdup(w->cur.s != NULL ? w->cur.s : "");
		w->cur.len = 0;
		if (w->cur.s != NULL)
			w->cur.s[0] = '\0';
	}
}

static void
sst_text(void *ctx, const char *s, size_t len)
{
	struct wb *w = ctx;

	if (!w->in_si || !w->in_t || w->in_rph)
		return;
	if (w->cur.len + len > CSV_MAX_FIELD) {
		diags_add(w->b->d, w->b->name, 0, MSG_CSV_FIELD_BIG,
		    CSV_MAX_FIELD);
		w->limit_hit = 1;
		xmlsafe_push_stop(w->p);
		return;
	}
	sbuf_put(&w->cur, s, len);
}

static void
wb_free(struct wb *w)
{
	size_t i;

	for (i = 0; i < w->nrels; i++) {
		free(w->rels[i].id);
		free(w->rels[i].type);
		free(w->rels[i].target);
	}
	free(w->rels);
	for (i = 0; i < w->nsheets; i++) {
		free(w->sheet_name[i]);
		free(w->sheet_rid[i]);
	}
	free(w->sheet_name);
	free(w->sheet_rid);
	free(w->cur.s);
}

/* A relationship's target as an entry name: relative to xl/. */
static char *
rel_entry(const char *target)
{
	if (target[0] == '/')
		return xstrdup(target + 1);
	return xasprintf("xl/%s", target);
}

/* The relationship whose type ends in suffix ("/sharedStrings"). */
static const struct rel *
rel_by_type(const struct wb *w, const char *suffix)
{
	size_t i, n = strlen(suffix), k;

	for (i = 0; i < w->nrels; i++) {
		k = strlen(w->rels[i].type);
		if (k >= n && strcmp(w->rels[i].type + k - n, suffix) == 0)
			return &w->rels[i];
	}
	return NULL;
}

static const struct rel *
rel_by_id(const struct wb *w, const char *id)
{
	size_t i;

	for (i = 0; i < w->nrels; i++)
		if (strcmp(w->rels[i].id, id) == 0)
			return &w->rels[i];
	return NULL;
}

/*
 * Reads the workbook's sheet list, its relationships and shared strings;
 * *sheet_entry and *sheet_name are the sheet to read (malloc'd), *form
 * 1 when it is the questionnaire's. -1 after a diagnostic.
 */
static int
book_index(struct book *b, char **sheet_entry, char **sheet_name, int *form)
{
	struct wb          w;
	struct xmlsafe_sax h = { rels_start, NULL, NULL, NULL };
	const struct rel  *r;
	size_t             i, pick = 0;
	int                rc;
	char              *sst;

	memset(&w, 0, sizeof(w));
	w.b = b;
	h.ctx = &w;
	if ((rc = book_part(b, "xl/_rels/workbook.xml.rels", &h,
	    &w.p)) != 0) {
		if (rc == 1)
			book_error(b, 0, MSG_XLSX_MISSING,
			    "xl/_rels/workbook.xml.rels");
		goto fail;
	}
	h.start = wb_start;
	if ((rc = book_part(b, "xl/workbook.xml", &h, &w.p)) != 0) {
		if (rc == 1)
			book_error(b, 0, MSG_XLSX_MISSING, "xl/workbook.xml");
		goto fail;
	}
	if (w.nsheets == 0) {
		book_error(b, 0, MSG_XLSX_NO_SHEET);
		goto fail;
	}
	*form = 0;
	for (i = 0; i < w.nsheets; i++)
		if (strcasecmp(w.sheet_name[i], XLSX_FORM_SHEET) == 0) {
			pick = i;
			*form = 1;
			break;
		}
	if ((r = rel_by_id(&w, w.sheet_rid[pick])) == NULL) {
		book_error(b, 0, MSG_XLSX_MISSING, w.sheet_rid[pick]);
		goto fail;
	}
	*sheet_entry = rel_entry(r->target);
	*sheet_name = xstrdup(w.sheet_name[pick]);
	if ((r = rel_by_type(&w, "/sharedStrings")) != NULL) {
		h.start = sst_start;
		h.end = sst_end;
		h.text = sst_text;
		sst = rel_entry(r->target);
		rc = book_part(b, sst, &h, &w.p);
		if (rc == 1)
			book_error(b, 0, MSG_XLSX_MISSING, sst);
		free(sst);
		if (rc != 0 || w.limit_hit) {
			b->errors += w.limit_hit;
			free(*sheet_entry);
			free(*sheet_name);
			/* The caller frees them too (found by fuzz_xlsx). */
			*sheet_entry = *sheet_name = NULL;
			goto fail;
		}
	}
	wb_free(&w);
	return 0;
fail:
	wb_free(&w);
	return -1;
}

/* ---- The sheet ---------------------------------------------------- */

struct cell {
	int   col;
	char *text;
};

struct sheet {
	struct book         *b;
	struct xmlsafe_push *p;
	const char          *sheet_name;
	xlsx_record_fn       fn;
	void                *ctx;
	int                  form;
	int                  stop;      /* an error or the sink said stop */
	long                 row;       /* the current row's number */
	int                  col;       /* the current cell's column */
	char                 type[16];  /* its t attribute */
	int                  in_row, in_cell, in_v, in_is, in_t, in_rph;
	struct sbuf          val;
	struct cell         *cells;     /* the current row's, with a value */
	size_t               ncells, capcells;
	size_t               width;     /* the header's; 0 before it */
	/* A form's fields so far: header texts and values, by row. */
	struct csv_field    *fh, *fv;
	size_t               nform, capform, formbytes;
	long                 formline;
};

static void
sheet_fail(struct sheet *s, long line, enum msg id, ...)
{
	va_list ap;

	va_start(ap, id);
	diags_vadd(s->b->d, s->b->name, line, id, ap);
	va_end(ap);
	s->b->errors++;
	s->stop = 1;
	xmlsafe_push_stop(s->p);
}

/* "AB12" → column 28 and row 12; -1 when it is no cell reference. */
static int
parse_ref(const char *ref, int *col, long *row)
{
	long c = 0, r = 0;
	const char *p = ref;

	while (*p >= 'A' && *p <= 'Z' && c <= 16384)
		c = c * 26 + (*p++ - 'A' + 1);
	if (p == ref || c > 16384)
		return -1;
	if (*p == '\0') {
		*col = (int)c;
		*row = 0;
		return 0;
	}
	while (*p >= '0' && *p <= '9' && r <= 1048576)
		r = r * 10 + (*p++ - '0');
	if (*p != '\0' || r == 0 || r > 1048576)
		return -1;
	*col = (int)c;
	*row = r;
	return 0;
}

static void cells_clear(struct sheet *);

static void
row_start(struct sheet *s, const char *const *attrs)
{
	const char *r = attr(attrs, "r");
	long        n = s->row + 1;
	char       *end;

	if (r != NULL) {
		n = strtol(r, &end, 10);
		if (*r == '\0' || *end != '\0' || n < 1) {
			sheet_fail(s, s->row, MSG_XLSX_CELL_REF, r);
			return;
		}
		if (n <= s->row) {
			sheet_fail(s, n, MSG_XLSX_ORDER, r);
			return;
		}
	}
	s->row = n;
	if (n > XLSX_MAX_ROWS) {
		sheet_fail(s, 0, MSG_XLSX_ROWS, s->sheet_name, XLSX_MAX_ROWS);
		return;
	}
	/* Empty since the last row's end (sheet_start refuses a row inside
	 * a row); cleared, not just counted out, so that no path can leak
	 * them (a leak fuzz_xlsx found). */
	cells_clear(s);
}

static void
cell_start(struct sheet *s, const char *const *attrs)
{
	const char *r = attr(attrs, "r"), *t = attr(attrs, "t");
	int         col = s->ncells > 0 ? s->cells[s->ncells - 1].col + 1 :
	    s->col + 1;
	long        row = s->row;

	if (r != NULL && (parse_ref(r, &col, &row) == -1 ||
	    (row != 0 && row != s->row))) {
		sheet_fail(s, s->row, MSG_XLSX_CELL_REF, r);
		return;
	}
	if (col <= s->col) {
		sheet_fail(s, s->row, MSG_XLSX_ORDER, r != NULL ? r : "?");
		return;
	}
	if ((size_t)col > CSV_MAX_FIELDS) {
		sheet_fail(s, s->row, MSG_CSV_TOO_MANY, (size_t)CSV_MAX_FIELDS);
		return;
	}
	s->col = col;
	snprintf(s->type, sizeof(s->type), "%s", t != NULL ? t : "n");
	s->in_cell = 1;
	s->val.len = 0;
	if (s->val.s != NULL)
		s->val.s[0] = '\0';
}

static void
sheet_start(void *ctx, const char *name, const char *const *attrs)
{
	struct sheet *s = ctx;

	if (s->stop)
		return;
	if (strcmp(name, "row") == 0) {
		/* Well-formedness is only known at the end: the rows read
		 * so far must not be taken as a header or answers. */
		if (s->in_row) {
			sheet_fail(s, s->row, MSG_XLSX_ROW_OPEN, s->row);
			return;
		}
		s->in_row = 1;
		s->col = 0;
		row_start(s, attrs);
	} else if (strcmp(name, "c") == 0)
		cell_start(s, attrs);
	else if (!s->in_cell)
		return;
	else if (strcmp(name, "v") == 0)
		s->in_v = 1;
	else if (strcmp(name, "is") == 0)
		s->in_is = 1;
	else if (strcmp(name, "rPh") == 0)
		s->in_rph++;
	else if (strcmp(name, "t") == 0)
		s->in_t = 1;
}

static void
sheet_text(void *ctx, const char *text, size_t len)
{
	struct sheet *s = ctx;

	if (s->stop || !s->in_cell ||
	    !(s->in_v || (s->in_is && s->in_t && !s->in_rph)))
		return;
	if (s->val.len + len > CSV_MAX_FIELD) {
		sheet_fail(s, s->row, MSG_CSV_FIELD_BIG, CSV_MAX_FIELD);
		return;
	}
	sbuf_put(&s->val, text, len);
}

/* The cell's value as the spreadsheet shows it; malloc'd, or NULL. */
static char *
cell_value(struct sheet *s)
{
	const char *v = s->val.s != NULL ? s->val.s : "";
	char       *end;
	unsigned long i;

	if (strcmp(s->type, "s") == 0) {
		i = strtoul(v, &end, 10);
		if (*v < '0' || *v > '9' || *end != '\0' || i >= s->b->nsst) {
			sheet_fail(s, s->row, MSG_XLSX_SST, v);
			return NULL;
		}
		return xstrdup(s->b->sst[i]);
	}
	if (strcmp(s->type, "b") == 0)
		return xstrdup(strcmp(v, "1") == 0 ? "TRUE" :
		    strcmp(v, "0") == 0 ? "FALSE" : v);
	return xstrdup(v);
}

static void
cell_end(struct sheet *s)
{
	char *text;

	s->in_cell = s->in_v = s->in_is = s->in_t = s->in_rph = 0;
	if ((text = cell_value(s)) == NULL)
		return;
	if (text[0] == '\0') {
		free(text);
		return;
	}
	if (s->ncells == s->capcells) {
		s->capcells = s->capcells ? 2 * s->capcells : 16;
		s->cells = xrealloc(s->cells, s->capcells * sizeof(*s->cells));
	}
	s->cells[s->ncells].col = s->col;
	s->cells[s->ncells++].text = text;
}

static void
cells_clear(struct sheet *s)
{
	size_t i;

	for (i = 0; i < s->ncells; i++)
		free(s->cells[i].text);
	s->ncells = 0;
}

/* Column col, row row as "AB12". */
static void
cell_name(int col, long row, char out[16])
{
	char   letters[8];
	size_t n = 0;

	for (; col > 0 && n < sizeof(letters); col = (col - 1) / 26)
		letters[n++] = (char)('A' + (col - 1) % 26);
	for (size_t i = 0; i < n; i++)
		out[i] = letters[n - 1 - i];
	snprintf(out + n, 16 - n, "%ld", row);
}

/* The row's cells as a record of width fields (skipped cells empty). */
static void
table_row(struct sheet *s)
{
	struct csv_record rec;
	size_t            i, w;
	char              ref[16];

	if (s->ncells == 0)
		return;
	if (s->width == 0)
		s->width = (size_t)s->cells[s->ncells - 1].col;
	w = s->width;
	if ((size_t)s->cells[s->ncells - 1].col > w) {
		for (i = 0; (size_t)s->cells[i].col <= w; i++)
			continue;
		cell_name(s->cells[i].col, s->row, ref);
		sheet_fail(s, s->row, MSG_XLSX_BEYOND, ref);
		return;
	}
	rec.n = w;
	rec.line = s->row;
	rec.fields = xcalloc(w, sizeof(*rec.fields));
	for (i = 0; i < w; i++) {
		rec.fields[i].line = s->row;
		rec.fields[i].text = xstrdup("");
	}
	for (i = 0; i < s->ncells; i++) {
		struct csv_field *f = &rec.fields[s->cells[i].col - 1];
		free(f->text);
		f->text = s->cells[i].text;
		f->len = strlen(f->text);
		s->cells[i].text = NULL;
	}
	if (s->fn(s->ctx, &rec) != 0) {
		s->stop = 1;
		xmlsafe_push_stop(s->p);
	}
	for (i = 0; i < w; i++)
		free(rec.fields[i].text);
	free(rec.fields);
}

/* The text of the cell in column col of the current row, or "". */
static const char *
cell_at(const struct sheet *s, int col)
{
	size_t i;

	for (i = 0; i < s->ncells; i++)
		if (s->cells[i].col == col)
			return s->cells[i].text;
	return "";
}

/* An indicator id: digits with at least two dots ("1.1.1"). */
static int
looks_like_id(const char *s)
{
	size_t n = strspn(s, "0123456789.");
	const char *dot;

	return n > 0 && s[n] == '\0' && s[0] != '.' &&
	    (dot = strchr(s, '.')) != NULL && strchr(dot + 1, '.') != NULL;
}

static void
form_add(struct sheet *s, const char *head, const char *value)
{
	size_t hl = strlen(head), vl = strlen(value);

	s->formbytes += hl + vl;
	if (s->formbytes > XLSX_MAX_FORM) {
		sheet_fail(s, s->row, MSG_XLSX_FORM_BIG, XLSX_MAX_FORM);
		return;
	}
	if (s->nform >= CSV_MAX_FIELDS) {
		sheet_fail(s, s->row, MSG_CSV_TOO_MANY, (size_t)CSV_MAX_FIELDS);
		return;
	}
	if (s->nform == s->capform) {
		s->capform = s->capform ? 2 * s->capform : 64;
		s->fh = xrealloc(s->fh, s->capform * sizeof(*s->fh));
		s->fv = xrealloc(s->fv, s->capform * sizeof(*s->fv));
	}
	s->fh[s->nform].text = xstrdup(head);
	s->fh[s->nform].len = hl;
	s->fh[s->nform].line = s->row;
	s->fv[s->nform].text = xstrdup(value);
	s->fv[s->nform].len = vl;
	s->fv[s->nform].line = s->row;
	s->nform++;
	if (s->formline == 0)
		s->formline = s->row;
}

static const char *const form_keys[] = {
	"gemeente", "aanpak", "ronde", "rol", "organisatie"
};

/*
 * A row of the questionnaire: A names a fixed field (its value in C) or
 * an indicator (answer in C, toelichting in D); other rows (title,
 * instructions, themes, the table's header) are text to read.
 */
static void
form_row(struct sheet *s)
{
	const char *key = cell_at(s, 1);
	char       *head;
	size_t      k;

	for (k = 0; k < sizeof(form_keys) / sizeof(form_keys[0]); k++)
		if (strcasecmp(key, form_keys[k]) == 0) {
			form_add(s, form_keys[k], cell_at(s, 3));
			return;
		}
	if (!looks_like_id(key))
		return;
	form_add(s, key, cell_at(s, 3));
	head = xasprintf("%s toelichting", key);
	form_add(s, head, cell_at(s, 4));
	free(head);
}

static void
sheet_end(void *ctx, const char *name)
{
	struct sheet *s = ctx;

	if (s->stop)
		return;
	if (strcmp(name, "c") == 0 && s->in_cell)
		cell_end(s);
	else if (strcmp(name, "row") == 0) {
		s->in_row = 0;
		if (s->form)
			form_row(s);
		else
			table_row(s);
		cells_clear(s);
	} else if (strcmp(name, "v") == 0)
		s->in_v = 0;
	else if (strcmp(name, "is") == 0)
		s->in_is = 0;
	else if (strcmp(name, "t") == 0)
		s->in_t = 0;
	else if (strcmp(name, "rPh") == 0 && s->in_rph > 0)
		s->in_rph--;
}

/* The form as one header record and one respondent. */
static void
form_emit(struct sheet *s)
{
	struct csv_record rec;

	if (s->nform == 0)
		return;
	rec.n = s->nform;
	rec.line = s->formline;
	rec.fields = s->fh;
	if (s->fn(s->ctx, &rec) != 0)
		return;
	rec.fields = s->fv;
	s->fn(s->ctx, &rec);
}

static void
sheet_free(struct sheet *s)
{
	size_t i;

	cells_clear(s);
	free(s->cells);
	free(s->val.s);
	for (i = 0; i < s->nform; i++) {
		free(s->fh[i].text);
		free(s->fv[i].text);
	}
	free(s->fh);
	free(s->fv);
}

int
xlsx_read(const char *name, const void *data, size_t len, xlsx_record_fn fn,
    void *ctx, struct diags *d)
{
	struct book        b;
	struct sheet       s;
	struct xmlsafe_sax h = { sheet_start, sheet_end, sheet_text, NULL };
	char              *entry = NULL, *sheet_name = NULL;
	size_t             i;
	int                rc;

	memset(&b, 0, sizeof(b));
	memset(&s, 0, sizeof(s));
	b.name = name;
	b.d = d;
	if (book_open(&b, data, len) == -1 ||
	    book_index(&b, &entry, &sheet_name, &s.form) == -1)
		goto out;
	s.b = &b;
	s.fn = fn;
	s.ctx = ctx;
	s.sheet_name = sheet_name;
	h.ctx = &s;
	rc = book_part(&b, entry, &h, &s.p);
	if (rc == 1)
		book_error(&b, 0, MSG_XLSX_MISSING, entry);
	if (rc == 0 && !s.stop && s.form)
		form_emit(&s);
	sheet_free(&s);
out:
	free(entry);
	free(sheet_name);
	for (i = 0; i < b.nsst; i++)
		free(b.sst[i]);
	free(b.sst);
	if (b.z != NULL)
		zip_discard(b.z);
	return b.errors;
}
