/*
 * web_int: what the web_*.c files share; no other file includes it.
 *
 * A request passes web_server.c (HTTP, limits, headers) → web_route.c
 * (route table, session, CSRF token, the form keys and their validators)
 * → a handler in web_pages.c, which reads through the store and renders
 * templates through web_html.c, the one writer that escapes every value.
 */
#ifndef STJ_WEB_INT_H
#define STJ_WEB_INT_H

#include <stdatomic.h>
#include <stddef.h>

#include "access.h"
#include "web.h"

/* An HTML (or CSS) output buffer; only web_html.c writes into it. */
struct web_buf {
	char   *p;
	size_t  n, cap;
};

void web_buf_free(struct web_buf *b);
/* s written HTML-escaped: the only way a value reaches a page. */
void web_buf_text(struct web_buf *b, const char *s);

/* A placeholder's value: text (escaped) or HTML rendered by web_render. */
struct web_var {
	const char           *name;
	const char           *text;   /* escaped; NULL: html */
	const struct web_buf *html;   /* rendered by web_render() only */
};

enum web_tmpl {
	TMPL_PAGE, TMPL_NAV, TMPL_ERROR, TMPL_OVERZICHT, TMPL_OVERZICHT_ROW,
	TMPL_OVERZICHT_NONE, TMPL_OVERZICHT_APPROACH, TMPL_RONDE, TMPL_RONDE_APPROACH, TMPL_RONDE_ROW,
	TMPL_CSS, TMPL_RONDE_FORM, TMPL_RONDE_ANSWER, TMPL_CONCLUSIE,
	TMPL_FLASH, TMPL_LOGBOEK, TMPL_LOGBOEK_ROW,
	/* -- step 9: web import and factsheet -- */
	TMPL_FACTSHEET, TMPL_IMPORT, TMPL_IMPORT_REPORT, TMPL_IMPORT_FILE,
	TMPL_IMPORT_ITEM, TMPL_IMPORT_DOSSIER, TMPL_IMPORT_DIAG,
	TMPL_IMPORT_CONFIRM,
	/* -- step 9: web review -- */
	TMPL_RONDE_STATUS, TMPL_RONDE_VAST, TMPL_RONDE_GATEN, TMPL_RONDE_GAT,
	TMPL_RONDE_OPTIE, TMPL_RONDE_SAMENVOEGEN, TMPL_RONDE_SPLITSEN,
	TMPL_RONDE_LID, TMPL_RONDE_CONTEXT, TMPL_RONDE_OMSCHRIJVING,
	TMPL_RONDE_DOSSIER_VAST, TMPL_CONCLUSIE_VAST, TMPL_RONDE_WIJZIG_RIJ,
	TMPL_JS,
	/* -- step 9: web server -- */
	/* -- step 10: accounts -- */
	TMPL_LOGIN, TMPL_WACHTWOORD, TMPL_NAV_ACCOUNT, TMPL_NAV_BEHEER,
	TMPL_BEHEER, TMPL_BEHEER_RIJ,
	/* -- step 10: invitations -- */
	/* -- step 10: approach -- */
	TMPL_RONDE_NIEUWE_AANPAK,
	/* -- step 10: reactions -- */
	TMPL_RONDE_REACTIE, TMPL_RONDE_REACTIE_FORM, TMPL_VOORTGANG,
	TMPL_VOORTGANG_ROW, TMPL_VOORTGANG_NONE,
	TMPL_VRAGENLIJST, TMPL_VRAGENLIJST_DEEL, TMPL_VRAGENLIJST_VRAAG,
	TMPL_VRAGENLIJST_OPTIE, TMPL_VRAGENLIJST_VAST, TMPL_VRAGENLIJST_STUUR,
	TMPL_VRAGENLIJST_KLAAR, TMPL_RESPONS, TMPL_RESPONS_RIJ,
	TMPL_RESPONS_AANPAK, TMPL_RESPONS_OPTIE,
	/* -- step 10: portal -- */
	TMPL_WEDERHOOR, TMPL_WEDERHOOR_AANPAK, TMPL_WEDERHOOR_THEMA,
	TMPL_WEDERHOOR_CRITERIUM, TMPL_WEDERHOOR_RIJ, TMPL_WEDERHOOR_REGEL,
	TMPL_OVERZICHT_LINK, TMPL_OVERZICHT_NAAM, TMPL_FACTSHEET_LINK,
	TMPL_OVERZICHT_AANPAK_NAAM, TMPL_NAV_IMPORT,
	/* -- step 10: actor -- */
	TMPL_RONDE_STATUS_FORM, TMPL_RONDE_RESPONS,
	/* -- step 9: web bench -- */
	TMPL_OVERZICHT_PAGES, TMPL_OVERZICHT_PREV, TMPL_OVERZICHT_NEXT,
	TMPL_OVERZICHT_NOMATCH,
	/* -- step 13: docs -- */
	TMPL_HANDLEIDING_MD, TMPL_HANDLEIDING, TMPL_HD_H1, TMPL_HD_H2,
	TMPL_HD_P, TMPL_HD_UL, TMPL_HD_LI, TMPL_HD_PRE, TMPL_HD_FIG,
	/* -- step 11: front page -- */
	TMPL_RONDE_VOORPAGINA, TMPL_RONDE_VOORPAGINA_VAST,
	TMPL_IMPORT_KADER,
	TMPL__COUNT
};

