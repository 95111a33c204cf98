/*
 * ingest: reading filled-in responses (response XML, survey CSV).
 *
 * Owns: turning respondents' files into validated answer records, and the
 * spelling rules for answers as people and survey tools write them. It
 * checks everything against the framework and hands clean records to
 * store; it never touches the database itself.
 */
#ifndef STJ_INGEST_H
#define STJ_INGEST_H

#include "diag.h"
#include "framework.h"
#include "mapfile.h"
#include "response.h"

/*
 * Parses an answer as written in a response: "ja", "deels", "nee",
 * "weet niet", "n.v.t." or "nvt", in any case, with surrounding white
 * space. An empty (or all white space) text is ANSWER_NONE, "not
 * answered". Returns ANSWER__COUNT when the text is no answer.
 */
enum answer ingest_parse_answer(const char *text);

/* Where ingest hands each record; a non-zero return stops the file. */
struct ingest_sink {
	int  (*response)(void *ctx, const struct response *r);
	int  (*dossier)(void *ctx, const struct dossier *x);
	void  *ctx;
	/* -- step 12: mapping -- */
	/*
	 * What column col (1-based) of a CSV header means: "gemeente",
	 * "answer 1.1.1", "toelichting 1.1.1" or "ignored: why". NULL: the
	 * caller does not ask (the dry run lists every column).
	 */
	void (*column)(void *ctx, size_t col, const char *header,
	    const char *meaning);
};

/*
 * The respondents one import has read, each with its file and line: the
 * same respondent twice in one import is an error naming both lines.
 */
struct ingest_seen;

struct ingest_seen *ingest_seen_new(void);
/* ingest_seen_free(NULL) is a no-op. */
void ingest_seen_free(struct ingest_seen *s);

struct ingest_opts {
	const struct framework_set *frameworks;  /* for XML kader/versie */
	const struct framework     *csv_framework;
	const char                 *response_xsd;
	const char                 *dossier_xsd;
	struct ingest_seen         *seen;        /* NULL: not checked */
	/* -- step 14: mapping file -- */
	const struct mapfile       *mapping;     /* NULL: none */
	/*
	 * Not NULL: nothing is checked or handed on; the header's columns
	 * as recognised and the answer columns' cells go here instead.
	 */
	struct map_suggest         *suggest;
};

/* The name standard input ("-") has in diagnostics and sources. */
#define INGEST_STDIN_NAME "<stdin>"

/* path as diagnostics name it: INGEST_STDIN_NAME for "-". */
const char *ingest_name(const char *path);

/*
 * Reads one file, or standard input for "-", CSV or XML (detected from
 * the first byte), checks every record against the framework and hands
 * the good ones to sink. The input is read once, front to back, so a pipe
 * works. UTF-8 (with or without BOM) and UTF-16 with a BOM are read;
 * any other encoding is refused. Every problem is appended to d as
 * "file:line: message" and reading goes on where it can, so one run lists
 * them all. Returns the number of errors.
 */
int ingest_file(const char *path, const struct ingest_opts *o,
    const struct ingest_sink *sink, struct diags *d);
/*
 * The same for len bytes at data (a file uploaded to the web), called
 * name in diagnostics: read exactly as a file of those bytes would be.
 */
int ingest_memory(const char *name, const unsigned char *data, size_t len,
    const struct ingest_opts *o, const struct ingest_sink *sink,
    struct diags *d);

/* -- step 10: invitations -- */
/*
 * Checks one answer given outside a file (the online questionnaire) by
 * the rules the CSV and XML readers apply: a known indicator of fw, an
 * answer as ingest_parse_answer() reads it, asked of role, a toelichting
 * of at most CSV_MAX_FIELD bytes without control characters (line breaks
 * and tabs allowed; blank: none). Fills out (toelichting borrowed).
 * -1 after a diagnostic at file:line.
 */
int ingest_answer(const struct framework *fw, enum role role,
    const char *indicator, const char *value, const char *toelichting,
    const char *file, long line, struct response_answer *out,
    struct diags *d);

#endif
