/*
 * cli: what the command files share. The CLI only parses arguments,
 * calls the stages and prints their diagnostics; it holds no logic of
 * its own. Exit codes: 0 success, 1 an input or database error, 2 a
 * usage error.
 */
#ifndef STJ_CLI_H
#define STJ_CLI_H

#include <stddef.h>

#include "diag.h"
#include "framework.h"
#include "render.h"

enum { EXIT_OK = 0, EXIT_ERROR = 1, EXIT_USAGE = 2 };

struct cli {
	const char  *db;          /* --db, $STJ_DB or "stj.db" */
	char        *datadir;     /* framework/ and templates/ live here */
	char        *xsd;         /* the framework schema */
	char       **fwdirs;      /* where frameworks are looked for */
	size_t       nfwdirs;
};

/* Prints d to stderr and empties it. */
void cli_flush(struct diags *d);
/* "stj: " + message on stderr, for usage errors; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Parses --format text|tsv; -1 when unknown. */
int cli_parse_format(const char *s, enum render_format *out);
/*
 * Loads the installed frameworks into set; diagnostics of files that do
 * not load are printed. Returns 0, or -1 when any file failed.
 */
int cli_load_frameworks(const struct cli *cli, struct framework_set *set);

/* The framework used when none is named. */
#define CLI_DEFAULT_FRAMEWORK "stj-ggsr"

int cmd_framework(const struct cli *cli, int argc, char **argv);
int cmd_import(const struct cli *cli, int argc, char **argv);
int cmd_status(const struct cli *cli, int argc, char **argv);
int cmd_questionnaire(const struct cli *cli, int argc, char **argv);
int cmd_verdicts(const struct cli *cli, int argc, char **argv);

#endif
