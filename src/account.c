/*
 * account: names, passwords, lock-out and sessions. See account.h.
 *
 * Argon2id parameters: libsodium's INTERACTIVE limits (2 passes over
 * 64 MiB), its recommendation for online logins and above OWASP's
 * minimum for Argon2id (19 MiB, 2 passes). Measured on the project's
 * 2-core test machine under load: 0.3-0.55 s per hash or verify.
 * MODERATE (3 passes, 256 MiB) took 1.6-2.2 s there and 256 MiB per
 * login in flight: a handful of logins at once in stj serve's thread
 * pool would exhaust a small server. A stored hash records its own
 * parameters, so raising these later rehashes each account at its next
 * login (account_verify()).
 */
#include "account.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "names.h"
#include "ops.h"
#include "util.h"

/*
 * Argon2id with libsodium's INTERACTIVE limits: t=2 passes over m=64 MiB,
 * one lane. OWASP's password storage cheat sheet asks for Argon2id with
 * at least m=19 MiB and t=2; this is more than three times that memory,
 * which is what makes a guess expensive on a GPU. What it costs is
 * measured by make bench (bench/pwhash.c; "login:" rows): 0.3 s of one
 * core per login on the shared 2-core build machine under load (its
 * memory bandwidth, not its clock, sets the time), so a small server
 * verifies several logins a second: far more than a few dozen
 * inspectors and municipalities need, and the rate limits (ratelimit.h)
 * keep an attacker from making it do more. SENSITIVE
 * (1 GiB, seconds per login) would let a handful of logins exhaust a
 * small server. Stored hashes carry their own parameters, and a login
 * rehashes one made with older limits (crypto_pwhash_str_needs_rehash).
 */
#define PWHASH_OPS crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PWHASH_MEM crypto_pwhash_MEMLIMIT_INTERACTIVE

/*
 * A hash of a password nobody has, with the parameters above: an unknown
 * account name is checked against it, so that it costs what a wrong
 * password costs and the time does not tell which names exist.
 */
static const char dummy_hash[crypto_pwhash_STRBYTES] =
    "$argon2id$v=19$m=65536,t=2,p=1$xj9/EWYRA2vri2iROhgvxg$"
    "yRS84uME6taDs7ZKJnAQWThAkNQHUG6DO3GnBlhuGc0";

static int
crypto_ready(struct diags *d)
{
	/* 0: started now, 1: already; thread-safe. */
	if (sodium_init() < 0) {
		diags_add(d, NULL, 0, MSG_ACCOUNT_CRYPTO);
		return -1;
	}
	return 0;
}

/* t as ISO 8601 UTC, as the audit log writes it. */
static void
iso(time_t t, char out[32])
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		out[0] = '\0';
}

