/*
 * invite: invitations and the answers given through them. See invite.h.
 *
 * The invitation tables are this module's own (store.c migration 7), so
 * their SQL lives here, through store_int.h; the answers, once submitted,
 * go through store_put_response() like every import's.
 */
#include "invite.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "actor.h"   /* step 10: actor */
#include "ingest.h"
#include "names.h"
#include "ops.h"
#include "store_int.h"
#include "util.h"

/* Where a submitted invitation's answers say they came from. */
#define INVITE_SOURCE "invitation"

typedef unsigned char token_hash[crypto_generichash_BYTES];

static const char *const state_names[] = {
	"invited", "opened", "draft", "submitted"
};

const char *
invite_state_name(enum invite_state s)
{
	return state_names[s];
}

const char *
invite_refusal_name(enum invite_refusal r)
{
	static const char *const names[] = {
		"ok", "unknown", "expired", "revoked", "submitted"
	};
	return names[r];
}

static enum invite_state
state_from_name(const char *s)
{
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(state_names[i], s) == 0)
			return (enum invite_state)i;
	return INVITE_INVITED;
}

void
invitation_free(struct invitation *inv)
{
	if (inv == NULL)
		return;
	free(inv->municipality);
	free(inv->approach);
	free(inv->organisation);
	free(inv->email);
	free(inv->created);
	free(inv->expires);
	free(inv->revoked);
	free(inv->sent);
	free(inv->opened);
	free(inv->submitted);
	free(inv->framework);
	free(inv);
}

/* ---- Tokens ---------------------------------------------------------- */

void
invite_token_new(char token[INVITE_TOKEN_LEN])
{
	unsigned char raw[32];

	/* sodium_init() is idempotent and thread-safe after the first. */
	if (sodium_init() < 0)
		abort();
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(token, INVITE_TOKEN_LEN, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

int
invite_token_valid(const char *s)
{
	size_t n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_");

	return n == INVITE_TOKEN_LEN - 1 && s[n] == '\0';
}

static void
hash_token(token_hash out, const char *token)
{
	crypto_generichash(out, sizeof(token_hash), (const unsigned char *)token,
	    strlen(token), NULL, 0);
}

/* ---- Small helpers ----------------------------------------------------- */

/* now + days as ISO 8601 UTC in out; -1 when now is no such time. */
static int
add_days(const char *now, int days, char out[32])
{
	struct tm tm;
	time_t    t;
	int       n = -1;

	memset(&tm, 0, sizeof(tm));
	if (sscanf(now, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6 ||
	    n < 0 || now[n] != '\0')
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	if ((t = timegm(&tm)) == (time_t)-1)
		return -1;
	t += (time_t)days * 86400;
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return -1;
	return 0;
}

static const char *
who_or_default(const char *who)
{
	return who != NULL && *who != '\0' ? who : "onbekend";
}

static sqlite3_stmt *
prep(struct store *s, const char *sql, struct diags *d)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(store_sqlite(s), sql, -1, &st, NULL) !=
	    SQLITE_OK) {
		store_sqlite_error(s, d);
		return NULL;
	}
	return st;
}

static void
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* Steps and finalizes a statement that returns no rows. */
static int
run(struct store *s, sqlite3_stmt *st, struct diags *d)
{
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : store_sqlite_error(s, d);
	sqlite3_finalize(st);
	return rc;
}

static char *
column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t == NULL ? NULL : xstrdup((const char *)t);
}

/* The integer of a one-row query with ?1, ?2 bound; -1 on error. */
static long long
query_id(struct store *s, const char *sql, sqlite3_int64 a, const char *b,
    const char *c, struct diags *d)
{
	sqlite3_stmt *st = prep(s, sql, d);
	long long     v = 0;
	int           rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, a);
	bind_text(st, 2, b);
	bind_text(st, 3, c);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		v = store_sqlite_error(s, d);
	sqlite3_finalize(st);
	return v;
}

static int
event(struct store *s, long long id, const char *now, const char *who,
    const char *action, const char *detail, struct diags *d)
{
	sqlite3_stmt *st = prep(s, "INSERT INTO invitation_event"
	    " (invitation_id, at, who, action, detail)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)", d);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, now);
	bind_text(st, 3, who_or_default(who));
	bind_text(st, 4, action);
	bind_text(st, 5, detail);
	return run(s, st, d);
}

