/*
 * fwdiff: the differences between two framework versions. See fwdiff.h.
 */
#include "fwdiff.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const kind_name[] = {
	[FWDIFF_THEME_NEW]         = "thema nieuw",
	[FWDIFF_THEME_CHANGED]     = "thema gewijzigd",
	[FWDIFF_THEME_DROPPED]     = "thema vervallen",
	[FWDIFF_CRITERION_NEW]     = "criterium nieuw",
	[FWDIFF_CRITERION_CHANGED] = "criterium gewijzigd",
	[FWDIFF_CRITERION_DROPPED] = "criterium vervallen",
	[FWDIFF_RENAMED]           = "hernoemd",
	[FWDIFF_REWORDED]          = "gewijzigd",
	[FWDIFF_SPLIT]             = "gesplitst",
	[FWDIFF_MERGED]            = "samengevoegd",
	[FWDIFF_DROPPED]           = "vervallen",
	[FWDIFF_NEW]               = "nieuw",
};

const char *
fwdiff_kind_name(enum fwdiff_kind k)
{
	return kind_name[k];
}

static struct fwdiff_row *
push(struct fwdiff *d, enum fwdiff_kind kind)
{
	struct fwdiff_row *r;

	d->rows = xrealloc(d->rows, (d->n + 1) * sizeof(*d->rows));
	r = &d->rows[d->n++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	return r;
}

static const struct fw_theme *
find_theme(const struct framework *fw, const char *id)
{
	size_t i;

	for (i = 0; i < fw->nthemes; i++)
		if (strcmp(fw->themes[i].id, id) == 0)
			return &fw->themes[i];
	return NULL;
}

static const struct fw_criterion *
find_criterion(const struct framework *fw, const char *id)
{
	size_t t, c;

	for (t = 0; t < fw->nthemes; t++)
		for (c = 0; c < fw->themes[t].ncriteria; c++)
			if (strcmp(fw->themes[t].criteria[c].id, id) == 0)
				return &fw->themes[t].criteria[c];
	return NULL;
}

/* b's indicators with the ids of a split's into (those it has). */
static void
split_parts(const struct framework *b, const struct fw_map_entry *e,
    struct fwdiff_row *r)
{
	const struct fw_indicator *ind;
	size_t                     k;

	r->b = xcalloc(e->ninto + 1, sizeof(*r->b));
	for (k = 0; k < e->ninto; k++)
		if ((ind = framework_indicator(b, e->into[k])) != NULL)
			r->b[r->nb++] = ind;
}

/* The row of one indicator of b, if it changed; marks a's it continues. */
static void
diff_indicator(const struct framework *a, const struct framework *b,
    const struct fw_indicator *ind, char *used, struct fwdiff *d)
{
	const struct fw_indicator **olds;
	const struct fw_map_entry  *e;
	struct fwdiff_row          *r = NULL;
	size_t                      n, k;
	enum fw_link                link;

	link = framework_link(b, a, ind, &olds, &n, &e);
	if (n > 0 && link != FW_LINK_SPLIT && used[olds[0]->index])
		link = FW_LINK_NONE;   /* id and renamed-from name one */
	for (k = 0; link != FW_LINK_NONE && k < n; k++)
		used[olds[k]->index] = 1;
	if (link == FW_LINK_NONE)
		r = push(d, FWDIFF_NEW);
	else if (link == FW_LINK_RENAMED)
		r = push(d, FWDIFF_RENAMED);
	else if (link == FW_LINK_SAME && strcmp(olds[0]->text, ind->text) != 0)
		r = push(d, FWDIFF_REWORDED);
	else if (link == FW_LINK_MERGED)
		r = push(d, FWDIFF_MERGED);
	else if (link == FW_LINK_SPLIT && strcmp(e->into[0], ind->id) == 0) {
		/* once, at its first part */
		r = push(d, FWDIFF_SPLIT);
		split_parts(b, e, r);
	}
	if (r == NULL) {
		free(olds);
		return;
	}
	if (r->b == NULL) {
		r->b = xcalloc(1, sizeof(*r->b));
		r->b[r->nb++] = ind;
	}
	if (link == FW_LINK_NONE)
		n = 0;
	r->a = olds;
	r->na = n;
}

static void
diff_criterion(const struct framework *a, const struct framework *b,
    const struct fw_criterion *c, char *used, struct fwdiff *d)
{
	const struct fw_criterion *old = find_criterion(a, c->id);
	struct fwdiff_row         *r;
	size_t                     k;

	if (old == NULL || strcmp(old->text, c->text) != 0) {
		r = push(d, old == NULL ? FWDIFF_CRITERION_NEW :
		    FWDIFF_CRITERION_CHANGED);
		r->crit_a = old;
		r->crit_b = c;
	}
	for (k = 0; k < c->nindicators; k++)
		diff_indicator(a, b, &c->indicators[k], used, d);
}

/* What a has and b no longer: in a's order, the tree's levels mixed. */
static void
diff_dropped(const struct framework *a, const struct framework *b,
    const char *used, struct fwdiff *d)
{
	const struct fw_mapping   *m = NULL;
	const struct fw_map_entry *e;
	const struct fw_theme     *t;
	const struct fw_criterion *c;
	struct fwdiff_row         *r;
	size_t                     i, j, k;

	m = framework_mapping(b, a);
	for (i = 0; i < a->nthemes; i++) {
		t = &a->themes[i];
		if (find_theme(b, t->id) == NULL)
			push(d, FWDIFF_THEME_DROPPED)->theme_a = t;
		for (j = 0; j < t->ncriteria; j++) {
			c = &t->criteria[j];
			if (find_criterion(b, c->id) == NULL)
				push(d, FWDIFF_CRITERION_DROPPED)->crit_a = c;
			for (k = 0; k < c->nindicators; k++) {
				if (used[c->indicators[k].index])
					continue;
				r = push(d, FWDIFF_DROPPED);
				r->a = xcalloc(1, sizeof(*r->a));
				r->a[r->na++] = &c->indicators[k];
				e = fw_mapping_entry(m, c->indicators[k].id, 1);
				if (e != NULL && e->kind == FW_MAP_DROPPED)
					r->reason = e->reason;
			}
		}
	}
}

void
fwdiff_compute(const struct framework *a, const struct framework *b,
    struct fwdiff *out)
{
	const struct fw_theme *t, *old;
	struct fwdiff_row     *r;
	char                  *used = xcalloc(a->nindicators + 1, 1);
	size_t                 i, j;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < b->nthemes; i++) {
		t = &b->themes[i];
		old = find_theme(a, t->id);
		if (old == NULL || strcmp(old->name, t->name) != 0 ||
		    strcmp(old->statement, t->statement) != 0) {
			r = push(out, old == NULL ? FWDIFF_THEME_NEW :
			    FWDIFF_THEME_CHANGED);
			r->theme_a = old;
			r->theme_b = t;
		}
		for (j = 0; j < t->ncriteria; j++)
			diff_criterion(a, b, &t->criteria[j], used, out);
	}
	diff_dropped(a, b, used, out);
	free(used);
}

void
fwdiff_free(struct fwdiff *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->rows[i].a);
		free(d->rows[i].b);
	}
	free(d->rows);
	memset(d, 0, sizeof(*d));
}