struct web_templates;

/* Loads templates/web/ under datadir; NULL with a diagnostic. */
struct web_templates *web_templates_load(const char *datadir,
    struct diags *d);
void web_templates_free(struct web_templates *t);
/*
 * Appends template t with each {{name}} replaced by its value in vars
 * (text escaped, html as rendered); a name not in vars stays empty.
 */
void web_render(struct web_buf *out, const struct web_templates *t,
    enum web_tmpl id, const struct web_var *vars, size_t nvars);
/* The raw bytes of template t (the stylesheet). */
const struct web_buf *web_template(const struct web_templates *t,
    enum web_tmpl id);
/* A fixed text of templates/web/teksten.txt ("" when missing). */
const char *web_text(const struct web_templates *t, const char *name);

/* Sessions and the one-time login token (web_session.c). */
#define WEB_TOKEN_LEN 44   /* 32 random bytes, url-safe base64, NUL */

struct web_sessions;

struct web_sessions *web_sessions_new(char token[WEB_TOKEN_LEN]);
void web_sessions_free(struct web_sessions *s);
/*
 * Trades the login token for a new session: its id in sid, its CSRF
 * token in csrf. -1 when token is not the one printed or already used.
 */
int web_session_login(struct web_sessions *s, const char *token,
    char sid[WEB_TOKEN_LEN], char csrf[WEB_TOKEN_LEN]);
/* The session's CSRF token into csrf; -1 when sid is no session. */
int web_session_find(struct web_sessions *s, const char *sid,
    char csrf[WEB_TOKEN_LEN]);
void web_session_end(struct web_sessions *s, const char *sid);
/*
 * A message for the session's next page (POST-redirect-GET): what a form
 * changed (ok) or why it was refused. One at a time; a newer replaces it.
 */
void web_session_flash(struct web_sessions *s, const char *sid, int ok,
    const char *text);
/* The message set by web_session_flash() (new string), or NULL; once. */
char *web_session_flash_take(struct web_sessions *s, const char *sid,
    int *ok);

/* The form and query keys a handler may see (web_route.c validates). */
enum web_key {
	KEY_TOKEN, KEY_CSRF, KEY_GEMEENTE, KEY_JAAR,
	/* step 9: the edit forms and the Logboek filter */
	KEY_AANPAK, KEY_INDICATOR, KEY_THEMA, KEY_VERSIE, KEY_OORDEEL,
	KEY_BEVINDING, KEY_LETOP, KEY_GEEN_LETOP, KEY_REDEN, KEY_GOED,
	KEY_BETER,
	/* -- step 9: web import and factsheet -- */
	KEY_IMPORT, KEY_VERVANG, KEY_DOWNLOAD,
	/* -- step 9: web review -- */
	KEY_STATUS, KEY_VAN, KEY_TOT, KEY_TEKST,
	/* -- step 9: web server -- */
	/* -- step 10: accounts -- */
	KEY_NAAM, KEY_WACHTWOORD, KEY_NIEUW, KEY_HERHAAL, KEY_ACCOUNT_ROL,
	KEY_BEHEER_ACTIE, KEY_ACCOUNT_GEMEENTE,
	/* -- step 10: invitations -- */
	/* -- step 10: approach -- */
	KEY_PARTNER1, KEY_PARTNER2, KEY_PARTNER3,
	/* -- step 10: reactions -- */
	KEY_BEVINDING_ID,
	KEY_DEEL, KEY_ACTIE, KEY_BEVESTIG, KEY_OPGESLAGEN,
	KEY_A1, KEY_A2, KEY_A3, KEY_A4, KEY_A5, KEY_A6,
	KEY_T1, KEY_T2, KEY_T3, KEY_T4, KEY_T5, KEY_T6,
	KEY_ROL, KEY_ORGANISATIE, KEY_EMAIL, KEY_DAGEN, KEY_ID,
	/* -- step 10: mail -- */
	KEY_DIRECT,
	/* -- step 9: web bench -- */
	KEY_PAGINA, KEY_ZOEK,
	/* -- step 11: front page -- */
	KEY_DATUM,
	/* -- step 13: docs -- the image's name, from the path (web_route) */
	KEY_AFBEELDING,
	/* the framework version a CSV is read against (Importeren) */
	KEY_KADER,
	KEY__COUNT
};