/*
 * A change's transaction: its own, or the caller's when one is open
 * (store_begin(): a command that writes many texts commits them and their
 * new tokens together). *own says which; tx_end() ends only its own.
 */
static int
tx_begin(struct store *s, int *own, struct diags *d)
{
	*own = sqlite3_get_autocommit(store_sqlite(s)) != 0;
	return *own ? store_begin(s, d) : 0;
}

static int
tx_end(struct store *s, int own, int rc, struct diags *d)
{
	if (own)
		return store_finish(s, rc, d);
	return rc == 0 ? 0 : -1;
}

/* ---- Reading invitations ------------------------------------------------ */

#define SELECT_INVITATION \
	"SELECT i.id, m.name, r.year, a.name, i.role, i.organisation," \
	" i.email, i.created, i.expires, i.revoked, i.sent, i.opened," \
	" i.submitted, i.state, f.name || '@' || f.version" \
	" FROM invitation i JOIN approach a ON a.id = i.approach_id" \
	" JOIN round r ON r.id = a.round_id" \
	" JOIN municipality m ON m.id = r.municipality_id" \
	" JOIN framework f ON f.id = r.framework_id"

static struct invitation *
invitation_row(sqlite3_stmt *st)
{
	struct invitation *inv = xcalloc(1, sizeof(*inv));

	inv->id = sqlite3_column_int64(st, 0);
	inv->municipality = column_dup(st, 1);
	inv->round = sqlite3_column_int(st, 2);
	inv->approach = column_dup(st, 3);
	inv->role = role_from_name((const char *)sqlite3_column_text(st, 4));
	inv->organisation = column_dup(st, 5);
	inv->email = column_dup(st, 6);
	inv->created = column_dup(st, 7);
	inv->expires = column_dup(st, 8);
	inv->revoked = column_dup(st, 9);
	inv->sent = column_dup(st, 10);
	inv->opened = column_dup(st, 11);
	inv->submitted = column_dup(st, 12);
	inv->state = state_from_name((const char *)sqlite3_column_text(st, 13));
	inv->framework = column_dup(st, 14);
	return inv;
}

/* The one invitation st finds (NULL: none; *err on a database error). */
static struct invitation *
invitation_one(struct store *s, sqlite3_stmt *st, int *err, struct diags *d)
{
	struct invitation *inv = NULL;
	int                rc;

	*err = 0;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		inv = invitation_row(st);
	else if (rc != SQLITE_DONE)
		*err = store_sqlite_error(s, d);
	sqlite3_finalize(st);
	return inv;
}

struct invitation *
invite_get(struct store *s, long long id, struct diags *d)
{
	sqlite3_stmt      *st = prep(s, SELECT_INVITATION " WHERE i.id = ?1", d);
	struct invitation *inv;
	int                err;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if ((inv = invitation_one(s, st, &err, d)) == NULL && err == 0)
		diags_add(d, NULL, 0, MSG_INV_NO_ID, id);
	return inv;
}

int
invite_list(struct store *s, const char *municipality, int *round,
    void (*row)(void *, const struct invitation *), void *ctx,
    struct diags *d)
{
	sqlite3_stmt *st;
	char         *fw = NULL, *ver = NULL;
	int           rc;

	if (store_resolve_municipality(s, &municipality, d) == -1 ||
	    store_find_round(s, municipality, round, &fw, &ver, d) == -1)
		return -1;
	free(fw);
	free(ver);
	if ((st = prep(s, SELECT_INVITATION " WHERE m.name = ?1 AND"
	    " r.year = ?2 ORDER BY a.position IS NULL, a.position, a.id,"
	    " i.role, i.organisation, i.id", d)) == NULL)
		return -1;
	bind_text(st, 1, municipality);
	sqlite3_bind_int(st, 2, *round);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct invitation *inv = invitation_row(st);
		row(ctx, inv);
		invitation_free(inv);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sqlite_error(s, d);
}

