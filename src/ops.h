/*
 * ops: every change an inspector makes to a round, one function each:
 * an override (verdict, finding, LET OP, revert), a merge or unmerge, a
 * conclusion (goed, beter, revert), a review state, a dossier text
 * (context, description). Each validates, writes in one
 * transaction with its audit rows and returns 0, or -1 after
 * diagnostics; on success it says in one line what changed. It never
 * prints or exits: the CLI (cmd_override.c, cmd_merge.c,
 * cmd_conclusion.c) and a web handler call the same functions and show
 * the line or the diagnostics their own way.
 *
 * Every change is a struct store_change: the key (municipality and
 * approach as typed, resolved here to the stored spelling; round 0: the
 * latest), the actor (required: c->actor, step 10), when (the front
 * end's clock: the library reads none) and why (required, one line).
 *
 * Roles (step 10: actor): each change checks access_check() of
 * c->actor on the round as stored, inside its transaction and before
 * anything changes (actor.h): override, merge, conclusion and dossier
 * text are ACT_EDIT, a state ACT_STATE, a reaction ACT_REACT, a progress
 * note ACT_PROGRESS_NOTE. A refusal is a diagnostic: a role that may not
 * ("lezer 'piet' may not ..."), or for what the actor may not know the
 * store's own words for a round that is not there. The audit row's who
 * is c->actor->name (c->who is set to it).
 *
 * Versions: a front end shows a cell with store_last_change()'s id and
 * passes it back as expected; a change whose cell was changed since is
 * refused as stale, naming who changed it and when. OPS_ANY skips the
 * check (the CLI: a command line is made from what is, not from a form).
 */
#ifndef STJ_OPS_H
#define STJ_OPS_H

#include "diag.h"
#include "framework.h"
#include "store.h"

/* No version check. */
#define OPS_ANY (-1LL)

/*
 * The context of a series of changes: the store, the installed
 * frameworks (both the caller's, they outlive it) and the round of the
 * last change, kept so a file of one round's changes reads it once.
 */
struct ops;

struct ops *ops_new(struct store *s, const struct framework_set *set);
void ops_free(struct ops *x);

/*
 * A batch: every change until ops_batch_end() in one transaction, all or
 * none (status -1: roll back). Outside a batch each change is its own
 * transaction. ops_batch_end() returns 0 only when committed.
 */
int ops_batch_begin(struct ops *x, struct diags *d);
int ops_batch_end(struct ops *x, int status, struct diags *d);

/*
 * Checks free text: valid UTF-8 without control characters (multiline
 * allows line breaks). what names it in the message ("--reason",
 * "'reden'"). -1 after a diagnostic at file:line (NULL, 0: none).
 */
int ops_text_check(const char *what, const char *s, int multiline,
    const char *file, long line, struct diags *d);

/*
 * Overrides c->key.indicator of c->key.approach: c->verdict ("V", "X",
 * "-"), c->finding, c->letop or c->no_letop; or c->revert alone, back to
 * the proposal. c->key.round becomes the round found. *said (new string)
 * tells what changed, *changed is 0 when nothing did.
 */
int ops_override(struct ops *x, struct store_change *c, long long expected,
    char **said, int *changed, struct diags *d);

/*
 * Merges indicators first..last of c->key.approach into one mark and one
 * finding (c->revert: splits them again). They must be consecutive in one
 * criterion and, for a merge, in no group yet. The version is the
 * group's: key "FIRST-LAST" (c->key.indicator is set to it).
 */
int ops_merge(struct ops *x, struct store_change *c, const char *first,
    const char *last, long long expected, char **said, struct diags *d);

/*
 * Writes the conclusion of theme c->key.indicator (its id or its name)
 * of c->key.approach: goed and/or beter (NULL keeps what stands), or
 * c->revert alone, back to the draft. The version is the theme id's.
 */
int ops_conclusion(struct ops *x, struct store_change *c, const char *goed,
    const char *beter, long long expected, char **said, struct diags *d);

