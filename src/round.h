/*
 * round: a municipality's round as the library sees it: the answers per
 * approach and indicator read from the store, the inspector's overrides
 * and merges beside them, the verdicts and findings that stand, and the
 * conclusions the inspector wrote. Used by the verdict commands, the
 * factsheet, the operations layer (ops.h) and any other front end; it
 * never prints.
 */
#ifndef STJ_ROUND_H
#define STJ_ROUND_H

#include <stddef.h>

#include "assess.h"
#include "diag.h"
#include "framework.h"
#include "store.h"

struct phrases;

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

/* A round as typed, a year 2000..2100, into *out; -1 for anything else. */
int round_parse_year(const char *s, int *out);

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
/*
 * step 10: portal. The same without what the respondents said: a drafted
 * finding's own sentences without their toelichtingen and organisations
 * (what the inspector wrote stays as written). For a reader who may not
 * see the answers (the municipality in wederhoor). New string.
 */
char *round_finding_unquoted(const struct phrases *ph,
    const struct round_view *v, const struct round_approach *a, size_t k);
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

#endif
