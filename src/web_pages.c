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

/* --- Ronde -------------------------------------------------------------- */

/* Each respondent's answer to indicator k: role, organisation, answer. */
static void
ronde_answers(const struct web_request *q, const struct round_cell *c,
    struct web_buf *out)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		const struct assess_answer *a = &c->a[i];
		struct web_var v[] = {
			{ "rol", role_name(a->role), NULL },
			{ "organisatie", a->organisation != NULL ?
			    a->organisation : "", NULL },
			{ "antwoord", answer_code(a->value), NULL },
			{ "toelichting", a->toelichting != NULL ?
			    a->toelichting : "", NULL },
		};
		web_render(out, q->ctx->tmpl, TMPL_RONDE_ANSWER, v, NVARS(v));
	}
}

/*
 * Why the proposal is what it is, in short: the answers counted
 * ("ja 3 · nee 1"), in the order they first occur.
 */
static void
answer_counts(const struct round_cell *c, char *out, size_t cap)
{
	const char *code[ROUND_MAX_RESPONDENTS];
	size_t      count[ROUND_MAX_RESPONDENTS], n = 0, i, k, len = 0;

	for (i = 0; i < c->n; i++) {
		const char *a = answer_code(c->a[i].value);
		for (k = 0; k < n && strcmp(code[k], a) != 0; k++)
			;
		if (k == n) {
			code[n] = a;
			count[n++] = 0;
		}
		count[k]++;
	}
	out[0] = '\0';
	for (k = 0; k < n && len < cap; k++)
		len += (size_t)snprintf(out + len, cap - len, "%s%s %zu",
		    k ? " · " : "", code[k], count[k]);
}

/* The version of key as a hidden field's value ("0": never changed). */
static void
version_of(struct store *s, const struct store_key *k, char out[24])
{
	struct diags d;
	long long    id = 0;
	char        *who = NULL, *at = NULL;

	diags_init(&d);
	if (store_last_change(s, k, &id, &who, &at, &d) == -1)
		id = 0;
	snprintf(out, 24, "%lld", id);
	free(who);
	free(at);
	diags_free(&d);
}

/* What every form of a row carries: round, approach, CSRF token. */
struct ronde_ctx {
	const struct web_request *q;
	struct store             *s;
	const struct round_view  *v;
	const char               *mun, *jaar;
	size_t                    ai;       /* the approach's index */
};

/* The edit form of indicator k, made from version. */
static void
ronde_form(const struct ronde_ctx *x, const struct round_approach *a,
    size_t k, struct web_buf *out)
{
	const struct round_cell *c = &a->cells[k];
	struct store_key         key = { x->mun, x->v->round, a->name,
	    x->v->fw->indicators[k]->id };
	char                     version[24], fid[48];

	version_of(x->s, &key, version);
	snprintf(fid, sizeof(fid), "w%zu-%zu", x->ai, k);
	{
		struct web_var v[] = {
			{ "csrf", x->q->csrf, NULL },
			{ "fid", fid, NULL },
			{ "gemeente", x->mun, NULL },
			{ "jaar", x->jaar, NULL },
			{ "aanpak", a->name, NULL },
			{ "indicator", key.indicator, NULL },
			{ "versie", version, NULL },
			{ "bevinding", c->overridden && c->override.finding ?
			    c->override.finding : "", NULL },
			{ "letop", c->overridden && c->override.letop ?
			    c->override.letop : "", NULL },
		};
		web_render(out, x->q->ctx->tmpl, TMPL_RONDE_FORM, v, NVARS(v));
	}
}

static void
ronde_rows(const struct ronde_ctx *x, const struct round_approach *a,
    struct web_buf *out)
{
	const struct web_request *q = x->q;
	const struct round_view  *v = x->v;
	size_t                    k;

	for (k = 0; k < v->fw->nindicators; k++) {
		const struct fw_indicator *ind = v->fw->indicators[k];
		struct web_buf             answers = { 0 }, form = { 0 };
		struct round_final         f;
		char                       prop[3], fin[2], *finding;
		char                       counts[96];

		round_final_at(v, a, k, &f);
		round_proposal_code(&f.proposal, prop);
		fin[0] = verdict_code(f.verdict);
		fin[1] = '\0';
		finding = round_finding(q->ctx->cfg->ph, v, a, k);
		ronde_answers(q, &a->cells[k], &answers);
		answer_counts(&a->cells[k], counts, sizeof(counts));
		ronde_form(x, a, k, &form);
		{
			struct web_var vars[] = {
				{ "id", ind->id, NULL },
				{ "tekst", ind->text, NULL },
				{ "antwoorden", NULL, &answers },
				{ "telling", *counts ? counts :
				    text(q, "geen.antwoorden"), NULL },
				{ "voorstel", prop, NULL },
				{ "oordeel", fin, NULL },
				{ "klasse", f.verdict == VERDICT_X ? "x" :
				    f.verdict == VERDICT_V ? "v" : "geen", NULL },
				{ "letop", f.letop ? text(q, "letop") : "",
				    NULL },
				{ "door", text(q, f.by_inspector ?
				    "door.inspecteur" : "door.voorstel"), NULL },
				{ "bevinding", finding != NULL ? finding : "",
				    NULL },
				{ "wijzig", NULL, &form },
			};
			web_render(out, q->ctx->tmpl, TMPL_RONDE_ROW, vars,
			    NVARS(vars));
		}
		free(finding);
		web_buf_free(&answers);
		web_buf_free(&form);
	}
}

