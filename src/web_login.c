/*
 * web_login: logging in with an account (step 10), the password change
 * and Beheer, the beheerder's page of accounts. Only when the database
 * has accounts (web_ctx.accounts); else the one-time token of
 * web_pages.c logs in. Everything about an account goes through
 * account.h: this file only renders its forms and answers.
 *
 * CSRF before a session exists: GET /login sets a "login" cookie with a
 * fresh random token (HttpOnly, SameSite=Strict, Path=/login) and puts
 * the same token in the form; POST /login must send both, equal
 * (double submit, compared in constant time), and an Origin header, when
 * the browser sends one, must be this server's. Another site can neither
 * read the cookie nor make the browser send it (SameSite=Strict), so it
 * cannot make a browser log in under the attacker's account (login CSRF).
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "account.h"
#include "ratelimit.h"
#include "util.h"
#include "web_int.h"

#define NVARS(v) (sizeof(v) / sizeof((v)[0]))

static const char *
text(const struct web_request *q, const char *name)
{
	return web_text(q->ctx->tmpl, name);
}

/* 32 random bytes as url-safe base64 (43 characters). */
static void
random_token(char out[WEB_TOKEN_LEN])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, WEB_TOKEN_LEN, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

/* The diagnostics of d as one line (new string). */
static char *
diags_line(const struct diags *d)
{
	size_t i, len = 1;
	char  *msg;

	for (i = 0; i < d->n; i++)
		len += strlen(d->v[i].text) + 2;
	msg = xcalloc(1, len);
	for (i = 0; i < d->n; i++) {
		if (i > 0)
			strcat(msg, "; ");
		strcat(msg, d->v[i].text);
	}
	return msg;
}

/* "TEXT N minuten." for a wait of secs, rounded up to a minute. */
static char *
wait_message(const struct web_request *q, const char *key, long secs)
{
	return xasprintf("%s %ld %s", text(q, key), (secs + 59) / 60,
	    text(q, "aanmelden.minuten"));
}

/* A message of the melding template into out (fout: not ok). */
static void
message(const struct web_request *q, struct web_buf *out, int ok,
    const char *msg)
{
	struct web_var v[] = {
		{ "klasse", ok ? "ok" : "fout", NULL },
		{ "tekst", msg, NULL },
	};

	web_render(out, q->ctx->tmpl, TMPL_FLASH, v, NVARS(v));
}

/*
 * The login form with status, msg (NULL: none) and name kept as typed.
 * Its CSRF token is the login cookie's: kept when the browser sent a
 * valid one (two tabs of the login page), else a new one.
 */
