/*
 * store: the SQLite database.
 *
 * Owns: the connection, the schema and its migrations, and every SQL
 * statement the tool runs (all prepared, all parameters bound). Other
 * modules hand it plain structs and never see sqlite3 types.
 */
#ifndef STJ_STORE_H
#define STJ_STORE_H

#include "diag.h"
#include "response.h"

struct store;
struct actor;   /* access.h */

/* Schema version this build creates and expects. */
#define STORE_SCHEMA_VERSION 13

/* What a command does with the database (see store_open). */
enum store_mode {
	STORE_READ,    /* reads: an existing database, one snapshot */
	STORE_WRITE,   /* changes what is in an existing database */
	STORE_CREATE,  /* stores new data: creates the file when absent */
	STORE_DRY_RUN, /* as STORE_CREATE, but a missing file is stood in
	                  for by an empty database in memory */
};

/*
 * Opens the database at path and brings its schema to
 * STORE_SCHEMA_VERSION (an older one is migrated, which writes). NULL with
 * a diagnostic on failure: a missing file (unless STORE_CREATE), a
 * database made by a newer stj, another program's file (refused by every
 * mode before anything is written to it), a file that cannot be written
 * (STORE_WRITE, STORE_CREATE).
 *
 * STORE_READ opens read-only and starts one read transaction that lasts
 * until store_close(): every statement sees the same committed state
 * while other processes import (WAL). The writing modes open read-write in
 * WAL mode with a busy timeout and start no transaction (store_begin).
 */
struct store *store_open(const char *path, enum store_mode mode,
    struct diags *d);
void store_close(struct store *s);
/*
 * A connection kept across uses (stj serve keeps one per worker thread):
 * store_end_read() ends a use — the read transaction of a STORE_READ
 * connection, or a transaction a writer left open, is rolled back — and
 * forgets what the use left behind (the names store_resolve_*() handed
 * out, the clock, the names noted by an import). It returns -1 when the
 * connection should not be used again (a fatal error was reported, or
 * the rollback failed): close it and open a new one. store_begin_read()
 * starts the next use: on a STORE_READ connection a new snapshot of what
 * is committed now; on any connection it checks that no newer stj has
 * migrated the database meanwhile (-1 with a diagnostic).
 */
int store_begin_read(struct store *s, struct diags *d);
int store_end_read(struct store *s);
/* The schema version recorded in the database. */
int store_schema_version(struct store *s);

/*
 * The time (ISO 8601) stamped on every round a later call writes to, as
 * when its data last changed; NULL stops stamping.
 */
void store_set_clock(struct store *s, const char *at);
/*
 * When the data of a round last changed: its last import or dossier, or
 * the last inspector's change, whichever is later ("" when unknown). New
 * string in *at.
 */
int store_round_changed(struct store *s, const char *municipality, int round,
    char **at, struct diags *d);
/*
 * The dossier of a round: its context in *context (new string, NULL when
 * none) and each approach with its description (NULL when none), in the
 * order they were first stored.
 */
int store_dossier(struct store *s, const char *municipality, int round,
    char **context, void (*approach)(void *, const char *name,
    const char *description), void *ctx, struct diags *d);

/*
 * Every municipality with a round (round 0: its latest; else only those
 * with that round), by name.
 */
int store_municipalities(struct store *s, int round,
    void (*row)(void *, const char *municipality, int round), void *ctx,
    struct diags *d);

/* 1 in *self_assessment when the round is the municipality's own. */
int store_round_kind(struct store *s, const char *municipality, int round,
    int *self_assessment, struct diags *d);
/* The municipality's progress notes of a round, per approach. */
int store_notes(struct store *s, const char *municipality, int round,
    void (*row)(void *, const char *approach, const char *indicator,
    const char *text), void *ctx, struct diags *d);
/*
 * Starts round year of municipality on framework fw, empty, or (from not
 * 0) with the context, kind, approaches, descriptions and partners of
 * round from. Refused: a round that exists, a from that does not.
 */
int store_round_new(struct store *s, const struct framework *fw,
    const char *municipality, int year, int from, struct diags *d);

/*
 * One transaction around a whole command: an import either stores every
 * file or nothing. store_rollback() after any error.
 */
int store_begin(struct store *s, struct diags *d);
int store_commit(struct store *s, struct diags *d);
void store_rollback(struct store *s);
/*
 * Ends the transaction by the outcome of the work done in it: commits
 * when status is 0, rolls back otherwise. Returns 0 only when committed.
 */
