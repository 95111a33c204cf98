/*
 * web_ronde: the Ronde page, the inspector's workbench for one round.
 * At the top the review state (with what the round still lacks before it
 * can be vastgesteld) and its form, and the dossier's context; per
 * approach its description, one row per indicator (a merged group is one
 * row with one mark, as in the factsheet) with the answers, the proposal,
 * the verdict and finding that stand and the edit forms under it, a merge
 * form per criterion, and the theme conclusions. Every form carries the
 * version it was made from (ops.h). A vastgesteld round shows no edit
 * forms: its texts read only, and the state form reopens it.
 *
 * Markup and fixed Dutch texts are templates (templates/web/ronde*.html,
 * teksten.txt); this file names them and fills in escaped values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"   /* step 10: actor */
#include "round.h"
#include "util.h"
#include "web_int.h"

#define NVARS(v) (sizeof(v) / sizeof((v)[0]))

static const char *
text(const struct web_request *q, const char *name)
{
	return web_text(q->ctx->tmpl, name);
}

/* What every part of the page needs. */
struct ronde_ctx {
	const struct web_request *q;
	struct store             *s;
	const struct round_view  *v;
	const struct round_edits *e;
	const char               *mun, *jaar;
	int                       locked;   /* no edit forms (page_rights) */
	size_t                    ai;       /* the approach's index */
	char                     *context;  /* the dossier's, or NULL */
	char                    **desc;     /* per approach of v, or NULL */
	/* step 10: reactions: the municipality's, and its forms when 1 */
	struct web_reactions     *re;
	int                       wederhoor;
	/* step 10: actor: what the actor may do here, decided once per
	 * page by access_allowed() on the round as stored (page_rights) */
	int                       vastgesteld;
	int                       may_state, may_invite;
	/* -- step 11: front page -- the round's own, or NULL */
	char                     *intro, *published;
};

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

/* ---- the review state --------------------------------------------------- */

struct gap_ctx {
	const struct web_request *q;
	struct web_buf           *out;
	size_t                    n;
};

static void
on_gap(void *ctx, const char *approach, const char *partner, int nobody)
{
	struct gap_ctx *g = ctx;
	struct web_var  v[] = {
		{ "aanpak", approach, NULL },
		{ "wie", partner != NULL ? partner : text(g->q, nobody ?
		    "gat.niemand" : "gat.gemeente"), NULL },
		{ "wat", text(g->q, nobody ? "gat.geantwoord" :
		    "gat.niet.geantwoord"), NULL },
	};

	g->n++;
	web_render(g->out, g->q->ctx->tmpl, TMPL_RONDE_GAT, v, NVARS(v));
}

/* The states a round can go to from state, as options. */
static void
state_options(const struct web_request *q, const char *state,
    struct web_buf *out)
{
	static const char *const to[][3] = {
		{ "concept", "wederhoor", NULL },
		{ "wederhoor", "vastgesteld", "concept" },
		{ "vastgesteld", "wederhoor", "concept" },
	};
	size_t i, k;

	for (i = 0; i < sizeof(to) / sizeof(to[0]); i++) {
		if (strcmp(to[i][0], state) != 0)
			continue;
		for (k = 1; k < 3 && to[i][k] != NULL; k++) {
			struct web_var v[] = {
				{ "waarde", to[i][k], NULL },
				{ "naam", to[i][k], NULL },
			};
			web_render(out, q->ctx->tmpl, TMPL_RONDE_OPTIE, v,
			    NVARS(v));
		}
	}
}

/* The state block: the state, since when, the gaps, the form. */
static void
ronde_state(const struct ronde_ctx *x, const char *state, const char *since,
    struct web_buf *out)
{
	const struct web_request *q = x->q;
	struct web_buf            gaps = { 0 }, list = { 0 }, vast = { 0 };
	struct web_buf            opts = { 0 }, form = { 0 };
	struct gap_ctx            g = { q, &list, 0 };
	struct store_key          key = { x->mun, x->v->round, NULL, "state" };
	struct diags              d;
	char                      version[24], *sinds, *op;