/* Why inv opens nothing at now (INVITE_OK: it opens). */
static enum invite_refusal
refusal(const struct invitation *inv, const char *now)
{
	if (inv->revoked != NULL)
		return INVITE_REVOKED;
	if (inv->state == INVITE_SUBMITTED)
		return INVITE_DONE;
	if (strcmp(now, inv->expires) >= 0)
		return INVITE_EXPIRED;
	return INVITE_OK;
}

/* The diagnostic of refusal why for inv (NULL for an unknown token). */
static void
refused(const struct invitation *inv, enum invite_refusal why,
    struct diags *d)
{
	switch (why) {
	case INVITE_OK:
		break;
	case INVITE_UNKNOWN:
		diags_add(d, NULL, 0, MSG_INV_UNKNOWN);
		break;
	case INVITE_EXPIRED:
		diags_add(d, NULL, 0, MSG_INV_EXPIRED, inv->expires);
		break;
	case INVITE_REVOKED:
		diags_add(d, NULL, 0, MSG_INV_REVOKED, inv->revoked);
		break;
	case INVITE_DONE:
		diags_add(d, NULL, 0, MSG_INV_DONE, inv->submitted);
		break;
	}
}

/* The invitation of token (NULL: unknown, or -1 in *err). */
static struct invitation *
by_token(struct store *s, const char *token, int *err, struct diags *d)
{
	sqlite3_stmt *st;
	token_hash    h;

	*err = 0;
	/* Not a token: nothing to look up (and nothing long to hash). */
	if (token == NULL || !invite_token_valid(token))
		return NULL;
	if ((st = prep(s, SELECT_INVITATION " WHERE i.token_hash = ?1",
	    d)) == NULL) {
		*err = -1;
		return NULL;
	}
	hash_token(h, token);
	sqlite3_bind_blob(st, 1, h, sizeof(h), SQLITE_TRANSIENT);
	return invitation_one(s, st, err, d);
}

/*
 * The invitation token opens at now, with its framework from set (when
 * given): *out when it opens (or, with done_ok, is submitted), else the
 * reason in *why and a diagnostic. -1: a database error or a framework
 * that is not installed.
 */
static int
open_token(struct store *s, const struct framework_set *set,
    const char *token, const char *now, int done_ok, struct invitation **out,
    enum invite_refusal *why, struct diags *d)
{
	struct invitation *inv;
	int                err;

	*out = NULL;
	if ((inv = by_token(s, token, &err, d)) == NULL) {
		*why = INVITE_UNKNOWN;
		if (err == 0)
			refused(NULL, *why, d);
		return err;
	}
	*why = refusal(inv, now);
	if (*why != INVITE_OK && !(done_ok && *why == INVITE_DONE)) {
		refused(inv, *why, d);
		invitation_free(inv);
		return 0;
	}
	if (set != NULL &&
	    (inv->fw = framework_set_find(set, inv->framework)) == NULL) {
		diags_add(d, NULL, 0, MSG_FW_NOT_FOUND, inv->framework);
		invitation_free(inv);
		return -1;
	}
	*out = inv;
	return 0;
}

int
invite_find(struct store *s, const struct framework_set *set,
    const char *token, const char *now, int open, struct invitation **out,
    enum invite_refusal *why, struct diags *d)
{
	struct invitation *inv;
	sqlite3_stmt      *st;
	int                rc, own;

	*out = NULL;
	if (!open)
		return open_token(s, set, token, now, 1, out, why, d);
	if (tx_begin(s, &own, d) == -1)
		return -1;
	rc = open_token(s, set, token, now, 1, &inv, why, d);
	if (rc == 0 && inv != NULL && inv->state == INVITE_INVITED) {
		st = prep(s, "UPDATE invitation SET state = 'opened',"
		    " opened = ?2 WHERE id = ?1", d);
		if (st != NULL) {
			sqlite3_bind_int64(st, 1, inv->id);
			bind_text(st, 2, now);
		}
		if ((rc = run(s, st, d)) == 0)
			rc = event(s, inv->id, now, inv->organisation, "opened",
			    NULL, d);
		if (rc == 0) {
			inv->state = INVITE_OPENED;
			inv->opened = xstrdup(now);
		}
	}
	if (tx_end(s, own, rc, d) == -1) {
		invitation_free(inv);
		return -1;
	}
	*out = inv;
	return 0;
}

/* ---- The inspector's side ------------------------------------------------ */

