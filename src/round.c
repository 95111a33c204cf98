/*
 * round: a municipality's round as the answers per approach and
 * indicator, read from the store, ready to hand to assess, with the
 * inspector's overrides and merges beside them (round.h).
 */
#include <stdlib.h>
#include <string.h>

#include "assess_draft.h"
#include "round.h"
#include "store.h"
#include "util.h"

/* What round_view_load() hands store_answers(). */
struct load {
	struct round_view *v;
	size_t             next;   /* the indicator after the last one */
};

/*
 * Indicator id of the framework. A respondent's answers come by id, so
 * mostly the one after the last: tried first, before the linear search
 * (which showed in the Overzicht's profile).
 */
static const struct fw_indicator *
indicator(struct load *l, const char *id)
{
	const struct framework    *fw = l->v->fw;
	const struct fw_indicator *ind;

	if (l->next < fw->nindicators &&
	    strcmp(fw->indicators[l->next]->id, id) == 0)
		ind = fw->indicators[l->next];
	else if ((ind = framework_indicator(fw, id)) == NULL)
		return NULL;
	l->next = ind->index + 1;
	return ind;
}

static void
on_answer(void *vctx, const struct store_answer_row *r)
{
	struct load               *l = vctx;
	struct round_view         *v = l->v;
	const struct fw_indicator *ind;
	struct round_cell         *cell;

	if (v->n == 0 || strcmp(v->approaches[v->n - 1].name, r->approach) != 0) {
		v->approaches = xrealloc(v->approaches,
		    (v->n + 1) * sizeof(*v->approaches));
		v->approaches[v->n].name = xstrdup(r->approach);
		v->approaches[v->n].cells = xcalloc(v->fw->nindicators,
		    sizeof(struct round_cell));
		v->n++;
	}
	if (r->indicator == NULL ||
	    (ind = indicator(l, r->indicator)) == NULL)
		return;
	cell = &v->approaches[v->n - 1].cells[ind->index];
	if (cell->n == ROUND_MAX_RESPONDENTS)
		return;
	/* An unanswered question may still carry a toelichting. */
	cell->a[cell->n].role = role_from_name(r->role);
	cell->a[cell->n].value = r->value ? answer_from_code(r->value) :
	    ANSWER_NONE;
	cell->a[cell->n].organisation = xstrdup(r->organisation);
	cell->a[cell->n].toelichting = r->toelichting ?
	    xstrdup(r->toelichting) : NULL;
	cell->n++;
}

static struct round_cell *
find_cell(struct round_view *v, const char *approach, const char *indicator)
{
	const struct fw_indicator *ind = framework_indicator(v->fw, indicator);
	size_t                     i;

	for (i = 0; ind != NULL && i < v->n; i++)
		if (strcmp(v->approaches[i].name, approach) == 0)
			return &v->approaches[i].cells[ind->index];
	return NULL;
}

static char *
dup_or_null(const char *s)
{
	return s == NULL ? NULL : xstrdup(s);
}

static void
on_override(void *vctx, const char *approach, const char *indicator,
    const struct store_override *o)
{
	struct round_cell *cell = find_cell(vctx, approach, indicator);

	if (cell == NULL)
		return;
	cell->overridden = 1;
	cell->override.verdict = dup_or_null(o->verdict);
	cell->override.finding = dup_or_null(o->finding);
	cell->override.letop = dup_or_null(o->letop);
	cell->override.no_letop = o->no_letop;
	cell->override.proposal = dup_or_null(o->proposal);
}

static void
on_merge(void *vctx, const char *approach, const char *first,
    const char *last)
{
	struct round_view         *v = vctx;
	const struct fw_indicator *a = framework_indicator(v->fw, first);
	const struct fw_indicator *b = framework_indicator(v->fw, last);
	size_t                     i, k;

	if (a == NULL || b == NULL || a->index > b->index)
		return;
	for (i = 0; i < v->n; i++)
		if (strcmp(v->approaches[i].name, approach) == 0)
			for (k = a->index; k <= b->index; k++) {
				struct round_cell *c = &v->approaches[i].cells[k];
				c->merged = 1;
				c->first = a->index;
				c->last = b->index;
			}
}

int
round_view_load(struct round_view *v, const struct framework_set *set,
    struct store *s, const char *municipality, int round, struct diags *d)
{
	struct load l = { v, 0 };
	char       *fwname = NULL, *version = NULL, *spec;
	int         rc = -1;