	diags_init(&d);
	/* Only before vastgesteld do the gaps matter. */
	if (strcmp(state, "vastgesteld") != 0 &&
	    store_round_gaps(x->s, x->mun, x->v->round, on_gap, &g, &d) == 0 &&
	    g.n > 0) {
		struct web_var v[] = { { "gaten", NULL, &list } };
		web_render(&gaps, q->ctx->tmpl, TMPL_RONDE_GATEN, v, NVARS(v));
	}
	diags_free(&d);
	op = since != NULL ? xasprintf(" %s %.10s", text(q, "op"), since) :
	    xstrdup("");
	if (x->vastgesteld) {
		struct web_var v[] = { { "op", op, NULL } };
		web_render(&vast, q->ctx->tmpl, TMPL_RONDE_VAST, v, NVARS(v));
	}
	sinds = since != NULL ? xasprintf("%s %s", text(q, "sinds"), since) :
	    xstrdup("");
	if (x->may_state) {
		struct web_var v[] = {
			{ "csrf", q->csrf, NULL },
			{ "gemeente", x->mun, NULL },
			{ "jaar", x->jaar, NULL },
			{ "versie", version, NULL },
			{ "opties", NULL, &opts },
		};
		version_of(x->s, &key, version);
		state_options(q, state, &opts);
		web_render(&form, q->ctx->tmpl, TMPL_RONDE_STATUS_FORM, v,
		    NVARS(v));
	}
	{
		struct web_var v[] = {
			{ "status", state, NULL },
			{ "sinds", sinds, NULL },
			{ "vast", NULL, &vast },
			{ "gaten", NULL, &gaps },
			{ "formulier", NULL, &form },
		};
		web_render(out, q->ctx->tmpl, TMPL_RONDE_STATUS, v, NVARS(v));
	}
	web_buf_free(&form);
	free(sinds);
	free(op);
	web_buf_free(&gaps);
	web_buf_free(&list);
	web_buf_free(&vast);
	web_buf_free(&opts);
}

/* ---- the dossier texts -------------------------------------------------- */

struct desc_ctx {
	const struct round_view *v;
	char                   **desc;
};

static void
on_description(void *ctx, const char *name, const char *description)
{
	struct desc_ctx *c = ctx;
	size_t           i;

	for (i = 0; i < c->v->n; i++)
		if (strcmp(c->v->approaches[i].name, name) == 0 &&
		    description != NULL && c->desc[i] == NULL)
			c->desc[i] = xstrdup(description);
}

/* The dossier's texts of the round into x (none: NULL). */
static void
load_dossier(struct ronde_ctx *x)
{
	struct desc_ctx c = { x->v, xcalloc(x->v->n + 1, sizeof(char *)) };
	struct diags    d;

	diags_init(&d);
	store_dossier(x->s, x->mun, x->v->round, &x->context, on_description,
	    &c, &d);
	diags_free(&d);
	x->desc = c.desc;
}

/*
 * A dossier text: its form (approach NULL: the round's context), or
 * while the round is vastgesteld the text alone.
 */
static void
dossier_text(const struct ronde_ctx *x, const char *approach,
    const char *value, struct web_buf *out)
{
	const struct web_request *q = x->q;
	struct store_key key = { x->mun, x->v->round, approach,
	    approach == NULL ? "context" : "-" };
	char             version[24];

	if (x->locked) {
		struct web_var v[] = {
			{ "kop", text(q, approach == NULL ? "dossier.context" :
			    "dossier.omschrijving"), NULL },
			{ "tekst", value != NULL ? value : "", NULL },
		};
		web_render(out, q->ctx->tmpl, TMPL_RONDE_DOSSIER_VAST, v,
		    NVARS(v));
		return;
	}
	version_of(x->s, &key, version);
	{
		struct web_var v[] = {
			{ "csrf", q->csrf, NULL },
			{ "gemeente", x->mun, NULL },
			{ "jaar", x->jaar, NULL },
			{ "aanpak", approach != NULL ? approach : "", NULL },
			{ "versie", version, NULL },
			{ "door", text(q, strcmp(version, "0") != 0 ?
			    "door.inspecteur" : "door.dossier"), NULL },
			{ "tekst", value != NULL ? value : "", NULL },
		};
		web_render(out, q->ctx->tmpl, approach == NULL ?
		    TMPL_RONDE_CONTEXT : TMPL_RONDE_OMSCHRIJVING, v, NVARS(v));
	}
}

