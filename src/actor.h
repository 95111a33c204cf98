/*
 * actor: the roles enforced in the library (step 10). Every change of a
 * round (ops.h, the importer, invitations, a new round) names the actor
 * that makes it, and asks actor_check() inside its transaction, before
 * it changes anything: access_check() of the round as the store has it.
 * So the CLI and the web refuse the same things with the same words, and
 * the audit log's who is always the actor's name.
 *
 * A refusal is a diagnostic: ACCESS_DENIED names the role, the account
 * and what it may not do; ACCESS_HIDDEN says exactly what the store says
 * of what is not there: for another municipality "no municipality 'M' in
 * the database" (not looked up: no "did you mean"), for a round of its
 * own it may not see "'M' has no round Y in the database". A round the
 * actor sees but may not do act on is ACCESS_DENIED. A NULL actor is
 * refused: there is no default.
 *
 * Owns nothing: the actor is the caller's, the round the store's.
 */
#ifndef STJ_ACTOR_H
#define STJ_ACTOR_H

#include "access.h"
#include "diag.h"

struct store;

/*
 * The check that needs no round: a, with a name of one line, and
 * allowed act on some round (a lezer may change none, a beheerder
 * nothing but accounts). A front end may call it to refuse early; the
 * library calls it again through actor_check(). 0, or -1 after the
 * diagnostic.
 */
int actor_may_try(const struct actor *a, enum action act, struct diags *d);

/*
 * May a do act on round *round (0: the latest; set to the round found)
 * of municipality *municipality (as typed; set to the stored spelling)?
 * 0, or -1 after the diagnostic. For a gemeente another municipality is
 * not looked up at all (no "did you mean" naming one).
 */
int actor_check(struct store *s, const struct actor *a, enum action act,
    const char **municipality, int *round, struct diags *d);

/*
 * actor_check() for a caller that names what is hidden its own way (an
 * invitation by its id): when the round is hidden from a, -1 with
 * *is_hidden 1 and no diagnostic.
 */
int actor_check_quiet(struct store *s, const struct actor *a,
    enum action act, const char **municipality, int *round, int *is_hidden,
    struct diags *d);

/*
 * The same for a round that is not there yet (ACT_ROUND_NEW, an import
 * that creates it): kind self_assessment, state concept.
 */
int actor_check_new(const struct actor *a, enum action act,
    const char *municipality, int year, int self_assessment,
    struct diags *d);

/* The round's info as stored (strings valid while s is open). */
int actor_round_info(struct store *s, const char *municipality, int round,
    struct round_info *ri, struct diags *d);

#endif
