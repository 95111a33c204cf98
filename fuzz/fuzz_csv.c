/*
 * fuzz_csv: the CSV reader (src/csv.c) on arbitrary bytes.
 *
 * Reads the input with csv_open_head/csv_next until the end or an error
 * (its first third as the head, the rest through fmemopen()), and checks
 * what the reader promises in csv.h:
 *   - every field is NUL-terminated, len == strlen, valid UTF-8 without
 *     NUL bytes or CR; lines never go backwards; at most CSV_MAX_FIELDS
 *     fields;
 *   - the delimiter is ',' or ';';
 *   - round trip: the records read, written back with every field quoted,
 *     read back as the same records and end cleanly;
 *   - utf8_valid() agrees with an independent validator (Unicode 15,
 *     table 3-7) on the raw input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "fuzz_common.h"

/* Well-formed UTF-8 per the Unicode standard, table 3-7; NUL refused. */
static int
ref_utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0, k, need;
	unsigned char lo, hi;

	while (i < n) {
		unsigned char c = s[i];
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		lo = 0x80;
		hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf)
			need = 1;
		else if (c == 0xe0) {
			need = 2;
			lo = 0xa0;
		} else if (c == 0xed) {
			need = 2;
			hi = 0x9f;
		} else if (c >= 0xe1 && c <= 0xef)
			need = 2;
		else if (c == 0xf0) {
			need = 3;
			lo = 0x90;
		} else if (c == 0xf4) {
			need = 3;
			hi = 0x8f;
		} else if (c >= 0xf1 && c <= 0xf3)
			need = 3;
		else
			return 0;
		if (n - i <= need)
			return 0;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (k = 2; k <= need; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xbf)
				return 0;
		i += need + 1;
	}
	return 1;
}

/* A deep copy of the records read, for the round trip. */
struct copy {
	char  ***rec;    /* rec[i][j]: field j of record i */
	size_t  *nf;     /* fields per record */
	size_t **flen;   /* flen[i][j]: length of field j of record i */
	size_t   n, cap;
};

static void
copy_add(struct copy *c, const struct csv_record *r)
{
	size_t j;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->rec = xrealloc(c->rec, c->cap * sizeof(*c->rec));
		c->nf = xrealloc(c->nf, c->cap * sizeof(*c->nf));
		c->flen = xrealloc(c->flen, c->cap * sizeof(*c->flen));
	}
	c->rec[c->n] = xcalloc(r->n, sizeof(char *));
	c->flen[c->n] = xcalloc(r->n, sizeof(size_t));
	c->nf[c->n] = r->n;
	for (j = 0; j < r->n; j++) {
		c->rec[c->n][j] = xmalloc(r->fields[j].len + 1);
		memcpy(c->rec[c->n][j], r->fields[j].text,
		    r->fields[j].len + 1);
		c->flen[c->n][j] = r->fields[j].len;
	}
	c->n++;
}

static void
copy_free(struct copy *c)
{
	size_t i, j;

	for (i = 0; i < c->n; i++) {
		for (j = 0; j < c->nf[i]; j++)
			free(c->rec[i][j]);
		free(c->rec[i]);
		free(c->flen[i]);
	}
	free(c->rec);
	free(c->nf);
	free(c->flen);
	memset(c, 0, sizeof(*c));
}

/*
 * Checks one record against csv.h. No field holds a CR: CRLF and a lone
 * CR inside quotes read as LF, so every record can round-trip.
 */
static void
check_record(const struct csv_record *rec, long *last_line)
{
	size_t j;

	FUZZ_CHECK(rec->n >= 1 && rec->n <= CSV_MAX_FIELDS);
	FUZZ_CHECK(rec->line >= *last_line);
	for (j = 0; j < rec->n; j++) {
		const struct csv_field *f = &rec->fields[j];
		FUZZ_CHECK(f->text != NULL);
		FUZZ_CHECK(strlen(f->text) == f->len);
		FUZZ_CHECK(f->len <= CSV_MAX_FIELD);
		FUZZ_CHECK(utf8_valid(f->text, f->len));
		FUZZ_CHECK(ref_utf8_valid((const unsigned char *)f->text,
		    f->len));
		FUZZ_CHECK(f->line >= rec->line);
		FUZZ_CHECK(j == 0 || f->line >= rec->fields[j - 1].line);
		FUZZ_CHECK(memchr(f->text, '\r', f->len) == NULL);
	}
	*last_line = rec->fields[rec->n - 1].line;
}