/* -- step 11: front page -- */
/*
 * The factsheet's front page as the round has it: its own introduction
 * and publication date (store_round_texts(); none: the templates' and no
 * date), each in its form with its version, or read only while locked.
 */
static void
front_page(struct ronde_ctx *x, struct web_buf *out)
{
	const struct web_request *q = x->q;
	struct store_key k_intro = { x->mun, x->v->round, NULL, "intro" };
	struct store_key k_date = { x->mun, x->v->round, NULL, "published" };
	struct diags     d;
	char             v_intro[24], v_date[24];

	diags_init(&d);
	store_round_texts(x->s, x->mun, x->v->round, &x->intro, &x->published,
	    &d);
	diags_free(&d);
	version_of(x->s, &k_intro, v_intro);
	version_of(x->s, &k_date, v_date);
	{
		struct web_var v[] = {
			{ "csrf", q->csrf, NULL },
			{ "gemeente", x->mun, NULL },
			{ "jaar", x->jaar, NULL },
			{ "versie_inleiding", v_intro, NULL },
			{ "versie_datum", v_date, NULL },
			{ "datum", x->published != NULL ? x->published : "",
			    NULL },
			{ "datum_kort", x->published != NULL ? x->published :
			    text(q, "voorpagina.geen.datum"), NULL },
			{ "soort", text(q, x->intro != NULL ?
			    "voorpagina.eigen" : "voorpagina.vast"), NULL },
			{ "inleiding", x->intro != NULL ? x->intro : "", NULL },
		};
		web_render(out, q->ctx->tmpl, x->locked ?
		    TMPL_RONDE_VOORPAGINA_VAST : TMPL_RONDE_VOORPAGINA, v,
		    NVARS(v));
	}
}

/* ---- the rows ----------------------------------------------------------- */

/* Each respondent's answer to indicator k: role, organisation, answer. */
static void
ronde_answers(const struct web_request *q, const struct round_cell *c,
    const char *indicator, struct web_buf *out)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		const struct assess_answer *a = &c->a[i];
		struct web_var v[] = {
			{ "indicator", indicator, NULL },
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
 * Why the proposal is what it is, in short: the answers to indicators
 * first..last counted ("ja 3 · nee 1"), in the order they first occur.
 */
static void
answer_counts(const struct round_approach *ap, size_t first, size_t last,
    char *out, size_t cap)
{
	const char *code[ROUND_MAX_RESPONDENTS * 8];
	size_t      count[ROUND_MAX_RESPONDENTS * 8], n = 0, i, k, j, len = 0;

	for (j = first; j <= last; j++)
		for (i = 0; i < ap->cells[j].n; i++) {
			const char *a = answer_code(ap->cells[j].a[i].value);
			for (k = 0; k < n && strcmp(code[k], a) != 0; k++)
				;
			if (k == n && n == sizeof(code) / sizeof(code[0]))
				continue;
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

/* The edit form of indicator k (lid: its number shown in a group). */
static void
ronde_form(const struct ronde_ctx *x, const struct round_approach *a,
    size_t k, const char *lid, struct web_buf *out)
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
			{ "lid", lid, NULL },
			{ "bevinding", c->overridden && c->override.finding ?
			    c->override.finding : "", NULL },
			{ "letop", c->overridden && c->override.letop ?
			    c->override.letop : "", NULL },
		};
		web_render(out, x->q->ctx->tmpl, TMPL_RONDE_FORM, v, NVARS(v));
	}
}

