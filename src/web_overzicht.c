/*
 * web_overzicht: the Overzicht, every municipality's round with who
 * answered, its X and LET OP and its last change; OV_ROWS rounds a page
 * (?pagina=N), filtered by part of a municipality's name (?zoek=...).
 *
 * A page costs what its rows cost, however many municipalities the
 * database holds: the store lists only the page's rounds
 * (store_overview), and each row reads only its own round.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "round.h"
#include "util.h"
#include "web_int.h"

#define NVARS(v) (sizeof(v) / sizeof((v)[0]))
#define OV_ROWS  50

struct ov_approach {
	char   *name;
	int     gemeente;    /* the gemeente answered */
	size_t  partners;    /* partners that answered */
	char   *missing;     /* partners of the dossier who did not: "A, B" */
};

struct ov_round {
	char               *municipality, *changed, *state, *who;
	int                 round, self;
	size_t              drafted;   /* findings nobody has written yet */
	struct ov_approach *a;
	size_t              n;
};

struct ov {
	struct ov_round *r;
	size_t           n;
	/* step 10: accounts. Only the rounds the actor may see are listed
	 * (ACT_SEE_ROUND): a gemeente its own, a beheerder none. */
	struct store        *s;
	const struct actor  *actor;
};

static const char *
text(const struct web_request *q, const char *name)
{
	return web_text(q->ctx->tmpl, name);
}

/* May the actor see the round of row? Its state is read only when that
 * matters (a gemeente's own toezicht round). */
static int
visible(struct ov *ov, const struct store_overview_row *row)
{
	struct round_info ri;
	struct diags      d;
	char             *state = NULL, *since = NULL;
	int               ok;

	memset(&ri, 0, sizeof(ri));
	ri.municipality = row->municipality;
	ri.self_assessment = row->self_assessment;
	ri.state = STATE_CONCEPT;
	if (ov->actor->role == ACCESS_GEMEENTE && !row->self_assessment) {
		diags_init(&d);
		if (store_round_state(ov->s, row->municipality, row->round,
		    &state, &since, &d) == 0 && state != NULL)
			access_state_parse(state, &ri.state);
		diags_free(&d);
		free(state);
		free(since);
	}
	ok = access_allowed(ov->actor, ACT_SEE_ROUND, &ri);
	return ok;
}

static void
on_overview(void *ctx, const struct store_overview_row *row)
{
	struct ov       *ov = ctx;
	struct ov_round *r;

	if (!visible(ov, row))
		return;
	ov->r = xrealloc(ov->r, (ov->n + 1) * sizeof(*ov->r));
	r = &ov->r[ov->n++];
	memset(r, 0, sizeof(*r));
	r->municipality = xstrdup(row->municipality);
	r->changed = xstrdup(row->changed);
	r->state = xstrdup(row->state);
	r->who = xstrdup(row->who);
	r->round = row->round;
	r->self = row->self_assessment;
}

static void
ov_free(struct ov *ov)
{
	size_t i, k;

	for (i = 0; i < ov->n; i++) {
		for (k = 0; k < ov->r[i].n; k++) {
			free(ov->r[i].a[k].name);
			free(ov->r[i].a[k].missing);
		}
		free(ov->r[i].a);
		free(ov->r[i].municipality);
		free(ov->r[i].changed);
		free(ov->r[i].state);
		free(ov->r[i].who);
	}
	free(ov->r);
}

/*
 * Who answered in approach a: the gemeente (any answer) and how many
 * partners (organisations with any answer; one respondent each).
 */
static void
who_answered(const struct round_view *v, const struct round_approach *a,
    struct ov_approach *out)
{
	const char *seen[ROUND_MAX_RESPONDENTS];
	size_t      k, i, j;

