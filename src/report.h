/*
 * report: the documents of a round as models, built from the store: the
 * factsheet (final verdicts, findings and conclusions, the dossier) and
 * the progress report (two rounds compared), and their rendering through
 * the factsheet stage. The command line and the web server both produce
 * a factsheet with these calls; neither builds the model itself.
 *
 * Owns: reading the round, dossier, respondents, edits and progress notes
 * into struct factsheet (factsheet.h), choosing the text set (an
 * inspection's or a self-assessment's) and loading it once per struct
 * report. Never prints; errors are diagnostics and -1 or NULL.
 */
#ifndef STJ_REPORT_H
#define STJ_REPORT_H

#include <stddef.h>

#include "diag.h"
#include "factsheet.h"
#include "framework.h"

struct phrases;
struct progress;
struct progress_round;
struct store;

/* The two text sets: an inspection's and a self-assessment's. */
enum { REPORT_STJ, REPORT_SELF, REPORT__SETS };

/*
 * What the documents are built from. store may be replaced between calls
 * (a worker process opens its own connection); the templates loaded stay.
 */
struct report {
	struct store               *store;
	const struct framework_set *set;
	const struct phrases       *ph;        /* NULL: progress reports only */
	const char                 *datadir;   /* templates/ lives here */
	const struct pdf_config    *pdf;       /* the front end's; NULL */
	int                         self;      /* always the self-assessment */
	struct factsheet_templates  tpl[REPORT__SETS];
	int                         loaded[REPORT__SETS];
};

/* Sets up r over what the caller owns and keeps alive; see report_free. */
void report_init(struct report *r, struct store *s,
    const struct framework_set *set, const struct phrases *ph,
    const char *datadir, const struct pdf_config *pdf, int self);
/* Frees the templates r loaded (not what report_init was given). */
void report_free(struct report *r);

/*
 * The templates of municipality's round: the self-assessment's when r
 * says so or the dossier's soort is zelfevaluatie, else the inspection's;
 * loaded on first use. NULL with diagnostics.
 */
struct factsheet_templates *report_templates(struct report *r,
    const char *municipality, int round, struct diags *d);

/*
 * The factsheet of municipality's round (0: the latest; the model's round
 * says which): the verdicts, findings and conclusions that stand, the
 * dossier's context and descriptions, the partners who answered. NULL
 * with diagnostics. Free with factsheet_free().
 */
struct factsheet *report_factsheet(struct report *r, const char *municipality,
    int round, struct diags *d);

/*
 * The progress report of municipality from one round to the next, from
 * the comparison p (progress_compare), with the municipality's progress
 * notes. NULL with diagnostics. Free with factsheet_free().
 */
struct factsheet *report_progress(struct report *r, const char *municipality,
    const struct progress_round *from, const struct progress_round *to,
    const struct progress *p, struct diags *d);

/*
 * Renders a model from report_factsheet or report_progress with its
 * round's templates to path (an outfile, util.h), or into memory (*buf of
 * *len bytes, caller frees; name is what diagnostics call it). Returns 0,
 * or -1 with diagnostics.
 */
int report_render(struct report *r, const struct factsheet *fs,
    const char *path, struct diags *d);
int report_render_mem(struct report *r, const struct factsheet *fs,
    const char *name, unsigned char **buf, size_t *len, struct diags *d);

/*
 * report_factsheet and report_render_mem in one call: the factsheet PDF
 * of municipality's round as bytes, for a web handler.
 */
int report_factsheet_pdf(struct report *r, const char *municipality,
    int round, const char *name, unsigned char **buf, size_t *len,
    struct diags *d);

#endif
