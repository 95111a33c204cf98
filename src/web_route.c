/*
 * web_route: the route table and the form keys, in the manner of kcgi.
 * Every route names who may call it; every key a handler can see has a
 * validator. The session, the CSRF token of a POST and every field are
 * checked here, once, before any handler runs: a handler only ever sees
 * fields that passed, and unknown keys never reach it.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "invite.h"
#include "util.h"
#include "web_int.h"

enum access {
	ACCESS_TOKEN,    /* the login link: no session yet */
	ACCESS_SESSION,  /* a logged-in browser */
	/* step 10: invitations. A respondent's link /v/TOKEN: the route's
	 * path is a prefix, the rest of the path the token; no session. */
	ACCESS_INVITE,
};

static const struct route {
	const char  *method, *path;
	enum access  access;
	void       (*handler)(const struct web_request *,
	                      struct web_response *);
} routes[] = {
	{ "GET",  "/login",          ACCESS_TOKEN,   web_page_login },
	{ "GET",  "/",               ACCESS_SESSION, web_page_overzicht },
	{ "GET",  "/ronde",          ACCESS_SESSION, web_page_ronde },
	/* step 10: invitations: fixed content, also for a respondent's
	 * pages, which have no session. */
	{ "GET",  "/static/stj.css", ACCESS_TOKEN,   web_page_css },
	{ "GET",  "/logboek",        ACCESS_SESSION, web_page_logboek },
	{ "POST", "/ronde/oordeel",  ACCESS_SESSION, web_page_oordeel },
	{ "POST", "/ronde/conclusie", ACCESS_SESSION, web_page_conclusie },
	{ "POST", "/logout",         ACCESS_SESSION, web_page_logout },
	/* -- step 9: web import and factsheet -- */
	{ "GET",  "/factsheet",      ACCESS_SESSION, web_page_factsheet },
	{ "GET",  "/factsheet.pdf",  ACCESS_SESSION, web_page_factsheet_pdf },
	{ "GET",  "/importeren",     ACCESS_SESSION, web_page_importeren },
	{ "POST", "/importeren",     ACCESS_SESSION, web_page_import_check },
	{ "POST", "/importeren/bevestig", ACCESS_SESSION,
	    web_page_import_confirm },
	/* -- step 9: web review -- */
	{ "GET",  "/static/stj.js",  ACCESS_SESSION, web_page_js },
	{ "POST", "/ronde/status",   ACCESS_SESSION, web_page_status },
	{ "POST", "/ronde/samenvoegen", ACCESS_SESSION, web_page_samenvoegen },
	{ "POST", "/ronde/splitsen", ACCESS_SESSION, web_page_splitsen },
	{ "POST", "/ronde/dossier",  ACCESS_SESSION, web_page_dossier },
	/* -- step 9: web server -- */
	/* -- step 10: accounts -- */
	/* -- step 10: invitations -- */
	/* -- step 10: reactions -- */
	{ "POST", "/ronde/reactie",  ACCESS_SESSION, web_page_reactie },
	{ "GET",  "/voortgang",      ACCESS_SESSION, web_page_voortgang },
	{ "POST", "/voortgang/notitie", ACCESS_SESSION, web_page_notitie },
	{ "GET",  "/v/",             ACCESS_INVITE,  web_page_vragenlijst },
	{ "POST", "/v/",             ACCESS_INVITE,  web_page_vragenlijst_post },
	{ "GET",  "/respons",        ACCESS_SESSION, web_page_respons },
	{ "POST", "/respons/uitnodigen", ACCESS_SESSION,
	    web_page_respons_uitnodigen },
	{ "POST", "/respons/opnieuw", ACCESS_SESSION, web_page_respons_opnieuw },
	{ "POST", "/respons/intrekken", ACCESS_SESSION,
	    web_page_respons_intrekken },
	{ "POST", "/respons/heropenen", ACCESS_SESSION,
	    web_page_respons_heropenen },
};

/* A token: url-safe base64 of 32 bytes. */
static int
valid_token(const char *s)
{
	return strlen(s) == WEB_TOKEN_LEN - 1 &&
	    strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") == WEB_TOKEN_LEN - 1;
}

/* A name as stored: one line of UTF-8 text without control characters. */
static int
valid_name(const char *s)
{
	return *s != '\0' && strlen(s) <= 200 && text_control(s, "") == 0;
}

static int
valid_round(const char *s)
{
	int y;

	return cli_parse_round(s, &y) == 0;
}

/* An indicator or theme id: "4.2.2", "1". */
static int
valid_id(const char *s)
{
	return *s != '\0' && strlen(s) <= 20 &&
	    strspn(s, "0123456789.") == strlen(s);
}

/* The Logboek's filter may be empty: every indicator. */
static int
valid_id_or_all(const char *s)
{
	return *s == '\0' || valid_id(s);
}