	memset(out, 0, sizeof(*out));
	out->name = xstrdup(a->name);
	for (k = 0; k < v->fw->nindicators; k++)
		for (i = 0; i < a->cells[k].n; i++) {
			const struct assess_answer *x = &a->cells[k].a[i];
			const char *org = x->organisation ? x->organisation : "";
			if (x->value == ANSWER_NONE)
				continue;
			if (x->role == ROLE_GEMEENTE) {
				out->gemeente = 1;
				continue;
			}
			for (j = 0; j < out->partners &&
			    strcmp(seen[j], org) != 0; j++)
				;
			if (j == out->partners &&
			    out->partners < ROUND_MAX_RESPONDENTS)
				seen[out->partners++] = org;
		}
}

/* A partner of the dossier who did not answer: named beside its approach. */
static void
on_gap(void *ctx, const char *approach, const char *partner, int nobody)
{
	struct ov_round    *o = ctx;
	struct ov_approach *a;
	size_t              i;
	char               *more;

	if (partner == NULL || nobody)
		return;   /* no gemeente, nobody at all: the counts say it */
	for (i = 0; i < o->n && strcmp(o->a[i].name, approach) != 0; i++)
		;
	if (i == o->n)
		return;
	a = &o->a[i];
	more = a->missing ? xasprintf("%s, %s", a->missing, partner) :
	    xstrdup(partner);
	free(a->missing);
	a->missing = more;
}

/*
 * A round as it stands, read once: who answered per approach (into o),
 * and the X and LET OP, a merged group counted once. Nothing else is
 * read per row.
 */
static void
ov_view(const struct web_request *q, struct store *s, struct ov_round *o,
    char x[16], char letop[16])
{
	struct round_view v;
	struct diags      d;
	size_t            i, k, nx = 0, nl = 0;

	diags_init(&d);
	x[0] = letop[0] = '\0';
	if (round_view_load(&v, q->ctx->cfg->set, s, o->municipality,
	    o->round, &d) == 0) {
		o->a = xcalloc(v.n ? v.n : 1, sizeof(*o->a));
		for (i = 0; i < v.n; i++) {
			who_answered(&v, &v.approaches[i], &o->a[o->n++]);
			for (k = 0; k < v.fw->nindicators; k++) {
				const struct round_cell *c = &v.approaches[i].cells[k];
				struct round_final f;
				if (c->merged && k != c->last)
					continue;
				round_final_at(&v, &v.approaches[i], k, &f);
				nx += f.verdict == VERDICT_X;
				nl += f.letop != 0;
				/* Every mark gets a finding; until the
				 * inspector writes one it is drafted. */
				o->drafted += !(c->overridden &&
				    c->override.finding != NULL);
			}
		}
		store_round_gaps(s, o->municipality, o->round, on_gap, o, &d);
		snprintf(x, 16, "%zu", nx);
		snprintf(letop, 16, "%zu", nl);
	}
	round_view_free(&v);
	diags_free(&d);
}

/*
 * The approaches of o; who answered and who did not only for a reader
 * of the round's answers (step 10: portal: not the municipality in
 * wederhoor or vastgesteld, which sees its findings, not its respondents).
 */
static void
ov_approaches(const struct web_request *q, const struct ov_round *o,
    int answers, struct web_buf *out)
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
				{ "ontbreekt", o->a[i].missing ?
				    o->a[i].missing : "", NULL },
			};
			web_render(out, q->ctx->tmpl, answers ?
			    TMPL_OVERZICHT_APPROACH : TMPL_OVERZICHT_AANPAK_NAAM,
			    v, NVARS(v));
		}
	}
}

/* Round o as access.h sees it. */
static void
ov_info(const struct ov_round *o, struct round_info *ri)
{
	memset(ri, 0, sizeof(*ri));
	ri->municipality = o->municipality;
	ri->self_assessment = o->self;
	ri->state = STATE_CONCEPT;
	if (o->state != NULL)
		access_state_parse(o->state, &ri->state);
}

/*
 * step 10: portal. The pages of round o its reader may open, as links:
 * each asks access.h (one rule for every role), so none leads to a 403
 * or 404 page. Voortgang only once vastgesteld: before, it says so and
 * nothing else.
 */
