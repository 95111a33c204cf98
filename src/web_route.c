/*
 * web_route: the route table and the form keys, in the manner of kcgi.
 * Every route names who may call it; every key a handler can see has a
 * validator. The session, the CSRF token of a POST and every field are
 * checked here, once, before any handler runs: a handler only ever sees
 * fields that passed, and unknown keys never reach it.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "account.h"
#include "cli.h"
#include "invite.h"
#include "ops.h"
#include "store.h"
#include "util.h"
#include "web_int.h"

/*
 * What a route needs (step 10). NEED_ACTION names the action of access.h
 * the actor must be allowed; a route with round takes gemeente and jaar,
 * and the check is on that round as the store has it (a gemeente asking
 * for another municipality's round gets 404, before any handler runs).
 * The order matters: up to NEED_ASSET a route can answer without a
 * session.
 */
enum need {
	NEED_NONE,     /* the login page and its form, the stylesheet */
	NEED_INVITE,   /* a respondent's link /v/TOKEN: the route's path is a
	                  prefix, the rest of the path the token; no session */
	NEED_ASSET,    /* the script: public with accounts, else a session's */
	NEED_SESSION,  /* any logged-in actor (Overzicht, logout) */
	NEED_ACCOUNT,  /* an account's session: token mode has no such page */
	NEED_ACTION,   /* a session whose actor may do act */
};

static const struct route {
	const char  *method, *path;
	enum need    need;
	enum action  act;
	int          round;    /* the check is on gemeente+jaar's round */
	void       (*handler)(const struct web_request *,
	                      struct web_response *);
} routes[] = {
	{ "GET",  "/login",          NEED_NONE, 0, 0, web_page_login },
	{ "GET",  "/",               NEED_SESSION, 0, 0, web_page_overzicht },
	{ "GET",  "/ronde",          NEED_ACTION, ACT_READ_ROUND, 1,
	    web_page_ronde },
	/* Fixed content, also for the login page and a respondent's pages,
	 * which have no session. */
	{ "GET",  "/static/stj.css", NEED_NONE, 0, 0, web_page_css },
	{ "GET",  "/logboek",        NEED_ACTION, ACT_READ_LOG, 1,
	    web_page_logboek },
	{ "POST", "/ronde/oordeel",  NEED_ACTION, ACT_EDIT, 1,
	    web_page_oordeel },
	{ "POST", "/ronde/conclusie", NEED_ACTION, ACT_EDIT, 1,
	    web_page_conclusie },
	{ "POST", "/logout",         NEED_SESSION, 0, 0, web_page_logout },
	/* -- step 9: web import and factsheet -- */
	{ "GET",  "/factsheet",      NEED_ACTION, ACT_READ_FACTSHEET, 1,
	    web_page_factsheet },
	{ "GET",  "/factsheet.pdf",  NEED_ACTION, ACT_READ_FACTSHEET, 1,
	    web_page_factsheet_pdf },
	{ "GET",  "/importeren",     NEED_ACTION, ACT_IMPORT, 0,
	    web_page_importeren },
	{ "POST", "/importeren",     NEED_ACTION, ACT_IMPORT, 0,
	    web_page_import_check },
	{ "POST", "/importeren/bevestig", NEED_ACTION, ACT_IMPORT, 0,
	    web_page_import_confirm },
	/* -- step 9: web review -- */
	{ "GET",  "/static/stj.js",  NEED_ASSET, 0, 0, web_page_js },
	{ "POST", "/ronde/status",   NEED_ACTION, ACT_STATE, 1,
	    web_page_status },
	{ "POST", "/ronde/samenvoegen", NEED_ACTION, ACT_EDIT, 1,
	    web_page_samenvoegen },
	{ "POST", "/ronde/splitsen", NEED_ACTION, ACT_EDIT, 1,
	    web_page_splitsen },
	{ "POST", "/ronde/dossier",  NEED_ACTION, ACT_EDIT, 1,
	    web_page_dossier },
	/* step 10: approach */
	{ "POST", "/ronde/aanpak",   NEED_ACTION, ACT_EDIT, 1,
	    web_page_aanpak },
	/* -- step 9: web server -- */
	/* -- step 10: accounts -- */
	{ "POST", "/login",          NEED_NONE, 0, 0, web_login_post },
	{ "GET",  "/wachtwoord",     NEED_ACCOUNT, 0, 0, web_page_wachtwoord },
	{ "POST", "/wachtwoord",     NEED_ACCOUNT, 0, 0,
	    web_page_wachtwoord_post },
	{ "GET",  "/beheer",         NEED_ACTION, ACT_ACCOUNTS, 0,
	    web_page_beheer },
	{ "POST", "/beheer",         NEED_ACTION, ACT_ACCOUNTS, 0,
	    web_page_beheer_post },
	/* -- step 10: invitations -- */
	/* -- step 10: reactions -- */
	{ "POST", "/ronde/reactie",  NEED_ACTION, ACT_REACT, 1,
	    web_page_reactie },
	{ "GET",  "/voortgang",      NEED_ACTION, ACT_READ_PROGRESS, 1,
	    web_page_voortgang },
	{ "POST", "/voortgang/notitie", NEED_ACTION, ACT_PROGRESS_NOTE, 1,
	    web_page_notitie },
	{ "GET",  "/v/",             NEED_INVITE, 0, 0, web_page_vragenlijst },
	{ "POST", "/v/",             NEED_INVITE, 0, 0,
	    web_page_vragenlijst_post },
	{ "GET",  "/respons",        NEED_ACTION, ACT_INVITE, 1,
	    web_page_respons },
	{ "POST", "/respons/uitnodigen", NEED_ACTION, ACT_INVITE, 1,
	    web_page_respons_uitnodigen },
	{ "POST", "/respons/opnieuw", NEED_ACTION, ACT_INVITE, 1,
	    web_page_respons_opnieuw },
	{ "POST", "/respons/intrekken", NEED_ACTION, ACT_INVITE, 1,
	    web_page_respons_intrekken },
	{ "POST", "/respons/heropenen", NEED_ACTION, ACT_INVITE, 1,
	    web_page_respons_heropenen },
	/* -- step 10: mail -- */
	{ "POST", "/respons/versturen", NEED_ACTION, ACT_INVITE, 1,
	    web_page_respons_versturen },
	{ "POST", "/respons/herinneren", NEED_ACTION, ACT_INVITE, 1,
	    web_page_respons_herinneren },
	/* -- step 11: html -- */
	{ "GET",  "/factsheet.html", NEED_ACTION, ACT_READ_FACTSHEET, 1,
	    web_page_factsheet_html },
	/* -- step 10: portal -- */
	{ "GET",  "/wederhoor",      NEED_ACTION, ACT_REACT, 1,
	    web_page_wederhoor },
	/* -- step 13: docs -- */
	{ "GET",  "/handleiding",    NEED_SESSION, 0, 0,
	    web_page_handleiding },
	/* A prefix: the rest of the path is the image's name (KEY_AFBEELDING,
	 * see web_route()). */
	{ "GET",  "/handleiding/",   NEED_SESSION, 0, 0,
	    web_page_handleiding_png },
	/* -- step 11: front page -- */
	{ "POST", "/ronde/inleiding", NEED_ACTION, ACT_EDIT, 1,
	    web_page_inleiding },
	{ "POST", "/ronde/publicatie", NEED_ACTION, ACT_EDIT, 1,
	    web_page_publicatie },
};

