/*
 * store: the SQLite database.
 *
 * Owns: the connection, the schema and its migrations, and every SQL
 * statement the tool runs (all prepared, all parameters bound). Other
 * modules hand it plain structs and never see sqlite3 types.
 */
#ifndef STJ_STORE_H
#define STJ_STORE_H

#include "diag.h"
#include "response.h"

struct store;

/* Schema version this build creates and expects. */
#define STORE_SCHEMA_VERSION 1

/*
 * Opens (creating when absent) the database at path, in WAL mode with a
 * busy timeout, and brings its schema to STORE_SCHEMA_VERSION. NULL with a
 * diagnostic on failure, including a database made by a newer stj.
 */
struct store *store_open(const char *path, struct diags *d);
void store_close(struct store *s);
/* The schema version recorded in the database. */
int store_schema_version(struct store *s);

/*
 * One transaction around a whole command: an import either stores every
 * file or nothing. store_rollback() after any error.
 */
int store_begin(struct store *s, struct diags *d);
int store_commit(struct store *s, struct diags *d);
void store_rollback(struct store *s);

/*
 * Stores one respondent's answers, creating municipality, round and
 * approach as needed. Refused (diagnostic at r->file:r->line): a round
 * already on another framework version, a respondent already stored
 * (unless replace: then its answers are replaced and that is recorded),
 * a second gemeente or a fourth netwerkpartner for the approach.
 */
int store_put_response(struct store *s, const struct response *r,
    int replace, struct diags *d);
/* Stores a dossier: context, descriptions, partner lists (replacing). */
int store_put_dossier(struct store *s, const struct dossier *x,
    struct diags *d);

struct store_status_row {
	const char *municipality;
	int         round;
	const char *framework, *version;
	const char *approach;
	const char *role;          /* NULL: approach without respondents */
	const char *organisation;
	int         answered;      /* questions with an answer */
};

/* Calls row for every respondent (of municipality, or all when NULL). */
int store_status(struct store *s, const char *municipality,
    void (*row)(void *, const struct store_status_row *), void *ctx,
    struct diags *d);

/*
 * The round of municipality: *round, or the latest when *round is 0
 * (then set). Its framework id and version are returned in new memory.
 */
int store_find_round(struct store *s, const char *municipality, int *round,
    char **framework, char **version, struct diags *d);

struct store_answer_row {
	const char *approach;
	const char *indicator;     /* NULL: approach without answers */
	const char *role;
	const char *value;         /* answer code; NULL: not answered */
};

/* Every answer of a municipality's round, by approach (in import order). */
int store_answers(struct store *s, const char *municipality, int round,
    void (*row)(void *, const struct store_answer_row *), void *ctx,
    struct diags *d);

#endif
