/*
 * ops: the changes an inspector makes, each validated and written in one
 * transaction with its audit rows (ops.h). The "change with a reason"
 * flow lives here once: check the texts, begin, find the round and the
 * cell, check the version, apply, finish, say what changed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"   /* step 10: actor */
#include "names.h"
#include "ops.h"
#include "react.h"   /* step 10: reactions */
#include "round.h"
#include "util.h"

struct ops {
	struct store               *s;
	const struct framework_set *set;
	struct round_view           v;
	char                       *mun;     /* whose round v holds; NULL: none */
	int                         asked;   /* the round asked for (0: latest) */
	int                         batch;   /* in ops_batch_begin() */
};

struct ops *
ops_new(struct store *s, const struct framework_set *set)
{
	struct ops *x = xcalloc(1, sizeof(*x));

	x->s = s;
	x->set = set;
	return x;
}

/* Forgets the round read: the next change reads it again. */
static void
forget_round(struct ops *x)
{
	round_view_free(&x->v);
	free(x->mun);
	x->mun = NULL;
}

void
ops_free(struct ops *x)
{
	if (x == NULL)
		return;
	forget_round(x);
	free(x);
}

int
ops_batch_begin(struct ops *x, struct diags *d)
{
	if (store_begin(x->s, d) == -1)
		return -1;
	x->batch = 1;
	return 0;
}

int
ops_batch_end(struct ops *x, int status, struct diags *d)
{
	x->batch = 0;
	return store_finish(x->s, status, d);
}

/* A change's own transaction, unless a batch holds one. */
static int
begin(struct ops *x, struct diags *d)
{
	return x->batch ? 0 : store_begin(x->s, d);
}

static int
finish(struct ops *x, int status, struct diags *d)
{
	return x->batch ? status : store_finish(x->s, status, d);
}

int
ops_text_check(const char *what, const char *s, int multiline,
    const char *file, long line, struct diags *d)
{
	long cp = s == NULL ? 0 : text_control(s, multiline ? "\n" : "");

	if (cp == 0)
		return 0;
	if (cp == -1)
		diags_add(d, file, line, MSG_TEXT_UTF8, what);
	else if (cp == '\n' || cp == '\r')
		diags_add(d, file, line, MSG_TEXT_LINE_BREAK, what);
	else
		diags_add(d, file, line, MSG_ARG_CONTROL, what, (unsigned)cp);
	return -1;
}

/*
 * What every change needs: an actor whose role may do act on some round
 * (its name, one line, is the audit log's who: actor.h) and a reason, one
 * line (a line break would forge lines in 'stj history').
 */
static int
check_why(struct store_change *c, enum action act, struct diags *d)
{
	if (actor_may_try(c->actor, act, d) == -1)
		return -1;
	c->who = c->actor->name;
	if (c->reason == NULL ||
	    strspn(c->reason, " \t\n") == strlen(c->reason)) {
		diags_add(d, NULL, 0, MSG_OPS_NO_REASON);
		return -1;
	}
	return ops_text_check("the reason", c->reason, 0, NULL, 0, d);
}

/* Refuses a change to a round that is vastgesteld (ops.h). */
static int
check_open(struct ops *x, const struct store_change *c, struct diags *d)
{
	char *state, *since;
	int   rc;

	if (store_round_state(x->s, c->key.municipality, x->v.round, &state,
	    &since, d) == -1)
		return -1;
	if ((rc = strcmp(state, "vastgesteld") == 0 ? -1 : 0) == -1)
		diags_add(d, NULL, 0, MSG_STATE_LOCKED, c->key.municipality,
		    x->v.round, c->key.municipality, x->v.round);
	free(state);
	free(since);
	return rc;
}

/*
 * The round c names, read unless it is the one held; c->key.round becomes
 * the round found. The actor's access to it is checked first (before an
 * approach's name is looked up: a gemeente learns nothing), then names
 * are resolved to their stored spelling.
 */
static int
load_round(struct ops *x, struct store_change *c, struct diags *d)
{
	if (actor_check(x->s, c->actor, ACT_EDIT, &c->key.municipality,
	    &c->key.round, d) == -1 ||
	    store_resolve_municipality(x->s, &c->key.municipality, d) == -1 ||
	    store_resolve_approach(x->s, c->key.municipality, c->key.round,
	    &c->key.approach, d) == -1)
		return -1;
	if (x->mun == NULL || x->asked != c->key.round ||
	    strcmp(x->mun, c->key.municipality) != 0) {
		forget_round(x);
		if (round_view_load(&x->v, x->set, x->s, c->key.municipality,
		    c->key.round, d) == -1)
			return -1;
		x->mun = xstrdup(c->key.municipality);
		x->asked = c->key.round;
	}
	c->key.round = x->v.round;
	return check_open(x, c, d);
}

/* The approach c names in the round held; NULL when it has none. */
static struct round_approach *
find_approach(struct ops *x, const struct store_change *c)
{
	size_t i;

	for (i = 0; i < x->v.n; i++)
		if (strcmp(x->v.approaches[i].name, c->key.approach) == 0)
			return &x->v.approaches[i];
	return NULL;
}