	memset(v, 0, sizeof(*v));
	if (store_find_round(s, municipality, &round, &fwname, &version,
	    d) == -1)
		return -1;
	v->round = round;
	spec = xasprintf("%s@%s", fwname, version);
	v->fw = framework_set_find(set, spec);
	free(spec);
	if (v->fw == NULL)
		diags_add(d, NULL, 0, MSG_FW_NOT_INSTALLED, fwname, version);
	else if (store_answers(s, municipality, round, on_answer, &l, d) == 0 &&
	    store_overrides(s, municipality, round, on_override, v, d) == 0 &&
	    store_merges(s, municipality, round, on_merge, v, d) == 0)
		rc = 0;
	free(fwname);
	free(version);
	return rc;
}

void
round_view_free(struct round_view *v)
{
	size_t i, k;

	for (i = 0; i < v->n; i++) {
		for (k = 0; v->fw != NULL && k < v->fw->nindicators; k++) {
			struct round_cell *c = &v->approaches[i].cells[k];
			size_t j;
			for (j = 0; j < c->n; j++) {
				free((char *)c->a[j].organisation);
				free((char *)c->a[j].toelichting);
			}
			store_override_clear(&c->override);
		}
		free(v->approaches[i].name);
		free(v->approaches[i].cells);
	}
	free(v->approaches);
	memset(v, 0, sizeof(*v));
}

/* "V", "X+", "-": a proposal as kept with an override. */
void
round_proposal_code(const struct assess_proposal *p, char out[3])
{
	out[0] = verdict_code(p->verdict);
	out[1] = p->letop ? '+' : '\0';
	out[2] = '\0';
}

void
round_final(const struct round_cell *cell, const struct fw_indicator *ind,
    struct round_final *out)
{
	char now[3];

	assess_indicator(ind, cell->a, cell->n, &out->proposal);
	out->verdict = out->proposal.verdict;
	out->letop = out->proposal.letop;
	out->by_inspector = cell->overridden;
	out->stale = 0;
	if (!cell->overridden)
		return;
	if (cell->override.verdict != NULL)
		out->verdict = cell->override.verdict[0] == 'V' ? VERDICT_V :
		    cell->override.verdict[0] == 'X' ? VERDICT_X : VERDICT_NONE;
	if (cell->override.no_letop)
		out->letop = 0;
	else if (cell->override.letop != NULL)
		out->letop = 1;
	else if (out->verdict != out->proposal.verdict)
		out->letop = 0;   /* the proposal's LET OP was for its mark */
	round_proposal_code(&out->proposal, now);
	out->stale = cell->override.proposal != NULL &&
	    strcmp(cell->override.proposal, now) != 0;
}

void
round_final_at(const struct round_view *v, const struct round_approach *a,
    size_t k, struct round_final *out)
{
	const struct round_cell *cell = &a->cells[k];
	struct round_final       m;
	size_t                   i;
	int                      any_x = 0, any_v = 0;

	round_final(cell, v->fw->indicators[k], out);
	if (!cell->merged)
		return;
	out->letop = 0;
	out->by_inspector = 0;
	for (i = cell->first; i <= cell->last; i++) {
		round_final(&a->cells[i], v->fw->indicators[i], &m);
		any_x |= m.verdict == VERDICT_X;
		any_v |= m.verdict == VERDICT_V;
		out->letop |= m.letop;
		out->by_inspector |= m.by_inspector;
		out->stale |= m.stale;
	}
	out->verdict = any_x ? VERDICT_X : any_v ? VERDICT_V : VERDICT_NONE;
}

/* -- step 11: voice -- */
/*
 * The finding and LET OP of one indicator that stand (new strings; *letop
 * NULL: none). A mark the inspector changed against the proposal never
 * shows the answers' draft or its LET OP: they argue for the other mark.
 * ops_override() asks a finding for such a change, so only a store from
 * before that rule can reach the empty finding here.
 */
static void
cell_texts(const struct phrases *ph, const struct round_cell *cell,
    const struct round_final *f, char **finding, char **letop)
{
	char *draft, *dletop;
	int   against = cell->override.verdict != NULL &&
	    f->verdict != f->proposal.verdict;

	assess_draft(ph, cell->a, cell->n, &f->proposal, &draft, &dletop);
	if (cell->override.finding != NULL)
		*finding = xstrdup(cell->override.finding);
	else
		*finding = xstrdup(against ? "" : draft);
	if (cell->override.letop != NULL)
		*letop = xasprintf("LET OP: %s", cell->override.letop);
	else
		*letop = f->letop && dletop != NULL ? xstrdup(dletop) : NULL;
	free(draft);
	free(dletop);
}