/* A version: store_last_change()'s id, 0 for never changed. */
static int
valid_version(const char *s)
{
	return *s != '\0' && strlen(s) <= 18 &&
	    strspn(s, "0123456789") == strlen(s);
}

/* Empty (keep what stands), V, X, - or back to the proposal. */
static int
valid_verdict(const char *s)
{
	return *s == '\0' || strcmp(s, "V") == 0 || strcmp(s, "X") == 0 ||
	    strcmp(s, "-") == 0 || strcmp(s, "voorstel") == 0;
}

/* A review state (ops.h). */
static int
valid_state(const char *s)
{
	return strcmp(s, "concept") == 0 || strcmp(s, "wederhoor") == 0 ||
	    strcmp(s, "vastgesteld") == 0;
}

static int
valid_flag(const char *s)
{
	return strcmp(s, "1") == 0;
}

/*
 * Free text of a form: UTF-8, no control characters but line breaks (a
 * browser sends CRLF; the handler drops the CR). May be empty: an empty
 * field keeps what stands, and an empty reason is the operations layer's
 * refusal, shown on the page. The layer checks one-line fields again.
 */
static int
valid_text(const char *s)
{
	return strlen(s) <= 8000 && text_control(s, "\r\n") == 0;
}

/* step 10: reactions. A finding: an indicator id or a group "4.2.1-4.2.3". */
static int
valid_finding_key(const char *s)
{
	const char *dash = strchr(s, '-');

	return *s != '\0' && strlen(s) <= 41 &&
	    strspn(s, "0123456789.-") == strlen(s) &&
	    (dash == NULL || (dash != s && dash[1] != '\0' &&
	    strchr(dash + 1, '-') == NULL));
}

/* step 9: web bench. The Overzicht's page: 1 to 99999. */
static int
valid_page(const char *s)
{
	return *s >= '1' && *s <= '9' && strlen(s) <= 5 &&
	    strspn(s, "0123456789") == strlen(s);
}

/* Part of a municipality's name: one line, may be empty (everything). */
static int
valid_search(const char *s)
{
	return strlen(s) <= 200 && text_control(s, "") == 0;
}

/* step 10: invitations. An answer as the questionnaire sends it. */
static int
valid_answer(const char *s)
{
	return *s == '\0' || strcmp(s, "ja") == 0 || strcmp(s, "deels") == 0 ||
	    strcmp(s, "nee") == 0 || strcmp(s, "weet-niet") == 0 ||
	    strcmp(s, "nvt") == 0;
}

static int
valid_action(const char *s)
{
	return strcmp(s, "opslaan") == 0 || strcmp(s, "versturen") == 0;
}

static int
valid_role(const char *s)
{
	return strcmp(s, "gemeente") == 0 || strcmp(s, "netwerkpartner") == 0;
}

/* An e-mail address or nothing; invite_add checks its form. */
static int
valid_email(const char *s)
{
	return strlen(s) <= 254 && text_control(s, "") == 0;
}

/* Days a link is valid: 1 to 365. */
static int
valid_days(const char *s)
{
	return valid_page(s) && atoi(s) <= 365;
}

static const struct key {
	const char *name;
	int       (*valid)(const char *);
} keys[KEY__COUNT] = {
	[KEY_TOKEN]    = { "token",    valid_token },
	[KEY_CSRF]     = { "csrf",     valid_token },
	[KEY_GEMEENTE] = { "gemeente", valid_name },
	[KEY_JAAR]     = { "jaar",     valid_round },
	[KEY_AANPAK]   = { "aanpak",   valid_name },
	[KEY_INDICATOR] = { "indicator", valid_id_or_all },
	[KEY_THEMA]    = { "thema",    valid_id },
	[KEY_VERSIE]   = { "versie",   valid_version },
	[KEY_OORDEEL]  = { "oordeel",  valid_verdict },
	[KEY_BEVINDING] = { "bevinding", valid_text },
	[KEY_LETOP]    = { "letop",    valid_text },
	[KEY_GEEN_LETOP] = { "geen_letop", valid_flag },
	[KEY_REDEN]    = { "reden",    valid_text },
	[KEY_GOED]     = { "goed",     valid_text },
	[KEY_BETER]    = { "beter",    valid_text },
	/* -- step 9: web import and factsheet -- */
	[KEY_IMPORT]   = { "import",   valid_token },
	[KEY_VERVANG]  = { "vervang",  valid_flag },
	[KEY_DOWNLOAD] = { "download", valid_flag },
	/* -- step 9: web review -- */
	[KEY_STATUS]   = { "status",   valid_state },
	[KEY_VAN]      = { "van",      valid_id },
	[KEY_TOT]      = { "tot",      valid_id },
	[KEY_TEKST]    = { "tekst",    valid_text },
	/* -- step 9: web server -- */
	/* -- step 10: accounts -- */
	/* -- step 10: invitations -- */
	/* -- step 10: reactions -- */
	[KEY_BEVINDING_ID] = { "bevinding_id", valid_finding_key },
	[KEY_DEEL]     = { "deel",     valid_page },
	[KEY_ACTIE]    = { "actie",    valid_action },
	[KEY_BEVESTIG] = { "bevestig", valid_flag },
	[KEY_OPGESLAGEN] = { "opgeslagen", valid_flag },
	[KEY_A1] = { "a1", valid_answer }, [KEY_A2] = { "a2", valid_answer },
	[KEY_A3] = { "a3", valid_answer }, [KEY_A4] = { "a4", valid_answer },
	[KEY_A5] = { "a5", valid_answer }, [KEY_A6] = { "a6", valid_answer },
	[KEY_T1] = { "t1", valid_text }, [KEY_T2] = { "t2", valid_text },
	[KEY_T3] = { "t3", valid_text }, [KEY_T4] = { "t4", valid_text },
	[KEY_T5] = { "t5", valid_text }, [KEY_T6] = { "t6", valid_text },
	[KEY_ROL]      = { "rol",      valid_role },
	[KEY_ORGANISATIE] = { "organisatie", valid_name },
	[KEY_EMAIL]    = { "email",    valid_email },
	[KEY_DAGEN]    = { "dagen",    valid_days },
	[KEY_ID]       = { "id",       valid_version },
	/* -- step 9: web bench -- */
	[KEY_PAGINA]   = { "pagina",   valid_page },
	[KEY_ZOEK]     = { "zoek",     valid_search },
};