/* The split form of the group first..last. */
static void
split_form(const struct ronde_ctx *x, const struct round_approach *a,
    size_t first, size_t last, struct web_buf *out)
{
	const struct framework *fw = x->v->fw;
	char                   *range = xasprintf("%s-%s",
	    fw->indicators[first]->id, fw->indicators[last]->id);
	struct store_key        key = { x->mun, x->v->round, a->name, range };
	char                    version[24], fid[48];

	version_of(x->s, &key, version);
	snprintf(fid, sizeof(fid), "s%zu-%zu", x->ai, first);
	{
		struct web_var v[] = {
			{ "csrf", x->q->csrf, NULL },
			{ "fid", fid, NULL },
			{ "gemeente", x->mun, NULL },
			{ "jaar", x->jaar, NULL },
			{ "aanpak", a->name, NULL },
			{ "van", fw->indicators[first]->id, NULL },
			{ "tot", fw->indicators[last]->id, NULL },
			{ "versie", version, NULL },
		};
		web_render(out, x->q->ctx->tmpl, TMPL_RONDE_SPLITSEN, v,
		    NVARS(v));
	}
	free(range);
}

/*
 * The forms under the row of indicators first..last (one, or a merged
 * group): each member's edit form, and a group's split form. None while
 * the round is vastgesteld.
 */
static void
row_forms(const struct ronde_ctx *x, const struct round_approach *a,
    size_t first, size_t last, struct web_buf *out)
{
	struct web_buf forms = { 0 };
	size_t         k;

	if (x->locked)
		return;
	for (k = first; k <= last; k++)
		ronde_form(x, a, k, first == last ? "" :
		    x->v->fw->indicators[k]->id, &forms);
	if (first != last)
		split_form(x, a, first, last, &forms);
	{
		struct web_var v[] = { { "formulieren", NULL, &forms } };
		web_render(out, x->q->ctx->tmpl, TMPL_RONDE_WIJZIG_RIJ, v,
		    NVARS(v));
	}
	web_buf_free(&forms);
}