/* The finding and LET OP of one indicator that stand, as lines. */
static char *
cell_finding(const struct phrases *ph, const struct round_cell *cell,
    const struct round_final *f, int quotes)
{
	/* step 11: a draft never quotes a respondent any more, so the
	 * portal's unquoted finding (quotes 0) is the same text. */
	(void)quotes;
	char *finding, *letop, *out;

	cell_texts(ph, cell, f, &finding, &letop);
	if (letop == NULL)
		return finding;
	out = *finding ? xasprintf("%s\n%s", finding, letop) : xstrdup(letop);
	free(finding);
	free(letop);
	return out;
}

/* -- step 11: layout -- a merged group's one finding -- */

/* Appends line to *out ("\n" between) unless *out has it already. */
static void
add_line_once(char **out, const char *line)
{
	const char *s = *out;
	size_t      len = strlen(line);
	char       *joined;

	if (*line == '\0')
		return;
	while (s != NULL) {
		if (strncmp(s, line, len) == 0 && (s[len] == '\n' ||
		    s[len] == '\0'))
			return;
		s = strchr(s, '\n');
		s = s != NULL ? s + 1 : NULL;
	}
	joined = *out == NULL ? xstrdup(line) : xasprintf("%s\n%s", *out, line);
	free(*out);
	*out = joined;
}

/* Appends each line of text once (see add_line_once). */
static void
add_lines_once(char **out, const char *text)
{
	const char *s = text, *nl;
	char       *line;

	while (s != NULL && *s != '\0') {
		nl = strchr(s, '\n');
		line = xasprintf("%.*s", nl ? (int)(nl - s) : (int)strlen(s), s);
		add_line_once(out, line);
		free(line);
		s = nl ? nl + 1 : NULL;
	}
}

/*
 * One respondent's answer to a merged group (doc/rules.md, "Merged
 * cells"): ja when it says ja to every member it answered, nee when nee
 * to every one, deels for anything between; only weet niet / n.v.t. when
 * it gave no ja, deels or nee at all.
 */
static enum answer
combine_answer(enum answer have, enum answer next)
{
	int have_s = have == ANSWER_JA || have == ANSWER_DEELS ||
	    have == ANSWER_NEE;
	int next_s = next == ANSWER_JA || next == ANSWER_DEELS ||
	    next == ANSWER_NEE;

	if (have_s && next_s)
		return have == next ? have : ANSWER_DEELS;
	if (have_s)
		return have;
	if (next_s)
		return next;
	return have == ANSWER_WEET_NIET || next == ANSWER_WEET_NIET ?
	    ANSWER_WEET_NIET : have != ANSWER_NONE ? have : next;
}

/* The group's respondents (by role and organisation), answers combined. */
static size_t
group_answers(const struct round_approach *a, size_t first, size_t last,
    struct assess_answer *out)
{
	size_t n = 0, i, j, r;

	for (i = first; i <= last; i++)
		for (j = 0; j < a->cells[i].n; j++) {
			const struct assess_answer *x = &a->cells[i].a[j];
			for (r = 0; r < n; r++)
				if (out[r].role == x->role &&
				    strcmp(out[r].organisation ?
				    out[r].organisation : "", x->organisation ?
				    x->organisation : "") == 0)
					break;
			if (r == n) {
				if (n == ROUND_MAX_RESPONDENTS)
					continue;
				out[n] = *x;
				out[n].toelichting = NULL;
				n++;
				continue;
			}
			out[r].value = combine_answer(out[r].value, x->value);
		}
	return n;
}

/*
 * A merged group prints one finding, as the published merged cells do
 * (one summary for the indicators, not one per indicator): drafted once
 * from the respondents' answers combined (group_answers), under the
 * group's mark. When an inspector wrote a member's finding or LET OP, or
 * the combined answers would propose another mark than the group has,
 * the members' texts stand instead, each line once.
 */
