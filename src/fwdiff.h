/*
 * fwdiff: the differences between two framework versions (issue 18:
 * framework versions), for "stj framework diff A B".
 *
 * Owns: the list of changes from framework a to framework b, in b's
 * framework order (themes, their criteria, their indicators), then what
 * b no longer has in a's order. Indicators are linked as progress links
 * them (framework_link: mapping, renamed-from, id); themes and criteria
 * by id. Knows no output format.
 */
#ifndef STJ_FWDIFF_H
#define STJ_FWDIFF_H

#include <stddef.h>

#include "framework.h"

enum fwdiff_kind {
	FWDIFF_THEME_NEW,
	FWDIFF_THEME_CHANGED,       /* same id, other name or statement */
	FWDIFF_THEME_DROPPED,
	FWDIFF_CRITERION_NEW,
	FWDIFF_CRITERION_CHANGED,   /* same id, other text */
	FWDIFF_CRITERION_DROPPED,
	FWDIFF_RENAMED,             /* renamed-from: other id */
	FWDIFF_REWORDED,            /* same id, other text */
	FWDIFF_SPLIT,
	FWDIFF_MERGED,
	FWDIFF_DROPPED,
	FWDIFF_NEW
};

struct fwdiff_row {
	enum fwdiff_kind           kind;
	const struct fw_theme     *theme_a, *theme_b;   /* theme rows */
	const struct fw_criterion *crit_a, *crit_b;     /* criterion rows */
	/* indicator rows: a's and b's indicators (several: split, merge) */
	const struct fw_indicator **a, **b;
	size_t                      na, nb;
	const char                 *reason;   /* dropped: the mapping's */
};

struct fwdiff {
	struct fwdiff_row *rows;
	size_t             n;
};

/* The changes from a to b; free with fwdiff_free(). */
void fwdiff_compute(const struct framework *a, const struct framework *b,
    struct fwdiff *out);
void fwdiff_free(struct fwdiff *d);
/* "hernoemd", "gesplitst", ... as the text output names a kind. */
const char *fwdiff_kind_name(enum fwdiff_kind k);

#endif