/*
 * Refuses a change made from an older version of what c->key names
 * (expected: the store_last_change() id it was made from).
 */
static int
check_version(struct ops *x, const struct store_change *c,
    long long expected, struct diags *d)
{
	long long id;
	char     *who, *at, *what;
	int       rc;

	if (expected == OPS_ANY)
		return 0;
	if (store_last_change(x->s, &c->key, &id, &who, &at, d) == -1)
		return -1;
	if ((rc = id == expected ? 0 : -1) == -1) {
		/* A round's own field, an approach's description, a cell. */
		if (c->key.approach == NULL)
			what = xasprintf("%s %d, %s", c->key.municipality,
			    c->key.round, c->key.indicator);
		else if (strcmp(c->key.indicator, "-") == 0)
			what = xasprintf("%s %d, %s, description",
			    c->key.municipality, c->key.round,
			    c->key.approach);
		else
			what = xasprintf("%s %d, %s, %s", c->key.municipality,
			    c->key.round, c->key.approach, c->key.indicator);
		diags_add(d, NULL, 0, MSG_OPS_STALE, what, who ? who : "?",
		    at ? at : "?");
		free(what);
	}
	free(who);
	free(at);
	return rc;
}

/* ---- override ------------------------------------------------------- */

/* The texts and the shape of an override; -1 after a diagnostic. */
static int
check_override(struct store_change *c, struct diags *d)
{
	if (check_why(c, ACT_EDIT, d) == -1 ||
	    ops_text_check("the finding", c->finding, 1, NULL, 0, d) == -1 ||
	    ops_text_check("the LET OP", c->letop, 1, NULL, 0, d) == -1)
		return -1;
	if (c->verdict != NULL && strcmp(c->verdict, "V") != 0 &&
	    strcmp(c->verdict, "X") != 0 && strcmp(c->verdict, "-") != 0) {
		diags_add(d, NULL, 0, MSG_BAD_VERDICT, c->verdict);
		return -1;
	}
	if (c->letop != NULL && c->no_letop) {
		diags_add(d, NULL, 0, MSG_OPS_LETOP_BOTH);
		return -1;
	}
	if (c->revert && (c->verdict || c->finding || c->letop ||
	    c->no_letop)) {
		diags_add(d, NULL, 0, MSG_OPS_REVERT_ALONE);
		return -1;
	}
	if (!c->revert && !c->verdict && !c->finding && !c->letop &&
	    !c->no_letop) {
		diags_add(d, NULL, 0, MSG_OPS_NOTHING);
		return -1;
	}
	return 0;
}

/* The cell c names in the round held; NULL after a diagnostic. */
static struct round_cell *
find_cell(struct ops *x, const struct store_change *c,
    const struct fw_indicator **ind, struct diags *d)
{
	struct round_approach *a;

	if ((*ind = framework_indicator(x->v.fw, c->key.indicator)) == NULL) {
		diags_add(d, NULL, 0, MSG_UNKNOWN_INDICATOR, c->key.indicator,
		    x->v.fw->id, x->v.fw->version);
		return NULL;
	}
	if ((a = find_approach(x, c)) != NULL)
		return &a->cells[(*ind)->index];
	diags_add(d, NULL, 0, MSG_NO_APPROACH, c->key.approach,
	    c->key.municipality, c->key.round);
	return NULL;
}

static void
add_word(char *buf, size_t size, const char *word)
{
	size_t len = strlen(buf);

	snprintf(buf + len, size - len, "%s%s", len ? ", " : "", word);
}

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/*
 * What c changes in cell, in words ("verdict X -> V, LET OP written");
 * "" when it changes nothing. f is the cell's verdict as it stands.
 */
static void
describe(const struct round_cell *cell, const struct round_final *f,
    const struct store_change *c, char *out, size_t size)
{
	const struct store_override *o = &cell->override;
	char                         was = verdict_code(f->verdict), now;
	char                         word[32];

	out[0] = '\0';
	now = c->revert ? verdict_code(f->proposal.verdict) :
	    c->verdict ? c->verdict[0] : was;
	/* The same mark, now the inspector's or the proposal's, changes too. */
	if (now != was)
		snprintf(word, sizeof(word), "verdict %c -> %c", was, now);
	else if (c->verdict != NULL && o->verdict == NULL)
		snprintf(word, sizeof(word), "verdict %c confirmed", now);
	else if (c->revert && o->verdict != NULL)
		snprintf(word, sizeof(word), "verdict as proposed");
	else
		word[0] = '\0';
	if (word[0] != '\0')
		add_word(out, size, word);
	if (c->finding != NULL && !same(c->finding, o->finding))
		add_word(out, size, o->finding ? "finding rewritten" :
		    "finding written");
	else if (c->revert && o->finding != NULL)
		add_word(out, size, "finding as drafted");
	if (c->letop != NULL && !same(c->letop, o->letop))
		add_word(out, size, o->letop ? "LET OP rewritten" :
		    "LET OP written");
	else if (c->no_letop && !o->no_letop)
		add_word(out, size, "LET OP withdrawn");
	else if (c->revert && (o->letop != NULL || o->no_letop))
		add_word(out, size, "LET OP as proposed");
}

