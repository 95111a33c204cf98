/*
 * cli: what the command files share. The CLI only parses arguments,
 * calls the stages and prints their diagnostics; it holds no logic of
 * its own. Exit codes: 0 success, 1 an input or database error, 2 a
 * usage error.
 */
#ifndef STJ_CLI_H
#define STJ_CLI_H

#include <stddef.h>

#include "assess.h"
#include "diag.h"
#include "framework.h"
#include "render.h"
#include "store.h"

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
/*
 * Now as ISO 8601 UTC, for the audit log and a round's "last changed"
 * (both record when something happened): always the real clock.
 * $SOURCE_DATE_EPOCH does not move it (it pins dates inside output files
 * only); $STJ_TEST_NOW, for the test suite, does. Never fails.
 */
void cli_timestamp(char out[32]);
/*
 * Checks free text a user gives (a reason, a name, a finding): valid
 * UTF-8 without control characters; multiline allows line breaks. what
 * names it in the message ("--reason", "'reden'"). -1 after a diagnostic
 * at file:line (NULL, 0: "stj: ").
 */
int cli_text_check(const char *what, const char *s, int multiline,
    const char *file, long line, struct diags *d);
/* cli_text_check() of option opt's value s; EXIT_USAGE after the error. */
int cli_text_arg(const char *cmd, const char *opt, const char *s,
    int multiline);
/* Message id of the table as a usage error of cmd; returns EXIT_USAGE. */
int cli_usage_msg(const char *cmd, enum msg id, ...);
/* "V", "X" or "-" for √, V, v, X, x or -; NULL for anything else. */
const char *cli_parse_verdict(const char *s);
/*
 * Completes an inspector's change: who (NULL or empty: "onbekend") and
 * when. The reason is required and, like who, one line of plain text
 * (a line break would forge lines in 'stj history'); a finding and LET OP
 * may hold line breaks but no other control characters. Returns 0, or
 * EXIT_USAGE after printing the usage error of cmd ("override ").
 */
int cli_change_begin(struct store_change *c, const char *who, char at[32],
    const char *cmd);
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

/* The framework used when none is named. */
#define CLI_DEFAULT_FRAMEWORK "stj-ggsr"

/* At most one gemeente and three partners answer per approach. */
#define ROUND_MAX_RESPONDENTS 4

struct round_cell {
	struct assess_answer  a[ROUND_MAX_RESPONDENTS];
	size_t                n;
	int                   overridden;
	struct store_override override;
	int                   merged;      /* part of a merge group */
	size_t                first, last; /* the group, indicator indexes */
};

struct round_approach {
	char              *name;
	struct round_cell *cells;    /* one per indicator, framework order */
};

/* A municipality's round: answers and overrides per approach. */
struct round_view {
	const struct framework *fw;
	int                     round;
	struct round_approach  *approaches;   /* in import order */
	size_t                  n;
};

/* The verdict that stands: the proposal, with any override applied. */
struct round_final {
	struct assess_proposal proposal;
	enum verdict           verdict;
	int                    letop;
	int                    by_inspector;
	int                    stale;   /* answers changed under the override */
};

/* Loads round (0: the latest) of municipality. */
int round_view_load(struct round_view *v, const struct framework_set *set,
    struct store *s, const char *municipality, int round, struct diags *d);
void round_view_free(struct round_view *v);
void round_final(const struct round_cell *cell, const struct fw_indicator *ind,
    struct round_final *out);
void round_proposal_code(const struct assess_proposal *p, char out[3]);
/*
 * The final verdict of indicator k of approach a, merged groups included:
 * a group shares one mark (X when any member is X, else V when any is V),
 * a LET OP when any member has one, and "inspecteur" when any member is
 * overridden.
 */
void round_final_at(const struct round_view *v, const struct round_approach *a,
    size_t k, struct round_final *out);

/*
 * The finding of indicator k as the document prints it: the inspector's
 * text, else the draft, then its LET OP line; for a merged group (at its
 * last member) the members' findings one after the other. New string.
 */
char *round_finding(const struct phrases *ph, const struct round_view *v,
    const struct round_approach *a, size_t k);
/* Drafts theme t's conclusion of approach a from the final verdicts. */
void round_conclusion_draft(const struct phrases *ph,
    const struct round_view *v, const struct round_approach *a,
    const struct fw_theme *t, char **goed, char **beter);

/* A conclusion the inspector wrote (NULL fields: the draft stands). */
struct round_edit {
	char *approach, *theme, *goed, *beter;
};

struct round_edits {
	struct round_edit *v;
	size_t             n;
};

int round_edits_load(struct round_edits *e, struct store *s,
    const char *municipality, int round, struct diags *d);
const struct round_edit *round_edit_find(const struct round_edits *e,
    const char *approach, const char *theme);
void round_edits_free(struct round_edits *e);

struct progress;
struct progress_round;

/* Writes the progress report PDF (cmd_factsheet.c builds it). */
int cli_progress_pdf(const struct cli *cli, struct store *s,
    const char *municipality, const struct progress_round *from,
    const struct progress_round *to, const struct progress *p,
    const char *path, struct diags *d);

int cmd_framework(const struct cli *cli, int argc, char **argv);
int cmd_import(const struct cli *cli, int argc, char **argv);
int cmd_status(const struct cli *cli, int argc, char **argv);
int cmd_questionnaire(const struct cli *cli, int argc, char **argv);
int cmd_verdicts(const struct cli *cli, int argc, char **argv);
int cmd_override(const struct cli *cli, int argc, char **argv);
int cmd_history(const struct cli *cli, int argc, char **argv);
int cmd_conclusion(const struct cli *cli, int argc, char **argv);
int cmd_merge(const struct cli *cli, int argc, char **argv);
int cmd_factsheet(const struct cli *cli, int argc, char **argv);
int cmd_round(const struct cli *cli, int argc, char **argv);
int cmd_progress(const struct cli *cli, int argc, char **argv);
int cmd_serve(const struct cli *cli, int argc, char **argv);

#endif