static void
ov_links(const struct web_request *q, const struct ov_round *o,
    struct web_buf *out, char **first)
{
	static const struct {
		const char *path, *name;
		enum action act;
	} to[] = {
		{ "/ronde",     "naar.ronde",     ACT_READ_ROUND },
		{ "/wederhoor", "naar.wederhoor", ACT_REACT },
		{ "/factsheet", "naar.factsheet", ACT_READ_FACTSHEET },
		{ "/voortgang", "naar.voortgang", ACT_READ_PROGRESS },
		{ "/respons",   "naar.respons",   ACT_INVITE },
	};
	struct round_info ri;
	size_t            i;
	char             *href;

	ov_info(o, &ri);
	for (i = 0; i < sizeof(to) / sizeof(to[0]); i++) {
		if (!access_allowed(&q->actor, to[i].act, &ri) ||
		    (to[i].act == ACT_READ_PROGRESS &&
		    ri.state != STATE_VASTGESTELD))
			continue;
		href = web_href(to[i].path, o->municipality, o->round);
		if (*first == NULL)
			*first = xstrdup(href);
		{
			struct web_var v[] = {
				{ "href", href, NULL },
				{ "naam", text(q, to[i].name), NULL },
			};
			web_render(out, q->ctx->tmpl, TMPL_OVERZICHT_LINK, v,
			    NVARS(v));
		}
		free(href);
	}
}

static void
ov_row(const struct web_request *q, struct store *s, struct ov_round *o,
    struct web_buf *out)
{
	struct web_buf aanpak = { 0 }, links = { 0 }, naam = { 0 };
	char           jaar[16], x[16], letop[16], drafted[16];
	char          *first = NULL;
	struct round_info ri;

	snprintf(jaar, sizeof(jaar), "%d", o->round);
	ov_view(q, s, o, x, letop);
	ov_info(o, &ri);
	ov_approaches(q, o, access_allowed(&q->actor, ACT_READ_ROUND, &ri),
	    &aanpak);
	snprintf(drafted, sizeof(drafted), "%zu", o->drafted);
	ov_links(q, o, &links, &first);
	/* The name opens the first of them (for the inspector the Ronde). */
	if (first != NULL) {
		struct web_var v[] = {
			{ "href", first, NULL },
			{ "naam", o->municipality, NULL },
		};
		web_render(&naam, q->ctx->tmpl, TMPL_OVERZICHT_NAAM, v,
		    NVARS(v));
	} else
		web_buf_text(&naam, o->municipality);
	{
		struct web_var v[] = {
			{ "links", NULL, &links },
			{ "naam", NULL, &naam },
			{ "gemeente", o->municipality, NULL },
			{ "jaar", jaar, NULL },
			{ "soort", text(q, o->self ? "zelfevaluatie" :
			    "toezicht"), NULL },
			{ "aanpakken", NULL, &aanpak },
			{ "x", x, NULL },
			{ "letop", letop, NULL },
			{ "gewijzigd", o->changed, NULL },
			{ "door", o->who, NULL },
			{ "status", o->state, NULL },
			{ "concept", drafted, NULL },
		};
		web_render(out, q->ctx->tmpl, TMPL_OVERZICHT_ROW, v,
		    NVARS(v));
	}
	web_buf_free(&aanpak);
	web_buf_free(&links);
	web_buf_free(&naam);
	free(first);
}

/* "/?pagina=N", with "&zoek=..." percent-encoded when searching. */
static char *
page_href(int page, const char *zoek)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *s = (const unsigned char *)zoek;
	char *out = xmalloc(strlen(zoek) * 3 + 40), *o;

	o = out + sprintf(out, "/?pagina=%d", page);
	if (*s != '\0')
		o += sprintf(o, "&zoek=");
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
	*o = '\0';
	return out;
}

