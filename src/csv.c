/*
 * csv: streaming RFC 4180 reader. See csv.h.
 */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct csv_reader {
	FILE             *f;         /* NULL: the head is all there is */
	const char       *name;
	/* Bytes the caller read before us (borrowed), read before f. */
	const unsigned char *head;
	size_t            headlen, headpos;
	long              line;      /* current physical line */
	char              delim;     /* 0 until detected */
	int               started;   /* BOM and delimiter handled */
	int               pushback;  /* one byte of lookahead */
	/* The first record, read ahead for the delimiter, replayed first. */
	unsigned char    *pre;
	size_t            prelen, prepos;
	/* Field storage, reused between records. */
	char             *buf;
	size_t            len, cap;
	size_t           *starts;    /* offsets of fields in buf */
	long             *lines;
	size_t            nfields, capfields;
	struct csv_field *fields;
	size_t            capout;
};

enum { NO_PUSHBACK = -2 };

struct csv_reader *
csv_open_head(FILE *f, const void *head, size_t n, const char *name)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));

	r->f = f;
	r->name = name;
	r->head = head;
	r->headlen = n;
	r->line = 1;
	r->pushback = NO_PUSHBACK;
	return r;
}

struct csv_reader *
csv_open(FILE *f, const char *name)
{
	return csv_open_head(f, NULL, 0, name);
}

void
csv_close(struct csv_reader *r)
{
	if (r == NULL)
		return;
	free(r->pre);
	free(r->buf);
	free(r->starts);
	free(r->lines);
	free(r->fields);
	free(r);
}

char
csv_delimiter(const struct csv_reader *r)
{
	return r->delim;
}

/*
 * The next byte of the input itself: the caller's head, then the stream.
 * Nothing is ever put back into the stream, so a pipe reads as a file.
 */
static int
raw(struct csv_reader *r)
{
	if (r->headpos < r->headlen)
		return r->head[r->headpos++];
	/* One reader per stream: no stdio lock per byte. */
	return r->f != NULL ? getc_unlocked(r->f) : EOF;
}

static int
get(struct csv_reader *r)
{
	int c;

	if (r->pushback != NO_PUSHBACK) {
		c = r->pushback;
		r->pushback = NO_PUSHBACK;
		return c;
	}
	if (r->prepos < r->prelen)
		return r->pre[r->prepos++];
	return raw(r);
}

static void
unget(struct csv_reader *r, int c)
{
	r->pushback = c;
}

int
utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	while (p < end) {
		unsigned c = *p, need, min, cp, i;
		if (c == 0)
			return 0;
		if (c < 0x80) {
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1; min = 0x80; cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2; min = 0x800; cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3; min = 0x10000; cp = c & 0x07;
		} else
			return 0;
		if ((size_t)(end - p) <= need)
			return 0;
		for (i = 1; i <= need; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		p += need + 1;
	}
	return 1;
}

/*
 * Skips a UTF-8 BOM, then reads the first record (up to a line break
 * outside quotes -- LF, CRLF or a lone CR --, at most CSV_MAX_FIELD
 * bytes) into r->pre and picks the delimiter: ';' or ',', whichever occurs
 * more often outside quotes, ';' on a tie (Dutch Excel writes ';'). The
 * bytes are then replayed. Stopping only at LF read the whole of a file
 * with CR-only line endings, and the commas in its toelichtingen won.
 */
static void
start(struct csv_reader *r)
{
	static const unsigned char bom[3] = { 0xef, 0xbb, 0xbf };
	size_t cap = 4096, n = 0, semi = 0, comma = 0;
	int    c, quoted = 0;

	r->pre = xmalloc(cap);
	while ((c = raw(r)) != EOF) {
		if (n == cap) {
			cap *= 2;
			r->pre = xrealloc(r->pre, cap);
		}
		r->pre[n++] = (unsigned char)c;
		if (n <= 3 && c == bom[n - 1])
			continue;
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && c == ';')
			semi++;
		else if (!quoted && c == ',')
			comma++;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		if (n > CSV_MAX_FIELD)
			break;
	}
	r->prelen = n;
	if (n >= 3 && memcmp(r->pre, bom, 3) == 0)
		r->prepos = 3;
	r->delim = comma > semi ? ',' : ';';
	r->started = 1;
}

static void
put(struct csv_reader *r, int c)
{
	if (r->len + 1 >= r->cap) {
		r->cap = r->cap ? r->cap * 2 : 4096;
		r->buf = xrealloc(r->buf, r->cap);
	}
	r->buf[r->len++] = (char)c;
}