static char *
dup_or_null(const char *s)
{
	return s == NULL ? NULL : xstrdup(s);
}

/* Keeps the cell as the store now has it, for the next change. */
static void
cell_update(struct round_cell *cell, const struct store_change *c)
{
	struct store_override *o = &cell->override, n;

	memset(&n, 0, sizeof(n));
	if (!c->revert) {
		n.verdict = dup_or_null(c->verdict ? c->verdict : o->verdict);
		n.finding = dup_or_null(c->finding ? c->finding : o->finding);
		n.letop = c->no_letop ? NULL :
		    dup_or_null(c->letop ? c->letop : o->letop);
		n.no_letop = c->no_letop ? 1 : c->letop ? 0 : o->no_letop;
		n.proposal = dup_or_null(cell->overridden ? o->proposal :
		    c->proposal);
	}
	store_override_clear(o);
	*o = n;
	cell->overridden = !c->revert;
}

/* -- step 11: voice -- */
/*
 * A mark changed against the proposal needs a finding that says why:
 * the drafted one argues for the proposal's mark, and the factsheet
 * prints no draft beside the opposite mark. The finding may come with
 * this change or stand from an earlier one.
 */
static int
check_finding(const struct round_cell *cell, const struct round_final *f,
    const struct store_change *c, struct diags *d)
{
	const char *verdict = c->verdict ? c->verdict : cell->override.verdict;
	const char *finding = c->finding ? c->finding : cell->override.finding;

	if (c->revert || verdict == NULL ||
	    verdict[0] == verdict_code(f->proposal.verdict) ||
	    (finding != NULL && finding[strspn(finding, " \t\r\n")] != '\0'))
		return 0;
	diags_add(d, NULL, 0, MSG_OPS_NEEDS_FINDING, c->key.indicator,
	    verdict[0], verdict_code(f->proposal.verdict));
	return -1;
}

/* The override in the open transaction. */
static int
override_in(struct ops *x, struct store_change *c, long long expected,
    char **said, int *changed, struct diags *d)
{
	const struct fw_indicator *ind;
	struct round_cell         *cell;
	struct round_final         f;
	char                       code[3], what[160];
	int                        rc;

	if (load_round(x, c, d) == -1 ||
	    (cell = find_cell(x, c, &ind, d)) == NULL ||
	    check_version(x, c, expected, d) == -1)
		return -1;
	round_final(cell, ind, &f);
	if (check_finding(cell, &f, c, d) == -1)
		return -1;
	round_proposal_code(&f.proposal, code);
	describe(cell, &f, c, what, sizeof(what));
	c->proposal = code;
	if ((rc = store_override_apply(x->s, c, d)) == 0) {
		cell_update(cell, c);
		*changed = what[0] != '\0';
		*said = xasprintf("%s %d, %s, %s: %s (proposal %c%s)",
		    c->key.municipality, c->key.round, c->key.approach,
		    c->key.indicator, *changed ? what : "no change",
		    code[0], code[1] == '+' ? " with LET OP" : "");
	}
	c->proposal = NULL;   /* code is ours: leave no pointer to it */
	return rc;
}

int
ops_override(struct ops *x, struct store_change *c, long long expected,
    char **said, int *changed, struct diags *d)
{
	int rc;

	*said = NULL;
	*changed = 0;
	if (check_override(c, d) == -1 || begin(x, d) == -1)
		return -1;
	/* The cell is read inside the transaction: what it says is what is. */
	rc = finish(x, override_in(x, c, expected, said, changed, d), d);
	if (rc == -1) {
		free(*said);
		*said = NULL;
		forget_round(x);   /* rolled back: the round held may be ahead */
	}
	return rc;
}

/* ---- merge ---------------------------------------------------------- */

/*
 * Checks first..last against the round: both in its framework, first
 * before last, one criterion, no overlap with a group already there.
 */
static int
check_range(struct ops *x, const struct store_change *c,
    const struct fw_indicator *a, const struct fw_indicator *b,
    const char *first, const char *last, struct diags *d)
{
	struct round_approach *ap = find_approach(x, c);
	size_t                 k;

	if (a == NULL || b == NULL) {
		diags_add(d, NULL, 0, MSG_UNKNOWN_INDICATOR, a ? last : first,
		    x->v.fw->id, x->v.fw->version);
		return -1;
	}
	if (a->index >= b->index || a->criterion != b->criterion) {
		diags_add(d, NULL, 0, MSG_BAD_MERGE, first, last);
		return -1;
	}
	for (k = a->index; !c->revert && ap != NULL && k <= b->index; k++)
		if (ap->cells[k].merged) {
			diags_add(d, NULL, 0, MSG_MERGE_OVERLAP,
			    x->v.fw->indicators[k]->id);
			return -1;
		}
	return 0;
}

