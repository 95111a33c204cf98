/*
 * web_portal: the municipality's portal (step 10). The page Wederhoor
 * (GET /wederhoor) shows a gemeente its round in wederhoor as the concept
 * factsheet will print it: per approach, theme and criterion each
 * indicator or merged group with its mark, its finding and LET OP, and
 * under it the municipality's reaction and the form to give or change it
 * (web_reaction_html(), POST /ronde/reactie). It shows nothing of the
 * respondents: no answers, no names, no organisations (the Ronde page,
 * which has them, is the inspector's).
 *
 * Also the one question every page asks before it links to another page
 * of a round: may this actor open it (web_round_allowed), so that no link
 * leads to a 403 or 404 page.
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

/* ---- who may open what ------------------------------------------------ */

int
web_round_info(struct store *s, const char *mun, int round,
    struct round_info *ri)
{
	struct diags d;
	char        *state = NULL, *since = NULL;
	int          self = 0, rc = -1;

	diags_init(&d);
	memset(ri, 0, sizeof(*ri));
	if (store_round_kind(s, mun, round, &self, &d) == 0 &&
	    store_round_state(s, mun, round, &state, &since, &d) == 0) {
		ri->municipality = mun;
		ri->self_assessment = self;
		ri->state = STATE_CONCEPT;
		if (state != NULL)
			access_state_parse(state, &ri->state);
		rc = 0;
	}
	free(state);
	free(since);
	diags_free(&d);
	return rc;
}

int
web_round_allowed(const struct web_request *q, struct store *s,
    const char *mun, int round, enum action act)
{
	struct round_info ri;

	return web_round_info(s, mun, round, &ri) == 0 &&
	    access_allowed(&q->actor, act, &ri);
}

void
web_round_links(const struct web_request *q, struct store *s,
    const char *mun, int round, const char *here, struct web_buf *out)
{
	static const struct {
		const char *path, *name;
		enum action act;
	} to[] = {
		{ "/ronde",     NULL,             ACT_READ_ROUND },
		{ "/wederhoor", "naar.wederhoor", ACT_REACT },
		{ "/factsheet", "naar.factsheet", ACT_READ_FACTSHEET },
		{ "/voortgang", "naar.voortgang", ACT_READ_PROGRESS },
		{ "/logboek",   "naar.logboek",   ACT_READ_LOG },
	};
	struct round_info ri;
	size_t            i;
	char             *href, *name;

	if (web_round_info(s, mun, round, &ri) == -1)
		return;
	for (i = 0; i < sizeof(to) / sizeof(to[0]); i++) {
		if (strcmp(to[i].path, here) == 0 ||
		    !access_allowed(&q->actor, to[i].act, &ri) ||
		    (to[i].act == ACT_READ_PROGRESS &&
		    ri.state != STATE_VASTGESTELD))
			continue;
		href = web_href(to[i].path, mun, round);
		name = to[i].name != NULL ? xstrdup(text(q, to[i].name)) :
		    xasprintf("%s %d", mun, round);
		{
			struct web_var v[] = {
				{ "href", href, NULL },
				{ "naam", name, NULL },
			};
			web_render(out, q->ctx->tmpl, TMPL_FACTSHEET_LINK, v,
			    NVARS(v));
		}
		free(href);
		free(name);
	}
}

/* ---- the page Wederhoor ------------------------------------------------ */

struct portal_ctx {
	const struct web_request *q;
	struct store             *s;
	const struct round_view  *v;
	const char               *mun, *jaar;
	struct web_reactions     *re;
	int                       wederhoor;   /* the reaction forms */
};

/*
 * The finding as the factsheet prints it, one paragraph a line; a line
 * with the LET OP remark marked as such.
 */
static void
finding_lines(const struct web_request *q, const char *finding,
    struct web_buf *out)
{
	const char *p = finding != NULL ? finding : "", *nl;
	const char *letop = text(q, "letop");   /* "LET OP", as drafted */
	char       *line;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		line = nl != NULL ? xasprintf("%.*s", (int)(nl - p), p) :
		    xstrdup(p);
		if (*line != '\0') {
			struct web_var v[] = {
				{ "klasse", *letop != '\0' &&
				    strncmp(line, letop, strlen(letop)) == 0 ?
				    "regel letop-regel" : "regel", NULL },
				{ "tekst", line, NULL },
			};
			web_render(out, q->ctx->tmpl, TMPL_WEDERHOOR_REGEL, v,
			    NVARS(v));
		}
		free(line);
		p = nl != NULL ? nl + 1 : p + strlen(p);
	}
}

