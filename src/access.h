/*
 * access: who may do what. The one policy of the roles (README,
 * "Accounts"), in the library so that the CLI and the web agree: a front
 * end describes the actor and the round and asks access_check() before it
 * calls a read or an ops_*() change.
 *
 * Owns: the roles, the actions and the table between them. Pure functions
 * on their arguments: no store, no clock. Any module may include it.
 */
#ifndef STJ_ACCESS_H
#define STJ_ACCESS_H

enum access_role {
	ACCESS_BEHEERDER,   /* accounts, and nothing else */
	ACCESS_INSPECTEUR,  /* every municipality, every change */
	ACCESS_GEMEENTE,    /* its own municipality (see access_check) */
	ACCESS_LEZER,       /* reads everything, changes nothing */
	ACCESS_ROLE__COUNT
};

/* Who asks. Strings are the owner's (access never frees them). */
struct actor {
	const char      *name;          /* the account: the audit log's who */
	enum access_role role;
	const char      *municipality;  /* ACCESS_GEMEENTE: its stored name */
};

enum action {
	ACT_ACCOUNTS,       /* add, change, disable accounts; Beheer */
	ACT_SEE_ROUND,      /* the round is listed (Overzicht, status) */
	ACT_READ_ROUND,     /* answers, proposals, verdicts, findings */
	ACT_READ_LOG,       /* the Logboek, stj history */
	ACT_READ_FACTSHEET, /* the factsheet (concept or vastgesteld) */
	ACT_READ_PROGRESS,  /* progress notes, stj progress */
	ACT_EDIT,           /* override, merge, conclusion, dossier text */
	ACT_STATE,          /* concept / wederhoor / vastgesteld */
	ACT_IMPORT,         /* answers and dossiers into the round */
	ACT_INVITE,         /* invitations to respondents */
	ACT_ROUND_NEW,      /* start the round (round: the new one) */
	ACT_REACT,          /* hoor en wederhoor: a reaction per finding */
	ACT_PROGRESS_NOTE,  /* a progress note per verbeterpunt */
	ACT__COUNT
};

enum round_state { STATE_CONCEPT, STATE_WEDERHOOR, STATE_VASTGESTELD };

/* The round an action is on, as the store has it. */
struct round_info {
	const char      *municipality;    /* stored name */
	int              self_assessment; /* kind zelfevaluatie */
	enum round_state state;
};

enum access_verdict {
	ACCESS_OK,
	ACCESS_DENIED,   /* known to the actor, not allowed: HTTP 403 */
	ACCESS_HIDDEN,   /* not to be known to the actor: HTTP 404 */
};

/*
 * May a do act on round r? r NULL: on no round in particular (accounts;
 * an import or a list of everything), which a gemeente never may.
 *   beheerder   ACT_ACCOUNTS only.
 *   inspecteur  everything but ACT_ACCOUNTS and ACT_REACT (a reaction
 *               is the municipality's own word beside a finding).
 *   lezer       the ACT_SEE_* and ACT_READ_* actions.
 *   gemeente    nothing outside its own municipality. In its own:
 *               a zelfevaluatie round: what an inspecteur may (and no
 *               ACT_REACT: there is nobody to answer);
 *               a toezicht round in concept: nothing;
 *               in wederhoor: ACT_SEE_ROUND, ACT_READ_FACTSHEET (the
 *               concept) and ACT_REACT;
 *               vastgesteld: ACT_SEE_ROUND, ACT_READ_FACTSHEET,
 *               ACT_READ_PROGRESS and ACT_PROGRESS_NOTE.
 * A gemeente is refused with ACCESS_HIDDEN whatever it asks (another
 * municipality's page does not exist for it); the other roles with
 * ACCESS_DENIED. A NULL actor: ACCESS_HIDDEN.
 */
enum access_verdict access_check(const struct actor *a, enum action act,
    const struct round_info *r);
/* 1 when access_check() says ACCESS_OK, else 0. */
int access_allowed(const struct actor *a, enum action act,
    const struct round_info *r);

/* "beheerder", "inspecteur", "gemeente", "lezer"; NULL when out of range. */
const char *access_role_name(enum access_role role);
/* The role named s (exactly as access_role_name()); -1 when none. */
int access_role_parse(const char *s, enum access_role *role);
/* The state named s ("concept", "wederhoor", "vastgesteld"); -1: none. */
int access_state_parse(const char *s, enum round_state *state);

#endif