static int
too_big(struct csv_reader *r, size_t from, long line, struct diags *d)
{
	if (r->len - from <= CSV_MAX_FIELD)
		return 0;
	diags_add(d, r->name, line, MSG_CSV_FIELD_BIG, (size_t)CSV_MAX_FIELD);
	return 1;
}

static int
end_field(struct csv_reader *r, size_t from, long line, struct diags *d)
{
	/*
	 * An empty first field comes before any byte is stored, with r->buf
	 * still NULL: NULL + 0 and memchr(NULL, ...) are undefined behaviour
	 * (UBSan, found by fuzz/fuzz_csv). An empty field needs no check.
	 */
	if (r->len > from &&
	    memchr(r->buf + from, '\0', r->len - from) != NULL) {
		diags_add(d, r->name, line, MSG_CSV_NUL);
		return -1;
	}
	if (r->len > from && !utf8_valid(r->buf + from, r->len - from)) {
		diags_add(d, r->name, line, MSG_CSV_UTF8);
		return -1;
	}
	put(r, '\0');
	if (r->nfields >= CSV_MAX_FIELDS) {
		diags_add(d, r->name, line, MSG_CSV_TOO_MANY,
		    (size_t)CSV_MAX_FIELDS);
		return -1;
	}
	if (r->nfields == r->capfields) {
		r->capfields = r->capfields ? r->capfields * 2 : 64;
		r->starts = xrealloc(r->starts,
		    r->capfields * sizeof(*r->starts));
		r->lines = xrealloc(r->lines, r->capfields * sizeof(*r->lines));
	}
	r->starts[r->nfields] = from;
	r->lines[r->nfields++] = line;
	return 0;
}

/* A quoted field's body, after the opening quote, up to the closing one. */
static int
read_quoted(struct csv_reader *r, size_t from, long line, struct diags *d)
{
	int c;

	for (;;) {
		if ((c = get(r)) == EOF) {
			diags_add(d, r->name, line, MSG_CSV_UNTERMINATED);
			return -1;
		}
		if (c == '"' && (c = get(r)) != '"') {
			unget(r, c);
			return 0;
		}
		if (c == '\r') {
			/*
			 * CRLF, or a lone CR as in a file with CR-only line
			 * endings, inside a quoted cell is one line break.
			 */
			if ((c = get(r)) != '\n')
				unget(r, c);
			c = '\n';
		}
		if (c == '\n')
			r->line++;
		put(r, c);
		if (too_big(r, from, line, d))
			return -1;
	}
}

/* An unquoted field; returns the byte that ended it. */
static int
read_plain(struct csv_reader *r, int c, size_t from, long line,
    struct diags *d)
{
	while (c != EOF && c != '\n' && c != '\r' && c != r->delim) {
		if (c == '"') {
			diags_add(d, r->name, r->line, MSG_CSV_STRAY_QUOTE);
			return -2;
		}
		put(r, c);
		if (too_big(r, from, line, d))
			return -2;
		c = get(r);
	}
	return c;
}

/* Points rec at the fields just read. */
static void
publish(struct csv_reader *r, struct csv_record *rec)
{
	size_t i;

	if (r->nfields > r->capout) {
		r->capout = r->capfields;
		r->fields = xrealloc(r->fields, r->capout * sizeof(*r->fields));
	}
	for (i = 0; i < r->nfields; i++) {
		r->fields[i].text = r->buf + r->starts[i];
		r->fields[i].len = strlen(r->fields[i].text);
		r->fields[i].line = r->lines[i];
	}
	rec->fields = r->fields;
	rec->n = r->nfields;
}

int
csv_next(struct csv_reader *r, struct csv_record *rec, struct diags *d)
{
	size_t from;
	long   fline;
	int    c;

	if (!r->started)
		start(r);
	r->len = 0;
	r->nfields = 0;
	rec->line = r->line;
	rec->n = 0;
	if ((c = get(r)) == EOF)
		return 0;
	for (;;) {
		from = r->len;
		fline = r->line;
		if (c == '"') {
			if (read_quoted(r, from, fline, d) == -1)
				return -1;
			c = get(r);
			if (c != EOF && c != '\n' && c != '\r' && c != r->delim) {
				diags_add(d, r->name, r->line,
				    MSG_CSV_STRAY_QUOTE);
				return -1;
			}
		} else if ((c = read_plain(r, c, from, fline, d)) == -2)
			return -1;
		if (end_field(r, from, fline, d) == -1)
			return -1;
		if (c == '\r' && (c = get(r)) != '\n') {
			unget(r, c);
			c = '\n';
		}
		if (c == '\n' || c == EOF)
			break;
		c = get(r);
	}
	if (c == '\n')
		r->line++;
	publish(r, rec);
	return 1;
}
