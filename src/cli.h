/*
 * cli: what the command files share. The CLI only parses arguments,
 * calls the stages and prints their diagnostics; it holds no logic of
 * its own. Exit codes: 0 success, 1 an input or database error, 2 a
 * usage error.
 */
#ifndef STJ_CLI_H
#define STJ_CLI_H

#include <stddef.h>

#include "access.h"
#include "assess.h"
#include "diag.h"
#include "framework.h"
#include "pdf.h"
#include "render.h"
#include "store.h"

enum { EXIT_OK = 0, EXIT_ERROR = 1, EXIT_USAGE = 2 };

struct cli {
	const char  *db;          /* --db, $STJ_DB or "stj.db" */
	char        *datadir;     /* framework/ and templates/ live here */
	char        *xsd;         /* the framework schema */
	char       **fwdirs;      /* where frameworks are looked for */
	size_t       nfwdirs;
	struct pdf_config pdf;    /* $STJ_FONT_DIR, $SOURCE_DATE_EPOCH */
};

/* Prints d to stderr and empties it. */
void cli_flush(struct diags *d);
/* "stj: " + message on stderr, for usage errors; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/*
 * Now as ISO 8601 UTC, for the audit log and a round's "last changed"
 * (both record when something happened): always the real clock.
 * $SOURCE_DATE_EPOCH does not move it (it pins dates inside output files
 * only); $STJ_TEST_NOW, for the test suite, does. Never fails.
 */
void cli_timestamp(char out[32]);
/* ops_text_check() of option opt's value s; EXIT_USAGE after the error. */
int cli_text_arg(const char *cmd, const char *opt, const char *s,
    int multiline);
/* Message id of the table as a usage error of cmd; returns EXIT_USAGE. */
int cli_usage_msg(const char *cmd, enum msg id, ...);
/* "V", "X" or "-" for √, V, v, X, x or -; NULL for anything else. */
const char *cli_parse_verdict(const char *s);
/*
 * The local inspecteur (step 10: actor): the shell user who owns the
 * database file acts as an inspecteur named who (--inspector or $USER;
 * NULL or empty: "onbekend") into *a.
 */
void cli_actor_inspector(struct actor *a, const char *who);
/* $STJ_TEST_ACTOR ("ROLE:NAME[:MUNICIPALITY]", tests only) into *a. */
void cli_test_actor(struct actor *a);
/*
 * Completes an inspector's change: its actor, the local inspecteur who
 * (cli_actor_inspector() into *a, which must outlive c), and when. The reason is required and, like who, one line of plain text
 * (a line break would forge lines in 'stj history'); a finding and LET OP
 * may hold line breaks but no other control characters. Returns 0, or
 * EXIT_USAGE after printing the usage error of cmd ("override ").
 */
int cli_change_begin(struct store_change *c, struct actor *a,
    const char *who, char at[32], const char *cmd);
/* A round (year 2000-2100); -1 when s is none. */
int cli_parse_round(const char *s, int *out);
/* Parses --format text|tsv; -1 when unknown. */
int cli_parse_format(const char *s, enum render_format *out);
/*
 * Loads the installed frameworks into set; diagnostics of files that do
 * not load are printed. Returns 0, or -1 when any file failed.
 */
int cli_load_frameworks(const struct cli *cli, struct framework_set *set);

struct phrases;

/* The phrase book of drafted findings (templates/findings-nl.xml). */
struct phrases *cli_phrases_load(const struct cli *cli, struct diags *d);

/*
 * The framework used when none is named (import, round new, questionnaire,
 * framework show). A version, not the newest: a second installed version
 * (stj-ggsr@2015) must not move the bundled 2013 examples, the committed
 * questionnaires or an import into a 2013 round onto it (issue 18).
 */
#define CLI_DEFAULT_FRAMEWORK "stj-ggsr@2013"

int cmd_framework(const struct cli *cli, int argc, char **argv);
int cmd_import(const struct cli *cli, int argc, char **argv);
int cmd_status(const struct cli *cli, int argc, char **argv);
int cmd_questionnaire(const struct cli *cli, int argc, char **argv);
int cmd_verdicts(const struct cli *cli, int argc, char **argv);
int cmd_override(const struct cli *cli, int argc, char **argv);
int cmd_history(const struct cli *cli, int argc, char **argv);
int cmd_conclusion(const struct cli *cli, int argc, char **argv);
int cmd_merge(const struct cli *cli, int argc, char **argv);
int cmd_state(const struct cli *cli, int argc, char **argv);
int cmd_dossier(const struct cli *cli, int argc, char **argv);
int cmd_factsheet(const struct cli *cli, int argc, char **argv);
int cmd_round(const struct cli *cli, int argc, char **argv);
int cmd_progress(const struct cli *cli, int argc, char **argv);
int cmd_serve(const struct cli *cli, int argc, char **argv);
/* -- step 10: accounts -- */
int cmd_user(const struct cli *cli, int argc, char **argv);
/* -- step 10: invitations -- */
int cmd_invite(const struct cli *cli, int argc, char **argv);
int cmd_invitations(const struct cli *cli, int argc, char **argv);
int cmd_respond(const struct cli *cli, int argc, char **argv);
/* -- step 10: reactions -- */
int cmd_reaction(const struct cli *cli, int argc, char **argv);
int cmd_note(const struct cli *cli, int argc, char **argv);
/* -- step 13: docs -- */
int cmd_backup(const struct cli *cli, int argc, char **argv);
/* -- step 14: mapping file -- */
int cmd_mapping(const struct cli *cli, int argc, char **argv);

#endif