/*
 * Review states of a round: concept -> wederhoor -> vastgesteld, and back
 * from any to an earlier one; concept -> vastgesteld directly is refused
 * (the municipality is heard first). Each with a reason, logged. While a
 * round is vastgesteld, ops_override(), ops_merge() and ops_conclusion()
 * refuse, naming how to reopen it.
 *
 * A round becomes vastgesteld only when complete: every approach has the
 * gemeente's answers and every partner its dossier names answered. Each
 * gap is listed; the change is made anyway when the reason names every
 * gap (its approach, or for a partner its name; compared by names_key()).
 *
 * ops_state() sets c->key's round (c->key.approach, .indicator unused)
 * to state; c->key.round becomes the round found.
 *
 * The version is the round's last change of state (store_last_change()
 * with no approach and indicator "state"): two inspectors cannot both
 * move it from what they saw.
 */
int ops_state(struct ops *x, struct store_change *c, const char *state,
    long long expected, char **said, struct diags *d);

/*
 * Rewrites a dossier text, as the factsheet prints it: field "context"
 * (the round's; c->key.approach is set to NULL) or "description" (of
 * c->key.approach). text is required (multiline). Locked while the round
 * is vastgesteld. The version: store_last_change() of the round's
 * "context", or of the approach's indicator "-".
 * -- step 11: layout -- also the round's own "intro" (its front-page
 * introduction, multiline) and "published" (its publication date,
 * YYYY-MM or YYYY-MM-DD, one line), versioned as "context" is.
 */
int ops_dossier_text(struct ops *x, struct store_change *c, const char *field,
    const char *text, long long expected, char **said, struct diags *d);

/*
 * 1 when s has a publication date's shape, YYYY-MM or YYYY-MM-DD, digits
 * and dashes only; ops_dossier_text also checks the month and the day.
 * Front ends validate a form's field with it.
 */
int ops_date_shape(const char *s);

/* -- step 10: approach -- */
/*
 * Adds approach c->key.approach to c->key's round (not vastgesteld):
 * last in its dossier, with description (NULL or blank: none) and up to
 * three network partners, so that they can be invited and answer. A
 * name that matches an approach of the round is refused. Audited as
 * field "approach" (indicator "-"); c->reason required.
 */
int ops_approach_add(struct ops *x, struct store_change *c,
    const char *description, const char *const *partners, size_t npartners,
    char **said, struct diags *d);
/* -- step 10: reactions -- */
/*
 * Hoor en wederhoor: the municipality's reaction to the finding of
 * c->key.indicator of c->key.approach (an indicator, or a merged group's
 * key "FIRST-LAST"; an indicator of a group is taken for its group, as
 * *said names it). Only while the round is in wederhoor. text (multiline) NULL or
 * blank withdraws it. c->reason is optional (the reaction is the
 * municipality's own word). Versioned like the cell: store_last_change()
 * of the key. Audited as field 'reaction'.
 */
int ops_reaction(struct ops *x, struct store_change *c, const char *text,
    long long expected, char **said, struct diags *d);

/*
 * The municipality's progress note on verbeterpunt c->key.indicator of
 * c->key.approach: an indicator whose final verdict is X in c->key's
 * round, which must be vastgesteld. Stored in progress_note of that round
 * (where a <voortgang> import puts a note), audited as field 'note'; text
 * NULL or blank withdraws it. Versioned as ops_reaction().
 */
int ops_progress_note(struct ops *x, struct store_change *c, const char *text,
    long long expected, char **said, struct diags *d);

/* -- step 12: xlsx -- */
/*
 * The conclusion of theme c->key.indicator (id or name) of c->key.approach
 * as the inspector wrote it: *goed and *beter malloc'd, NULL where the
 * draft stands. For a reader that must tell an edited sheet from one read
 * back as it was (ovrfile.c). -1 after a diagnostic.
 */
int ops_conclusion_get(struct ops *x, struct store_change *c, char **goed,
    char **beter, struct diags *d);

#endif
