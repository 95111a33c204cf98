/*
 * account: the accounts of stj serve and their sessions.
 *
 * Owns: the rules of names and passwords, the password hash (libsodium's
 * crypto_pwhash_str, Argon2id), the lock-out after failed logins, and the
 * session tokens. The rows live in the store (store.h, "accounts"); the
 * roles' policy is access.h. Library code: never prints, reads no clock
 * (every function that needs the time takes now), and never returns or
 * keeps a password or a token in the clear beyond the caller's buffer.
 *
 * Each change is one transaction with its row in the account log (who:
 * the beheerder's account, or the CLI's $USER). The store must be open
 * for writing except for account_list().
 */
#ifndef STJ_ACCOUNT_H
#define STJ_ACCOUNT_H

#include <time.h>

#include "access.h"
#include "diag.h"
#include "store.h"

/*
 * Passwords: ASVS 4.0 L2 (2.1.1, 2.1.2, 2.1.9): at least 12 characters,
 * up to 128 allowed, no rules of composition. Counted in Unicode
 * characters after NFKC normalisation (NIST SP 800-63B 5.1.1.2), which is
 * also the form hashed: the same password typed on another keyboard or
 * system logs in.
 */
#define ACCOUNT_PASSWORD_MIN 12
#define ACCOUNT_PASSWORD_MAX 128
/* A name is one line of plain text: it is the audit log's "who". */
#define ACCOUNT_NAME_MAX 64

/*
 * Lock-out per account: after 5 failed logins in a row the account is
 * locked for 15 minutes; after that each further failure locks it again,
 * until a login succeeds. That allows at most 5 + 4 guesses an hour per
 * account (ASVS 2.2.1: no more than 100), and costs a real user who
 * mistypes five times a quarter of an hour, not a call to the beheerder.
 * An attacker can keep an account locked by guessing; the web's limit per
 * client address (ratelimit.h) bounds that.
 */
#define ACCOUNT_LOCK_FAILURES 5
#define ACCOUNT_LOCK_SECONDS (15 * 60)

/*
 * Sessions: 30 minutes without a request, 12 hours at most (ASVS 3.3.2,
 * L2: a working day). A session's last_seen is written at most once a
 * minute, not on every request.
 */
#define SESSION_IDLE_SECONDS (30 * 60)
#define SESSION_ABSOLUTE_SECONDS (12 * 60 * 60)
#define SESSION_TOUCH_SECONDS 60
/* A token: 32 random bytes as url-safe base64 (43 characters) and NUL. */
#define SESSION_TOKEN_LEN 44

/* An account as a front end sees it (never its hash). */
struct account {
	char     *name;          /* as stored */
	enum access_role role;
	char     *municipality;  /* ACCESS_GEMEENTE: stored name; else NULL */
	int       disabled;
	char     *created, *changed;  /* ISO 8601 UTC */
	char     *last_login;    /* ISO 8601 UTC; NULL: never */
	int       failed;        /* failed logins in a row */
	time_t    locked_until;  /* 0: not locked */
};
/* Frees the strings of a; NULL is a no-op. */
void account_clear(struct account *a);
/* The actor a is (its strings are a's). */
void account_actor(const struct account *a, struct actor *out);

/*
 * Whether password may be account name's: valid UTF-8 without control
 * characters, ACCOUNT_PASSWORD_MIN..MAX characters, not the name itself.
 * -1 after a diagnostic that never holds the password.
 */
int account_password_check(const char *name, const char *password,
    struct diags *d);

/*
 * Whether name may be a new account's: one line of plain text, at most
 * ACCOUNT_NAME_MAX characters, no account with its key (names.h). A
 * front end asks before it asks for a password; account_add() checks
 * again.
 */
int account_check_new(struct store *s, const char *name, struct diags *d);
/*
 * Adds account name (stored normalised, names.h; refused when an account
 * has its key) with role and password. A gemeente account names its
 * municipality (as typed: resolved to the stored one, with "did you mean");
 * no other role may.
 */
int account_add(struct store *s, const char *name,
    enum access_role role, const char *municipality, const char *password,
    const char *who, time_t now, struct diags *d);
/* Sets the password of name; its sessions end (how many: *ended). */
int account_passwd(struct store *s, const char *name, const char *password,
    const char *who, time_t now, int *ended, struct diags *d);
/*
 * Disables name (no login, its sessions end) or enables it again;
 * refused when it is so already.
 */
int account_disable(struct store *s, const char *name, const char *who,
    time_t now, int *ended, struct diags *d);
int account_enable(struct store *s, const char *name, const char *who,
    time_t now, struct diags *d);
/* Gives name another role (municipality as for account_add); its
 * sessions end, so the next request logs in anew. */
int account_set_role(struct store *s, const char *name,
    enum access_role role, const char *municipality, const char *who,
    time_t now, int *ended, struct diags *d);
/* Account name into *a (new strings): 0; -1 with "no account" (and the
 * closest name) when there is none. */
int account_find(struct store *s, const char *name, struct account *a,
    struct diags *d);
/* Every account, by name (a valid during the call). */
int account_list(struct store *s,
    void (*row)(void *, const struct account *a), void *ctx,
    struct diags *d);

enum account_login {
	LOGIN_OK,        /* *a is the account */
	LOGIN_BAD,       /* no such account, or the wrong password */
	LOGIN_LOCKED,    /* too many failures: a->locked_until says until */
	LOGIN_DISABLED,  /* the right password of a disabled account */
};
/*
 * A login: checks password against account name at now. An unknown name
 * costs the same time as a wrong password. A wrong one counts towards the
 * lock-out (the failure that locks answers LOGIN_LOCKED, and the account
 * log names client_addr); a locked account is not checked at all. A right
 * one resets the count, records the login, and rehashes a hash made with
 * other Argon2id parameters. 0 with *result (and *a, filled for LOGIN_OK
 * and LOGIN_LOCKED), -1 on a database error.
 */
int account_verify(struct store *s, const char *name, const char *password,
    const char *client_addr, time_t now, enum account_login *result,
    struct account *a, struct diags *d);

/* A session as found by session_find(). */
struct session_info {
	char     *account;       /* the stored name */
	enum access_role role;
	char     *municipality;  /* ACCESS_GEMEENTE only */
	char      csrf[SESSION_TOKEN_LEN];
	time_t    created, expires;  /* expires: idle or absolute, earlier */
};
void session_info_clear(struct session_info *x);
/* The actor x is (its strings are x's). */
void session_actor(const struct session_info *x, struct actor *out);

/*
 * A new session of account at now: a fresh random token (256 bits from
 * the OS through randombytes_buf) in token and a CSRF token in csrf; only
 * the token's hash (crypto_generichash) is stored. Expired sessions of
 * every account are deleted on the way.
 */
int session_new(struct store *s, const char *account, time_t now,
    char token[SESSION_TOKEN_LEN], char csrf[SESSION_TOKEN_LEN],
    struct diags *d);
/*
 * The session of token at now into *x: 0; 1 when there is none (also a
 * malformed token, an expired session or a disabled account: the session
 * is then deleted). Moves the idle expiry on.
 */
int session_find(struct store *s, const char *token, time_t now,
    struct session_info *x, struct diags *d);
/* Ends the session of token (logout); none is no error. */
int session_end(struct store *s, const char *token, struct diags *d);
/* Ends every session of account; how many in *ended (may be NULL). */
int session_end_all(struct store *s, const char *account, int *ended,
    struct diags *d);

#endif