/* A plain address: local@domain, printable ASCII, no room for a header. */
static int
email_valid(const char *e)
{
	const char *at = strchr(e, '@');
	size_t      i, n = strlen(e);

	if (n == 0 || n > 254 || at == NULL || at == e || at[1] == '\0' ||
	    strchr(at + 1, '@') != NULL || strchr(at + 1, '.') == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (e[i] <= ' ' || e[i] >= 0x7f || strchr("<>()[]\\,;:\"",
		    e[i]) != NULL)
			return 0;
	return 1;
}

/*
 * The organisation's stored form (*org, new) and key (*key, new); a
 * netwerkpartner the dossier names for approach appr takes its spelling,
 * one it does not name (when it names any) is refused as an import is.
 */
static int
organisation(struct store *s, sqlite3_int64 appr, const struct invite_new *n,
    const char *mun, int round, const char *approach, char **org, char **key,
    struct diags *d)
{
	sqlite3_stmt *st;
	char         *names = NULL, *k, *t;
	int           rc, found = 0;

	*key = NULL;
	if ((*org = names_normalise(n->organisation)) == NULL) {
		diags_add(d, NULL, 0, MSG_NAME_UTF8, "organisation");
		return -1;
	}
	if (**org == '\0') {
		diags_add(d, NULL, 0, MSG_NAME_BLANK, "organisation");
		return -1;
	}
	if (ops_text_check("the organisation", *org, 0, NULL, 0, d) == -1)
		return -1;
	*key = names_key(*org);
	if (n->role != ROLE_NETWERKPARTNER)
		return 0;
	if ((st = prep(s, "SELECT organisation FROM approach_partner"
	    " WHERE approach_id = ?1 ORDER BY position", d)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, appr);
	while (!found && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);
		if ((k = names_key(p)) != NULL && strcmp(k, *key) == 0) {
			free(*org);
			*org = xstrdup(p);
			found = 1;
		}
		free(k);
		t = names == NULL ? xasprintf("'%s'", p) :
		    xasprintf("%s, '%s'", names, p);
		free(names);
		names = t;
	}
	sqlite3_finalize(st);
	rc = found || names == NULL ? 0 : -1;
	if (rc == -1)
		diags_add(d, NULL, 0, MSG_DOSSIER_NO_PARTNER, *org, approach,
		    mun, round, names);
	free(names);
	return rc;
}

/* Refuses what an import of this respondent's answers would refuse. */
static int
check_room(struct store *s, sqlite3_int64 appr, const struct invite_new *n,
    const char *org, const char *key, const char *mun, int round,
    const char *approach, struct diags *d)
{
	long long id, count;

	if ((id = query_id(s, "SELECT id FROM invitation WHERE"
	    " approach_id = ?1 AND name_key = ?2 AND revoked IS NULL",
	    appr, key, NULL, d)) != 0) {
		if (id > 0)
			diags_add(d, NULL, 0, MSG_INV_TWICE, org, approach, mun,
			    round, id);
		return -1;
	}
	if ((id = query_id(s, "SELECT id FROM respondent WHERE"
	    " approach_id = ?1 AND name_key = ?2", appr, key, NULL, d)) != 0) {
		if (id > 0)
			diags_add(d, NULL, 0, MSG_INV_ANSWERED, org, approach,
			    mun, round);
		return -1;
	}
	count = query_id(s, "SELECT count(*) FROM (SELECT name_key FROM"
	    " invitation WHERE approach_id = ?1 AND role = ?2 AND revoked IS NULL"
	    " UNION SELECT name_key FROM respondent WHERE approach_id = ?1"
	    " AND role = ?2)", appr, role_name(n->role), NULL, d);
	if (count < 0)
		return -1;
	if (count >= (n->role == ROLE_GEMEENTE ? 1 : 3)) {
		diags_add(d, NULL, 0, n->role == ROLE_GEMEENTE ?
		    MSG_TOO_MANY_GEMEENTE : MSG_TOO_MANY_PARTNERS, approach,
		    mun, round);
		return -1;
	}
	return 0;
}

static int
insert(struct store *s, sqlite3_int64 appr, const struct invite_new *n,
    const char *org, const char *key, const char *now, const char *expires,
    const char *token, long long *id, struct diags *d)
{
	sqlite3_stmt *st = prep(s, "INSERT INTO invitation (approach_id, role,"
	    " organisation, name_key, email, token_hash, created, expires)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", d);
	token_hash    h;

	if (st == NULL)
		return -1;
	hash_token(h, token);
	sqlite3_bind_int64(st, 1, appr);
	bind_text(st, 2, role_name(n->role));
	bind_text(st, 3, org);
	bind_text(st, 4, key);
	bind_text(st, 5, n->email);
	sqlite3_bind_blob(st, 6, h, sizeof(h), SQLITE_TRANSIENT);
	bind_text(st, 7, now);
	bind_text(st, 8, expires);
	if (run(s, st, d) == -1)
		return -1;
	*id = sqlite3_last_insert_rowid(store_sqlite(s));
	return 0;
}

static int
add(struct store *s, const struct invite_new *n, const struct actor *actor,
    const char *now, char token[INVITE_TOKEN_LEN], long long *id,
    struct diags *d)
{
	const char   *mun = n->municipality, *approach = n->approach;
	char         *org = NULL, *key = NULL;
	char          expires[32];
	sqlite3_int64 appr = 0;
	int           round = n->round, rc = -1;

	if (n->email != NULL && !email_valid(n->email)) {
		diags_add(d, NULL, 0, MSG_INV_EMAIL, n->email);
		return -1;
	}
	if (add_days(now, n->days > 0 ? n->days : INVITE_DAYS_DEFAULT,
	    expires) == -1) {
		diags_add(d, NULL, 0, MSG_TEST_NOW_BAD);
		return -1;
	}
	/* step 10: actor. Resolves mun and round, as stored. */
	if (actor_check(s, actor, ACT_INVITE, &mun, &round, d) == -1 ||
	    store_resolve_approach(s, mun, round, &approach, d) == -1)
		goto out;
	if ((appr = query_id(s, "SELECT a.id FROM approach a"
	    " JOIN round r ON r.id = a.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE r.year = ?1 AND m.name = ?2 AND a.name = ?3", round, mun,
	    approach, d)) <= 0) {
		if (appr == 0)
			diags_add(d, NULL, 0, MSG_NO_APPROACH, approach, mun,
			    round);
		goto out;
	}
	if (organisation(s, appr, n, mun, round, approach, &org, &key, d) ||
	    check_room(s, appr, n, org, key, mun, round, approach, d) == -1)
		goto out;
	invite_token_new(token);
	if (insert(s, appr, n, org, key, now, expires, token, id, d) == 0)
		rc = event(s, *id, now, actor->name, "invited", n->email, d);
out:
	free(org);
	free(key);
	return rc;
}

int
invite_add(struct store *s, const struct invite_new *n,
    const struct actor *actor, const char *now, char token[INVITE_TOKEN_LEN],
    long long *id, struct diags *d)
{
	int own;

	if (actor_may_try(actor, ACT_INVITE, d) == -1 ||
	    tx_begin(s, &own, d) == -1)
		return -1;
	return tx_end(s, own, add(s, n, actor, now, token, id, d), d);
}

/* Runs sql (?1 the id, ?2 now, ?3 a blob) and logs action, as one change. */
static int
change(struct store *s, const struct invitation *inv, const char *sql,
    const void *blob, size_t nblob, const char *who, const char *now,
    const char *action, const char *detail, struct diags *d)
{
	sqlite3_stmt *st = prep(s, sql, d);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, inv->id);
	bind_text(st, 2, now);
	if (blob != NULL)
		sqlite3_bind_blob(st, 3, blob, (int)nblob, SQLITE_TRANSIENT);
	if (run(s, st, d) == -1)
		return -1;
	return event(s, inv->id, now, who, action, detail, d);
}

