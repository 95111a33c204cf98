/*
 * web_pages: the handlers. Each reads through the store (one read
 * snapshot per request) and the round stage, and renders templates
 * through web_render(): no markup and no fixed Dutch text here, only the
 * names of templates and of texts in templates/web/teksten.txt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "round.h"
#include "util.h"
#include "web_int.h"

#define NVARS(v) (sizeof(v) / sizeof((v)[0]))

static const char *
text(const struct web_request *q, const char *name)
{
	return web_text(q->ctx->tmpl, name);
}

void
web_page(const struct web_request *q, struct web_response *r, unsigned status,
    const char *title, const struct web_buf *content)
{
	struct web_buf nav = { 0 };

	if (q->sid != NULL) {
		struct web_buf  who = { 0 }, imp = { 0 };
		struct web_var  av[] = {
			{ "naam", q->actor.name, NULL },
			{ "rol", access_role_name(q->actor.role), NULL },
		};
		/* step 10: with accounts, who is logged in and the links of
		 * the role (Beheer for the beheerder, the password page). */
		if (q->ctx->accounts &&
		    access_allowed(&q->actor, ACT_ACCOUNTS, NULL))
			web_render(&who, q->ctx->tmpl, TMPL_NAV_BEHEER, NULL,
			    0);
		if (q->ctx->accounts)
			web_render(&who, q->ctx->tmpl, TMPL_NAV_ACCOUNT, av,
			    NVARS(av));
		/* step 10: actor: a link only to what the actor may use. */
		if (access_allowed(&q->actor, ACT_IMPORT, NULL))
			web_render(&imp, q->ctx->tmpl, TMPL_NAV_IMPORT, NULL,
			    0);
		{
			struct web_var nv[] = {
				{ "csrf", q->csrf, NULL },
				{ "importeren", NULL, &imp },
				{ "account", NULL, &who },
			};
			web_render(&nav, q->ctx->tmpl, TMPL_NAV, nv,
			    NVARS(nv));
		}
		web_buf_free(&who);
		web_buf_free(&imp);
	}
	{
		struct web_var pv[] = {
			{ "titel", title, NULL },
			{ "kop", NULL, &nav },
			{ "inhoud", NULL, content },
		};
		web_render(&r->body, q->ctx->tmpl, TMPL_PAGE, pv, NVARS(pv));
	}
	web_buf_free(&nav);
	r->status = status;
}

/* An error page by the names of its title and text in teksten.txt. */
static void
error_page(const struct web_request *q, struct web_response *r,
    unsigned status, const char *key)
{
	struct web_buf body = { 0 };
	char           tkey[64], mkey[64];

	snprintf(tkey, sizeof(tkey), "%s.titel", key);
	snprintf(mkey, sizeof(mkey), "%s.tekst", key);
	{
		struct web_var v[] = {
			{ "titel", text(q, tkey), NULL },
			{ "tekst", text(q, mkey), NULL },
		};
		web_render(&body, q->ctx->tmpl, TMPL_ERROR, v, NVARS(v));
	}
	web_buf_free(&r->body);
	web_page(q, r, status, text(q, tkey), &body);
	web_buf_free(&body);
}

void
web_page_error(const struct web_request *q, struct web_response *r,
    unsigned status)
{
	char key[32];

	/* step 10: with accounts, the way in is the login page. */
	snprintf(key, sizeof(key), status == 401 && q->ctx != NULL &&
	    q->ctx->accounts ? "fout.%u.account" : "fout.%u", status);
	error_page(q, r, status, key);
}

void
web_redirect(struct web_response *r, const char *to)
{
	r->status = 303;
	r->location = xstrdup(to);
}

void
web_page_login(const struct web_request *q, struct web_response *r)
{
	char sid[WEB_TOKEN_LEN], csrf[WEB_TOKEN_LEN];

	if (q->ctx->accounts) {
		web_login_form(q, r);
		return;
	}
	if (q->field[KEY_TOKEN] == NULL || web_session_login(q->ctx->sessions,
	    q->field[KEY_TOKEN], sid, csrf) == -1) {
		error_page(q, r, 401, "fout.token");
		return;
	}
	r->cookie = xasprintf("sid=%s; Path=/; HttpOnly; SameSite=Strict",
	    sid);
	web_redirect(r, "/");
}

void
web_page_logout(const struct web_request *q, struct web_response *r)
{
	if (q->ctx->accounts) {
		web_login_logout(q, r);
		return;
	}
	web_session_end(q->ctx->sessions, q->sid);
	r->cookie = xstrdup("sid=; Path=/; HttpOnly; SameSite=Strict; "
	    "Max-Age=0");
	web_redirect(r, "/");
}

void
web_page_css(const struct web_request *q, struct web_response *r)
{
	const struct web_buf *css = web_template(q->ctx->tmpl, TMPL_CSS);

	r->body.p = xmalloc(css->n + 1);
	memcpy(r->body.p, css->p, css->n + 1);
	r->body.n = r->body.cap = css->n;
	r->type = "text/css; charset=utf-8";
	r->cacheable = 1;
	r->status = 200;
}

/* Percent-encoded, then escaped as text where a page shows it. */
char *
web_href(const char *path, const char *municipality, int round)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *s = (const unsigned char *)municipality;
	char *out = xmalloc(strlen(path) + strlen(municipality) * 3 + 40), *o;

	o = out + sprintf(out, "%s?gemeente=", path);
	for (; *s != '\0'; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("-_.~", *s) != NULL)
			*o++ = (char)*s;
		else {
			*o++ = '%';
			*o++ = hex[*s >> 4];
			*o++ = hex[*s & 15];
		}
	}
	sprintf(o, "&jaar=%d", round);
	return out;
}

struct store *
web_open(const struct web_request *q, struct web_response *r, int write)
{
	struct diags  d;
	struct store *s;

	diags_init(&d);
	s = web_db_open(q->ctx->db, write, &d);
	diags_free(&d);
	if (s == NULL)
		web_page_error(q, r, 500);
	return s;
}

void
web_close(const struct web_request *q, struct store *s)
{
	web_db_close(q->ctx->db, s);
}


/* The message a form left for this page, shown once. */
void
web_flash(const struct web_request *q, struct web_buf *out)
{
	char *msg;
	int   ok = 0;

	if ((msg = web_session_flash_take(q->ctx->sessions, q->sid, &ok)) ==
	    NULL)
		return;
	{
		struct web_var v[] = {
			{ "klasse", ok ? "ok" : "fout", NULL },
			{ "tekst", msg, NULL },
		};
		web_render(out, q->ctx->tmpl, TMPL_FLASH, v, NVARS(v));
	}
	free(msg);
}

