/*
 * access: the roles' policy. See access.h; README "Accounts" says the
 * same in words, and tests/unit.c holds the whole table.
 */
#include "access.h"

#include <stddef.h>
#include <string.h>

#include "names.h"

static const char *const role_names[ACCESS_ROLE__COUNT] = {
	[ACCESS_BEHEERDER] = "beheerder",
	[ACCESS_INSPECTEUR] = "inspecteur",
	[ACCESS_GEMEENTE] = "gemeente",
	[ACCESS_LEZER] = "lezer",
};

static const char *const state_names[] = {
	[STATE_CONCEPT] = "concept",
	[STATE_WEDERHOOR] = "wederhoor",
	[STATE_VASTGESTELD] = "vastgesteld",
};

static int
is_read(enum action act)
{
	switch (act) {
	case ACT_SEE_ROUND: case ACT_READ_ROUND: case ACT_READ_LOG:
	case ACT_READ_FACTSHEET: case ACT_READ_PROGRESS:
		return 1;
	default:
		return 0;
	}
}

/*
 * A gemeente in an inspection round of its own municipality: it is heard
 * (wederhoor) on the concept, and reports progress on what was
 * vastgesteld; before wederhoor the round is the inspectorate's alone.
 */
static int
gemeente_toezicht(enum action act, enum round_state state)
{
	switch (state) {
	case STATE_WEDERHOOR:
		return act == ACT_SEE_ROUND || act == ACT_READ_FACTSHEET ||
		    act == ACT_REACT;
	case STATE_VASTGESTELD:
		return act == ACT_SEE_ROUND || act == ACT_READ_FACTSHEET ||
		    act == ACT_READ_PROGRESS || act == ACT_PROGRESS_NOTE;
	default:
		return 0;
	}
}

/* 1 when the gemeente actor a may do act on r (r not NULL). */
static int
gemeente_may(const struct actor *a, enum action act,
    const struct round_info *r)
{
	if (a->municipality == NULL || r->municipality == NULL ||
	    !names_equal(a->municipality, r->municipality))
		return 0;
	if (r->self_assessment)
		return act != ACT_ACCOUNTS && act != ACT_REACT;
	return gemeente_toezicht(act, r->state);
}

enum access_verdict
access_check(const struct actor *a, enum action act,
    const struct round_info *r)
{
	if (a == NULL || (unsigned)act >= ACT__COUNT)
		return ACCESS_HIDDEN;
	switch (a->role) {
	case ACCESS_BEHEERDER:
		return act == ACT_ACCOUNTS ? ACCESS_OK : ACCESS_DENIED;
	case ACCESS_INSPECTEUR:
		return act == ACT_ACCOUNTS || act == ACT_REACT ?
		    ACCESS_DENIED : ACCESS_OK;
	case ACCESS_LEZER:
		return is_read(act) ? ACCESS_OK : ACCESS_DENIED;
	case ACCESS_GEMEENTE:
		return r != NULL && gemeente_may(a, act, r) ? ACCESS_OK :
		    ACCESS_HIDDEN;
	default:
		return ACCESS_HIDDEN;
	}
}

int
access_allowed(const struct actor *a, enum action act,
    const struct round_info *r)
{
	return access_check(a, act, r) == ACCESS_OK;
}

const char *
access_role_name(enum access_role role)
{
	return (unsigned)role < ACCESS_ROLE__COUNT ? role_names[role] : NULL;
}

int
access_role_parse(const char *s, enum access_role *role)
{
	int i;

	for (i = 0; s != NULL && i < ACCESS_ROLE__COUNT; i++)
		if (strcmp(s, role_names[i]) == 0) {
			*role = (enum access_role)i;
			return 0;
		}
	return -1;
}

int
access_state_parse(const char *s, enum round_state *state)
{
	size_t i;

	for (i = 0; s != NULL && i < sizeof(state_names) /
	    sizeof(state_names[0]); i++)
		if (strcmp(s, state_names[i]) == 0) {
			*state = (enum round_state)i;
			return 0;
		}
	return -1;
}