/* Unicode characters in UTF-8 s (continuation bytes not counted). */
static size_t
characters(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* The stored form of account name name (new string), or NULL after a
 * diagnostic. */
static char *
check_name(const char *name, struct diags *d)
{
	char *norm;

	if (ops_text_check("the account name", name, 0, NULL, 0, d) == -1)
		return NULL;
	if ((norm = names_normalise(name)) == NULL) {
		diags_add(d, NULL, 0, MSG_NAME_UTF8, "account");
		return NULL;
	}
	if (*norm == '\0')
		diags_add(d, NULL, 0, MSG_NAME_BLANK, "account");
	else if (characters(norm) > ACCOUNT_NAME_MAX)
		diags_add(d, NULL, 0, MSG_ACCOUNT_NAME_LONG, ACCOUNT_NAME_MAX);
	else
		return norm;
	free(norm);
	return NULL;
}

/* who as the log writes it: one line; NULL or empty is "onbekend". */
static int
check_who(const char **who, struct diags *d)
{
	if (ops_text_check("the name of who changes it", *who, 0, NULL, 0,
	    d) == -1)
		return -1;
	if (*who == NULL || **who == '\0')
		*who = "onbekend";
	return 0;
}

/* Frees a password copy, wiped first. */
static void
wipe_free(char *s)
{
	if (s != NULL) {
		sodium_memzero(s, strlen(s));
		free(s);
	}
}

/* The form of password that is hashed (NFKC; new string) or NULL when it
 * is not UTF-8 (ops_text_check() said so already). */
static char *
pw_form(const char *password)
{
	return (char *)utf8proc_NFKC((const utf8proc_uint8_t *)password);
}

int
account_password_check(const char *name, const char *password,
    struct diags *d)
{
	char  *pw;
	size_t n;
	int    rc = -1;

	if (ops_text_check("the password", password, 0, NULL, 0, d) == -1)
		return -1;
	if ((pw = pw_form(password)) == NULL) {
		diags_add(d, NULL, 0, MSG_TEXT_UTF8, "the password");
		return -1;
	}
	if ((n = characters(pw)) < ACCOUNT_PASSWORD_MIN)
		diags_add(d, NULL, 0, MSG_PASSWORD_SHORT, ACCOUNT_PASSWORD_MIN,
		    n);
	else if (n > ACCOUNT_PASSWORD_MAX)
		diags_add(d, NULL, 0, MSG_PASSWORD_LONG, ACCOUNT_PASSWORD_MAX);
	else if (name != NULL && names_equal(name, pw))
		diags_add(d, NULL, 0, MSG_PASSWORD_NAME);
	else
		rc = 0;
	wipe_free(pw);
	return rc;
}

/* The Argon2id string of password (checked) into out. */
static int
hash_password(const char *password, char out[crypto_pwhash_STRBYTES],
    struct diags *d)
{
	char *pw = pw_form(password);
	int   rc = 0;

	if (pw == NULL || crypto_pwhash_str(out, pw, strlen(pw), PWHASH_OPS,
	    PWHASH_MEM) != 0) {
		diags_add(d, NULL, 0, MSG_ACCOUNT_HASH,
		    (size_t)(PWHASH_MEM >> 20));
		rc = -1;
	}
	wipe_free(pw);
	return rc;
}

/* 1 when password is the one hash was made of, else 0. */
static int
password_matches(const char *hash, const char *password)
{
	char  buf[crypto_pwhash_STRBYTES];
	char *pw = pw_form(password);
	int   ok;

	/* libsodium reads a whole crypto_pwhash_STRBYTES array. */
	memset(buf, 0, sizeof(buf));
	snprintf(buf, sizeof(buf), "%s", pw != NULL ? hash : dummy_hash);
	/* Not UTF-8: no password of ours, but it costs the same time. */
	ok = crypto_pwhash_str_verify(buf, pw != NULL ? pw : "",
	    pw != NULL ? strlen(pw) : 0) == 0 && pw != NULL;
	wipe_free(pw);
	return ok;
}

static void
collect_name(void *ctx, const struct store_account *a)
{
	struct { char **v; size_t n; } *l = ctx;

	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n++] = xstrdup(a->name);
}

