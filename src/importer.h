/*
 * importer: one import of respondents' files and dossiers into the store,
 * in one transaction, as "stj import" and the web's Importeren page both
 * make it. Every file is read and stored, and only when nothing at all
 * went wrong is it committed; a dry run does the same work and rolls
 * back, so what it reports is exactly what the import would store.
 *
 * Owns: the import's transaction, its report (what was read, per file)
 * and the refusal when anything failed. Never prints: the CLI prints the
 * report and the diagnostics, the web renders them.
 */
#ifndef STJ_IMPORTER_H
#define STJ_IMPORTER_H

#include <stddef.h>

#include "diag.h"
#include "framework.h"

struct store;
struct actor;
struct mapfile;

/* One file: read from path ("-": standard input), or bytes in memory. */
struct importer_file {
	const char          *path;   /* NULL: data */
	const char          *name;   /* data's name in diagnostics */
	const unsigned char *data;
	size_t               len;
};

struct importer_opts {
	const struct framework_set *set;
	const char                 *datadir;    /* the XSDs live under here */
	const struct framework     *csv_framework;  /* CSV files' */
	const char                 *at;         /* the clock: rounds' stamp */
	int                         replace;    /* a stored respondent */
	int                         dry_run;    /* check, report, roll back */
	/* -- step 10: actor -- */
	const struct actor         *actor;      /* who imports: required */
	/* -- step 14: mapping file -- */
	const struct mapfile       *mapping;    /* CSV/xlsx columns; NULL */
};

/* One respondent or dossier the import read. */
struct importer_item {
	size_t  file;           /* index into the files */
	int     dossier;        /* 1: a dossier, else a respondent */
	char   *municipality;
	int     round;
	char   *approach;       /* a respondent's */
	int     role;           /* enum role; a respondent's */
	char   *organisation;
	size_t  answered, asked;
	char   *unanswered;     /* "1.1.1, 2.3.1"; NULL: all answered */
	size_t  napproaches;    /* a dossier's */
	/* -- step 12: mapping -- */
	size_t  explained;      /* answers with a toelichting */
};

/* -- step 12: mapping -- what one CSV column meant. */
struct importer_column {
	size_t  file;           /* index into the files */
	size_t  col;            /* 1-based */
	char   *header;
	char   *meaning;        /* "answer 1.1.1", "ignored: why" */
};

/* What an import read; counts of distinct names as stored by keys. */
struct importer_report {
	struct importer_item *v;
	size_t                n;
	struct importer_column *cols;   /* -- step 12: mapping -- */
	size_t                ncols;
	size_t                respondents, answers, dossiers;
	size_t                municipalities, rounds, approaches;
};

/*
 * Imports files[0..n) into s (opened for writing) in one transaction,
 * filling rep (zeroed here; importer_report_free after, also on
 * failure: a dry run reports what it read before the error). Returns 0
 * when committed (or, for a dry run, when it would be), else -1 with
 * every problem as a diagnostic and MSG_IMPORT_NOTHING last; then nothing
 * is stored. A round that is vastgesteld refuses answers and dossiers.
 * o->actor must be allowed ACT_IMPORT on every round read, as stored
 * after the files are (actor.h): a gemeente into its own
 * zelfevaluatie only; a lezer or beheerder never (refused before any
 * file is read).
 */
int importer_run(struct store *s, const struct importer_opts *o,
    const struct importer_file *files, size_t n, struct importer_report *rep,
    struct diags *d);
void importer_report_free(struct importer_report *rep);

#endif