/*
 * Fills q->field from args. 400 when a known key fails its validator or
 * comes twice (which of two values would a handler see?), else 0.
 */
static unsigned
fields(struct web_request *q, const struct web_args *args)
{
	size_t i, k;

	if (args->too_many)
		return 400;
	for (i = 0; i < args->n; i++)
		for (k = 0; k < KEY__COUNT; k++) {
			if (strcmp(args->name[i], keys[k].name) != 0)
				continue;
			if (q->field[k] != NULL ||
			    !keys[k].valid(args->value[i]))
				return 400;
			q->field[k] = args->value[i];
		}
	if (q->field[KEY_JAAR] != NULL)
		cli_parse_round(q->field[KEY_JAAR], &q->jaar);
	return 0;
}

static const struct route *
find(const char *method, const char *path, int *path_known)
{
	size_t i;

	*path_known = 0;
	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		/* step 10: invitations: /v/ is a prefix (/v/TOKEN). */
		if (routes[i].access == ACCESS_INVITE ? strncmp(routes[i].path,
		    path, strlen(routes[i].path)) != 0 :
		    strcmp(routes[i].path, path) != 0)
			continue;
		*path_known = 1;
		if (strcmp(routes[i].method, method) == 0)
			return &routes[i];
	}
	return NULL;
}

/* The CSRF token of the form, compared in constant time. */
static int
csrf_ok(const struct web_request *q)
{
	const char *got = q->field[KEY_CSRF];

	return got != NULL && strlen(got) == strlen(q->csrf) &&
	    sodium_memcmp(got, q->csrf, strlen(got)) == 0;
}

void
web_route(const struct web_ctx *ctx, const char *method, const char *path,
    const char *sid_cookie, const struct web_args *args,
    struct web_response *r)
{
	struct web_request  q;
	const struct route *rt;
	int                 known;
	unsigned            status;

	memset(&q, 0, sizeof(q));
	q.ctx = ctx;
	if (sid_cookie != NULL && valid_token(sid_cookie) &&
	    web_session_find(ctx->sessions, sid_cookie, q.csrf) == 0)
		q.sid = sid_cookie;
	rt = find(method, path, &known);
	/*
	 * step 10: invitations. The token in the path is the respondent's
	 * only credential: a session cookie the browser may also hold gives
	 * nothing here (sid dropped, so the page shows no inspector's menu),
	 * and the CSRF token is derived from the invitation token instead.
	 * A path that is no token's form is unknown: the handler's 404 page.
	 */
	if (rt != NULL && rt->access == ACCESS_INVITE) {
		q.sid = NULL;
		q.invite = path + strlen(rt->path);
		if (!invite_token_valid(q.invite)) {
			q.invite = NULL;
			web_page_vragenlijst(&q, r);
			return;
		}
		web_respond_csrf(q.invite, q.csrf);
	}
	/* Without a session, nothing tells which routes exist. */
	if ((rt == NULL || rt->access == ACCESS_SESSION) && q.sid == NULL) {
		web_page_error(&q, r, 401);
		return;
	}
	if (rt == NULL) {
		web_page_error(&q, r, known ? 405 : 404);
		return;
	}
	if ((status = fields(&q, args)) != 0) {
		web_page_error(&q, r, status);
		return;
	}
	if (strcmp(method, "POST") == 0 && !csrf_ok(&q)) {
		web_page_error(&q, r, 403);
		return;
	}
	q.upload = args->upload;
	q.nupload = args->nupload;
	rt->handler(&q, r);
}