/* -- step 13: docs -- a route whose path is a prefix of the request's. */
static int
prefix_route(const struct route *rt)
{
	return rt->need == NEED_INVITE ||
	    rt->handler == web_page_handleiding_png;
}

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

/* step 10: approach. A name or nothing: a form's optional field. */
static int
valid_name_or_empty(const char *s)
{
	return *s == '\0' || valid_name(s);
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

/* step 10: accounts. A name as typed at login: account.h checks it. */
static int
valid_account(const char *s)
{
	return strlen(s) <= 4 * ACCOUNT_NAME_MAX && text_control(s, "") == 0;
}

/* A password: account.h counts its characters; this bounds the bytes. */
static int
valid_password(const char *s)
{
	return strlen(s) <= 4 * ACCOUNT_PASSWORD_MAX &&
	    text_control(s, "") == 0;
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

/* step 10: accounts. A role of access.h. */
static int
valid_account_role(const char *s)
{
	enum access_role role;

	return access_role_parse(s, &role) == 0;
}

/* What Beheer does to an account. */
static int
valid_beheer_action(const char *s)
{
	return strcmp(s, "toevoegen") == 0 || strcmp(s, "uitschakelen") == 0
	    || strcmp(s, "inschakelen") == 0 || strcmp(s, "rol") == 0;
}

/* -- step 11: front page -- A publication date's form: YYYY-MM or
 * YYYY-MM-DD (ops.h checks the month and day), or empty: the layer's
 * "nothing to change", shown on the page. */
static int
valid_date(const char *s)
{
	return *s == '\0' || ops_date_shape(s);
}

/* -- step 13: docs -- an image of the guide: [a-z0-9-]+.png, so never a
 * path (no '/', no '..'); web_handleiding.c serves only the guide's. */
static int
valid_image(const char *s)
{
	size_t n = strlen(s), k = strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "0123456789-");

	return n > 4 && n <= 64 && k == n - 4 && strcmp(s + k, ".png") == 0;
}

/*
 * A framework version, "ID@VERSION" as stj import --framework takes it:
 * an id of lower-case letters, digits and '-', a version of digits.
 * Whether the server has it is the handler's question.
 */
static int
valid_framework(const char *s)
{
	const char *at = strchr(s, '@');
	size_t      id;

	if (at == NULL)
		return 0;
	id = (size_t)(at - s);
	return id > 0 && id <= 40 &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == id &&
	    valid_version(at + 1);
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
	[KEY_NAAM]     = { "naam",     valid_account },
	[KEY_WACHTWOORD] = { "wachtwoord", valid_password },
	[KEY_NIEUW]    = { "nieuw",    valid_password },
	[KEY_HERHAAL]  = { "herhaal",  valid_password },
	[KEY_ACCOUNT_ROL] = { "account_rol", valid_account_role },
	[KEY_BEHEER_ACTIE] = { "beheer", valid_beheer_action },
	[KEY_ACCOUNT_GEMEENTE] = { "account_gemeente", valid_search },
	/* -- step 10: invitations -- */
	/* -- step 10: approach -- */
	[KEY_PARTNER1] = { "partner1", valid_name_or_empty },
	[KEY_PARTNER2] = { "partner2", valid_name_or_empty },
	[KEY_PARTNER3] = { "partner3", valid_name_or_empty },
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
	/* -- step 10: mail -- */
	[KEY_DIRECT]   = { "direct",   valid_flag },
	/* -- step 9: web bench -- */
	[KEY_PAGINA]   = { "pagina",   valid_page },
	[KEY_ZOEK]     = { "zoek",     valid_search },
	/* -- step 11: front page -- */
	[KEY_DATUM]    = { "datum",    valid_date },
	/* -- step 13: docs -- never a form's: the path's (web_route()) */
	[KEY_AFBEELDING] = { NULL,     valid_image },
	[KEY_KADER]    = { "kader",    valid_framework },
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
			if (keys[k].name == NULL ||
			    strcmp(args->name[i], keys[k].name) != 0)
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
		if (prefix_route(&routes[i]) ? strncmp(routes[i].path,
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

/*
 * The actor of the cookie's session into q and x (x's strings are the
 * actor's; cleared by the caller): 0, or -1 when there is none. In
 * token mode the session is the memory one and the actor the local
 * inspecteur; with accounts it is the database's (session_find), also
 * kept in memory for its flash messages.
 */
static int
resolve_session(struct web_request *q, const char *sid,
    struct session_info *x)
{
	struct diags  d;
	struct store *s;
	int           rc;

	if (sid == NULL || !valid_token(sid))
		return -1;
	if (!q->ctx->accounts) {
		if (web_session_find(q->ctx->sessions, sid, q->csrf) == -1)
			return -1;
		q->actor.name = WEB_WHO;
		q->actor.role = ACCESS_INSPECTEUR;
		q->sid = sid;
		return 0;
	}
	diags_init(&d);
	if ((s = web_db_open(q->ctx->db, 1, &d)) == NULL) {
		diags_free(&d);
		return -1;
	}
	rc = session_find(s, sid, time(NULL), x, &d);
	web_db_close(q->ctx->db, s);
	diags_free(&d);
	if (rc != 0)
		return -1;
	session_actor(x, &q->actor);
	memcpy(q->csrf, x->csrf, WEB_TOKEN_LEN);
	web_session_track(q->ctx->sessions, sid, q->csrf);
	q->sid = sid;
	return 0;
}

/*
 * The access check of route rt for q's actor: 0 (allowed), 403 or 404.
 * For a route on a round, the round as the store has it: a round that is
 * not there is the handler's own 404, except for a gemeente, which learns
 * nothing of rounds it may not see.
 */
static unsigned
allowed(const struct web_request *q, const struct route *rt)
{
	struct round_info ri;
	struct diags      d;
	struct store     *s;
	const char       *m = q->field[KEY_GEMEENTE];
	char             *state = NULL, *since = NULL;
	int               self = 0, found = 0;
	enum access_verdict v = ACCESS_HIDDEN;

	if (rt->need == NEED_ACCOUNT)
		return q->ctx->accounts ? 0 : 404;
	if (rt->need != NEED_ACTION)
		return 0;
	if (rt->round && m != NULL && q->field[KEY_JAAR] != NULL) {
		diags_init(&d);
		if ((s = web_db_open(q->ctx->db, 0, &d)) != NULL) {
			if (store_resolve_municipality(s, &m, &d) == 0 &&
			    store_round_kind(s, m, q->jaar, &self, &d) == 0 &&
			    store_round_state(s, m, q->jaar, &state, &since,
			    &d) == 0) {
				memset(&ri, 0, sizeof(ri));
				ri.municipality = m;
				ri.self_assessment = self;
				access_state_parse(state != NULL ? state :
				    "concept", &ri.state);
				v = access_check(&q->actor, rt->act, &ri);
				found = 1;
			}
			free(state);
			free(since);
			web_db_close(q->ctx->db, s);
		}
		diags_free(&d);
		if (found)
			return v == ACCESS_OK ? 0 :
			    v == ACCESS_DENIED ? 403 : 404;
	}
	/* No round (or none found): the check on no round in particular,
	 * which hides everything from a gemeente. */
	v = access_check(&q->actor, rt->act, NULL);
	return v == ACCESS_OK ? 0 : v == ACCESS_DENIED ? 403 : 404;
}

/* stj serve --routes: the table, for the test of every route × role. */
void
web_routes_print(FILE *f)
{
	size_t i;

	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		fprintf(f, "%s %s\n", routes[i].method, routes[i].path);
}

void
web_route(const struct web_ctx *ctx, const char *method, const char *path,
    const char *sid_cookie, const struct web_args *args,
    struct web_response *r)
{
	struct web_request  q;
	struct session_info x;
	const struct route *rt;
	int                 known, session;
	unsigned            status;

	memset(&q, 0, sizeof(q));
	memset(&x, 0, sizeof(x));
	q.ctx = ctx;
	q.args = args;
	session = resolve_session(&q, sid_cookie, &x) == 0;
	rt = find(method, path, &known);
	/*
	 * step 10: invitations. The token in the path is the respondent's
	 * only credential: a session cookie the browser may also hold gives
	 * nothing here (sid dropped, so the page shows no inspector's menu),
	 * and the CSRF token is derived from the invitation token instead.
	 * A path that is no token's form is unknown: the handler's 404 page.
	 */
	if (rt != NULL && rt->need == NEED_INVITE) {
		q.sid = NULL;
		memset(&q.actor, 0, sizeof(q.actor));
		session = 0;
		q.invite = path + strlen(rt->path);
		if (!invite_token_valid(q.invite)) {
			q.invite = NULL;
			web_page_vragenlijst(&q, r);
			goto out;
		}
		web_respond_csrf(q.invite, q.csrf);
	}
	/* Without a session, nothing tells which routes exist. */
	if (!session && (rt == NULL || rt->need > NEED_ASSET ||
	    (rt->need == NEED_ASSET && !ctx->accounts))) {
		web_page_error(&q, r, 401);
		goto out;
	}
	if (rt == NULL) {
		web_page_error(&q, r, known ? 405 : 404);
		goto out;
	}
	if ((status = fields(&q, args)) != 0 || (status = allowed(&q, rt)) !=
	    0) {
		web_page_error(&q, r, status);
		goto out;
	}
	/* The login form has no session yet: its own token (web_login.c). */
	if (strcmp(method, "POST") == 0 && (rt->handler == web_login_post ?
	    !web_login_csrf_ok(&q) : !csrf_ok(&q))) {
		web_page_error(&q, r, 403);
		goto out;
	}
	/* -- step 13: docs -- the image's name is the rest of the path,
	 * validated as a field is; a name of no image's form is unknown. */
	if (rt->handler == web_page_handleiding_png) {
		q.field[KEY_AFBEELDING] = path + strlen(rt->path);
		if (!keys[KEY_AFBEELDING].valid(q.field[KEY_AFBEELDING])) {
			web_page_error(&q, r, 404);
			goto out;
		}
	}
	q.upload = args->upload;
	q.nupload = args->nupload;
	rt->handler(&q, r);
out:
	session_info_clear(&x);
}