struct web_imports;

/*
 * A file uploaded in a multipart form (POST /importeren only, see
 * web_upload_max): its bytes as sent (NUL bytes and all: UTF-16 is a
 * file, not a form field) and the name the browser gave, which is only
 * ever shown, escaped, never used as a path.
 */
struct web_upload {
	char          *name;
	unsigned char *data;
	size_t         len;
};
struct web_db;
struct ratelimit;

struct web_ctx {
	const struct web_config    *cfg;
	const struct web_templates *tmpl;
	struct web_sessions        *sessions;
	struct web_imports         *imports;   /* web_import.c */
	struct web_db              *db;      /* web_open() and web_close() */
	/* step 10: accounts. Fixed at start: with accounts in the database
	 * logins are by name and password, else by the one-time token. */
	int                         accounts;
	struct ratelimit           *logins;  /* failed logins per address */
	int                         secure;  /* HTTPS: the Origin's scheme */
	/* -- step 10: mail -- the base of the links in invitation texts:
	 * cfg->base_url, or the URL served, known only once the daemon
	 * bound its port (set then; NULL before). */
	_Atomic(const char *)       link_base;
};

struct web_request {
	const struct web_ctx *ctx;
	const char           *field[KEY__COUNT];  /* validated; NULL: absent */
	int                   jaar;               /* KEY_JAAR parsed */
	const char           *sid;                /* NULL: no session */
	char                  csrf[WEB_TOKEN_LEN];
	const struct web_upload *upload;          /* an upload route's files */
	size_t                nupload;
	/* step 10: invitations. An invitation route's token (/v/TOKEN),
	 * of the form of one; then sid is NULL and csrf derives from it. */
	const char           *invite;
	/* step 10: accounts */
	struct actor          actor;   /* who asks (a session's account) */
	const struct web_args *args;   /* client address, cookies, Origin */
};

struct web_response {
	unsigned        status;
	const char     *type;        /* Content-Type */
	struct web_buf  body;
	char           *location;    /* a redirect's target */
	char           *cookie;      /* Set-Cookie */
	int             cacheable;   /* the stylesheet: no Cache-Control */
	char           *disposition; /* Content-Disposition (a download) */
	int             framed;      /* may be framed by this origin (PDF) */
	/* -- step 11: html -- */
	char           *csp;         /* own Content-Security-Policy (freed);
	                                NULL: the pages' */
	/* -- step 13: docs -- */
	const char     *cache;       /* own Cache-Control (a static string);
	                                NULL: none when cacheable, else
	                                no-store */
};

/*
 * Runs the route of method and path: checks the session, the CSRF token
 * of a POST and every key in args (form and query fields; unknown ones
 * are dropped), then the handler. Fills r; never fails.
 */
struct web_args {
	const char *name[16], *value[16];
	size_t      n;
	int         too_many;
	const struct web_upload *upload;   /* files of an upload route */
	size_t      nupload;
	/* step 10: accounts. The client's address (the rate limit's key),
	 * the Origin and Host headers (NULL: none sent) and the login
	 * form's cookie (the CSRF token before a session exists). */
	const char *client, *origin, *host, *login_cookie;
};

void web_route(const struct web_ctx *ctx, const char *method,
    const char *path, const char *sid_cookie, const struct web_args *args,
    struct web_response *r);

/* Page handlers (web_pages.c). */
/* The page of an error status: a fixed text, never the request's input. */
void web_page_error(const struct web_request *q, struct web_response *r,
    unsigned status);
void web_page_login(const struct web_request *q, struct web_response *r);
void web_page_logout(const struct web_request *q, struct web_response *r);
void web_page_overzicht(const struct web_request *q, struct web_response *r);
void web_page_ronde(const struct web_request *q, struct web_response *r);
void web_page_css(const struct web_request *q, struct web_response *r);
/* The edit forms of the Ronde page and the Logboek (web_edit.c). */
void web_page_oordeel(const struct web_request *q, struct web_response *r);
void web_page_conclusie(const struct web_request *q,
    struct web_response *r);
