/*
 * react: what the municipality writes beside the inspectorate's work, as
 * stored (step 10: reactions). Its reaction per finding of a round in
 * wederhoor (hoor en wederhoor), in table reaction, and its progress note
 * per verbeterpunt (table progress_note, where a <voortgang> import puts
 * it), each written with its audit row (field 'reaction', 'note').
 *
 * Owns: the SQL of table reaction and of writing one progress note. The
 * rules (which round state, which indicator) are ops_reaction() and
 * ops_progress_note()'s (ops.h); only ops.c writes through this header,
 * front ends read through it.
 */
#ifndef STJ_REACT_H
#define STJ_REACT_H

#include "diag.h"
#include "store.h"

/*
 * Writes field ("reaction" or "note") of c->key (stored names, round a
 * year; indicator an id or a group key) to text in the current
 * transaction, with one audit row (c->who, c->at, reason: c->reason, or
 * a fixed one when none). text NULL withdraws it. The text it replaces in
 * *old (new string, NULL: none). Returns 0 when written, 1 when nothing
 * changed (the same text again, or nothing to withdraw), -1 on error.
 */
int react_put(struct store *s, const struct store_change *c,
    const char *field, const char *text, char **old, struct diags *d);

struct react_row {
	const char *approach, *indicator, *text, *who, *at;
};

/* The reactions of a round (its year), by approach and indicator. */
int react_list(struct store *s, const char *municipality, int round,
    void (*row)(void *, const struct react_row *), void *ctx,
    struct diags *d);

#endif
