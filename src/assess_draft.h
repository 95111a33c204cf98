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

#endif
