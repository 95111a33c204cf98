/*
 * report: the factsheet and progress-report models of a round, built
 * from the store, and their rendering (see report.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assess_draft.h"
#include "factsheet.h"
#include "progress.h"
#include "report.h"
#include "round.h"
#include "store.h"
#include "util.h"

/* templates/texts-SET.xml of each text set. */
static const char *const set_name[REPORT__SETS] = { "stj", "zelfevaluatie" };

void
report_init(struct report *r, struct store *s,
    const struct framework_set *set, const struct phrases *ph,
    const char *datadir, const struct pdf_config *pdf, int self)
{
	memset(r, 0, sizeof(*r));
	r->store = s;
	r->set = set;
	r->ph = ph;
	r->datadir = datadir;
	r->pdf = pdf;
	r->self = self;
}

void
report_free(struct report *r)
{
	int k;

	for (k = 0; k < REPORT__SETS; k++)
		if (r->loaded[k]) {
			factsheet_templates_free(&r->tpl[k]);
			r->loaded[k] = 0;
		}
}

struct factsheet_templates *
report_templates(struct report *r, const char *mun, int round,
    struct diags *d)
{
	int self = r->self, k;

	if (!self && store_round_kind(r->store, mun, round, &self, d) == -1)
		return NULL;
	k = self ? REPORT_SELF : REPORT_STJ;
	if (!r->loaded[k]) {
		if (factsheet_templates_load(&r->tpl[k], r->datadir,
		    set_name[k], r->pdf, d) == -1)
			return NULL;
		r->loaded[k] = 1;
	}
	return &r->tpl[k];
}

struct described {
	char  **names, **descriptions;
	size_t  n;
};

static void
on_approach(void *ctx, const char *name, const char *description)
{
	struct described *x = ctx;

	x->names = xrealloc(x->names, (x->n + 1) * sizeof(char *));
	x->descriptions = xrealloc(x->descriptions, (x->n + 1) *
	    sizeof(char *));
	x->names[x->n] = xstrdup(name);
	x->descriptions[x->n] = description ? xstrdup(description) : NULL;
	x->n++;
}

static const char *
description_of(const struct described *x, const char *name)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		if (strcmp(x->names[i], name) == 0)
			return x->descriptions[i];
	return NULL;
}

static void
described_free(struct described *x)
{
	size_t i;

	for (i = 0; i < x->n; i++) {
		free(x->names[i]);
		free(x->descriptions[i]);
	}
	free(x->names);
	free(x->descriptions);
}

/* The network partners who answered for a, in the order they came in. */
static void
partners(struct factsheet *fs, const struct round_view *v,
    const struct round_approach *a, struct fs_approach *out)
{
	const struct assess_answer *x;
	size_t                      k, i, j;

	out->partners = arena_alloc(fs->arena, (ROUND_MAX_RESPONDENTS + 1) *
	    sizeof(char *));
	for (k = 0; k < v->fw->nindicators; k++)
		for (i = 0; i < a->cells[k].n; i++) {
			x = &a->cells[k].a[i];
			if (x->role != ROLE_NETWERKPARTNER ||
			    x->organisation == NULL)
				continue;
			for (j = 0; j < out->npartners; j++)
				if (strcmp(out->partners[j],
				    x->organisation) == 0)
					break;
			if (j == out->npartners &&
			    out->npartners < ROUND_MAX_RESPONDENTS)
				out->partners[out->npartners++] =
				    arena_strdup(fs->arena, x->organisation);
		}
}

/* The rows of criterion c: one per indicator or merged group. */
static void
criterion_rows(struct factsheet *fs, const struct report *src,
    const struct round_view *v, const struct round_approach *a,
    const struct fw_criterion *c, struct fs_criterion *out)
{
	struct round_final f;
	struct fs_row     *row;
	char              *finding;
	size_t             i, k, first;

	out->text = c->text;
	out->rows = arena_alloc(fs->arena, (c->nindicators + 1) *
	    sizeof(*out->rows));
	for (i = 0; i < c->nindicators; i++) {
		k = c->indicators[i].index;
		/* A merged group is one row, at its last member. */
		if (a->cells[k].merged && k != a->cells[k].last)
			continue;
		first = a->cells[k].merged ? a->cells[k].first : k;
		row = &out->rows[out->nrows++];
		row->indicators = arena_alloc(fs->arena, (k - first + 1) *
		    sizeof(char *));
		for (; first <= k; first++)
			row->indicators[row->nindicators++] =
			    v->fw->indicators[first]->text;
		round_final_at(v, a, k, &f);
		row->mark = verdict_code(f.verdict);
		finding = round_finding(src->ph, v, a, k);
		row->finding = arena_strdup(fs->arena, finding);
		free(finding);
	}
}