/*
 * May actor invite in inv's round (step 10: actor)? One it may not see
 * is "no invitation ID", as an id that is not there.
 */
static int
may_change(struct store *s, const struct actor *actor,
    const struct invitation *inv, struct diags *d)
{
	const char *mun = inv->municipality;
	int         round = inv->round, is_hidden;

	if (actor_check_quiet(s, actor, ACT_INVITE, &mun, &round, &is_hidden,
	    d) == 0)
		return 0;
	if (is_hidden)
		diags_add(d, NULL, 0, MSG_INV_NO_ID, inv->id);
	return -1;
}

/*
 * The shared frame of the inspector's changes: checks the actor, finds
 * id in a transaction, checks the actor on its round, hands it to fn,
 * commits when fn returned 0.
 */
static int
with_invitation(struct store *s, long long id, const struct actor *actor,
    int (*fn)(struct store *, struct invitation *, void *, struct diags *),
    void *arg, struct diags *d)
{
	struct invitation *inv;
	int                rc = -1, own;

	if (actor_may_try(actor, ACT_INVITE, d) == -1 ||
	    tx_begin(s, &own, d) == -1)
		return -1;
	if ((inv = invite_get(s, id, d)) != NULL &&
	    may_change(s, actor, inv, d) == 0)
		rc = fn(s, inv, arg, d);
	invitation_free(inv);
	return tx_end(s, own, rc, d);
}