/* Every field quoted, quotes doubled, records ended by CRLF. */
static char *
encode(const struct copy *c, char delim, size_t *len)
{
	size_t i, j, k, n = 0, cap = 64;
	char  *out = xmalloc(cap);

#define PUT(ch) do {                                                       \
	if (n + 1 >= cap) {                                                \
		cap *= 2;                                                  \
		out = xrealloc(out, cap);                                  \
	}                                                                  \
	out[n++] = (ch);                                                   \
} while (0)
	for (i = 0; i < c->n; i++) {
		for (j = 0; j < c->nf[i]; j++) {
			if (j > 0)
				PUT(delim);
			PUT('"');
			for (k = 0; k < c->flen[i][j]; k++) {
				if (c->rec[i][j][k] == '"')
					PUT('"');
				PUT(c->rec[i][j][k]);
			}
			PUT('"');
		}
		PUT('\r');
		PUT('\n');
	}
#undef PUT
	*len = n;
	return out;
}

static FILE *
open_mem(const uint8_t *data, size_t size)
{
	/* glibc's fmemopen refuses size 0 on older versions: use /dev/null. */
	if (size == 0)
		return fopen("/dev/null", "rb");
	return fmemopen((void *)data, size, "rb");
}

static void
round_trip(const struct copy *c, char delim)
{
	struct csv_reader *rd;
	struct csv_record  rec;
	struct diags       d;
	char              *buf;
	size_t             len, i, j;
	FILE              *f;
	int                rc;

	buf = encode(c, delim, &len);
	f = open_mem((const uint8_t *)buf, len);
	FUZZ_CHECK(f != NULL);
	diags_init(&d);
	rd = csv_open(f, "roundtrip");
	for (i = 0; (rc = csv_next(rd, &rec, &d)) == 1; i++) {
		if (i == 0 && csv_delimiter(rd) != delim)
			goto out;  /* detection differs: nothing to compare */
		FUZZ_CHECK(i < c->n);
		FUZZ_CHECK(rec.n == c->nf[i]);
		for (j = 0; j < rec.n; j++) {
			FUZZ_CHECK(rec.fields[j].len == c->flen[i][j]);
			FUZZ_CHECK(memcmp(rec.fields[j].text, c->rec[i][j],
			    c->flen[i][j]) == 0);
		}
	}
	if (rc != 0)
		fuzz_expect_no_diags(&d, "round trip");
	FUZZ_CHECK(rc == 0);
	FUZZ_CHECK(i == c->n);
out:
	csv_close(rd);
	fclose(f);
	diags_free(&d);
	free(buf);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_tmp_init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader *rd;
	struct csv_record  rec;
	struct diags       d;
	struct copy        c;
	long               last = 1;
	size_t             head;
	int                rc;
	char               delim = 0;
	FILE              *f;

	FUZZ_CHECK(utf8_valid((const char *)data, size) ==
	    ref_utf8_valid(data, size));

	/*
	 * The first third is handed over as bytes already read (as ingest
	 * does with the head it sniffed), the rest comes from the stream.
	 */
	head = size / 3;
	if ((f = open_mem(data + head, size - head)) == NULL)
		return 0;
	memset(&c, 0, sizeof(c));
	diags_init(&d);
	rd = csv_open_head(f, data, head, "fuzz.csv");
	while ((rc = csv_next(rd, &rec, &d)) == 1) {
		check_record(&rec, &last);
		delim = csv_delimiter(rd);
		FUZZ_CHECK(delim == ',' || delim == ';');
		copy_add(&c, &rec);
	}
	FUZZ_CHECK(rc == 0 || rc == -1);
	/* -1 comes with a diagnostic, 0 without. */
	FUZZ_CHECK(rc == 0 ? d.n == 0 : d.n > 0);
	/* After the end, the reader stays at the end (or the error). */
	if (rc == 0)
		FUZZ_CHECK(csv_next(rd, &rec, &d) == 0);
	csv_close(rd);
	fclose(f);
	fuzz_diags_done(&d);

	if (c.n > 0)
		round_trip(&c, delim);
	copy_free(&c);
	return 0;
}