/* The row of indicators first..last: one indicator or a merged group. */
static void
ronde_row(const struct ronde_ctx *x, const struct round_approach *a,
    size_t first, size_t last, struct web_buf *out)
{
	const struct web_request *q = x->q;
	const struct round_view  *v = x->v;
	const struct fw_indicator *ind = v->fw->indicators[first];
	struct web_buf            answers = { 0 }, forms = { 0 }, members = { 0 };
	struct web_buf            reactie = { 0 };
	struct round_final        f;
	char                      prop[3], fin[2], *finding, *id, rid[48];
	char                      counts[160];
	size_t                    k;

	round_final_at(v, a, last, &f);
	round_proposal_code(&f.proposal, prop);
	fin[0] = verdict_code(f.verdict);
	fin[1] = '\0';
	/* At a group's last member: the members' findings one by one. */
	finding = round_finding(q->ctx->cfg->ph, v, a, last);
	for (k = first; k <= last; k++)
		ronde_answers(q, &a->cells[k], first == last ? "" :
		    v->fw->indicators[k]->id, &answers);
	for (k = first; first != last && k <= last; k++) {
		struct web_var m[] = {
			{ "id", v->fw->indicators[k]->id, NULL },
			{ "tekst", v->fw->indicators[k]->text, NULL },
		};
		web_render(&members, q->ctx->tmpl, TMPL_RONDE_LID, m,
		    NVARS(m));
	}
	answer_counts(a, first, last, counts, sizeof(counts));
	row_forms(x, a, first, last, &forms);
	id = first == last ? xstrdup(ind->id) : xasprintf("%s–%s", ind->id,
	    v->fw->indicators[last]->id);
	/* step 10: reactions: beside the finding, by its key */
	{
		char *rk = first == last ? xstrdup(ind->id) : xasprintf(
		    "%s-%s", ind->id, v->fw->indicators[last]->id);
		struct store_key k = { x->mun, v->round, a->name, rk };
		web_reaction_html(q, x->s, x->re, &k, x->jaar, x->wederhoor,
		    &reactie);
		free(rk);
	}
	snprintf(rid, sizeof(rid), "r%zu-%zu", x->ai, first);
	{
		struct web_var vars[] = {
			{ "groep", first == last ? "" : " groep", NULL },
			{ "rid", rid, NULL },
			{ "id", id, NULL },
			{ "tekst", first == last ? ind->text : NULL,
			    first == last ? NULL : &members },
			{ "antwoorden", NULL, &answers },
			{ "telling", *counts ? counts :
			    text(q, "geen.antwoorden"), NULL },
			/* A group's proposal is its members': no one code. */
			{ "voorstel", first == last ? prop : "", NULL },
			{ "oordeel", fin, NULL },
			{ "klasse", f.verdict == VERDICT_X ? "x" :
			    f.verdict == VERDICT_V ? "v" : "geen", NULL },
			{ "letop", f.letop ? text(q, "letop") : "", NULL },
			{ "door", text(q, f.by_inspector ?
			    "door.inspecteur" : "door.voorstel"), NULL },
			{ "bevinding", finding != NULL ? finding : "", NULL },
			{ "wijzig", NULL, &forms },
			{ "reactie", NULL, &reactie },
		};
		web_render(out, q->ctx->tmpl, TMPL_RONDE_ROW, vars,
		    NVARS(vars));
	}
	free(id);
	free(finding);
	web_buf_free(&answers);
	web_buf_free(&forms);
	web_buf_free(&members);
	web_buf_free(&reactie);
}

/* The options of the indicators of criterion cr, ids as values. */
static void
criterion_options(const struct web_request *q, const struct fw_criterion *cr,
    size_t skip_first, struct web_buf *out)
{
	size_t i;

	for (i = skip_first ? 1 : 0; i < cr->nindicators; i++) {
		struct web_var v[] = {
			{ "waarde", cr->indicators[i].id, NULL },
			{ "naam", cr->indicators[i].id, NULL },
		};
		web_render(out, q->ctx->tmpl, TMPL_RONDE_OPTIE, v, NVARS(v));
	}
}

/*
 * The merge form of criterion cr, under its last row: first..last of its
 * indicators into one mark. A merge carries no version: it is refused
 * when any of them is in a group already, which is what two inspectors
 * racing to merge would meet.
 */
static void
merge_form(const struct ronde_ctx *x, const struct round_approach *a,
    const struct fw_criterion *cr, struct web_buf *out)
{
	struct web_buf van = { 0 }, tot = { 0 };
	char           fid[48];

	if (x->locked || cr->nindicators < 2)
		return;
	criterion_options(x->q, cr, 0, &van);
	criterion_options(x->q, cr, 1, &tot);
	snprintf(fid, sizeof(fid), "m%zu-%s", x->ai, cr->id);
	{
		struct web_var v[] = {
			{ "csrf", x->q->csrf, NULL },
			{ "fid", fid, NULL },
			{ "gemeente", x->mun, NULL },
			{ "jaar", x->jaar, NULL },
			{ "aanpak", a->name, NULL },
			{ "criterium", cr->id, NULL },
			{ "van", NULL, &van },
			{ "tot", NULL, &tot },
		};
		web_render(out, x->q->ctx->tmpl, TMPL_RONDE_SAMENVOEGEN, v,
		    NVARS(v));
	}
	web_buf_free(&van);
	web_buf_free(&tot);
}

static void
ronde_rows(const struct ronde_ctx *x, const struct round_approach *a,
    struct web_buf *out)
{
	const struct framework *fw = x->v->fw;
	size_t                  k, last;