struct reissue_arg {
	int         days;
	const char *who, *now;
	char       *token;
};

static int
do_reissue(struct store *s, struct invitation *inv, void *varg,
    struct diags *d)
{
	struct reissue_arg *a = varg;
	token_hash          h;
	char                expires[32], *sql;
	int                 rc;

	if (inv->state == INVITE_SUBMITTED) {
		diags_add(d, NULL, 0, MSG_INV_IS_SUBMITTED, inv->id);
		return -1;
	}
	if (add_days(a->now, a->days > 0 ? a->days : INVITE_DAYS_DEFAULT,
	    expires) == -1) {
		diags_add(d, NULL, 0, MSG_TEST_NOW_BAD);
		return -1;
	}
	invite_token_new(a->token);
	hash_token(h, a->token);
	/* expires is made by strftime: digits, '-', ':', 'T', 'Z' only. */
	sql = xasprintf("UPDATE invitation SET token_hash = ?3, revoked = NULL,"
	    " expires = '%s' WHERE id = ?1 AND ?2 IS NOT NULL", expires);
	rc = change(s, inv, sql, h, sizeof(h), a->who, a->now, "reissued",
	    expires, d);
	free(sql);
	return rc;
}

int
invite_reissue(struct store *s, long long id, int days,
    const struct actor *actor, const char *now, char token[INVITE_TOKEN_LEN],
    struct diags *d)
{
	struct reissue_arg a = { days, actor ? actor->name : NULL, now, token };

	return with_invitation(s, id, actor, do_reissue, &a, d);
}

struct change_arg {
	const char *who, *now, *reason;
};

static int
do_revoke(struct store *s, struct invitation *inv, void *varg,
    struct diags *d)
{
	struct change_arg *a = varg;

	if (inv->state == INVITE_SUBMITTED) {
		diags_add(d, NULL, 0, MSG_INV_IS_SUBMITTED, inv->id);
		return -1;
	}
	if (inv->revoked != NULL) {
		diags_add(d, NULL, 0, MSG_INV_IS_REVOKED, inv->id);
		return -1;
	}
	return change(s, inv, "UPDATE invitation SET revoked = ?2"
	    " WHERE id = ?1", NULL, 0, a->who, a->now, "revoked", NULL, d);
}

int
invite_revoke(struct store *s, long long id, const struct actor *actor,
    const char *now, struct diags *d)
{
	struct change_arg a = { actor ? actor->name : NULL, now, NULL };

	return with_invitation(s, id, actor, do_revoke, &a, d);
}

static int
do_reopen(struct store *s, struct invitation *inv, void *varg,
    struct diags *d)
{
	struct change_arg *a = varg;

	if (inv->state != INVITE_SUBMITTED) {
		diags_add(d, NULL, 0, MSG_INV_NOT_SUBMITTED, inv->id);
		return -1;
	}
	return change(s, inv, "UPDATE invitation SET state = 'draft',"
	    " submitted = NULL WHERE id = ?1 AND ?2 IS NOT NULL", NULL, 0,
	    a->who, a->now, "reopened", a->reason, d);
}

