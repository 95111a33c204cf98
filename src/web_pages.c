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
		struct web_var nv[] = { { "csrf", q->csrf, NULL } };
		web_render(&nav, q->ctx->tmpl, TMPL_NAV, nv, NVARS(nv));
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

	snprintf(key, sizeof(key), "fout.%u", status);
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

/* --- Overzicht ---------------------------------------------------------- */

struct ov_approach {
	char   *name;
	int     gemeente;    /* the gemeente answered */
	size_t  partners;    /* partners that answered */
};

struct ov_round {
	char               *municipality;
	int                 round;
	struct ov_approach *a;
	size_t              n;
};

struct ov {
	struct ov_round *r;
	size_t           n;
};

static void
on_status(void *ctx, const struct store_status_row *row)
{
	struct ov          *ov = ctx;
	struct ov_round    *r = ov->n ? &ov->r[ov->n - 1] : NULL;
	struct ov_approach *a;

	if (r == NULL || strcmp(r->municipality, row->municipality) != 0 ||
	    r->round != row->round) {
		ov->r = xrealloc(ov->r, (ov->n + 1) * sizeof(*ov->r));
		r = &ov->r[ov->n++];
		memset(r, 0, sizeof(*r));
		r->municipality = xstrdup(row->municipality);
		r->round = row->round;
	}
	if (row->approach == NULL)
		return;
	a = r->n ? &r->a[r->n - 1] : NULL;
	if (a == NULL || strcmp(a->name, row->approach) != 0) {
		r->a = xrealloc(r->a, (r->n + 1) * sizeof(*r->a));
		a = &r->a[r->n++];
		memset(a, 0, sizeof(*a));
		a->name = xstrdup(row->approach);
	}
	if (row->role == NULL || row->answered == 0)
		return;
	if (strcmp(row->role, "gemeente") == 0)
		a->gemeente = 1;
	else
		a->partners++;
}

static void
ov_free(struct ov *ov)
{
	size_t i, k;

	for (i = 0; i < ov->n; i++) {
		for (k = 0; k < ov->r[i].n; k++)
			free(ov->r[i].a[k].name);
		free(ov->r[i].a);
		free(ov->r[i].municipality);
	}
	free(ov->r);
}

/* X and LET OP of a round as it stands, a merged group counted once. */
static void
count_marks(const struct web_request *q, struct store *s,
    const struct ov_round *o, char x[16], char letop[16])
{
	struct round_view v;
	struct diags      d;
	size_t            i, k, nx = 0, nl = 0;

	diags_init(&d);
	x[0] = letop[0] = '\0';
	if (round_view_load(&v, q->ctx->cfg->set, s, o->municipality,
	    o->round, &d) == 0) {
		for (i = 0; i < v.n; i++)
			for (k = 0; k < v.fw->nindicators; k++) {
				const struct round_cell *c = &v.approaches[i].cells[k];
				struct round_final f;
				if (c->merged && k != c->last)
					continue;
				round_final_at(&v, &v.approaches[i], k, &f);
				nx += f.verdict == VERDICT_X;
				nl += f.letop != 0;
			}
		snprintf(x, 16, "%zu", nx);
		snprintf(letop, 16, "%zu", nl);
	}
	round_view_free(&v);
	diags_free(&d);
}

static void
ov_approaches(const struct web_request *q, const struct ov_round *o,
    struct web_buf *out)
{
	size_t i;
	char   n[16];

	for (i = 0; i < o->n; i++) {
		snprintf(n, sizeof(n), "%zu", o->a[i].partners);
		{
			struct web_var v[] = {
				{ "aanpak", o->a[i].name, NULL },
				{ "gemeente", text(q, o->a[i].gemeente ?
				    "ja" : "nee"), NULL },
				{ "partners", n, NULL },
			};
			web_render(out, q->ctx->tmpl, TMPL_OVERZICHT_APPROACH,
			    v, NVARS(v));
		}
	}
}

static void
ov_row(const struct web_request *q, struct store *s,
    const struct ov_round *o, struct web_buf *out)
{
	struct web_buf aanpak = { 0 };
	struct diags   d;
	char           jaar[16], x[16], letop[16], *href, *changed = NULL;
	int            self = 0;

	diags_init(&d);
	snprintf(jaar, sizeof(jaar), "%d", o->round);
	store_round_kind(s, o->municipality, o->round, &self, &d);
	store_round_changed(s, o->municipality, o->round, &changed, &d);
	count_marks(q, s, o, x, letop);
	ov_approaches(q, o, &aanpak);
	href = web_href("/ronde", o->municipality, o->round);
	{
		struct web_var v[] = {
			{ "href", href, NULL },
			{ "gemeente", o->municipality, NULL },
			{ "jaar", jaar, NULL },
			{ "soort", text(q, self ? "zelfevaluatie" :
			    "toezicht"), NULL },
			{ "aanpakken", NULL, &aanpak },
			{ "x", x, NULL },
			{ "letop", letop, NULL },
			{ "gewijzigd", changed != NULL ? changed : "", NULL },
		};
		web_render(out, q->ctx->tmpl, TMPL_OVERZICHT_ROW, v,
		    NVARS(v));
	}
	free(href);
	free(changed);
	web_buf_free(&aanpak);
	diags_free(&d);
}

struct store *
web_open(const struct web_request *q, struct web_response *r, int write)
{
	struct diags  d;
	struct store *s;

	diags_init(&d);
	s = store_open(q->ctx->cfg->db, write ? STORE_WRITE : STORE_READ,
	    &d);
	diags_free(&d);
	if (s == NULL)
		web_page_error(q, r, 500);
	return s;
}

void
web_close(const struct web_request *q, struct store *s)
{
	(void)q;
	store_close(s);
}

void
web_page_overzicht(const struct web_request *q, struct web_response *r)
{
	struct web_buf rows = { 0 }, body = { 0 };
	struct store  *s;
	struct diags   d;
	struct ov      ov = { 0 };
	size_t         i;

	if ((s = web_open(q, r, 0)) == NULL)
		return;
	diags_init(&d);
	if (store_status(s, NULL, on_status, &ov, &d) == -1) {
		web_page_error(q, r, 500);
		goto out;
	}
	for (i = 0; i < ov.n; i++)
		ov_row(q, s, &ov.r[i], &rows);
	if (ov.n == 0)
		web_render(&rows, q->ctx->tmpl, TMPL_OVERZICHT_NONE, NULL, 0);
	{
		struct web_var v[] = { { "rijen", NULL, &rows } };
		web_render(&body, q->ctx->tmpl, TMPL_OVERZICHT, v, NVARS(v));
	}
	web_page(q, r, 200, text(q, "overzicht.titel"), &body);
out:
	ov_free(&ov);
	diags_free(&d);
	web_buf_free(&rows);
	web_buf_free(&body);
	web_close(q, s);
}