	for (k = 0; k < fw->nindicators; k = last + 1) {
		const struct round_cell *c = &a->cells[k];
		/* A group is one row, from its first member on. */
		last = c->merged && c->first == k ? c->last : k;
		ronde_row(x, a, k, last, out);
		if (last + 1 == fw->nindicators ||
		    fw->indicators[last + 1]->criterion !=
		    fw->indicators[last]->criterion)
			merge_form(x, a, fw->indicators[last]->criterion, out);
	}
}

/* ---- conclusions and approaches ----------------------------------------- */

/* The conclusion forms of approach a, one per theme, as they stand. */
static void
ronde_conclusions(const struct ronde_ctx *x, const struct round_approach *a,
    struct web_buf *out)
{
	const struct framework *fw = x->v->fw;
	size_t                  t;

	for (t = 0; t < fw->nthemes; t++) {
		const struct fw_theme   *th = &fw->themes[t];
		const struct round_edit *mine = round_edit_find(x->e, a->name,
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
			web_render(out, x->q->ctx->tmpl, x->locked ?
			    TMPL_CONCLUSIE_VAST : TMPL_CONCLUSIE, v, NVARS(v));
		}
		free(goed);
		free(beter);
	}
}

static void
ronde_approaches(struct ronde_ctx *x, struct web_buf *out)
{
	size_t i;

	for (i = 0; i < x->v->n; i++) {
		const struct round_approach *a = &x->v->approaches[i];
		struct web_buf rows = { 0 }, concl = { 0 }, desc = { 0 };

		x->ai = i;
		dossier_text(x, a->name, x->desc[i], &desc);
		ronde_rows(x, a, &rows);
		ronde_conclusions(x, a, &concl);
		{
			struct web_var vars[] = {
				{ "aanpak", a->name, NULL },
				{ "omschrijving", NULL, &desc },
				{ "rijen", NULL, &rows },
				{ "conclusies", NULL, &concl },
			};
			web_render(out, x->q->ctx->tmpl, TMPL_RONDE_APPROACH,
			    vars, NVARS(vars));
		}
		web_buf_free(&rows);
		web_buf_free(&concl);
		web_buf_free(&desc);
	}
}

static void
free_dossier(struct ronde_ctx *x)
{
	size_t i;

	for (i = 0; x->desc != NULL && i < x->v->n; i++)
		free(x->desc[i]);
	free(x->desc);
	free(x->context);
	free(x->intro);       /* step 11: front page */
	free(x->published);
}

/* The page around the parts; state and since as the store has them. */
static void
ronde_page(struct ronde_ctx *x, const char *state, const char *since,
    struct web_response *r)
{
	const struct web_request *q = x->q;
	struct web_buf approaches = { 0 }, body = { 0 }, msg = { 0 };
	struct web_buf status = { 0 }, context = { 0 }, resp = { 0 };
	struct web_buf add = { 0 }, front = { 0 };
	char          *title, *logboek, *factsheet, *respons;