/* The mark a group a..b shares: X when any is X, else V when any. */
static char
group_mark(struct ops *x, const struct store_change *c,
    const struct fw_indicator *a, const struct fw_indicator *b)
{
	struct round_approach *ap = find_approach(x, c);
	struct round_final     f;
	size_t                 k;
	int                    any_x = 0, any_v = 0;

	for (k = a->index; ap != NULL && k <= b->index; k++) {
		round_final(&ap->cells[k], x->v.fw->indicators[k], &f);
		any_x |= f.verdict == VERDICT_X;
		any_v |= f.verdict == VERDICT_V;
	}
	return any_x ? 'X' : any_v ? 'V' : '-';
}

static int
merge_in(struct ops *x, struct store_change *c, const char *first,
    const char *last, long long expected, char **said, struct diags *d)
{
	const struct fw_indicator *a, *b;

	if (load_round(x, c, d) == -1)
		return -1;
	a = framework_indicator(x->v.fw, first);
	b = framework_indicator(x->v.fw, last);
	if (check_range(x, c, a, b, first, last, d) == -1 ||
	    check_version(x, c, expected, d) == -1 ||
	    store_merge_apply(x->s, c, first, last, d) == -1)
		return -1;
	if (c->revert)
		*said = xasprintf("%s %d, %s, %s-%s: split again",
		    c->key.municipality, c->key.round, c->key.approach,
		    first, last);
	else
		*said = xasprintf("%s %d, %s, %s-%s: merged into one mark (%c) "
		    "and one finding", c->key.municipality, c->key.round,
		    c->key.approach, first, last, group_mark(x, c, a, b));
	return 0;
}

int
ops_merge(struct ops *x, struct store_change *c, const char *first,
    const char *last, long long expected, char **said, struct diags *d)
{
	char *range;
	int   rc;

	*said = NULL;
	if (check_why(c, ACT_EDIT, d) == -1 || begin(x, d) == -1)
		return -1;
	range = xasprintf("%s-%s", first, last);
	c->key.indicator = range;
	rc = finish(x, merge_in(x, c, first, last, expected, said, d), d);
	c->key.indicator = NULL;   /* range is ours: leave no pointer to it */
	free(range);
	/* The groups of the round held have changed (or were rolled back). */
	forget_round(x);
	if (rc == -1) {
		free(*said);
		*said = NULL;
	}
	return rc;
}

/* ---- conclusion ----------------------------------------------------- */

/* The theme named by spec (its id or its name), or NULL. */
static const struct fw_theme *
resolve_theme(const struct framework *fw, const char *spec)
{
	size_t t;

	for (t = 0; t < fw->nthemes; t++)
		if (strcmp(fw->themes[t].id, spec) == 0 ||
		    names_equal(fw->themes[t].name, spec))
			return &fw->themes[t];
	return NULL;
}

static int
conclusion_in(struct ops *x, struct store_change *c, const char *goed,
    const char *beter, long long expected, char **said, struct diags *d)
{
	const struct fw_theme *t;

	if (load_round(x, c, d) == -1)
		return -1;
	if ((t = resolve_theme(x->v.fw, c->key.indicator)) == NULL) {
		diags_add(d, NULL, 0, MSG_NO_THEME, c->key.indicator);
		return -1;
	}
	c->key.indicator = t->id;
	if (check_version(x, c, expected, d) == -1 ||
	    store_conclusion_apply(x->s, c, goed, beter, d) == -1)
		return -1;
	*said = xasprintf("%s %d, %s, theme %s %s: %s", c->key.municipality,
	    c->key.round, c->key.approach, t->id, t->name,
	    c->revert ? "back to the draft" :
	    goed && beter ? "'Wat gaat goed?' and 'Wat kan beter?' "
	    "written" : goed ? "'Wat gaat goed?' written" :
	    "'Wat kan beter?' written");
	return 0;
}

int
ops_conclusion(struct ops *x, struct store_change *c, const char *goed,
    const char *beter, long long expected, char **said, struct diags *d)
{
	const char *spec = c->key.indicator;
	int         rc;

	*said = NULL;
	if (check_why(c, ACT_EDIT, d) == -1 ||
	    ops_text_check("'Wat gaat goed?'", goed, 1, NULL, 0, d) == -1 ||
	    ops_text_check("'Wat kan beter?'", beter, 1, NULL, 0, d) == -1)
		return -1;
	if (c->revert == (goed != NULL || beter != NULL)) {
		diags_add(d, NULL, 0, c->revert ? MSG_OPS_REVERT_ALONE :
		    MSG_OPS_NOTHING);
		return -1;
	}
	if (begin(x, d) == -1)
		return -1;
	rc = finish(x, conclusion_in(x, c, goed, beter, expected, said, d), d);
	c->key.indicator = spec;   /* the theme id is the framework's */
	if (rc == -1) {
		free(*said);
		*said = NULL;
	}
	return rc;
}

/* ---- review state --------------------------------------------------- */

static const char *const states[] = { "concept", "wederhoor", "vastgesteld" };