static void
approach_themes(struct factsheet *fs, const struct report *src,
    const struct round_view *v, const struct round_approach *a,
    const struct round_edits *e, struct fs_approach *out)
{
	const struct fw_theme   *t;
	const struct round_edit *mine;
	struct fs_theme         *th;
	char                    *goed, *beter;
	size_t                   i, c;

	out->nthemes = v->fw->nthemes;
	out->themes = arena_alloc(fs->arena, (out->nthemes + 1) *
	    sizeof(*out->themes));
	for (i = 0; i < v->fw->nthemes; i++) {
		t = &v->fw->themes[i];
		th = &out->themes[i];
		th->name = t->name;
		th->statement = t->statement;
		th->ncriteria = t->ncriteria;
		th->criteria = arena_alloc(fs->arena, (t->ncriteria + 1) *
		    sizeof(*th->criteria));
		for (c = 0; c < t->ncriteria; c++)
			criterion_rows(fs, src, v, a, &t->criteria[c],
			    &th->criteria[c]);
		mine = round_edit_find(e, a->name, t->id);
		round_conclusion_draft(src->ph, v, a, t, &goed, &beter);
		th->goed = arena_strdup(fs->arena, mine && mine->goed ?
		    mine->goed : goed);
		th->beter = arena_strdup(fs->arena, mine && mine->beter ?
		    mine->beter : beter);
		free(goed);
		free(beter);
	}
}

/*
 * The creation date when $SOURCE_DATE_EPOCH is not set: when the round's
 * data last changed, else the first day of the round's year.
 */
static time_t
round_date(const char *changed, int round)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	/* Our own ISO 8601 stamp: a mismatch falls back to the year. */
	/* NOLINTNEXTLINE(cert-err34-c) */
	if (changed == NULL || sscanf(changed, "%4d-%2d-%2dT%2d:%2d:%2dZ",
	    &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	    &tm.tm_sec) != 6) {
		memset(&tm, 0, sizeof(tm));
		tm.tm_year = round;
		tm.tm_mon = 1;
		tm.tm_mday = 1;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return timegm(&tm);
}

struct factsheet *
report_factsheet(struct report *src, const char *mun, int round,
    struct diags *d)
{
	struct round_view  v;
	struct round_edits e;
	struct described   x;
	struct factsheet  *fs = NULL;
	char              *context = NULL, *changed = NULL, *state, *since;
	char              *intro = NULL, *published = NULL;
	size_t             i;

	memset(&v, 0, sizeof(v));
	memset(&e, 0, sizeof(e));
	memset(&x, 0, sizeof(x));
	if (round_view_load(&v, src->set, src->store, mun, round, d) == -1 ||
	    store_dossier(src->store, mun, v.round, &context, on_approach, &x,
	    d) == -1 || round_edits_load(&e, src->store, mun, v.round,
	    d) == -1 || store_round_changed(src->store, mun, v.round,
	    &changed, d) == -1 || store_round_state(src->store, mun, v.round,
	    &state, &since, d) == -1)
		goto out;
	/* -- step 11: layout -- */
	if (store_round_texts(src->store, mun, v.round, &intro, &published,
	    d) == -1) {
		free(state);
		free(since);
		goto out;
	}
	fs = factsheet_new();
	factsheet_set_state(fs, state, since);
	free(state);
	free(since);
	fs->municipality = arena_strdup(fs->arena, mun);
	fs->round = v.round;
	fs->date = round_date(changed, v.round);
	fs->fw = v.fw;
	fs->context = arena_strdup(fs->arena, context);
	fs->intro = arena_strdup(fs->arena, intro);
	fs->published = arena_strdup(fs->arena, published);
	fs->napproaches = v.n;
	fs->approaches = arena_alloc(fs->arena, (v.n + 1) *
	    sizeof(*fs->approaches));
	for (i = 0; i < v.n; i++) {
		struct fs_approach *a = &fs->approaches[i];
		a->name = arena_strdup(fs->arena, v.approaches[i].name);
		a->description = arena_strdup(fs->arena,
		    description_of(&x, a->name));
		partners(fs, &v, &v.approaches[i], a);
		approach_themes(fs, src, &v, &v.approaches[i], &e, a);
	}
out:
	round_view_free(&v);
	round_edits_free(&e);
	described_free(&x);
	free(context);
	free(intro);
	free(published);
	free(changed);
	return fs;
}

