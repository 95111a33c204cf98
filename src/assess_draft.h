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
 * Drafts the finding for answers a[0..n) under proposal p: who said what
 * ("De gemeente en twee netwerkpartners geven aan dat dit zo is."), then
 * each toelichting on its own line. *letop is the drafted LET OP remark,
 * or NULL when p proposes none. Both are new strings (caller frees).
 */
void assess_draft(const struct phrases *ph, const struct assess_answer *a,
    size_t n, const struct assess_proposal *p, char **finding,
    char **letop);

/* One indicator's final verdict, for drafting a theme's conclusion. */
struct draft_item {
	const char  *indicator;    /* the indicator's text */
	enum verdict verdict;
	int          letop;
};

/*
 * Drafts a theme's conclusion: "Wat gaat goed?" lists the indicators that
 * are met without reservation, "Wat kan beter?" the verbeterpunten, then
 * those met with a LET OP. New strings, one item per line.
 */
void assess_draft_conclusion(const struct phrases *ph,
    const struct draft_item *items, size_t n, char **goed, char **beter);

#endif