void web_page_logboek(const struct web_request *q, struct web_response *r);
/* -- step 9: web import and factsheet -- */
/* The Factsheet page and its PDF, inline or as a download (web_import.c). */
void web_page_factsheet(const struct web_request *q, struct web_response *r);
void web_page_factsheet_pdf(const struct web_request *q,
    struct web_response *r);
/* Importeren: the form, the dry run of an upload, its confirmation. */
void web_page_importeren(const struct web_request *q, struct web_response *r);
void web_page_import_check(const struct web_request *q,
    struct web_response *r);
void web_page_import_confirm(const struct web_request *q,
    struct web_response *r);
/*
 * The body limit of a route that takes files (POST /importeren), 0 for
 * every other: web_server.c keeps its form limit there and takes no file
 * parts. The 413 page of an upload over it names the limit.
 */
size_t web_upload_max(const char *method, const char *path);
void web_page_upload_too_large(const struct web_request *q,
    struct web_response *r);
/* The uploads kept between a dry run and its confirmation. */
struct web_imports *web_imports_new(void);
void web_imports_free(struct web_imports *m);
/* The message a form left in the session for this page, shown once. */
void web_flash(const struct web_request *q, struct web_buf *out);
/* -- step 9: web review -- */
/* The review state, merges and dossier texts (web_edit.c), the keys. */
void web_page_status(const struct web_request *q, struct web_response *r);
void web_page_samenvoegen(const struct web_request *q,
    struct web_response *r);
void web_page_splitsen(const struct web_request *q, struct web_response *r);
void web_page_dossier(const struct web_request *q, struct web_response *r);
/* step 10: approach. POST /ronde/aanpak: a new approach (ops_approach_add). */
void web_page_aanpak(const struct web_request *q, struct web_response *r);
void web_page_js(const struct web_request *q, struct web_response *r);
/* -- step 9: web server -- */
/*
 * The connections of the worker threads (web_db.c), for web_open() and
 * web_close() only: each thread keeps one to read and one to write,
 * opened at first need and closed as the thread ends. web_db_open()
 * starts a use (a fresh snapshot to read; NULL with a diagnostic),
 * web_db_close() ends it. web_db_free() after the daemon stopped.
 */
struct web_db *web_db_new(const char *path);
void web_db_free(struct web_db *db);
struct store *web_db_open(struct web_db *db, int write, struct diags *d);
void web_db_close(struct web_db *db, struct store *s);
/* -- step 10: accounts -- */
/*
 * Logins by name and password, the password change and Beheer
 * (web_login.c); only with accounts in the database (web_ctx.accounts).
 * web_page_login() and web_page_logout() hand over to these then.
 */
void web_login_form(const struct web_request *q, struct web_response *r);
void web_login_post(const struct web_request *q, struct web_response *r);
void web_login_logout(const struct web_request *q, struct web_response *r);
void web_page_wachtwoord(const struct web_request *q,
    struct web_response *r);
void web_page_wachtwoord_post(const struct web_request *q,
    struct web_response *r);
void web_page_beheer(const struct web_request *q, struct web_response *r);
void web_page_beheer_post(const struct web_request *q,
    struct web_response *r);
/* Whether the login form's POST carries its own CSRF token (the login
 * cookie) and, when the browser names one, our Origin. */
int web_login_csrf_ok(const struct web_request *q);
/* An account's session also in memory, for its flash messages. */
void web_session_track(struct web_sessions *s, const char *sid,
    const char csrf[WEB_TOKEN_LEN]);
/* The audit's who in token mode: the one local inspector. */
#define WEB_WHO "inspecteur (web)"
/* -- step 10: invitations -- */
/* -- step 10: mail -- */
/*
 * The Respons page's texts for an approach (web_mail.c): POST
 * /respons/versturen (invitations not sent yet), /respons/herinneren
 * (reminders to those sent or opened, not submitted). With --smtp they
 * are sent, each with a new link; without, they are the response: a
 * CSV file as "stj invitations --format csv" writes it.
 */
void web_page_respons_versturen(const struct web_request *q,
    struct web_response *r);
void web_page_respons_herinneren(const struct web_request *q,
    struct web_response *r);
/*
 * "direct versturen": sends invitation id's first text at once (with
 * --smtp only; a new link, recorded as sent). invite_mail_send()'s 0, 1
 * (no address) or -1 after d.
 */
struct store;
int web_mail_send_one(const struct web_request *q, struct store *s,
    long long id, struct diags *d);
/* The link base for texts (see web_ctx.link_base); NULL: not yet. */
const char *web_link_base(const struct web_ctx *ctx);
/* -- step 11: html -- */
/* The factsheet as accessible HTML (web_import.c): the page itself. */
void web_page_factsheet_html(const struct web_request *q,
    struct web_response *r);