/* A link to page to (template id) when it exists, else nothing. */
static void
page_link(const struct web_request *q, enum web_tmpl id, int to, int pages,
    const char *zoek, struct web_buf *out)
{
	char *href;

	if (to < 1 || to > pages)
		return;
	href = page_href(to, zoek);
	{
		struct web_var v[] = { { "href", href, NULL } };
		web_render(out, q->ctx->tmpl, id, v, NVARS(v));
	}
	free(href);
}

/* "Pagina 1 van 7 · 342 rondes" between the links to its neighbours. */
static void
pager(const struct web_request *q, int page, int pages, long total,
    const char *zoek, struct web_buf *out)
{
	struct web_buf prev = { 0 }, next = { 0 };
	char           p[16], n[16], t[24];

	page_link(q, TMPL_OVERZICHT_PREV, page - 1, pages, zoek, &prev);
	page_link(q, TMPL_OVERZICHT_NEXT, page + 1, pages, zoek, &next);
	snprintf(p, sizeof(p), "%d", page);
	snprintf(n, sizeof(n), "%d", pages);
	snprintf(t, sizeof(t), "%ld", total);
	{
		struct web_var v[] = {
			{ "vorige", NULL, &prev },
			{ "volgende", NULL, &next },
			{ "pagina", p, NULL },
			{ "paginas", n, NULL },
			{ "rondes", t, NULL },
		};
		web_render(out, q->ctx->tmpl, TMPL_OVERZICHT_PAGES, v,
		    NVARS(v));
	}
	web_buf_free(&prev);
	web_buf_free(&next);
}

/* The page's rows, or why there are none. */
static void
ov_rows(const struct web_request *q, struct store *s, struct ov *ov,
    const char *zoek, struct web_buf *out)
{
	size_t i;

	for (i = 0; i < ov->n; i++)
		ov_row(q, s, &ov->r[i], out);
	if (ov->n == 0)
		web_render(out, q->ctx->tmpl, *zoek != '\0' ?
		    TMPL_OVERZICHT_NOMATCH : TMPL_OVERZICHT_NONE, NULL, 0);
}

void
web_page_overzicht(const struct web_request *q, struct web_response *r)
{
	struct web_buf rows = { 0 }, pages = { 0 }, body = { 0 }, msg = { 0 };
	struct store  *s;
	struct diags   d;
	struct ov      ov = { 0 };
	const char    *zoek = q->field[KEY_ZOEK] ? q->field[KEY_ZOEK] : "";
	int            page = 1, npages;
	long           total = 0;

	if (q->field[KEY_PAGINA] != NULL)
		page = atoi(q->field[KEY_PAGINA]);
	if ((s = web_open(q, r, 0)) == NULL)
		return;
	diags_init(&d);
	ov.s = s;
	ov.actor = &q->actor;
	if (store_overview(s, zoek, (long)(page - 1) * OV_ROWS, OV_ROWS,
	    on_overview, &ov, &total, &d) == -1) {
		web_page_error(q, r, 500);
		goto out;
	}
	npages = (int)((total + OV_ROWS - 1) / OV_ROWS);
	if (page > 1 && page > npages) {
		web_page_error(q, r, 404);
		goto out;
	}
	ov_rows(q, s, &ov, zoek, &rows);
	pager(q, page, npages > 0 ? npages : 1, total, zoek, &pages);
	web_flash(q, &msg);
	{
		struct web_var v[] = {
			{ "melding", NULL, &msg },
			{ "zoek", zoek, NULL },
			{ "paginas", NULL, &pages },
			{ "rijen", NULL, &rows },
		};
		web_render(&body, q->ctx->tmpl, TMPL_OVERZICHT, v, NVARS(v));
	}
	web_page(q, r, 200, text(q, "overzicht.titel"), &body);
out:
	ov_free(&ov);
	diags_free(&d);
	web_buf_free(&rows);
	web_buf_free(&msg);
	web_buf_free(&pages);
	web_buf_free(&body);
	web_close(q, s);
}