/* The row of indicators first..last (one, or a merged group). */
static void
portal_row(const struct portal_ctx *x, const struct round_approach *a,
    size_t first, size_t last, struct web_buf *out)
{
	const struct web_request  *q = x->q;
	const struct fw_indicator *ind = x->v->fw->indicators[first];
	struct web_buf             members = { 0 }, lines = { 0 };
	struct web_buf             reactie = { 0 };
	struct round_final         f;
	struct store_key           key;
	char                      *finding, *id, *rk, mark[16], uitleg[24];
	size_t                     k;

	round_final_at(x->v, a, last, &f);
	finding = round_finding_unquoted(q->ctx->cfg->ph, x->v, a, last);
	finding_lines(q, finding, &lines);
	for (k = first; first != last && k <= last; k++) {
		struct web_var m[] = {
			{ "id", x->v->fw->indicators[k]->id, NULL },
			{ "tekst", x->v->fw->indicators[k]->text, NULL },
		};
		web_render(&members, q->ctx->tmpl, TMPL_RONDE_LID, m,
		    NVARS(m));
	}
	/* A group's reaction is under its key "first-last" (react.h). */
	id = first == last ? xstrdup(ind->id) : xasprintf("%s–%s", ind->id,
	    x->v->fw->indicators[last]->id);
	rk = first == last ? xstrdup(ind->id) : xasprintf("%s-%s", ind->id,
	    x->v->fw->indicators[last]->id);
	key.municipality = x->mun;
	key.round = x->v->round;
	key.approach = a->name;
	key.indicator = rk;
	web_reaction_html(q, x->s, x->re, &key, x->jaar, x->wederhoor,
	    &reactie);
	snprintf(mark, sizeof(mark), "teken.%c", verdict_code(f.verdict));
	snprintf(uitleg, sizeof(uitleg), "%s.uitleg", mark);
	{
		struct web_var vars[] = {
			{ "groep", first == last ? "" : " groep", NULL },
			{ "id", id, NULL },
			{ "tekst", first == last ? ind->text : NULL,
			    first == last ? NULL : &members },
			{ "klasse", f.verdict == VERDICT_X ? "x" :
			    f.verdict == VERDICT_V ? "v" : "geen", NULL },
			{ "teken", text(q, mark), NULL },
			{ "uitleg", text(q, uitleg), NULL },
			{ "bevinding", NULL, &lines },
			{ "reactie", NULL, &reactie },
		};
		web_render(out, q->ctx->tmpl, TMPL_WEDERHOOR_RIJ, vars,
		    NVARS(vars));
	}
	free(id);
	free(rk);
	free(finding);
	web_buf_free(&members);
	web_buf_free(&lines);
	web_buf_free(&reactie);
}

/* Theme t of approach a: its criteria, each with its rows. */
static void
portal_theme(const struct portal_ctx *x, const struct round_approach *a,
    const struct fw_theme *t, struct web_buf *out)
{
	struct web_buf rows = { 0 };
	size_t         c, i, k;

	for (c = 0; c < t->ncriteria; c++) {
		const struct fw_criterion *cr = &t->criteria[c];
		struct web_var cv[] = {
			{ "id", cr->id, NULL },
			{ "tekst", cr->text, NULL },
		};
		web_render(&rows, x->q->ctx->tmpl, TMPL_WEDERHOOR_CRITERIUM,
		    cv, NVARS(cv));
		/* A merged group is one row, as in the factsheet. */
		for (i = 0; i < cr->nindicators; i++) {
			k = cr->indicators[i].index;
			if (a->cells[k].merged && k != a->cells[k].last)
				continue;
			portal_row(x, a, a->cells[k].merged ?
			    a->cells[k].first : k, k, &rows);
		}
	}
	{
		struct web_var v[] = {
			{ "naam", t->name, NULL },
			{ "rijen", NULL, &rows },
		};
		web_render(out, x->q->ctx->tmpl, TMPL_WEDERHOOR_THEMA, v,
		    NVARS(v));
	}
	web_buf_free(&rows);
}

static void
portal_approaches(const struct portal_ctx *x, struct web_buf *out)
{
	size_t i, t;

	for (i = 0; i < x->v->n; i++) {
		const struct round_approach *a = &x->v->approaches[i];
		struct web_buf themes = { 0 };

		for (t = 0; t < x->v->fw->nthemes; t++)
			portal_theme(x, a, &x->v->fw->themes[t], &themes);
		{
			struct web_var v[] = {
				{ "aanpak", a->name, NULL },
				{ "themas", NULL, &themes },
			};
			web_render(out, x->q->ctx->tmpl, TMPL_WEDERHOOR_AANPAK,
			    v, NVARS(v));
		}
		web_buf_free(&themes);
	}
}

static void
portal_page(struct portal_ctx *x, const char *state, struct web_response *r)
{
	const struct web_request *q = x->q;
	struct web_buf            approaches = { 0 }, body = { 0 };
	struct web_buf            msg = { 0 };
	char                     *title, *factsheet;

	portal_approaches(x, &approaches);
	web_flash(q, &msg);
	factsheet = web_href("/factsheet", x->mun, x->v->round);
	title = xasprintf("%s %s %s", text(q, "wederhoor.titel"), x->mun,
	    x->jaar);
	{
		struct web_var v[] = {
			{ "gemeente", x->mun, NULL },
			{ "jaar", x->jaar, NULL },
			{ "status", state, NULL },
			{ "factsheet", factsheet, NULL },
			{ "melding", NULL, &msg },
			{ "aanpakken", NULL, &approaches },
		};
		web_render(&body, q->ctx->tmpl, TMPL_WEDERHOOR, v, NVARS(v));
	}
	web_page(q, r, 200, title, &body);
	free(title);
	free(factsheet);
	web_buf_free(&approaches);
	web_buf_free(&body);
	web_buf_free(&msg);
}

void
web_page_wederhoor(const struct web_request *q, struct web_response *r)
{
	struct round_view v;
	struct portal_ctx x;
	struct store     *s;
	struct diags      d;
	const char       *mun = q->field[KEY_GEMEENTE];
	char              jaar[16], *state = NULL, *since = NULL;

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
	    store_round_state(s, mun, v.round, &state, &since, &d) == -1) {
		web_page_error(q, r, 404);
		goto out;
	}
	snprintf(jaar, sizeof(jaar), "%d", v.round);
	memset(&x, 0, sizeof(x));
	x.q = q;
	x.s = s;
	x.v = &v;
	x.mun = mun;
	x.jaar = jaar;
	/* The route lets only who may react in; the state decides forms. */
	x.wederhoor = strcmp(state, "wederhoor") == 0;
	x.re = web_reactions_load(s, mun, v.round);
	portal_page(&x, state, r);
	web_reactions_free(x.re);
out:
	free(state);
	free(since);
	round_view_free(&v);
	diags_free(&d);
	web_close(q, s);
}