int
invite_reopen(struct store *s, long long id, const struct actor *actor,
    const char *now, const char *reason, struct diags *d)
{
	struct change_arg a = { actor ? actor->name : NULL, now, reason };

	if (reason == NULL || strspn(reason, " \t\n") == strlen(reason)) {
		diags_add(d, NULL, 0, MSG_OPS_NO_REASON);
		return -1;
	}
	if (ops_text_check("the reason", reason, 0, NULL, 0, d) == -1)
		return -1;
	return with_invitation(s, id, actor, do_reopen, &a, d);
}

static int
do_sent(struct store *s, struct invitation *inv, void *varg,
    struct diags *d)
{
	struct change_arg *a = varg;

	return change(s, inv, "UPDATE invitation SET sent = ?2 WHERE id = ?1",
	    NULL, 0, a->who, a->now, "sent", inv->email, d);
}

int
invite_mark_sent(struct store *s, long long id, const struct actor *actor,
    const char *now, struct diags *d)
{
	struct change_arg a = { actor ? actor->name : NULL, now, NULL };

	return with_invitation(s, id, actor, do_sent, &a, d);
}

/* ---- The respondent's side ----------------------------------------------- */

/* Writes one checked answer into the draft of invitation id. */
static int
put_draft(struct store *s, long long id, const struct response_answer *a,
    struct diags *d)
{
	sqlite3_stmt *st;

	if (a->value == ANSWER_NONE && a->toelichting == NULL) {
		st = prep(s, "DELETE FROM invitation_answer"
		    " WHERE invitation_id = ?1 AND indicator = ?2", d);
		if (st == NULL)
			return -1;
	} else {
		st = prep(s, "INSERT OR REPLACE INTO invitation_answer"
		    " (invitation_id, indicator, value, toelichting)"
		    " VALUES (?1, ?2, ?3, ?4)", d);
		if (st == NULL)
			return -1;
		bind_text(st, 3, a->value == ANSWER_NONE ? NULL :
		    answer_code(a->value));
		bind_text(st, 4, a->toelichting);
	}
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, a->indicator->id);
	return run(s, st, d);
}