/* The index of state in states[]; -1 when none. */
static int
state_rank(const char *state)
{
	size_t i;

	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		if (strcmp(states[i], state) == 0)
			return (int)i;
	return -1;
}

/* The gaps of a round, each named in the reason or not. */
struct gaps {
	struct diags *d;
	char         *reason;   /* names_key() of the reason */
	size_t        n;        /* gaps */
	size_t        unnamed;  /* gaps the reason does not name */
};

/* Whether the reason (its key) holds name. */
static int
names_in(const char *reason, const char *name)
{
	char *k = names_key(name);
	int   in = k != NULL && *k != '\0' && strstr(reason, k) != NULL;

	free(k);
	return in;
}

static void
on_gap(void *ctx, const char *approach, const char *partner, int nobody)
{
	struct gaps *g = ctx;

	g->n++;
	if (names_in(g->reason, partner ? partner : approach))
		return;
	g->unnamed++;
	if (partner != NULL)
		diags_add(g->d, NULL, 0, MSG_STATE_GAP_PARTNER, approach,
		    partner);
	else
		diags_add(g->d, NULL, 0, nobody ? MSG_STATE_GAP_NONE :
		    MSG_STATE_GAP_GEM, approach);
}

/* Refuses vastgesteld for an incomplete round unless the reason names
 * every gap. */
static int
check_complete(struct ops *x, const struct store_change *c, struct diags *d)
{
	struct gaps g = { d, names_key(c->reason), 0, 0 };
	int         rc;

	if (g.reason == NULL)
		g.reason = xstrdup("");
	rc = store_round_gaps(x->s, c->key.municipality, c->key.round, on_gap,
	    &g, d);
	free(g.reason);
	if (rc == 0 && g.unnamed > 0) {
		diags_add(d, NULL, 0, MSG_STATE_INCOMPLETE, c->key.municipality,
		    c->key.round, g.unnamed);
		rc = -1;
	}
	return rc;
}

static int
state_in(struct ops *x, struct store_change *c, const char *state,
    long long expected, char **said, struct diags *d)
{
	char *old, *since;
	int   rc = -1;

	if (actor_check(x->s, c->actor, ACT_STATE, &c->key.municipality,
	    &c->key.round, d) == -1)
		return -1;
	/* The version is the round's last change of state. */
	c->key.approach = NULL;
	c->key.indicator = "state";
	if (check_version(x, c, expected, d) == -1 ||
	    store_round_state(x->s, c->key.municipality, c->key.round, &old,
	    &since, d) == -1)
		return -1;
	if (strcmp(old, state) == 0)
		diags_add(d, NULL, 0, MSG_STATE_SAME, c->key.municipality,
		    c->key.round, state);
	else if (strcmp(old, "concept") == 0 &&
	    strcmp(state, "vastgesteld") == 0)
		diags_add(d, NULL, 0, MSG_STATE_SKIP, c->key.municipality,
		    c->key.round);
	else if ((strcmp(state, "vastgesteld") != 0 ||
	    check_complete(x, c, d) == 0) &&
	    store_state_apply(x->s, c, state, d) == 0) {
		*said = xasprintf("%s %d: %s -> %s", c->key.municipality,
		    c->key.round, old, state);
		rc = 0;
	}
	free(old);
	free(since);
	return rc;
}

int
ops_state(struct ops *x, struct store_change *c, const char *state,
    long long expected, char **said, struct diags *d)
{
	int rc;

	*said = NULL;
	if (check_why(c, ACT_STATE, d) == -1)
		return -1;
	if (state == NULL || state_rank(state) == -1) {
		diags_add(d, NULL, 0, MSG_STATE_UNKNOWN, state ? state : "");
		return -1;
	}
	if (begin(x, d) == -1)
		return -1;
	rc = finish(x, state_in(x, c, state, expected, said, d), d);
	c->key.indicator = NULL;   /* "state" was ours */
	if (rc == -1) {
		free(*said);
		*said = NULL;
	}
	return rc;
}

/* ---- dossier texts (step 9: web review) ------------------------------ */

/*
 * A field of the round itself (its context; step 11: its front-page
 * introduction, its publication date), not of an approach.
 */
static int
round_field(const char *field)
{
	return strcmp(field, "context") == 0 || strcmp(field, "intro") == 0 ||
	    strcmp(field, "published") == 0;
}

/* What *said calls a dossier field. */
static const char *
field_label(const char *field)
{
	if (strcmp(field, "intro") == 0)
		return "introduction";
	if (strcmp(field, "published") == 0)
		return "publication date";
	return field;
}