/* ---- the progress report ------------------------------------------ */

struct notes {
	char **key, **text;   /* key: "approach\nindicator" */
	size_t n;
};

static void
on_note(void *ctx, const char *approach, const char *indicator,
    const char *text)
{
	struct notes *x = ctx;

	x->key = xrealloc(x->key, (x->n + 1) * sizeof(char *));
	x->text = xrealloc(x->text, (x->n + 1) * sizeof(char *));
	x->key[x->n] = xasprintf("%s\n%s", approach, indicator);
	x->text[x->n++] = xstrdup(text);
}

static const char *
note_of(const struct notes *x, const char *approach, const char *indicator)
{
	size_t i, la = strlen(approach);

	for (i = 0; i < x->n; i++)
		if (strncmp(x->key[i], approach, la) == 0 &&
		    x->key[i][la] == '\n' &&
		    strcmp(x->key[i] + la + 1, indicator) == 0)
			return x->text[i];
	return NULL;
}

static void
notes_free(struct notes *x)
{
	size_t i;

	for (i = 0; i < x->n; i++) {
		free(x->key[i]);
		free(x->text[i]);
	}
	free(x->key);
	free(x->text);
}

/*
 * The municipality's note on row r of approach name: a <voortgang> of the
 * later round's dossier (by its indicator), else one it wrote on the
 * verbeterpunt of the earlier round (stj note; step 10: reactions).
 */
static const char *
row_note(const struct notes *later, const struct notes *own,
    const char *name, const struct progress_row *r)
{
	const char *n = r->to != NULL ? note_of(later, name, r->to->id) :
	    NULL;

	return n != NULL || r->from == NULL ? n :
	    note_of(own, name, r->from->id);
}

/* -- step 13: progress -- */
/* The inspector's part, marked: last year's override reason beside nog
 * te beoordelen, this year's override reason. New string. */
static char *
inspector_text(const struct factsheet_templates *tpl,
    const struct progress_row *r, int from, int to)
{
	char  year[16], *a = NULL, *b = NULL, *out;

	if (r->status == PROGRESS_TE_BEOORDELEN && r->reason_van != NULL) {
		snprintf(year, sizeof(year), "%d", from);
		a = texts_get(tpl->texts, "voortgang-inspecteur", "ronde",
		    year, "tekst", r->reason_van, (const char *)NULL);
	}
	if (r->override_naar && r->reason_naar != NULL) {
		snprintf(year, sizeof(year), "%d", to);
		b = texts_get(tpl->texts, "voortgang-inspecteur", "ronde",
		    year, "tekst", r->reason_naar, (const char *)NULL);
	}
	out = xasprintf("%s%s%s", a ? a : "", a && b ? "\n" : "",
	    b ? b : "");
	free(a);
	free(b);
	return out;
}

/* -- issue 18: framework versions -- */
/* How r's indicator continues the earlier version's: "Gesplitst uit
 * 3.2.1", "Samengevoegd uit 3.1.5 en 3.1.6", "Was 4.2.3"; "" for the same
 * id. New string. */
static char *
link_text(const struct factsheet_templates *tpl, const struct progress_row *r)
{
	char   ids[256] = "";
	size_t i, len = 0;

	if (r->to == NULL || r->from == NULL)
		return xstrdup("");
	if (r->link == FW_LINK_MERGED && r->map != NULL) {
		for (i = 0; i < r->map->nfrom && len < sizeof(ids); i++)
			len += (size_t)snprintf(ids + len, sizeof(ids) - len,
			    "%s%s", i == 0 ? "" : i + 1 < r->map->nfrom ?
			    ", " : " en ", r->map->from[i]);
		return texts_get(tpl->texts, "voortgang-samengevoegd",
		    "indicator", ids, (const char *)NULL);
	}
	if (r->link == FW_LINK_SPLIT)
		return texts_get(tpl->texts, "voortgang-gesplitst",
		    "indicator", r->from->id, (const char *)NULL);
	if (strcmp(r->to->id, r->from->id) != 0)
		return texts_get(tpl->texts, "voortgang-was", "indicator",
		    r->from->id, (const char *)NULL);
	return xstrdup("");
}

/* The progress column: status, LET OP change, the municipality's note,
 * the inspector's part. */
