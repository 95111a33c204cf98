/*
 * actor: the access check of a library change against the round as
 * stored (actor.h). The policy itself is access.c's.
 */
#include "actor.h"

#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "ops.h"
#include "store.h"

/* What an action is, in the refusal's words ("may not ..."). */
static const char *const doing[ACT__COUNT] = {
	[ACT_ACCOUNTS] = "manage accounts",
	[ACT_SEE_ROUND] = "see this round",
	[ACT_READ_ROUND] = "read this round",
	[ACT_READ_LOG] = "read the audit log",
	[ACT_READ_FACTSHEET] = "read the factsheet",
	[ACT_READ_PROGRESS] = "read the progress notes",
	[ACT_EDIT] = "change verdicts, findings, conclusions or dossier texts",
	[ACT_STATE] = "change a round's review state",
	[ACT_IMPORT] = "import answers or dossiers",
	[ACT_INVITE] = "invite respondents",
	[ACT_ROUND_NEW] = "start a round",
	[ACT_REACT] = "react to a finding (the municipality's own word)",
	[ACT_PROGRESS_NOTE] = "write a progress note",
};

/*
 * What the store says of what is not there (store_find_round): another
 * municipality is not there at all (round 0: the municipality has no
 * round); a round of the actor's own is not there.
 */
static int
hidden(const char *municipality, int round, struct diags *d)
{
	if (round == 0)
		diags_add(d, NULL, 0, MSG_NO_MUNICIPALITY, municipality);
	else
		diags_add(d, NULL, 0, MSG_NO_ROUND, municipality, round);
	return -1;
}

static int
verdict(const struct actor *a, enum action act, enum access_verdict v,
    const char *municipality, int round, struct diags *d)
{
	if (v == ACCESS_OK)
		return 0;
	if (v == ACCESS_HIDDEN)
		return hidden(municipality, round, d);
	diags_add(d, NULL, 0, MSG_ACCESS_DENIED, access_role_name(a->role),
	    a->name, doing[act]);
	return -1;
}

int
actor_may_try(const struct actor *a, enum action act, struct diags *d)
{
	if (a == NULL || a->name == NULL || *a->name == '\0') {
		diags_add(d, NULL, 0, MSG_ACCESS_NO_ACTOR);
		return -1;
	}
	/* The name is the audit log's who: a line break would forge lines. */
	if (ops_text_check("the account's name", a->name, 0, NULL, 0, d) == -1)
		return -1;
	/* Only a gemeente's answer depends on the round. */
	if (a->role == ACCESS_GEMEENTE)
		return 0;
	return verdict(a, act, access_check(a, act, NULL), NULL, 0, d);
}

int
actor_round_info(struct store *s, const char *municipality, int round,
    struct round_info *ri, struct diags *d)
{
	char *state = NULL, *since = NULL;
	int   rc;

	memset(ri, 0, sizeof(*ri));
	ri->municipality = municipality;
	rc = store_round_kind(s, municipality, round, &ri->self_assessment,
	    d) == -1 || store_round_state(s, municipality, round, &state,
	    &since, d) == -1 ? -1 : 0;
	if (rc == 0 && access_state_parse(state != NULL ? state : "concept",
	    &ri->state) == -1)
		ri->state = STATE_CONCEPT;
	free(state);
	free(since);
	return rc;
}

int
actor_check_quiet(struct store *s, const struct actor *a, enum action act,
    const char **municipality, int *round, int *is_hidden, struct diags *d)
{
	struct round_info ri;
	char             *fw = NULL, *version = NULL;
	const char       *typed = *municipality;
	enum access_verdict v;

	*is_hidden = 0;
	if (actor_may_try(a, act, d) == -1)
		return -1;
	/* Another municipality does not exist for a gemeente: not even its
	 * closest spelling is looked up. */
	if (a->role == ACCESS_GEMEENTE && (typed == NULL ||
	    a->municipality == NULL || !names_equal(typed, a->municipality))) {
		*is_hidden = 1;
		return -1;
	}
	if (store_resolve_municipality(s, municipality, d) == -1 ||
	    store_find_round(s, *municipality, round, &fw, &version, d) == -1)
		return -1;
	free(fw);
	free(version);
	if (actor_round_info(s, *municipality, *round, &ri, d) == -1)
		return -1;
	/* Hidden is for what the actor may not see at all: a round it sees
	 * (a gemeente's own, later on) is there, and refused. */
	v = access_check(a, act, &ri);
	if (v == ACCESS_HIDDEN && access_allowed(a, ACT_SEE_ROUND, &ri))
		v = ACCESS_DENIED;
	if (v == ACCESS_HIDDEN) {
		*is_hidden = 1;
		return -1;
	}
	return verdict(a, act, v, *municipality, *round, d);
}

int
actor_check(struct store *s, const struct actor *a, enum action act,
    const char **municipality, int *round, struct diags *d)
{
	const char *typed = *municipality;
	int         is_hidden;

	if (actor_check_quiet(s, a, act, municipality, round, &is_hidden,
	    d) == 0)
		return 0;
	if (is_hidden && *municipality == typed)   /* not looked up */
		return hidden(typed != NULL ? typed : "", 0, d);
	if (is_hidden)
		return hidden(*municipality, *round, d);
	return -1;
}

int
actor_check_new(const struct actor *a, enum action act,
    const char *municipality, int year, int self_assessment,
    struct diags *d)
{
	struct round_info ri;

	if (actor_may_try(a, act, d) == -1)
		return -1;
	memset(&ri, 0, sizeof(ri));
	ri.municipality = municipality;
	ri.self_assessment = self_assessment;
	ri.state = STATE_CONCEPT;
	return verdict(a, act, access_check(a, act, &ri), municipality, year,
	    d);
}