/* -- step 11: layout -- */
int
ops_date_shape(const char *s)
{
	size_t n = strlen(s), i;

	if (n != 7 && n != 10)
		return 0;
	for (i = 0; i < n; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' :
		    (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

/* 1 when s is a publication date: YYYY-MM or YYYY-MM-DD, a real month. */
static int
published_ok(const char *s)
{
	size_t n = strlen(s);
	int    month, day;

	if (!ops_date_shape(s))
		return 0;
	month = (s[5] - '0') * 10 + (s[6] - '0');
	day = n == 10 ? (s[8] - '0') * 10 + (s[9] - '0') : 1;
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static int
dossier_in(struct ops *x, struct store_change *c, const char *field,
    const char *text, long long expected, char **said, struct diags *d)
{
	char *old = NULL;
	int   own = round_field(field);

	if (load_round(x, c, d) == -1)
		return -1;
	if (!own && find_approach(x, c) == NULL) {
		diags_add(d, NULL, 0, MSG_NO_APPROACH, c->key.approach,
		    c->key.municipality, c->key.round);
		return -1;
	}
	/* The version: the round's field ("context", ...), an approach's
	 * "-". */
	c->key.indicator = own ? field : "-";
	if (check_version(x, c, expected, d) == -1 ||
	    store_dossier_text_apply(x->s, c, field, text, &old, d) == -1) {
		free(old);
		return -1;
	}
	if (own)
		*said = xasprintf("%s %d: %s %s", c->key.municipality,
		    c->key.round, field_label(field), old == NULL ? "written" :
		    strcmp(old, text) == 0 ? "unchanged" : "rewritten");
	else
		*said = xasprintf("%s %d, %s: description %s",
		    c->key.municipality, c->key.round, c->key.approach,
		    old == NULL ? "written" : strcmp(old, text) == 0 ?
		    "unchanged" : "rewritten");
	free(old);
	return 0;
}

int
ops_dossier_text(struct ops *x, struct store_change *c, const char *field,
    const char *text, long long expected, char **said, struct diags *d)
{
	int own = round_field(field);
	int rc;

	*said = NULL;
	if (check_why(c, ACT_EDIT, d) == -1 ||
	    ops_text_check(strcmp(field, "description") == 0 ?
	    "the description" : strcmp(field, "context") == 0 ? "the context" :
	    strcmp(field, "intro") == 0 ? "the introduction" :
	    "the publication date", text, strcmp(field, "published") != 0,
	    NULL, 0, d) == -1)
		return -1;
	if (text == NULL || strspn(text, " \t\n") == strlen(text)) {
		diags_add(d, NULL, 0, MSG_OPS_NOTHING);
		return -1;
	}
	if (strcmp(field, "published") == 0 && !published_ok(text)) {
		diags_add(d, NULL, 0, MSG_OPS_PUBLISHED, text);
		return -1;
	}
	if (own)
		c->key.approach = NULL;
	else if (c->key.approach == NULL) {
		diags_add(d, NULL, 0, MSG_OPS_DESC_APPROACH);
		return -1;
	}
	if (begin(x, d) == -1)
		return -1;
	rc = finish(x, dossier_in(x, c, field, text, expected, said, d), d);
	c->key.indicator = NULL;   /* the field or "-" was ours */
	if (rc == -1) {
		free(*said);
		*said = NULL;
	}
	return rc;
}

/* ---- reactions and progress notes (step 10: reactions) -------------- */

/*
 * load_round() without the lock: these are written in a round's state.
 * The actor's access is checked first, as there, in two steps: may it
 * see the round (else it is not there for it), then the state it must
 * be in (a gemeente sees the round in both), then act.
 */
static int
load_view(struct ops *x, struct store_change *c, enum action act,
    const char *want, enum msg refused, struct diags *d)
{
	char *state, *since;
	int   rc;

	if (actor_check(x->s, c->actor, ACT_SEE_ROUND, &c->key.municipality,
	    &c->key.round, d) == -1 ||
	    store_round_state(x->s, c->key.municipality, c->key.round, &state,
	    &since, d) == -1)
		return -1;
	if ((rc = strcmp(state, want) == 0 ? 0 : -1) == -1)
		diags_add(d, NULL, 0, refused, c->key.municipality,
		    c->key.round, state);
	free(state);
	free(since);
	if (rc == -1 || actor_check(x->s, c->actor, act,
	    &c->key.municipality, &c->key.round, d) == -1 ||
	    store_resolve_approach(x->s, c->key.municipality, c->key.round,
	    &c->key.approach, d) == -1)
		return -1;
	if (x->mun == NULL || x->asked != c->key.round ||
	    strcmp(x->mun, c->key.municipality) != 0) {
		forget_round(x);
		if (round_view_load(&x->v, x->set, x->s, c->key.municipality,
		    c->key.round, d) == -1)
			return -1;
		x->mun = xstrdup(c->key.municipality);
		x->asked = c->key.round;
	}
	c->key.round = x->v.round;
	return 0;
}

/* The approach c names in the round held; NULL after a diagnostic. */
static struct round_approach *
held_approach(struct ops *x, const struct store_change *c, struct diags *d)
{
	struct round_approach *a = find_approach(x, c);

	if (a == NULL)
		diags_add(d, NULL, 0, MSG_NO_APPROACH, c->key.approach,
		    c->key.municipality, c->key.round);
	return a;
}

/*
 * The finding c->key.indicator names: an indicator outside any group, or
 * a group's key "FIRST-LAST" (an indicator of a group stands for it).
 * The key in *key (new string); -1 after a diagnostic.
 */
static int
finding_key(struct ops *x, const struct store_change *c, char **key,
    struct diags *d)
{
	const struct framework    *fw = x->v.fw;
	const struct fw_indicator *ind;
	struct round_approach     *a;
	struct round_cell         *cell;
	const char                *dash = strchr(c->key.indicator, '-');
	char                      *first;

	*key = NULL;
	if ((a = held_approach(x, c, d)) == NULL)
		return -1;
	first = dash ? xasprintf("%.*s", (int)(dash - c->key.indicator),
	    c->key.indicator) : xstrdup(c->key.indicator);
	ind = framework_indicator(fw, first);
	free(first);
	if (ind == NULL && dash == NULL) {
		diags_add(d, NULL, 0, MSG_UNKNOWN_INDICATOR, c->key.indicator,
		    fw->id, fw->version);
		return -1;
	}
	cell = ind ? &a->cells[ind->index] : NULL;
	if (cell != NULL && cell->merged)
		*key = xasprintf("%s-%s", fw->indicators[cell->first]->id,
		    fw->indicators[cell->last]->id);
	if (dash != NULL && (*key == NULL ||
	    strcmp(*key, c->key.indicator) != 0)) {
		diags_add(d, NULL, 0, MSG_REACT_GROUP, c->key.indicator,
		    c->key.approach, c->key.municipality, c->key.round);
		free(*key);
		*key = NULL;
		return -1;
	}
	if (*key == NULL)
		*key = xstrdup(ind->id);
	return 0;
}

/* What react_put() did, in words. */
static const char *
put_words(int rc, const char *old, const char *text)
{
	if (rc == 1)
		return "unchanged";
	if (text == NULL)
		return "withdrawn";
	return old == NULL ? "written" : "rewritten";
}

/* Writes field of c->key (checked) and says what it did. */
static int
put_text(struct ops *x, struct store_change *c, const char *field,
    const char *what, const char *text, long long expected, char **said,
    struct diags *d)
{
	char *old = NULL;
	int   rc;

	if (check_version(x, c, expected, d) == -1 ||
	    (rc = react_put(x->s, c, field, text, &old, d)) == -1)
		return -1;
	if (rc == 1 && text == NULL) {
		char *k = xasprintf("%s %d, %s, %s", c->key.municipality,
		    c->key.round, c->key.approach, c->key.indicator);
		diags_add(d, NULL, 0, MSG_REACT_NONE, k);
		free(k);
		return -1;
	}
	*said = xasprintf("%s %d, %s, %s: %s %s", c->key.municipality,
	    c->key.round, c->key.approach, c->key.indicator, what,
	    put_words(rc, old, text));
	free(old);
	return 0;
}

static int
reaction_in(struct ops *x, struct store_change *c, const char *text,
    long long expected, char **said, char **key, struct diags *d)
{
	if (load_view(x, c, ACT_REACT, "wederhoor", MSG_REACT_STATE,
	    d) == -1 ||
	    finding_key(x, c, key, d) == -1)
		return -1;
	c->key.indicator = *key;
	return put_text(x, c, "reaction", "reaction", text, expected, said, d);
}

static int
note_in(struct ops *x, struct store_change *c, const char *text,
    long long expected, char **said, struct diags *d)
{
	const struct fw_indicator *ind;
	struct round_approach     *a;
	struct round_final         f;

	if (load_view(x, c, ACT_PROGRESS_NOTE, "vastgesteld",
	    MSG_NOTE_STATE, d) == -1 ||
	    (a = held_approach(x, c, d)) == NULL)
		return -1;
	if ((ind = framework_indicator(x->v.fw, c->key.indicator)) == NULL) {
		diags_add(d, NULL, 0, MSG_UNKNOWN_INDICATOR, c->key.indicator,
		    x->v.fw->id, x->v.fw->version);
		return -1;
	}
	round_final_at(&x->v, a, ind->index, &f);
	if (f.verdict != VERDICT_X) {
		diags_add(d, NULL, 0, MSG_NOTE_NOT_X, c->key.indicator,
		    c->key.approach, c->key.municipality, c->key.round,
		    verdict_code(f.verdict));
		return -1;
	}
	return put_text(x, c, "note", "progress note", text, expected, said,
	    d);
}

/*
 * The checks both share: the actor (its name is who: actor.h), the
 * optional reason one line, the text free text with line breaks; a blank
 * text withdraws (*text NULL).
 */
static int
check_word(struct store_change *c, enum action act, const char **text,
    struct diags *d)
{
	if (actor_may_try(c->actor, act, d) == -1 ||
	    ops_text_check("the reason", c->reason, 0, NULL, 0, d) == -1 ||
	    ops_text_check("the text", *text, 1, NULL, 0, d) == -1)
		return -1;
	c->who = c->actor->name;
	if (*text != NULL && strspn(*text, " \t\n") == strlen(*text))
		*text = NULL;
	return 0;
}

int
ops_reaction(struct ops *x, struct store_change *c, const char *text,
    long long expected, char **said, struct diags *d)
{
	const char *spec = c->key.indicator;
	char       *key = NULL;
	int         rc;

	*said = NULL;
	if (check_word(c, ACT_REACT, &text, d) == -1 || begin(x, d) == -1)
		return -1;
	rc = finish(x, reaction_in(x, c, text, expected, said, &key, d), d);
	c->key.indicator = spec;   /* key is ours */
	free(key);
	if (rc == -1) {
		free(*said);
		*said = NULL;
	}
	return rc;
}

int
ops_progress_note(struct ops *x, struct store_change *c, const char *text,
    long long expected, char **said, struct diags *d)
{
	int rc;

	*said = NULL;
	if (check_word(c, ACT_PROGRESS_NOTE, &text, d) == -1 ||
	    begin(x, d) == -1)
		return -1;
	rc = finish(x, note_in(x, c, text, expected, said, d), d);
	if (rc == -1) {
		free(*said);
		*said = NULL;
	}
	return rc;
}

/* ---- a new approach (step 10: approach) --------------------------- */

static int
blank(const char *s)
{
	return s == NULL || strspn(s, " \t\n") == strlen(s);
}

static int
approach_check(struct store_change *c, const char *description,
    const char *const *partners, size_t npartners, struct diags *d)
{
	size_t i;

	if (check_why(c, ACT_EDIT, d) == -1)
		return -1;
	if (blank(c->key.approach)) {
		diags_add(d, NULL, 0, MSG_OPS_APPROACH_NAME);
		return -1;
	}
	if (npartners > 3) {
		diags_add(d, NULL, 0, MSG_OPS_PARTNERS_MAX);
		return -1;
	}
	if (ops_text_check("the approach's name", c->key.approach, 0, NULL,
	    0, d) == -1 || ops_text_check("the description", description, 1,
	    NULL, 0, d) == -1)
		return -1;
	for (i = 0; i < npartners; i++)
		if (ops_text_check("a partner's name", partners[i], 0, NULL,
		    0, d) == -1)
			return -1;
	return 0;
}

static int
approach_in(struct ops *x, struct store_change *c, const char *description,
    const char *const *partners, size_t npartners, char **said,
    struct diags *d)
{
	char *fw = NULL, *version = NULL, *state = NULL, *since = NULL;
	char *stored = NULL;
	int   rc = -1;

	if (actor_check(x->s, c->actor, ACT_EDIT, &c->key.municipality,
	    &c->key.round, d) == -1 ||
	    store_resolve_municipality(x->s, &c->key.municipality, d) == -1 ||
	    store_find_round(x->s, c->key.municipality, &c->key.round, &fw,
	    &version, d) == -1 ||
	    store_round_state(x->s, c->key.municipality, c->key.round, &state,
	    &since, d) == -1)
		goto out;
	if (state != NULL && strcmp(state, "vastgesteld") == 0) {
		diags_add(d, NULL, 0, MSG_STATE_LOCKED, c->key.municipality,
		    c->key.round, c->key.municipality, c->key.round);
		goto out;
	}
	c->key.indicator = "-";
	if (store_approach_add(x->s, c, blank(description) ? NULL :
	    description, partners, npartners, &stored, d) == 0) {
		*said = xasprintf("%s %d: approach %s added",
		    c->key.municipality, c->key.round, stored);
		rc = 0;
	}
out:
	free(fw);
	free(version);
	free(state);
	free(since);
	free(stored);
	return rc;
}

int
ops_approach_add(struct ops *x, struct store_change *c,
    const char *description, const char *const *partners, size_t npartners,
    char **said, struct diags *d)
{
	int rc;

	*said = NULL;
	if (approach_check(c, description, partners, npartners, d) == -1 ||
	    begin(x, d) == -1)
		return -1;
	rc = finish(x, approach_in(x, c, description, partners, npartners,
	    said, d), d);
	/* The round's view (approaches) is no longer what was loaded. */
	forget_round(x);
	c->key.indicator = NULL;
	if (rc == -1) {
		free(*said);
		*said = NULL;
	}
	return rc;
}

/* -- step 12: xlsx -- */
int
ops_conclusion_get(struct ops *x, struct store_change *c, char **goed,
    char **beter, struct diags *d)
{
	const struct fw_theme   *t;
	const struct round_edit *e;
	struct round_edits       edits;

	*goed = *beter = NULL;
	if (load_round(x, c, d) == -1)
		return -1;
	if ((t = resolve_theme(x->v.fw, c->key.indicator)) == NULL) {
		diags_add(d, NULL, 0, MSG_NO_THEME, c->key.indicator);
		return -1;
	}
	memset(&edits, 0, sizeof(edits));
	if (round_edits_load(&edits, x->s, c->key.municipality, c->key.round,
	    d) == -1)
		return -1;
	if ((e = round_edit_find(&edits, c->key.approach, t->id)) != NULL) {
		*goed = e->goed != NULL ? xstrdup(e->goed) : NULL;
		*beter = e->beter != NULL ? xstrdup(e->beter) : NULL;
	}
	round_edits_free(&edits);
	return 0;
}
