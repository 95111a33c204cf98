/*
 * assess_draft: the drafted Dutch finding and LET OP of a proposal.
 *
 * Owns: the phrase book (templates/findings-nl.xml, loaded and validated
 * at run time) and composing sentences from who answered what, in the
 * factsheets' own phrasing. Part of the assess stage: it reads answers
 * and a proposal, never the store.
 */
#ifndef STJ_ASSESS_DRAFT_H
#define STJ_ASSESS_DRAFT_H

#include "assess.h"
#include "diag.h"

struct phrases;

/* Loads the phrase book at path, validated against xsd. */
struct phrases *phrases_load(const char *path, const char *xsd,
    struct diags *d);
void phrases_free(struct phrases *ph);

/*
 * Drafts the finding for answers a[0..n) under proposal p in STJ's own
 * voice: who answered what by role and count ("De gemeente en twee
 * netwerkpartners geven aan dat dit zo is."), never an organisation's
 * name or a toelichting. *letop is the drafted LET OP remark (what the
 * finding does not say: the reservation), or NULL when p proposes none.
 * Both are new strings (caller frees).
 */
void assess_draft(const struct phrases *ph, const struct assess_answer *a,
    size_t n, const struct assess_proposal *p, char **finding,
    char **letop);

/* One indicator's final verdict, for drafting a theme's conclusion. */
struct draft_item {
	const char  *indicator;    /* the indicator's text */
	const char  *criterion;    /* its criterion's text */
	enum verdict verdict;
	int          letop;
	char        *letop_text;   /* the LET OP that stands, or NULL */
};

/*
 * Drafts a theme's conclusion from its items (framework order): "Wat
 * gaat goed?" names the criteria met, fully and in part; "Wat kan
 * beter?" the indicators not met, then the substance of each LET OP, one
 * per line. New strings.
 */
void assess_draft_conclusion(const struct phrases *ph,
    const struct draft_item *items, size_t n, char **goed, char **beter);

#endif