/* "no account NAME", with the closest stored name when one is close. */
static void
no_account(struct store *s, const char *name, struct diags *d)
{
	struct { char **v; size_t n; } l = { NULL, 0 };
	struct diags quiet;
	size_t       i;
	long         k = -1;

	diags_init(&quiet);
	if (store_accounts(s, collect_name, &l, &quiet) == 0)
		k = names_suggest(name, (const char *const *)l.v, l.n);
	if (k >= 0)
		diags_add(d, NULL, 0, MSG_ACCOUNT_NONE_HINT, name, l.v[k]);
	else
		diags_add(d, NULL, 0, MSG_ACCOUNT_NONE, name);
	for (i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	diags_free(&quiet);
}

/* -1 after "there is an account already" when name's key is taken. */
static int
name_free(struct store *s, const char *name, struct diags *d)
{
	struct store_account old;
	int                  found = store_account_get(s, name, &old, d);

	if (found == 0)
		diags_add(d, NULL, 0, MSG_ACCOUNT_EXISTS, old.name);
	store_account_clear(&old);
	return found == 1 ? 0 : -1;
}

/*
 * A gemeente account names its municipality, which must be stored (*mun
 * becomes the stored spelling); no other role names one.
 */
static int
check_role(struct store *s, enum access_role role, const char **mun,
    struct diags *d)
{
	if (access_role_name(role) == NULL) {
		diags_add(d, NULL, 0, MSG_ACCOUNT_ROLE, "?");
		return -1;
	}
	if (role != ACCESS_GEMEENTE && *mun != NULL) {
		diags_add(d, NULL, 0, MSG_ACCOUNT_MUN_ONLY,
		    access_role_name(role));
		return -1;
	}
	if (role == ACCESS_GEMEENTE && *mun == NULL) {
		diags_add(d, NULL, 0, MSG_ACCOUNT_NEEDS_MUN);
		return -1;
	}
	return store_resolve_municipality(s, mun, d);
}

int
account_check_new(struct store *s, const char *name, struct diags *d)
{
	char *norm = check_name(name, d);
	int   rc;

	if (norm == NULL)
		return -1;
	rc = name_free(s, norm, d);
	free(norm);
	return rc;
}

int
account_add(struct store *s, const char *name, enum access_role role,
    const char *municipality, const char *password, const char *who,
    time_t now, struct diags *d)
{
	struct store_account a;
	char                 hash[crypto_pwhash_STRBYTES], at[32], *detail;
	char                *norm;
	int                  rc;

	if (crypto_ready(d) == -1 || check_who(&who, d) == -1 ||
	    (norm = check_name(name, d)) == NULL)
		return -1;
	if (check_role(s, role, &municipality, d) == -1 ||
	    account_password_check(norm, password, d) == -1 ||
	    name_free(s, norm, d) == -1 ||
	    hash_password(password, hash, d) == -1) {
		free(norm);
		return -1;
	}
	/* Hashed before the write lock is taken: it takes a while. */
	iso(now, at);
	memset(&a, 0, sizeof(a));
	a.name = norm;
	a.role = (char *)access_role_name(role);
	a.municipality = (char *)municipality;
	a.hash = hash;
	a.created = at;
	detail = municipality == NULL ? xstrdup(a.role) :
	    xasprintf("%s %s", a.role, municipality);
	rc = store_begin(s, d);
	if (rc == 0)
		rc = store_finish(s, name_free(s, norm, d) == -1 ||
		    store_account_add(s, &a, d) == -1 || store_account_log(s,
		    at, who, norm, "add", detail, d) == -1 ? -1 : 0, d);
	sodium_memzero(hash, sizeof(hash));
	free(detail);
	free(norm);
	return rc;
}

/*
 * The frame of a change to account name: one transaction in which set
 * changes the row (1: no such account), its log row, and the end of its
 * sessions when end_sessions.
 */
struct change {
	const char *event, *detail;
	int         end_sessions;
	int       (*set)(struct store *, const struct store_account *,
	    const void *, const char *, struct diags *);
	const void *arg;
};

static int
apply(struct store *s, const char *name, const struct change *c,
    const char *who, time_t now, int *ended, struct diags *d)
{
	struct store_account a;
	char                 at[32];
	int                  found, rc = -1, n = 0;

	if (check_who(&who, d) == -1 || store_begin(s, d) == -1)
		return -1;
	iso(now, at);
	if ((found = store_account_get(s, name, &a, d)) == 1)
		no_account(s, name, d);
	if (found == 0 && c->set(s, &a, c->arg, at, d) == 0 &&
	    store_account_log(s, at, who, a.name, c->event, c->detail,
	    d) == 0 && (!c->end_sessions ||
	    store_session_del_account(s, a.name, &n, d) == 0))
		rc = 0;
	store_account_clear(&a);
	if (ended != NULL)
		*ended = rc == 0 ? n : 0;
	return store_finish(s, rc, d);
}

static int
set_hash(struct store *s, const struct store_account *a, const void *arg,
    const char *at, struct diags *d)
{
	return store_account_set_hash(s, a->name, arg, at, d) == 0 ? 0 : -1;
}

int
account_passwd(struct store *s, const char *name, const char *password,
    const char *who, time_t now, int *ended, struct diags *d)
{
	struct store_account a;
	char                 hash[crypto_pwhash_STRBYTES];
	struct change        c = { "passwd", NULL, 1, set_hash, hash };
	int                  found, rc;

	if (ended != NULL)
		*ended = 0;
	if (crypto_ready(d) == -1 ||
	    (found = store_account_get(s, name, &a, d)) == -1)
		return -1;
	if (found == 1)
		no_account(s, name, d);
	rc = found == 0 && account_password_check(a.name, password, d) == 0 &&
	    hash_password(password, hash, d) == 0 ?
	    apply(s, a.name, &c, who, now, ended, d) : -1;
	store_account_clear(&a);
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

/* The account as read in the change's transaction: not so already. */
static int
set_disabled(struct store *s, const struct store_account *a,
    const void *arg, const char *at, struct diags *d)
{
	int want = *(const int *)arg;

	if (a->disabled == want) {
		diags_add(d, NULL, 0, MSG_ACCOUNT_SAME, a->name,
		    want ? "disabled" : "enabled");
		return -1;
	}
	return store_account_set_disabled(s, a->name, want, at, d) == 0 ?
	    0 : -1;
}

int
account_disable(struct store *s, const char *name, const char *who,
    time_t now, int *ended, struct diags *d)
{
	static const int yes = 1;
	struct change    c = { "disable", NULL, 1, set_disabled, &yes };

	return apply(s, name, &c, who, now, ended, d);
}

int
account_enable(struct store *s, const char *name, const char *who,
    time_t now, struct diags *d)
{
	static const int no = 0;
	struct change    c = { "enable", NULL, 0, set_disabled, &no };

	return apply(s, name, &c, who, now, NULL, d);
}

struct role_arg {
	const char *role, *municipality;
};

static int
set_role(struct store *s, const struct store_account *a, const void *arg,
    const char *at, struct diags *d)
{
	const struct role_arg *r = arg;

	return store_account_set_role(s, a->name, r->role, r->municipality,
	    at, d) == 0 ? 0 : -1;
}

int
account_set_role(struct store *s, const char *name, enum access_role role,
    const char *municipality, const char *who, time_t now, int *ended,
    struct diags *d)
{
	struct role_arg r;
	struct change   c = { "role", NULL, 1, set_role, &r };
	char           *detail;
	int             rc;

	if (ended != NULL)
		*ended = 0;
	if (check_role(s, role, &municipality, d) == -1)
		return -1;
	r.role = access_role_name(role);
	r.municipality = municipality;
	detail = municipality == NULL ? xstrdup(r.role) :
	    xasprintf("%s %s", r.role, municipality);
	c.detail = detail;
	rc = apply(s, name, &c, who, now, ended, d);
	free(detail);
	return rc;
}

void
account_clear(struct account *a)
{
	if (a == NULL)
		return;
	free(a->name);
	free(a->municipality);
	free(a->created);
	free(a->changed);
	free(a->last_login);
	memset(a, 0, sizeof(*a));
}

void
account_actor(const struct account *a, struct actor *out)
{
	out->name = a->name;
	out->role = a->role;
	out->municipality = a->municipality;
}

/* The front end's view of stored account x (its strings taken over). */
static void
from_store(struct store_account *x, struct account *a)
{
	/* The table's CHECK allows no other role than the four. */
	enum access_role role = ACCESS_LEZER;

	access_role_parse(x->role, &role);
	a->name = x->name;
	a->role = role;
	a->municipality = x->municipality;
	a->disabled = x->disabled;
	a->created = x->created;
	a->changed = x->changed;
	a->last_login = x->last_login;
	a->failed = x->failed;
	a->locked_until = (time_t)x->locked_until;
	x->name = x->municipality = x->created = x->changed = NULL;
	x->last_login = NULL;
	store_account_clear(x);
}

int
account_find(struct store *s, const char *name, struct account *a,
    struct diags *d)
{
	struct store_account x;
	int                  found;

	memset(a, 0, sizeof(*a));
	if ((found = store_account_get(s, name, &x, d)) == -1)
		return -1;
	if (found == 1) {
		no_account(s, name, d);
		return -1;
	}
	from_store(&x, a);
	return 0;
}

struct list_ctx {
	void (*row)(void *, const struct account *);
	void  *ctx;
};

static void
list_row(void *ctx, const struct store_account *x)
{
	struct list_ctx *l = ctx;
	struct account   a;
	enum access_role role = ACCESS_LEZER;

	access_role_parse(x->role, &role);
	a.name = x->name;
	a.role = role;
	a.municipality = x->municipality;
	a.disabled = x->disabled;
	a.created = x->created;
	a.changed = x->changed;
	a.last_login = x->last_login;
	a.failed = x->failed;
	a.locked_until = (time_t)x->locked_until;
	l->row(l->ctx, &a);
}

int
account_list(struct store *s,
    void (*row)(void *, const struct account *a), void *ctx,
    struct diags *d)
{
	struct list_ctx l = { row, ctx };

	return store_accounts(s, list_row, &l, d);
}

/* A wrong password of account a: counted, and perhaps locked. */
static int
failed_login(struct store *s, const struct store_account *a,
    const char *client_addr, time_t now, enum account_login *result,
    time_t *until, struct diags *d)
{
	long long locked;
	char      at[32], *detail;
	int       failed, rc;

	if (store_account_failed(s, a->name, ACCOUNT_LOCK_FAILURES,
	    (long long)now + ACCOUNT_LOCK_SECONDS, &failed, &locked, d) == -1)
		return -1;
	*result = LOGIN_BAD;
	if (failed < ACCOUNT_LOCK_FAILURES)
		return 0;
	*result = LOGIN_LOCKED;
	*until = (time_t)locked;
	iso(now, at);
	detail = xasprintf("%d failed logins, the last from %s", failed,
	    client_addr != NULL && *client_addr ? client_addr : "?");
	rc = store_account_log(s, at, "stj", a->name, "locked", detail, d);
	free(detail);
	return rc;
}

/* A right password of account a: recorded, rehashed when needed. */
static int
good_login(struct store *s, const struct store_account *a,
    const char *password, time_t now, struct diags *d)
{
	char hash[crypto_pwhash_STRBYTES], at[32];
	int  rc;

	iso(now, at);
	if (store_account_login(s, a->name, at, d) == -1)
		return -1;
	memset(hash, 0, sizeof(hash));
	snprintf(hash, sizeof(hash), "%s", a->hash);
	if (crypto_pwhash_str_needs_rehash(hash, PWHASH_OPS, PWHASH_MEM) == 0)
		return 0;
	rc = hash_password(password, hash, d) == 0 &&
	    store_account_set_hash(s, a->name, hash, at, d) == 0 ? 0 : -1;
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

int
account_verify(struct store *s, const char *name, const char *password,
    const char *client_addr, time_t now, enum account_login *result,
    struct account *a, struct diags *d)
{
	struct store_account x;
	int                  found, rc = 0;

	*result = LOGIN_BAD;
	memset(a, 0, sizeof(*a));
	if (crypto_ready(d) == -1)
		return -1;
	if (name == NULL || password == NULL ||
	    (found = store_account_get(s, name, &x, d)) == 1) {
		password_matches(dummy_hash, password ? password : "");
		return 0;
	}
	if (found == -1)
		return -1;
	if (x.locked_until > (long long)now) {
		*result = LOGIN_LOCKED;
	} else if (!password_matches(x.hash, password)) {
		rc = failed_login(s, &x, client_addr, now, result,
		    &a->locked_until, d);
		if (*result == LOGIN_LOCKED)
			x.locked_until = a->locked_until;
	} else if (x.disabled)
		*result = LOGIN_DISABLED;
	else if ((rc = good_login(s, &x, password, now, d)) == 0) {
		*result = LOGIN_OK;
		x.failed = 0;
		x.locked_until = 0;
		free(x.last_login);
		x.last_login = xmalloc(32);
		iso(now, x.last_login);
	}
	if (rc == 0 && (*result == LOGIN_OK || *result == LOGIN_LOCKED))
		from_store(&x, a);
	store_account_clear(&x);
	return rc;
}

/* ---- sessions --------------------------------------------------------- */

void
session_info_clear(struct session_info *x)
{
	if (x == NULL)
		return;
	free(x->account);
	free(x->municipality);
	sodium_memzero(x, sizeof(*x));
}

void
session_actor(const struct session_info *x, struct actor *out)
{
	out->name = x->account;
	out->role = x->role;
	out->municipality = x->municipality;
}

/* 32 random bytes as url-safe base64 without padding (43 characters). */
static void
random_token(char out[SESSION_TOKEN_LEN])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, SESSION_TOKEN_LEN, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

/*
 * The hash a token is stored under; -1 when token is not one that
 * random_token() makes (then it is never looked up).
 */
static int
token_hash(const char *token, unsigned char out[crypto_generichash_BYTES])
{
	size_t n = token == NULL ? 0 : strlen(token);

	if (n != SESSION_TOKEN_LEN - 1 || strspn(token, "ABCDEFGHIJKLMNOPQRS"
	    "TUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") != n)
		return -1;
	crypto_generichash(out, crypto_generichash_BYTES,
	    (const unsigned char *)token, n, NULL, 0);
	return 0;
}

int
session_new(struct store *s, const char *account, time_t now,
    char token[SESSION_TOKEN_LEN], char csrf[SESSION_TOKEN_LEN],
    struct diags *d)
{
	unsigned char h[crypto_generichash_BYTES];
	long long     t = (long long)now;
	int           rc;

	token[0] = csrf[0] = '\0';
	if (crypto_ready(d) == -1 || store_session_purge(s, t, d) == -1)
		return -1;
	random_token(token);
	random_token(csrf);
	token_hash(token, h);
	rc = store_session_add(s, h, sizeof(h), account, csrf, t,
	    t + SESSION_IDLE_SECONDS, t + SESSION_ABSOLUTE_SECONDS, d);
	if (rc == 1)
		no_account(s, account, d);
	if (rc != 0) {
		sodium_memzero(token, SESSION_TOKEN_LEN);
		sodium_memzero(csrf, SESSION_TOKEN_LEN);
		token[0] = csrf[0] = '\0';
		return -1;
	}
	return 0;
}

/* The earlier of a and b. */
static long long
earlier(long long a, long long b)
{
	return a < b ? a : b;
}

int
session_find(struct store *s, const char *token, time_t now,
    struct session_info *x, struct diags *d)
{
	unsigned char        h[crypto_generichash_BYTES];
	struct store_session r;
	long long            t = (long long)now;
	int                  found;
	enum access_role     role = ACCESS_LEZER;

	memset(x, 0, sizeof(*x));
	if (crypto_ready(d) == -1)
		return -1;
	if (token_hash(token, h) == -1)
		return 1;
	if ((found = store_session_get(s, h, sizeof(h), &r, d)) != 0)
		return found;
	if (t >= r.idle_until || t >= r.absolute_until || r.disabled ||
	    access_role_parse(r.role, &role) == -1) {
		store_session_clear(&r);
		return store_session_del(s, h, sizeof(h), d) == -1 ? -1 : 1;
	}
	if (t - r.last_seen >= SESSION_TOUCH_SECONDS) {
		r.idle_until = earlier(t + SESSION_IDLE_SECONDS,
		    r.absolute_until);
		if (store_session_touch(s, h, sizeof(h), t, r.idle_until,
		    d) == -1) {
			store_session_clear(&r);
			return -1;
		}
	}
	x->account = r.account;
	x->municipality = r.municipality;
	x->role = role;
	snprintf(x->csrf, sizeof(x->csrf), "%s", r.csrf);
	x->created = (time_t)r.created;
	x->expires = (time_t)earlier(r.idle_until, r.absolute_until);
	r.account = r.municipality = NULL;
	store_session_clear(&r);
	return 0;
}

int
session_end(struct store *s, const char *token, struct diags *d)
{
	unsigned char h[crypto_generichash_BYTES];

	if (crypto_ready(d) == -1)
		return -1;
	if (token_hash(token, h) == -1)
		return 0;
	return store_session_del(s, h, sizeof(h), d);
}

int
session_end_all(struct store *s, const char *account, int *ended,
    struct diags *d)
{
	int n = 0, rc;

	rc = store_session_del_account(s, account, &n, d);
	if (ended != NULL)
		*ended = n;
	return rc;
}