static int
save_draft(struct store *s, const struct invitation *inv, const char *now,
    const struct invite_answer *a, size_t n, struct diags *d)
{
	struct response_answer ra;
	sqlite3_stmt          *st;
	size_t                 i;
	int                    errors = 0;

	for (i = 0; i < n; i++)
		if (ingest_answer(inv->fw, inv->role, a[i].indicator,
		    a[i].value, a[i].toelichting, INVITE_SOURCE, inv->id, &ra,
		    d) == -1 || put_draft(s, inv->id, &ra, d) == -1)
			errors++;
	if (errors > 0)
		return -1;
	if ((st = prep(s, "UPDATE invitation SET state = 'draft',"
	    " opened = coalesce(opened, ?2) WHERE id = ?1", d)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, inv->id);
	bind_text(st, 2, now);
	return run(s, st, d);
}

int
invite_save_draft(struct store *s, const struct framework_set *set,
    const char *token, const char *now, const struct invite_answer *a,
    size_t n, enum invite_refusal *why, struct diags *d)
{
	struct invitation *inv;
	int                rc, own;

	if (tx_begin(s, &own, d) == -1)
		return -1;
	if ((rc = open_token(s, set, token, now, 0, &inv, why, d)) == 0 &&
	    inv == NULL)
		rc = -1;
	if (rc == 0)
		rc = save_draft(s, inv, now, a, n, d);
	invitation_free(inv);
	return tx_end(s, own, rc, d);
}

/* The draft rows of invitation id, to row; -1 on error. */
static int
draft_rows(struct store *s, long long id,
    void (*row)(void *, const char *, const char *, const char *), void *ctx,
    struct diags *d)
{
	sqlite3_stmt *st = prep(s, "SELECT indicator, coalesce(value, ''),"
	    " toelichting FROM invitation_answer WHERE invitation_id = ?1"
	    " ORDER BY indicator", d);
	int           rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row(ctx, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sqlite_error(s, d);
}

int
invite_answers(struct store *s, const char *token, const char *now,
    void (*row)(void *, const char *indicator, const char *value,
    const char *toelichting), void *ctx, enum invite_refusal *why,
    struct diags *d)
{
	struct invitation *inv;
	int                rc;

	if ((rc = open_token(s, NULL, token, now, 1, &inv, why, d)) == 0 &&
	    inv == NULL)
		return -1;
	if (rc == 0)
		rc = draft_rows(s, inv->id, row, ctx, d);
	invitation_free(inv);
	return rc;
}

/* The draft, gathered in framework order for a struct response. */
struct gather {
	const struct invitation *inv;
	struct response_answer  *answers;  /* one slot per indicator */
	char                   **texts;    /* owned copies, per slot */
	struct diags            *d;
	int                      errors;
};

static void
gather_row(void *vctx, const char *indicator, const char *value,
    const char *toelichting)
{
	struct gather             *g = vctx;
	struct response_answer     ra;
	const struct fw_indicator *ind;
	char                      *t = toelichting ? xstrdup(toelichting) : NULL;

	if (ingest_answer(g->inv->fw, g->inv->role, indicator, value, t,
	    INVITE_SOURCE, g->inv->id, &ra, g->d) == -1) {
		free(t);
		g->errors++;
		return;
	}
	ind = ra.indicator;
	free(g->texts[ind->index]);
	g->texts[ind->index] = t;
	g->answers[ind->index] = ra;
}

/* Stores the gathered draft as an import stores one respondent. */
static int
store_draft(struct store *s, const struct invitation *inv, struct gather *g,
    int replace, struct diags *d)
{
	const struct framework *fw = inv->fw;
	struct response         r;
	size_t                  i, n = 0;

	for (i = 0; i < fw->nindicators; i++)
		if (g->answers[i].indicator != NULL)
			g->answers[n++] = g->answers[i];
	memset(&r, 0, sizeof(r));
	r.file = INVITE_SOURCE;
	r.line = inv->id;
	r.fw = fw;
	r.municipality = inv->municipality;
	r.approach = inv->approach;
	r.round = inv->round;
	r.role = inv->role;
	r.organisation = inv->organisation;
	r.answers = g->answers;
	r.nanswers = n;
	/* Reopened: the answers it submitted before are replaced. */
	if (store_put_response(s, &r, replace, d) == -1)
		return -1;
	return store_check_names(s, d);
}

static int
submit(struct store *s, const struct invitation *inv, const char *now,
    struct diags *d)
{
	struct gather g;
	size_t        i, nind = inv->fw->nindicators;
	long long     resp, replace;
	int           rc = -1;

	memset(&g, 0, sizeof(g));
	g.inv = inv;
	g.d = d;
	g.answers = xcalloc(nind, sizeof(*g.answers));
	g.texts = xcalloc(nind, sizeof(*g.texts));
	if (draft_rows(s, inv->id, gather_row, &g, d) == -1 || g.errors > 0)
		goto out;
	if ((replace = query_id(s, "SELECT respondent_id IS NOT NULL"
	    " FROM invitation WHERE id = ?1", inv->id, NULL, NULL, d)) < 0)
		goto out;
	store_set_clock(s, now);
	if (store_draft(s, inv, &g, (int)replace, d) == -1)
		goto out;
	if ((resp = query_id(s, "SELECT p.id FROM respondent p"
	    " JOIN invitation i ON i.approach_id = p.approach_id"
	    " AND i.name_key = p.name_key WHERE i.id = ?1", inv->id, NULL,
	    NULL, d)) <= 0)
		goto out;
	{
		char *sql = xasprintf("UPDATE invitation SET state ="
		    " 'submitted', submitted = ?2, respondent_id = %lld"
		    " WHERE id = ?1", resp);
		rc = change(s, inv, sql, NULL, 0, inv->organisation, now,
		    "submitted", NULL, d);
		free(sql);
	}
out:
	for (i = 0; i < nind; i++)
		free(g.texts[i]);
	free(g.texts);
	free(g.answers);
	return rc;
}

int
invite_submit(struct store *s, const struct framework_set *set,
    const char *token, const char *now, enum invite_refusal *why,
    struct diags *d)
{
	struct invitation *inv;
	int                rc, own;

	if (tx_begin(s, &own, d) == -1)
		return -1;
	if ((rc = open_token(s, set, token, now, 0, &inv, why, d)) == 0 &&
	    inv == NULL)
		rc = -1;
	if (rc == 0)
		rc = submit(s, inv, now, d);
	invitation_free(inv);
	return tx_end(s, own, rc, d);
}