int store_finish(struct store *s, int status, struct diags *d);

/*
 * Stores one respondent's answers, creating municipality, round and
 * approach as needed. Refused (diagnostic at r->file:r->line): a round
 * already on another framework version or vastgesteld (so is a dossier
 * for it, below), a respondent already stored
 * (unless replace: then its answers are replaced and that is recorded),
 * a second gemeente or a fourth netwerkpartner for the approach.
 */
int store_put_response(struct store *s, const struct response *r,
    int replace, struct diags *d);
/* Stores a dossier: context, descriptions, partner lists (replacing). */
int store_put_dossier(struct store *s, const struct dossier *x,
    struct diags *d);
/*
 * Names: store_put_response() and store_put_dossier() store every name in
 * its normal form and take a name that matches a stored one (names.h: case,
 * Unicode form, white space and apostrophes aside) for that one, noting the
 * spelling kept. Before an import commits, this refuses each respondent
 * stored by it whose round has a dossier that does not name its approach
 * or (a netwerkpartner) its organisation, with the dossier's names. Dossier
 * and answers may come in either order, in one import or in two.
 */
int store_check_names(struct store *s, struct diags *d);
/*
 * Replaces *name, a municipality as typed (NULL: left alone), by the
 * stored spelling it matches; the string lives until store_close() (or
 * store_end_read()). None
 * matches: -1 with "no municipality", and the closest stored name as
 * "did you mean" when one is close.
 */
int store_resolve_municipality(struct store *s, const char **name,
    struct diags *d);
/*
 * The same for an approach of municipality's round (0: its latest). When
 * there is no such round, *name is left as typed for the caller's own
 * lookup to report.
 */
int store_resolve_approach(struct store *s, const char *municipality,
    int round, const char **name, struct diags *d);

struct store_status_row {
	const char *municipality;
	int         round;
	const char *framework, *version;
	const char *approach;      /* NULL: a round without approaches */
	const char *role;          /* NULL: approach without respondents */
	const char *organisation;
	int         answered;      /* questions with an answer */
};

/* Calls row for every respondent (of municipality, or all when NULL). */
int store_status(struct store *s, const char *municipality,
    void (*row)(void *, const struct store_status_row *), void *ctx,
    struct diags *d);

/*
 * The round of municipality: *round, or the latest when *round is 0
 * (then set). Its framework id and version are returned in new memory.
 */
int store_find_round(struct store *s, const char *municipality, int *round,
    char **framework, char **version, struct diags *d);

struct store_answer_row {
	const char *approach;
	const char *indicator;     /* NULL: approach without answers */
	const char *role;
	const char *value;         /* answer code; NULL: not answered */
	const char *organisation;
	const char *toelichting;   /* NULL: none */
};

/* Names one approach × indicator of a municipality's round. */
struct store_key {
	const char *municipality;
	int         round;
	const char *approach;
	const char *indicator;
};

/* An inspector's override; NULL fields keep the proposal. */
struct store_override {
	char *verdict;     /* "V", "X", "-" */
	char *finding;
	char *letop;       /* LET OP text */
	int   no_letop;    /* the proposal's LET OP is withdrawn */
	char *proposal;    /* the proposal when first overridden ("V+", "X") */
};

/* Frees the strings of an override read by the store. */
void store_override_clear(struct store_override *o);

/* One change, with who, when and why (the reason is required). */
struct store_change {
	struct store_key key;
	const char      *verdict, *finding, *letop;  /* NULL: unchanged */
	int              no_letop;
	int              revert;    /* back to the proposal */
	const char      *proposal;  /* current proposal, kept on first change */
	const char      *who, *at, *reason;
	/* -- step 10: actor -- */
	/* Who acts: ops.h checks its role on the round as stored and logs
	 * its name as who (a caller's who is overwritten). Required. */
	const struct actor *actor;
};

/*
 * Applies c in the current transaction and appends one audit_log row per
 * field that changed (old and new value). Refused: an unknown approach,
 * reverting what is not overridden.
 */
int store_override_apply(struct store *s, const struct store_change *c,
    struct diags *d);

/* Every override of a round (strings valid during the call). */
int store_overrides(struct store *s, const char *municipality, int round,
    void (*row)(void *, const char *approach, const char *indicator,
    const struct store_override *), void *ctx, struct diags *d);

/*
 * Sets the conclusion of one approach and theme (c->key.indicator holds
 * the theme id): goed/beter NULL keep the current text; c->revert returns
 * to the drafted one. Logged like an override.
 */