/* -- step 10: reactions -- */
/*
 * The municipality's reactions of a round (web_react.c), read once for
 * the Ronde page; web_reaction_html() writes the one of finding k (an
 * indicator or a group's key) and, while wederhoor, its form.
 */
struct web_reactions;
struct web_reactions *web_reactions_load(struct store *s,
    const char *municipality, int round);
void web_reactions_free(struct web_reactions *x);
struct store_key;
void web_reaction_html(const struct web_request *q, struct store *s,
    const struct web_reactions *re, const struct store_key *k,
    const char *jaar, int wederhoor, struct web_buf *out);
/* POST /ronde/reactie, GET /voortgang, POST /voortgang/notitie. */
void web_page_reactie(const struct web_request *q, struct web_response *r);
void web_page_voortgang(const struct web_request *q, struct web_response *r);
void web_page_notitie(const struct web_request *q, struct web_response *r);
/*
 * The respondent's questionnaire, /v/TOKEN (web_respond.c): the token
 * is the only credential. web_respond_csrf() is the CSRF token of the
 * questionnaire's forms: a keyed hash of the invitation token.
 */
#define WEB_RESPOND_PER_PAGE 6   /* questions per page: keys a1..a6 */
void web_respond_csrf(const char *token, char csrf[WEB_TOKEN_LEN]);
void web_page_vragenlijst(const struct web_request *q,
    struct web_response *r);
void web_page_vragenlijst_post(const struct web_request *q,
    struct web_response *r);
/* The inspector's Respons page and its forms. */
void web_page_respons(const struct web_request *q, struct web_response *r);
void web_page_respons_uitnodigen(const struct web_request *q,
    struct web_response *r);
void web_page_respons_opnieuw(const struct web_request *q,
    struct web_response *r);
void web_page_respons_intrekken(const struct web_request *q,
    struct web_response *r);
void web_page_respons_heropenen(const struct web_request *q,
    struct web_response *r);
/* -- step 10: portal -- */
/*
 * The municipality's page Wederhoor (web_portal.c): the findings of its
 * round as the factsheet prints them, each with its reaction and form.
 */
void web_page_wederhoor(const struct web_request *q, struct web_response *r);
/*
 * The round of mun as access.h sees it (kind and state from the store;
 * ri->municipality is mun): 0, or -1 when there is no such round.
 */
int web_round_info(struct store *s, const char *mun, int round,
    struct round_info *ri);
/* May q's actor do act on that round? The question before every link to
 * a page of a round: no page links to one its reader gets 403 or 404 on. */
int web_round_allowed(const struct web_request *q, struct store *s,
    const char *mun, int round, enum action act);
/*
 * The links from page here (its path) to the round's other pages its
 * reader may open: the Ronde ("M Y"), Wederhoor, Factsheet, Voortgang
 * (vastgesteld) and Logboek, each " · <a>" (templates/web/factsheet-link).
 */
void web_round_links(const struct web_request *q, struct store *s,
    const char *mun, int round, const char *here, struct web_buf *out);

/* Shared by the handlers (web_pages.c). */
struct store;
/* The page around content (title, header, content) with status. */
void web_page(const struct web_request *q, struct web_response *r,
    unsigned status, const char *title, const struct web_buf *content);
/* -- step 13: docs -- GET /handleiding (web_handleiding.c) */
void web_page_handleiding(const struct web_request *q,
    struct web_response *r);
/* GET /handleiding/NAME.png: an image the guide shows, and no other. */
void web_page_handleiding_png(const struct web_request *q,
    struct web_response *r);
/* -- step 11: front page -- POST /ronde/inleiding, /ronde/publicatie:
 * the round's own front-page introduction and its publication date
 * (ops_dossier_text() fields "intro" and "published"; web_edit.c). */
void web_page_inleiding(const struct web_request *q, struct web_response *r);
void web_page_publicatie(const struct web_request *q,
    struct web_response *r);
void web_redirect(struct web_response *r, const char *to);
/*
 * The database for one request (write: may change it); NULL after a 500
 * page. Every web_open() is paired with web_close() on the same request:
 * how connections are kept (per worker thread, web_db.c) is never a
 * handler's business. A read sees one snapshot from web_open() to
 * web_close(); a write changes through ops.c, one transaction each.
 */
struct store *web_open(const struct web_request *q, struct web_response *r,
    int write);
void web_close(const struct web_request *q, struct store *s);
/* "/PATH?gemeente=M&jaar=Y" with M percent-encoded. New string. */
char *web_href(const char *path, const char *municipality, int round);

#endif