	load_dossier(x);
	/* step 10: approach. A new approach, while the round is open. */
	if (!x->locked) {
		struct web_var v[] = {
			{ "csrf", q->csrf, NULL },
			{ "gemeente", x->mun, NULL },
			{ "jaar", x->jaar, NULL },
		};
		web_render(&add, q->ctx->tmpl, TMPL_RONDE_NIEUWE_AANPAK, v,
		    NVARS(v));
	}
	ronde_state(x, state, since, &status);
	dossier_text(x, NULL, x->context, &context);
	front_page(x, &front);   /* step 11: front page */
	ronde_approaches(x, &approaches);
	web_flash(q, &msg);
	title = xasprintf("%s %s", x->mun, x->jaar);
	logboek = web_href("/logboek", x->mun, x->v->round);
	factsheet = web_href("/factsheet", x->mun, x->v->round);
	respons = web_href("/respons", x->mun, x->v->round); /* step 10 */
	if (x->may_invite) {
		struct web_var v[] = { { "respons", respons, NULL } };
		web_render(&resp, q->ctx->tmpl, TMPL_RONDE_RESPONS, v,
		    NVARS(v));
	}
	{
		struct web_var vars[] = {
			{ "respons", NULL, &resp },
			{ "gemeente", x->mun, NULL },
			{ "jaar", x->jaar, NULL },
			{ "status", state, NULL },
			{ "logboek", logboek, NULL },
			{ "factsheet", factsheet, NULL },
			{ "melding", NULL, &msg },
			{ "statusblok", NULL, &status },
			{ "context", NULL, &context },
			{ "voorpagina", NULL, &front },
			{ "aanpakken", NULL, &approaches },
			{ "nieuwe_aanpak", NULL, &add },
		};
		web_render(&body, q->ctx->tmpl, TMPL_RONDE, vars, NVARS(vars));
	}
	web_page(q, r, 200, title, &body);
	free(title);
	free(logboek);
	free(factsheet);
	free(respons);
	free_dossier(x);
	web_buf_free(&approaches);
	web_buf_free(&body);
	web_buf_free(&msg);
	web_buf_free(&status);
	web_buf_free(&context);
	web_buf_free(&front);
	web_buf_free(&add);
	web_buf_free(&resp);
}

/*
 * step 10: actor. The forms the page shows are the changes the actor
 * may make (the library refuses the others anyway): decided here once,
 * by access_allowed() on the round as stored, never per role in the
 * parts. No edit form while vastgesteld, none for a reader.
 */
static void
page_rights(struct ronde_ctx *x, const char *state)
{
	const struct actor *a = &x->q->actor;
	struct round_info   ri;
	struct diags        d;

	diags_init(&d);
	x->vastgesteld = strcmp(state, "vastgesteld") == 0;
	if (actor_round_info(x->s, x->mun, x->v->round, &ri, &d) == 0) {
		x->locked = x->vastgesteld ||
		    !access_allowed(a, ACT_EDIT, &ri);
		x->may_state = access_allowed(a, ACT_STATE, &ri);
		x->may_invite = access_allowed(a, ACT_INVITE, &ri);
		x->wederhoor = strcmp(state, "wederhoor") == 0 &&
		    access_allowed(a, ACT_REACT, &ri);
	} else
		x->locked = 1;   /* nothing known: no forms */
	diags_free(&d);
}

void
web_page_ronde(const struct web_request *q, struct web_response *r)
{
	struct round_view  v;
	struct round_edits e = { 0 };
	struct ronde_ctx   x;
	struct store      *s;
	struct diags       d;
	const char        *mun = q->field[KEY_GEMEENTE];
	char               jaar[16], *state = NULL, *since = NULL;

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
	    round_edits_load(&e, s, mun, v.round, &d) == -1 ||
	    store_round_state(s, mun, v.round, &state, &since, &d) == -1) {
		web_page_error(q, r, 404);
		goto out;
	}
	snprintf(jaar, sizeof(jaar), "%d", v.round);
	memset(&x, 0, sizeof(x));
	x.q = q;
	x.s = s;
	x.v = &v;
	x.e = &e;
	x.mun = mun;
	x.jaar = jaar;
	page_rights(&x, state);
	x.re = web_reactions_load(s, mun, v.round);
	ronde_page(&x, state, since, r);
	web_reactions_free(x.re);
out:
	free(state);
	free(since);
	round_edits_free(&e);
	round_view_free(&v);
	diags_free(&d);
	web_close(q, s);
}

void
web_page_js(const struct web_request *q, struct web_response *r)
{
	const struct web_buf *js = web_template(q->ctx->tmpl, TMPL_JS);

	r->body.p = xmalloc(js->n + 1);
	memcpy(r->body.p, js->p, js->n + 1);
	r->body.n = r->body.cap = js->n;
	r->type = "text/javascript; charset=utf-8";
	r->cacheable = 1;
	r->status = 200;
}