int store_conclusion_apply(struct store *s, const struct store_change *c,
    const char *goed, const char *beter, struct diags *d);
/* Every edited conclusion of a round. */
int store_conclusions(struct store *s, const char *municipality, int round,
    void (*row)(void *, const char *approach, const char *theme,
    const char *goed, const char *beter), void *ctx, struct diags *d);

/*
 * Merges indicators first..last of one approach into one mark and one
 * finding (c->revert: splits them again). The caller has checked that they
 * are consecutive in one criterion. Logged like an override.
 */
int store_merge_apply(struct store *s, const struct store_change *c,
    const char *first, const char *last, struct diags *d);
/* Every merge of a round. */
int store_merges(struct store *s, const char *municipality, int round,
    void (*row)(void *, const char *approach, const char *first,
    const char *last), void *ctx, struct diags *d);

/*
 * The version of what key names (an indicator, a theme id or a merge
 * range "FIRST-LAST" of one approach): the audit-log id of its last
 * change in *id (0: never changed), with who made it and when (new
 * strings; NULL when never changed). A front end shows a cell with its
 * version and hands it back with the change (ops.h). Without an approach
 * (k->approach NULL) it is a field of the round itself: k->indicator
 * names it ("state", "context"). An approach's description is its
 * indicator "-".
 */
int store_last_change(struct store *s, const struct store_key *k,
    long long *id, char **who, char **at, struct diags *d);

struct store_history_row {
	const char *at, *who;
	int         round;
	const char *approach, *indicator, *field;
	const char *old_value, *new_value, *reason;
};

/* The audit log of a municipality (one round, or all when round is 0). */
int store_history(struct store *s, const char *municipality, int round,
    void (*row)(void *, const struct store_history_row *), void *ctx,
    struct diags *d);

/*
 * The review state of a round (its year, not 0): "concept", "wederhoor"
 * or "vastgesteld" in *state and when it was entered in *since (NULL:
 * never changed); new strings.
 */
int store_round_state(struct store *s, const char *municipality, int round,
    char **state, char **since, struct diags *d);
/*
 * Sets the state of round c->key (its year) in the current transaction and
 * appends its audit row (field "state", indicator "-", no approach). The
 * caller (ops_state) has checked the transition.
 */
int store_state_apply(struct store *s, const struct store_change *c,
    const char *state, struct diags *d);
/*
 * What a round (its year) lacks before it can be vastgesteld: each
 * approach without the gemeente's answers (nobody: without any answers;
 * partner NULL) and each partner the dossier names who did not answer.
 */
int store_round_gaps(struct store *s, const char *municipality, int round,
    void (*row)(void *, const char *approach, const char *partner,
    int nobody), void *ctx, struct diags *d);

/*
 * Sets a dossier text in the current transaction and logs it: field
 * "context" (the round's, c->key.approach unused) or "description" (of
 * c->key.approach), old and new value, indicator "-". The text it
 * replaces in *old (new string, NULL: none). The same text again writes
 * nothing.
 */
int store_dossier_text_apply(struct store *s, const struct store_change *c,
    const char *field, const char *text, char **old, struct diags *d);
/* -- step 11: layout -- */
/*
 * store_dossier_text_apply() also sets the round's own fields "intro"
 * (its front-page introduction) and "published" (its publication date,
 * YYYY-MM or YYYY-MM-DD), audited as "context" is. Both of a round here
 * (new strings; NULL: not set).
 */
int store_round_texts(struct store *s, const char *municipality, int round,
    char **intro, char **published, struct diags *d);

/* Every answer of a municipality's round, by approach (in import order). */
int store_answers(struct store *s, const char *municipality, int round,
    void (*row)(void *, const struct store_answer_row *), void *ctx,
    struct diags *d);

/* step 9: web bench. One row of the Overzicht: a municipality's round. */
struct store_overview_row {
	const char *municipality;
	int         round;
	int         self_assessment;
	const char *changed;       /* the last change; "" when none */
	const char *state;         /* concept, wederhoor, vastgesteld */
	const char *who;           /* who made the last change; "" when it
	                              was an import or there was none */
};

/*
 * The rounds (by municipality name, then year) whose municipality's name
 * contains filter (compared by name key, names.h; "" or NULL: every
 * round): *total of them, and row for those from offset, at most limit.
 * Its cost is that of the rows returned, not of the database.
 */
int store_overview(struct store *s, const char *filter, long offset,
    long limit, void (*row)(void *, const struct store_overview_row *),
    void *ctx, long *total, struct diags *d);