static const char *
progress_text(struct factsheet *fs, const struct factsheet_templates *tpl,
    const struct progress_row *r, const char *note, int from, int to)
{
	char *status = texts_get(tpl->texts, progress_status_name(r->status),
	    (const char *)NULL);
	enum progress_letop lc = progress_letop(r);
	char *letop = texts_get(tpl->texts, lc == PROGRESS_LETOP_OPGELOST ?
	    "letop-opgelost" : lc == PROGRESS_LETOP_NIEUW ?
	    "letop-nieuw" : "geen-tekst", (const char *)NULL);
	char *mine = note ? texts_get(tpl->texts, "voortgang-toelichting",
	    "tekst", note, (const char *)NULL) : xstrdup("");
	char *insp = inspector_text(tpl, r, from, to);
	char *link = link_text(tpl, r);   /* issue 18: framework versions */

	/* A vervallen row says why, as the framework's mapping does. */
	if (r->status == PROGRESS_VERVALLEN && r->map != NULL &&
	    r->map->reason != NULL) {
		free(link);
		link = texts_get(tpl->texts, "voortgang-reden", "tekst",
		    r->map->reason, (const char *)NULL);
	}
	char *all = xasprintf("%s%s%s%s%s%s%s%s%s", status, *link ? "\n" : "",
	    link, *letop ? "\n" : "", letop, *mine ? "\n" : "", mine,
	    *insp ? "\n" : "", insp);
	const char *out = arena_strdup(fs->arena, all);

	free(status);
	free(letop);
	free(mine);
	free(insp);
	free(link);
	free(all);
	return out;
}

/*
 * The criterion of fw a vervallen row of the earlier version is shown
 * under: the one with its criterion's id, else the last of the theme with
 * its theme's id, else fw's last. Every row is shown somewhere.
 */
static const struct fw_criterion *
vervallen_home(const struct framework *fw, const struct fw_indicator *from)
{
	const struct fw_criterion *fc = from->criterion, *in_theme = NULL;
	const struct fw_criterion *any = NULL;
	size_t                     t, c;

	for (t = 0; t < fw->nthemes; t++)
		for (c = 0; c < fw->themes[t].ncriteria; c++) {
			const struct fw_criterion *x = &fw->themes[t].criteria[c];
			if (fc != NULL && strcmp(x->id, fc->id) == 0)
				return x;
			if (fc != NULL && fc->theme != NULL &&
			    strcmp(fw->themes[t].id, fc->theme->id) == 0)
				in_theme = x;
			any = x;
		}
	return in_theme != NULL ? in_theme : any;
}

/* One row of r's in out (rows allocated for it), r's indicator from ind. */
static void
progress_row_add(struct factsheet *fs, const struct factsheet_templates *tpl,
    const struct progress_row *r, const struct fw_indicator *ind,
    const char *note, struct fs_criterion *out)
{
	struct fs_row *row = &out->rows[out->nrows++];

	row->indicators = arena_alloc(fs->arena, sizeof(char *));
	row->indicators[0] = ind->text;
	row->nindicators = 1;
	row->mark = r->naar;
	row->prev_mark = r->van;
	row->progress = progress_text(fs, tpl, r, note, fs->from_round,
	    fs->round);
}

/* Approach a's tables from the rows of p that belong to it. */
static void
progress_approach(struct factsheet *fs, const struct factsheet_templates *tpl,
    const struct framework *fw, const struct progress *p, const char *name,
    const struct notes *notes, const struct notes *own,
    struct fs_approach *a)
{
	const struct progress_row *r;
	size_t                     t, c, i, k, gone;

	/* The earlier version's dropped rows: room for them anywhere. */
	for (k = gone = 0; k < p->n; k++)
		gone += p->rows[k].to == NULL && p->rows[k].from != NULL;
	a->name = name;
	a->nthemes = fw->nthemes;
	a->themes = arena_alloc(fs->arena, (fw->nthemes + 1) *
	    sizeof(*a->themes));
	for (t = 0; t < fw->nthemes; t++) {
		struct fs_theme *th = &a->themes[t];
		th->name = fw->themes[t].name;
		th->statement = fw->themes[t].statement;
		th->ncriteria = fw->themes[t].ncriteria;
		th->criteria = arena_alloc(fs->arena, (th->ncriteria + 1) *
		    sizeof(*th->criteria));
		for (c = 0; c < th->ncriteria; c++) {
			const struct fw_criterion *fc = &fw->themes[t].criteria[c];
			struct fs_criterion *out = &th->criteria[c];
			out->text = fc->text;
			/* Its rows, then the earlier version's dropped ones. */
			out->rows = arena_alloc(fs->arena,
			    (fc->nindicators + gone + 1) * sizeof(*out->rows));
			for (i = 0; i < fc->nindicators; i++)
				for (k = 0; k < p->n; k++) {
					r = &p->rows[k];
					if (r->to != &fc->indicators[i] ||
					    strcmp(r->approach, name) != 0)
						continue;
					progress_row_add(fs, tpl, r, r->to,
					    row_note(notes, own, name, r), out);
				}
			for (k = 0; k < p->n; k++) {
				r = &p->rows[k];
				if (r->to != NULL || r->from == NULL ||
				    strcmp(r->approach, name) != 0 ||
				    vervallen_home(fw, r->from) != fc)
					continue;
				progress_row_add(fs, tpl, r, r->from,
				    row_note(notes, own, name, r), out);
			}
		}
	}
}