/* The conclusion forms of approach a, one per theme, as they stand. */
static void
ronde_conclusions(const struct ronde_ctx *x, const struct round_approach *a,
    const struct round_edits *e, struct web_buf *out)
{
	const struct framework *fw = x->v->fw;
	size_t                  t;

	for (t = 0; t < fw->nthemes; t++) {
		const struct fw_theme   *th = &fw->themes[t];
		const struct round_edit *mine = round_edit_find(e, a->name,
		    th->id);
		struct store_key         key = { x->mun, x->v->round, a->name,
		    th->id };
		char                    *goed, *beter, version[24], fid[48];

		round_conclusion_draft(x->q->ctx->cfg->ph, x->v, a, th, &goed,
		    &beter);
		version_of(x->s, &key, version);
		snprintf(fid, sizeof(fid), "c%zu-%zu", x->ai, t);
		{
			struct web_var v[] = {
				{ "csrf", x->q->csrf, NULL },
				{ "fid", fid, NULL },
				{ "gemeente", x->mun, NULL },
				{ "jaar", x->jaar, NULL },
				{ "aanpak", a->name, NULL },
				{ "thema", th->id, NULL },
				{ "naam", th->name, NULL },
				{ "versie", version, NULL },
				{ "door", text(x->q, mine != NULL ?
				    "door.inspecteur" : "door.concept"), NULL },
				{ "goed", mine && mine->goed ? mine->goed :
				    goed != NULL ? goed : "", NULL },
				{ "beter", mine && mine->beter ? mine->beter :
				    beter != NULL ? beter : "", NULL },
			};
			web_render(out, x->q->ctx->tmpl, TMPL_CONCLUSIE, v,
			    NVARS(v));
		}
		free(goed);
		free(beter);
	}
}

/* The message a form left for this page, shown once. */
static void
flash(const struct web_request *q, struct web_buf *out)
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

static void
ronde_approaches(struct ronde_ctx *x, const struct round_edits *e,
    struct web_buf *out)
{
	size_t i;

	for (i = 0; i < x->v->n; i++) {
		struct web_buf rows = { 0 }, concl = { 0 };
		x->ai = i;
		ronde_rows(x, &x->v->approaches[i], &rows);
		ronde_conclusions(x, &x->v->approaches[i], e, &concl);
		{
			struct web_var vars[] = {
				{ "aanpak", x->v->approaches[i].name, NULL },
				{ "rijen", NULL, &rows },
				{ "conclusies", NULL, &concl },
			};
			web_render(out, x->q->ctx->tmpl, TMPL_RONDE_APPROACH,
			    vars, NVARS(vars));
		}
		web_buf_free(&rows);
		web_buf_free(&concl);
	}
}

void
web_page_ronde(const struct web_request *q, struct web_response *r)
{
	struct web_buf     approaches = { 0 }, body = { 0 }, msg = { 0 };
	struct round_view  v;
	struct round_edits e = { 0 };
	struct ronde_ctx   x;
	struct store      *s;
	struct diags       d;
	const char        *mun = q->field[KEY_GEMEENTE];
	char               jaar[16], *title, *logboek;

	if (mun == NULL || q->field[KEY_JAAR] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	if ((s = web_open(q, r, 0)) == NULL)
		return;
	diags_init(&d);
	memset(&v, 0, sizeof(v));
	if (store_resolve_municipality(s, &mun, &d) == -1 ||
	    round_view_load(&v, q->ctx->cfg->set, s, mun, q->jaar, &d) == -1 ||
	    round_edits_load(&e, s, mun, v.round, &d) == -1) {
		web_page_error(q, r, 404);
		goto out;
	}
	snprintf(jaar, sizeof(jaar), "%d", v.round);
	x.q = q;
	x.s = s;
	x.v = &v;
	x.mun = mun;
	x.jaar = jaar;
	ronde_approaches(&x, &e, &approaches);
	flash(q, &msg);
	title = xasprintf("%s %s", mun, jaar);
	logboek = web_href("/logboek", mun, v.round);
	{
		struct web_var vars[] = {
			{ "gemeente", mun, NULL },
			{ "jaar", jaar, NULL },
			{ "logboek", logboek, NULL },
			{ "melding", NULL, &msg },
			{ "aanpakken", NULL, &approaches },
		};
		web_render(&body, q->ctx->tmpl, TMPL_RONDE, vars, NVARS(vars));
	}
	web_page(q, r, 200, title, &body);
	free(title);
	free(logboek);
out:
	round_edits_free(&e);
	round_view_free(&v);
	diags_free(&d);
	web_buf_free(&approaches);
	web_buf_free(&body);
	web_buf_free(&msg);
	web_close(q, s);
}