static void
login_page(const struct web_request *q, struct web_response *r,
    unsigned status, const char *msg, const char *name)
{
	struct web_buf body = { 0 }, melding = { 0 };
	char           token[WEB_TOKEN_LEN];
	const char    *c = q->args != NULL ? q->args->login_cookie : NULL;

	if (c != NULL && strlen(c) == WEB_TOKEN_LEN - 1 &&
	    strspn(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") == WEB_TOKEN_LEN - 1)
		memcpy(token, c, WEB_TOKEN_LEN);
	else
		random_token(token);
	if (msg != NULL)
		message(q, &melding, 0, msg);
	{
		struct web_var v[] = {
			{ "csrf", token, NULL },
			{ "naam", name != NULL ? name : "", NULL },
			{ "melding", NULL, &melding },
		};
		web_render(&body, q->ctx->tmpl, TMPL_LOGIN, v, NVARS(v));
	}
	r->cookie = xasprintf("login=%s; Path=/login; HttpOnly; "
	    "SameSite=Strict", token);
	web_page(q, r, status, text(q, "aanmelden.titel"), &body);
	web_buf_free(&body);
	web_buf_free(&melding);
}

void
web_login_form(const struct web_request *q, struct web_response *r)
{
	/* Logged in already: the Overzicht. */
	if (q->sid != NULL) {
		web_redirect(r, "/");
		return;
	}
	login_page(q, r, 200, NULL, NULL);
}

/* Origin, when sent, is "http(s)://" and the Host header. */
static int
origin_ok(const struct web_request *q)
{
	const char *o = q->args->origin, *h = q->args->host;
	const char *scheme = q->ctx->secure ? "https://" : "http://";

	if (o == NULL)
		return 1;
	return h != NULL && strncmp(o, scheme, strlen(scheme)) == 0 &&
	    strcmp(o + strlen(scheme), h) == 0;
}

int
web_login_csrf_ok(const struct web_request *q)
{
	const char *got = q->field[KEY_CSRF], *c = q->args->login_cookie;

	return got != NULL && c != NULL && strlen(got) == WEB_TOKEN_LEN - 1 &&
	    strlen(c) == WEB_TOKEN_LEN - 1 &&
	    sodium_memcmp(got, c, WEB_TOKEN_LEN - 1) == 0 && origin_ok(q);
}

/* A new session of account name: its cookie, and flash (NULL: none) for
 * its first page. */
static int
start_session(const struct web_request *q, struct web_response *r,
    struct store *s, const char *name, const char *flash, struct diags *d)
{
	char token[SESSION_TOKEN_LEN], csrf[SESSION_TOKEN_LEN];

	if (session_new(s, name, time(NULL), token, csrf, d) == -1)
		return -1;
	if (flash != NULL) {
		web_session_track(q->ctx->sessions, token, csrf);
		web_session_flash(q->ctx->sessions, token, 1, flash);
	}
	free(r->cookie);
	r->cookie = xasprintf("sid=%s; Path=/; HttpOnly; SameSite=Strict",
	    token);
	sodium_memzero(token, sizeof(token));
	sodium_memzero(csrf, sizeof(csrf));
	return 0;
}

void
web_login_post(const struct web_request *q, struct web_response *r)
{
	const char         *name = q->field[KEY_NAAM];
	const char         *pw = q->field[KEY_WACHTWOORD];
	const char         *addr = q->args->client;
	struct account      a;
	struct store       *s;
	struct diags        d;
	enum account_login  res = LOGIN_BAD;
	time_t              now = time(NULL);
	long                wait;
	char               *msg;

	if (name == NULL || pw == NULL || *name == '\0' || *pw == '\0') {
		login_page(q, r, 200, text(q, "aanmelden.fout"), name);
		return;
	}
	/* A guesser from one address waits, whichever names it tries. */
	if ((wait = ratelimit_wait(q->ctx->logins, addr, now)) > 0) {
		msg = wait_message(q, "aanmelden.adres", wait);
		login_page(q, r, 429, msg, name);
		free(msg);
		return;
	}
	if ((s = web_open(q, r, 1)) == NULL)
		return;
	diags_init(&d);
	memset(&a, 0, sizeof(a));
	if (account_verify(s, name, pw, addr, now, &res, &a, &d) == -1) {
		web_page_error(q, r, 500);
	} else if (res == LOGIN_OK) {
		/* A new session id at every login: a cookie planted before
		 * it (session fixation) is never the one used after. */
		if (start_session(q, r, s, a.name, NULL, &d) == -1)
			web_page_error(q, r, 500);
		else
			web_redirect(r, "/");
	} else {
		ratelimit_fail(q->ctx->logins, addr, now);
		/* A disabled account answers as a wrong password does: the
		 * form never tells which of name and password was wrong. */
		if (res == LOGIN_LOCKED) {
			msg = wait_message(q, "aanmelden.geblokkeerd",
			    (long)(a.locked_until - now));
			login_page(q, r, 200, msg, name);
			free(msg);
		} else
			login_page(q, r, 200, text(q, "aanmelden.fout"), name);
	}
	account_clear(&a);
	diags_free(&d);
	web_close(q, s);
}

void
web_login_logout(const struct web_request *q, struct web_response *r)
{
	struct store *s;
	struct diags  d;

	if ((s = web_open(q, r, 1)) == NULL)
		return;
	diags_init(&d);
	if (session_end(s, q->sid, &d) == -1)
		web_page_error(q, r, 500);
	else {
		web_session_end(q->ctx->sessions, q->sid);
		r->cookie = xstrdup("sid=; Path=/; HttpOnly; SameSite=Strict; "
		    "Max-Age=0");
		web_redirect(r, "/login");
	}
	diags_free(&d);
	web_close(q, s);
}

/* The password form with status and a message (NULL: none). */
static void
password_page(const struct web_request *q, struct web_response *r,
    unsigned status, int ok, const char *msg)
{
	struct web_buf body = { 0 }, melding = { 0 };

	if (msg != NULL)
		message(q, &melding, ok, msg);
	else
		web_flash(q, &melding);
	{
		struct web_var v[] = {
			{ "csrf", q->csrf, NULL },
			{ "melding", NULL, &melding },
		};
		web_render(&body, q->ctx->tmpl, TMPL_WACHTWOORD, v, NVARS(v));
	}
	web_page(q, r, status, text(q, "wachtwoord.titel"), &body);
	web_buf_free(&body);
	web_buf_free(&melding);
}

void
web_page_wachtwoord(const struct web_request *q, struct web_response *r)
{
	password_page(q, r, 200, 0, NULL);
}

/*
 * The password change: the current password is checked as a login is
 * (it counts towards the lock-out: a stolen session cannot guess it),
 * the new one twice. account_passwd() ends every session of the
 * account, this one too; the browser gets a new one at once.
 */
void
web_page_wachtwoord_post(const struct web_request *q,
    struct web_response *r)
{
	const char         *cur = q->field[KEY_WACHTWOORD];
	const char         *nw = q->field[KEY_NIEUW], *again = q->field[KEY_HERHAAL];
	const char         *addr = q->args->client;
	struct account      a;
	struct store       *s;
	struct diags        d;
	enum account_login  res = LOGIN_BAD;
	time_t              now = time(NULL);
	int                 ended = 0;
	char               *msg;

	if (cur == NULL || nw == NULL || again == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	if (strcmp(nw, again) != 0) {
		password_page(q, r, 200, 0, text(q, "wachtwoord.verschil"));
		return;
	}
	if ((s = web_open(q, r, 1)) == NULL)
		return;
	diags_init(&d);
	memset(&a, 0, sizeof(a));
	if (account_verify(s, q->actor.name, cur, addr, now, &res, &a,
	    &d) == -1)
		web_page_error(q, r, 500);
	else if (res == LOGIN_LOCKED) {
		msg = wait_message(q, "aanmelden.geblokkeerd",
		    (long)(a.locked_until - now));
		password_page(q, r, 200, 0, msg);
		free(msg);
	} else if (res != LOGIN_OK)
		password_page(q, r, 200, 0, text(q, "wachtwoord.fout"));
	else if (account_passwd(s, a.name, nw, a.name, now, &ended,
	    &d) == -1) {
		msg = diags_line(&d);
		password_page(q, r, 200, 0, msg);
		free(msg);
	} else if (start_session(q, r, s, a.name,
	    text(q, "wachtwoord.gewijzigd"), &d) == -1)
		web_page_error(q, r, 500);
	else {
		web_session_end(q->ctx->sessions, q->sid);
		web_redirect(r, "/wachtwoord");
	}
	account_clear(&a);
	diags_free(&d);
	web_close(q, s);
}

/* Beheer: one row per account, with its forms. */
struct rows {
	const struct web_request *q;
	struct web_buf           *out;
};

static void
on_account(void *ctx, const struct account *a)
{
	struct rows              *x = ctx;
	const struct web_request *q = x->q;
	struct web_var v[] = {
		{ "csrf", q->csrf, NULL },
		{ "naam", a->name, NULL },
		{ "rol", access_role_name(a->role), NULL },
		{ "gemeente", a->municipality != NULL ? a->municipality : "",
		    NULL },
		{ "status", text(q, a->disabled ? "beheer.uit" : "beheer.aan"),
		    NULL },
		{ "laatst", a->last_login != NULL ? a->last_login :
		    text(q, "beheer.nooit"), NULL },
		{ "actie", a->disabled ? "inschakelen" : "uitschakelen", NULL },
		{ "knop", text(q, a->disabled ? "beheer.inschakelen" :
		    "beheer.uitschakelen"), NULL },
		/* The role form shows the account's own role chosen. */
		{ "sel_inspecteur", a->role == ACCESS_INSPECTEUR ? " selected" :
		    "", NULL },
		{ "sel_gemeente", a->role == ACCESS_GEMEENTE ? " selected" : "",
		    NULL },
		{ "sel_lezer", a->role == ACCESS_LEZER ? " selected" : "", NULL },
		{ "sel_beheerder", a->role == ACCESS_BEHEERDER ? " selected" :
		    "", NULL },
	};

	web_render(x->out, q->ctx->tmpl, TMPL_BEHEER_RIJ, v, NVARS(v));
}

void
web_page_beheer(const struct web_request *q, struct web_response *r)
{
	struct web_buf body = { 0 }, rows = { 0 }, melding = { 0 };
	struct rows    x = { q, &rows };
	struct store  *s;
	struct diags   d;

	if ((s = web_open(q, r, 0)) == NULL)
		return;
	diags_init(&d);
	if (account_list(s, on_account, &x, &d) == -1)
		web_page_error(q, r, 500);
	else {
		web_flash(q, &melding);
		struct web_var v[] = {
			{ "csrf", q->csrf, NULL },
			{ "melding", NULL, &melding },
			{ "rijen", NULL, &rows },
		};
		web_render(&body, q->ctx->tmpl, TMPL_BEHEER, v, NVARS(v));
		web_page(q, r, 200, text(q, "beheer.titel"), &body);
	}
	diags_free(&d);
	web_close(q, s);
	web_buf_free(&body);
	web_buf_free(&rows);
	web_buf_free(&melding);
}

/* The municipality field of a Beheer form: NULL when empty. */
static const char *
form_municipality(const struct web_request *q)
{
	const char *m = q->field[KEY_ACCOUNT_GEMEENTE];

	return m != NULL && *m != '\0' ? m : NULL;
}

/* One change of Beheer through account.h; *done names what it did. */
static int
beheer_apply(const struct web_request *q, struct store *s, const char *act,
    const char **done, struct diags *d)
{
	const char       *name = q->field[KEY_NAAM], *who = q->actor.name;
	enum access_role  role = ACCESS_LEZER;
	time_t            now = time(NULL);
	int               ended = 0;

	if (q->field[KEY_ACCOUNT_ROL] != NULL)
		access_role_parse(q->field[KEY_ACCOUNT_ROL], &role);
	if (strcmp(act, "toevoegen") == 0) {
		*done = "beheer.toegevoegd";
		return account_add(s, name, role, form_municipality(q),
		    q->field[KEY_WACHTWOORD] != NULL ?
		    q->field[KEY_WACHTWOORD] : "", who, now, d);
	}
	if (strcmp(act, "uitschakelen") == 0) {
		*done = "beheer.uitgeschakeld";
		return account_disable(s, name, who, now, &ended, d);
	}
	if (strcmp(act, "inschakelen") == 0) {
		*done = "beheer.ingeschakeld";
		return account_enable(s, name, who, now, d);
	}
	*done = "beheer.rol";
	return account_set_role(s, name, role, form_municipality(q), who,
	    now, &ended, d);
}

void
web_page_beheer_post(const struct web_request *q, struct web_response *r)
{
	const char   *act = q->field[KEY_BEHEER_ACTIE], *done = NULL;
	struct store *s;
	struct diags  d;
	char         *msg;

	if (act == NULL || q->field[KEY_NAAM] == NULL ||
	    ((strcmp(act, "toevoegen") == 0 || strcmp(act, "rol") == 0) &&
	    q->field[KEY_ACCOUNT_ROL] == NULL)) {
		web_page_error(q, r, 400);
		return;
	}
	if ((s = web_open(q, r, 1)) == NULL)
		return;
	diags_init(&d);
	if (beheer_apply(q, s, act, &done, &d) == 0) {
		msg = xasprintf("%s %s", text(q, done), q->field[KEY_NAAM]);
		web_session_flash(q->ctx->sessions, q->sid, 1, msg);
	} else {
		msg = diags_line(&d);
		web_session_flash(q->ctx->sessions, q->sid, 0, msg);
	}
	free(msg);
	diags_free(&d);
	web_close(q, s);
	web_redirect(r, "/beheer");
}