struct factsheet *
report_progress(struct report *r, const char *municipality,
    const struct progress_round *from, const struct progress_round *to,
    const struct progress *p, struct diags *d)
{
	struct notes      notes = { NULL, NULL, 0 };
	struct notes      own = { NULL, NULL, 0 };
	struct factsheet *fs = factsheet_new();
	struct factsheet_templates *tpl;
	char             *changed = NULL, *text;
	size_t            i, k;

	if ((tpl = report_templates(r, municipality, to->year, d)) == NULL ||
	    store_notes(r->store, municipality, to->year, on_note, &notes,
	    d) == -1 || store_notes(r->store, municipality, from->year,
	    on_note, &own, d) == -1 || store_round_changed(r->store, municipality, to->year,
	    &changed, d) == -1) {
		factsheet_free(fs);
		fs = NULL;
		goto out;
	}
	fs->municipality = arena_strdup(fs->arena, municipality);
	fs->round = to->year;
	fs->from_round = from->year;
	fs->respondents = to->respondents;
	fs->responded = to->responded;
	fs->date = round_date(changed, to->year);
	fs->fw = to->fw;
	fs->ncounts = to->fw->nthemes;
	fs->counts = arena_alloc(fs->arena, (fs->ncounts + 1) *
	    sizeof(*fs->counts));
	for (i = 0; i < fs->ncounts; i++) {
		fs->counts[i].theme = to->fw->themes[i].name;
		progress_count(p, to->fw->themes[i].id, &fs->counts[i].then,
		    &fs->counts[i].now);
	}
	fs->points = arena_alloc(fs->arena, (p->n + 1) * sizeof(*fs->points));
	for (k = 0; k < p->n; k++) {
		if (p->rows[k].van != 'X')
			continue;
		struct fs_point *pt = &fs->points[fs->npoints++];
		pt->approach = p->rows[k].approach;
		text = xasprintf("%s %s", p->rows[k].from->id,
		    p->rows[k].from->text);
		pt->indicator = arena_strdup(fs->arena, text);
		free(text);
		text = texts_get(tpl->texts,
		    progress_status_name(p->rows[k].status), (const char *)NULL);
		pt->status = arena_strdup(fs->arena, text);
		free(text);
	}
	fs->napproaches = to->napproaches;
	fs->approaches = arena_alloc(fs->arena, (to->napproaches + 1) *
	    sizeof(*fs->approaches));
	for (i = 0; i < to->napproaches; i++)
		progress_approach(fs, tpl, to->fw, p, to->approaches[i],
		    &notes, &own, &fs->approaches[i]);
out:
	free(changed);
	notes_free(&notes);
	notes_free(&own);
	return fs;
}

/* ---- rendering ------------------------------------------------------ */

int
report_render(struct report *r, const struct factsheet *fs,
    const char *path, struct diags *d)
{
	struct factsheet_templates *tpl;

	if ((tpl = report_templates(r, fs->municipality, fs->round,
	    d)) == NULL)
		return -1;
	return factsheet_render(fs, tpl, path, d);
}

int
report_render_mem(struct report *r, const struct factsheet *fs,
    const char *name, unsigned char **buf, size_t *len, struct diags *d)
{
	struct factsheet_templates *tpl;

	if ((tpl = report_templates(r, fs->municipality, fs->round,
	    d)) == NULL)
		return -1;
	return factsheet_render_mem(fs, tpl, name, buf, len, d);
}

int
report_factsheet_pdf(struct report *r, const char *municipality, int round,
    const char *name, unsigned char **buf, size_t *len, struct diags *d)
{
	struct factsheet *fs;
	int               rc;

	if ((fs = report_factsheet(r, municipality, round, d)) == NULL)
		return -1;
	rc = report_render_mem(r, fs, name, buf, len, d);
	factsheet_free(fs);
	return rc;
}