/* -- step 10: approach -- */
/*
 * Adds approach c->key.approach to round c->key.round (a year, as
 * stored) of c->key.municipality (stored name): last in the dossier,
 * with its description (NULL: none) and up to three partners, audited
 * as field "approach" (indicator c->key.indicator, "-"). Refused: a
 * round that does not exist, a name that matches a stored approach.
 * The stored spelling in *stored (new string).
 */
int store_approach_add(struct store *s, const struct store_change *c,
    const char *description, const char *const *partners, size_t npartners,
    char **stored, struct diags *d);
/* -- step 10: accounts -- */
/*
 * Accounts and sessions as stored; account.h is the API over them (the
 * password rules, the hashing, the lock-out, the session tokens). An
 * account is named by its key (names_key()): every name below may be
 * typed in any spelling of the stored one.
 */
struct store_account {
	char     *name;          /* as stored */
	char     *role;          /* beheerder, inspecteur, gemeente, lezer */
	char     *municipality;  /* the stored name; NULL unless gemeente */
	char     *hash;          /* crypto_pwhash_str(); NULL in lists */
	int       disabled;
	char     *created, *changed;  /* ISO 8601 */
	char     *last_login;    /* ISO 8601; NULL: never */
	int       failed;        /* failed logins in a row */
	long long locked_until;  /* unix seconds; 0: never locked */
};
/* Frees the strings of a (the hash wiped first); NULL is a no-op. */
void store_account_clear(struct store_account *a);
/* The account named name into *a (new strings): 0; 1 when none. */
int store_account_get(struct store *s, const char *name,
    struct store_account *a, struct diags *d);
/*
 * Adds a->name, ->role, ->municipality (a stored name or NULL), ->hash,
 * ->created (also its "changed"). The caller has checked that no account
 * has its key; the table refuses a second one anyway.
 */
int store_account_add(struct store *s, const struct store_account *a,
    struct diags *d);
/* These set one thing of account name and its "changed" to at; 1: none. */
int store_account_set_hash(struct store *s, const char *name,
    const char *hash, const char *at, struct diags *d);
int store_account_set_disabled(struct store *s, const char *name,
    int disabled, const char *at, struct diags *d);
int store_account_set_role(struct store *s, const char *name,
    const char *role, const char *municipality, const char *at,
    struct diags *d);
/*
 * Counts a failed login of name in one statement (two at once both
 * count): when the count reaches max, locked_until becomes until. The
 * new values in *failed and *locked_until (0 and 0: no such account).
 */
int store_account_failed(struct store *s, const char *name, int max,
    long long until, int *failed, long long *locked_until,
    struct diags *d);
/* A login of name at at: no failures, not locked, last_login = at. */
int store_account_login(struct store *s, const char *name, const char *at,
    struct diags *d);
/* Every account by name (a->hash NULL), strings valid during the call. */
int store_accounts(struct store *s,
    void (*row)(void *, const struct store_account *), void *ctx,
    struct diags *d);
/* How many accounts are not disabled. */
int store_account_count(struct store *s, int *n, struct diags *d);
/* Appends to the account log: event add, passwd, disable, enable, role,
 * locked; detail may be NULL. */
int store_account_log(struct store *s, const char *at, const char *who,
    const char *account, const char *event, const char *detail,
    struct diags *d);

/* A session as stored, with its account (times: unix seconds). */
struct store_session {
	char     *account, *role, *municipality, *csrf;
	int       disabled;      /* the account's */
	long long created, last_seen, idle_until, absolute_until;
};
void store_session_clear(struct store_session *x);
/* Stores a session of account under the hash of its token; 1: no such
 * account. */
int store_session_add(struct store *s, const unsigned char *id_hash,
    size_t n, const char *account, const char *csrf, long long created,
    long long idle_until, long long absolute_until, struct diags *d);
/* The session stored under id_hash into *x (new strings): 0; 1: none. */
int store_session_get(struct store *s, const unsigned char *id_hash,
    size_t n, struct store_session *x, struct diags *d);
int store_session_touch(struct store *s, const unsigned char *id_hash,
    size_t n, long long now, long long idle_until, struct diags *d);
int store_session_del(struct store *s, const unsigned char *id_hash,
    size_t n, struct diags *d);
/* Ends every session of account; how many in *ended. */
int store_session_del_account(struct store *s, const char *account,
    int *ended, struct diags *d);
/* Deletes the sessions expired at now. */
int store_session_purge(struct store *s, long long now, struct diags *d);

#endif
