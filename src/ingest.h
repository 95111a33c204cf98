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
};

struct ingest_opts {
	const struct framework_set *frameworks;  /* for XML kader/versie */
	const struct framework     *csv_framework;
	const char                 *response_xsd;
	const char                 *dossier_xsd;
};

/*
 * Reads one file, CSV or XML (detected from the first byte), checks every
 * record against the framework and hands the good ones to sink. Every
 * problem is appended to d as "file:line: message" and reading goes on
 * where it can, so one run lists them all. Returns the number of errors.
 */
int ingest_file(const char *path, const struct ingest_opts *o,
    const struct ingest_sink *sink, struct diags *d);

#endif