static char *
group_finding(const struct phrases *ph, const struct round_view *v,
    const struct round_approach *a, size_t first, size_t last)
{
	struct assess_answer   ans[ROUND_MAX_RESPONDENTS];
	struct assess_proposal p;
	struct round_final     group, f;
	char                  *out = NULL, *one, *draft, *letop;
	size_t                 i, n, rule;
	int                    written = 0;

	for (i = first; i <= last; i++)
		written |= a->cells[i].override.finding != NULL ||
		    a->cells[i].override.letop != NULL;
	round_final_at(v, a, last, &group);
	n = group_answers(a, first, last, ans);
	/* The rule of the member most respondents were asked (a gemeente-
	 * only member's rule would not count the partners' answers). */
	for (i = first + 1, rule = first; i <= last; i++)
		if (a->cells[i].n > a->cells[rule].n)
			rule = i;
	if (!written && assess_indicator(v->fw->indicators[rule], ans, n,
	    &p) == 0 && p.verdict == group.verdict) {
		assess_draft(ph, ans, n, &p, &draft, &letop);
		add_line_once(&out, draft);
		if (group.letop && p.letop && letop != NULL)
			add_line_once(&out, letop);
		free(draft);
		free(letop);
		if (group.letop && !p.letop)   /* a member's reservation */
			for (i = first; i <= last; i++) {
				round_final(&a->cells[i], v->fw->indicators[i],
				    &f);
				cell_texts(ph, &a->cells[i], &f, &draft,
				    &letop);
				if (letop != NULL)
					add_line_once(&out, letop);
				free(draft);
				free(letop);
			}
		return out != NULL ? out : xstrdup("");
	}
	for (i = first; i <= last; i++) {
		round_final(&a->cells[i], v->fw->indicators[i], &f);
		one = cell_finding(ph, &a->cells[i], &f, 1);
		add_lines_once(&out, one);
		free(one);
	}
	return out != NULL ? out : xstrdup("");
}

static char *
finding_of(const struct phrases *ph, const struct round_view *v,
    const struct round_approach *a, size_t k, int quotes)
{
	const struct round_cell *cell = &a->cells[k];
	struct round_final       f;

	if (cell->merged)
		return group_finding(ph, v, a, cell->first, k);
	round_final(cell, v->fw->indicators[k], &f);
	return cell_finding(ph, cell, &f, quotes);
}

char *
round_finding(const struct phrases *ph, const struct round_view *v,
    const struct round_approach *a, size_t k)
{
	return finding_of(ph, v, a, k, 1);
}

/* step 10: portal */
char *
round_finding_unquoted(const struct phrases *ph, const struct round_view *v,
    const struct round_approach *a, size_t k)
{
	return finding_of(ph, v, a, k, 0);
}

void
round_conclusion_draft(const struct phrases *ph, const struct round_view *v,
    const struct round_approach *a, const struct fw_theme *t, char **goed,
    char **beter)
{
	struct draft_item *items = xcalloc(v->fw->nindicators + 1,
	    sizeof(*items));
	struct round_final f, own;
	char              *finding;
	size_t             k, n = 0;

	for (k = 0; k < v->fw->nindicators; k++) {
		const struct fw_indicator *ind = v->fw->indicators[k];
		if (ind->criterion->theme != t)
			continue;
		round_final_at(v, a, k, &f);
		items[n].indicator = ind->text;
		items[n].criterion = ind->criterion->text;
		items[n].verdict = f.verdict;
		items[n].letop = f.letop;
		/* The LET OP this indicator itself carries, for its substance. */
		round_final(&a->cells[k], ind, &own);
		cell_texts(ph, &a->cells[k], &own, &finding,
		    &items[n].letop_text);
		free(finding);
		n++;
	}
	assess_draft_conclusion(ph, items, n, goed, beter);
	for (k = 0; k < n; k++)
		free(items[k].letop_text);
	free(items);
}

static void
on_edit(void *ctx, const char *approach, const char *theme, const char *goed,
    const char *beter)
{
	struct round_edits *e = ctx;

	e->v = xrealloc(e->v, (e->n + 1) * sizeof(*e->v));
	e->v[e->n].approach = xstrdup(approach);
	e->v[e->n].theme = xstrdup(theme);
	e->v[e->n].goed = goed ? xstrdup(goed) : NULL;
	e->v[e->n].beter = beter ? xstrdup(beter) : NULL;
	e->n++;
}

int
round_edits_load(struct round_edits *e, struct store *s,
    const char *municipality, int round, struct diags *d)
{
	memset(e, 0, sizeof(*e));
	return store_conclusions(s, municipality, round, on_edit, e, d);
}

const struct round_edit *
round_edit_find(const struct round_edits *e, const char *approach,
    const char *theme)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (strcmp(e->v[i].approach, approach) == 0 &&
		    strcmp(e->v[i].theme, theme) == 0)
			return &e->v[i];
	return NULL;
}

void
round_edits_free(struct round_edits *e)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		free(e->v[i].approach);
		free(e->v[i].theme);
		free(e->v[i].goed);
		free(e->v[i].beter);
	}
	free(e->v);
	memset(e, 0, sizeof(*e));
}

int
round_parse_year(const char *s, int *out)
{
	char *end;
	long  v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 2000 || v > 2100)
		return -1;
	*out = (int)v;
	return 0;
}
