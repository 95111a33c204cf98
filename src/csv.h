/*
 * csv: a streaming RFC 4180 reader, part of the ingest stage.
 *
 * Owns: splitting a byte stream into records of fields, with the physical
 * line each field starts on. Handles a UTF-8 BOM, LF, CRLF or CR line
 * endings (a line break inside a quoted field reads as LF), ',' or ';'
 * (detected from the first record, outside quotes), quoted fields with
 * doubled quotes and embedded newlines. Refuses, with the line: invalid
 * UTF-8, NUL bytes, stray quotes, unterminated quotes, oversized fields
 * and records with too many fields.
 *
 * Why our own and not Debian's libcsv: libcsv has had no release since
 * 2013 and does not handle a BOM; we also need the physical line of every
 * field for "file:line:" messages and hard limits against hostile input.
 * This state machine is ~200 lines and is fuzzed (make fuzz).
 */
#ifndef STJ_CSV_H
#define STJ_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* Limits against hostile input; a survey export is far below them. */
#define CSV_MAX_FIELD   ((size_t)1024 * 1024)
#define CSV_MAX_FIELDS  4096

struct csv_field {
	char  *text;   /* NUL-terminated, valid UTF-8 */
	size_t len;
	long   line;   /* physical line the field starts on */
};

struct csv_record {
	struct csv_field *fields;
	size_t            n;
	long              line;  /* physical line the record starts on */
};

struct csv_reader;

/* Reads from f (not closed); name is used in diagnostics. */
struct csv_reader *csv_open(FILE *f, const char *name);
/*
 * Reads the n bytes at head first (borrowed: valid until csv_close), then
 * f (NULL: nothing more). For input the caller has read into already, as
 * a pipe cannot be rewound.
 */
struct csv_reader *csv_open_head(FILE *f, const void *head, size_t n,
    const char *name);
void csv_close(struct csv_reader *r);
/*
 * Next record into rec (valid until the next call). Returns 1 for a
 * record, 0 at end of input, -1 after appending a diagnostic (the reader
 * cannot continue).
 */
int csv_next(struct csv_reader *r, struct csv_record *rec, struct diags *d);
/* The delimiter in use (',' or ';'); known after the first record. */
char csv_delimiter(const struct csv_reader *r);
/* 1 when s[0..len) is valid UTF-8 without NUL bytes or overlongs. */
int utf8_valid(const char *s, size_t len);

#endif
