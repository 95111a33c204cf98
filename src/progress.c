/*
 * progress: comparing two rounds. See progress.h.
 */
#include "progress.h"

#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "util.h"

static const char *const status_name[] = {
	[PROGRESS_VERBETERD]    = "verbeterd",
	[PROGRESS_VERSLECHTERD] = "verslechterd",
	[PROGRESS_ONGEWIJZIGD]  = "ongewijzigd",
	[PROGRESS_NIEUW]        = "nieuw",
	[PROGRESS_VERVALLEN]    = "vervallen",
	/* -- step 13: progress -- */
	[PROGRESS_NIET_BEANTWOORD] = "niet-beantwoord",
	[PROGRESS_TE_BEOORDELEN]   = "te-beoordelen",
};

const char *
progress_status_name(enum progress_status s)
{
	return status_name[s];
}

/* Index of approach name in round r (any spelling of it), or -1. */
static long
approach_index(const struct progress_round *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->napproaches; i++)
		if (names_equal(r->approaches[i], name))
			return (long)i;
	return -1;
}

/* flags[a][k], 0 when the round has no such flags. */
static int
flag(const int *const *flags, size_t a, size_t k)
{
	return flags != NULL && flags[a][k];
}

static const char *
reason(const char *const *const *reasons, size_t a, size_t k)
{
	return reasons != NULL ? reasons[a][k] : NULL;
}

static void
push(struct progress *out, const struct progress_row *row)
{
	if ((out->n & (out->n - 1)) == 0)
		out->rows = xrealloc(out->rows, (out->n ? 2 * out->n : 1) *
		    sizeof(*out->rows));
	out->rows[out->n++] = *row;
}

/* A row for indicator k of approach a of from that to no longer has. */
static void
push_vervallen(struct progress *out, const char *approach,
    const struct progress_round *from, size_t a, size_t k,
    const struct framework *to_fw)
{
	struct progress_row row;

	memset(&row, 0, sizeof(row));
	row.approach = approach;
	row.from = from->fw->indicators[k];
	row.van = from->marks[a][k];
	row.letop_van = from->letops[a][k];
	row.override_van = flag(from->overridden, a, k);
	row.reason_van = reason(from->reasons, a, k);
	row.status = PROGRESS_VERVALLEN;
	/* -- issue 18: framework versions -- */
	row.x_van = row.van == 'X';
	if (to_fw != NULL)
		row.map = fw_mapping_entry(framework_mapping(to_fw, from->fw),
		    row.from->id, 1);
	push(out, &row);
}

static enum progress_status
status_of(const struct progress_row *r)
{
	if (r->to == NULL)
		return PROGRESS_VERVALLEN;
	if (r->from == NULL)
		return PROGRESS_NIEUW;
	/* an unanswered cell's mark is no verdict: never a decline */
	if (r->naar == 0)
		return PROGRESS_NIET_BEANTWOORD;
	/* last year's X was the inspector's judgement, not the answers':
	 * only this year's inspector can say it is resolved */
	if (r->van == 'X' && r->naar != 'X' && r->override_van &&
	    !r->override_naar)
		return PROGRESS_TE_BEOORDELEN;
	if (r->van == 'X' && r->naar != 'X')
		return PROGRESS_VERBETERD;
	if (r->van != 'X' && r->naar == 'X')
		return PROGRESS_VERSLECHTERD;
	return PROGRESS_ONGEWIJZIGD;
}

/* -- issue 18: framework versions -- */
/*
 * Fills row's earlier side from approach a of from: the indicator(s) its
 * to continues (framework_link). A split's parts each compare with the
 * one they came from; a merge's with the worst of those merged; an
 * indicator used already (renamed-from and id both naming it) is new.
 */
static void
link_from(const struct framework *to_fw, const struct progress_round *from,
    size_t a, char *used, struct progress_row *row)
{
	const struct fw_indicator **olds;
	size_t                      n, i, k;

	row->link = framework_link(to_fw, from->fw, row->to, &olds, &n,
	    &row->map);
	if (n == 0 || (row->link != FW_LINK_SPLIT && used[olds[0]->index])) {
		row->link = FW_LINK_NONE;
		row->map = NULL;
		free(olds);
		return;
	}
	row->from = olds[0];
	for (i = 0; i < n; i++) {
		k = olds[i]->index;
		used[k] = 1;
		if (i == 0 || from->marks[a][k] == 'X') {
			row->van = from->marks[a][k];
			row->override_van = flag(from->overridden, a, k);
			row->reason_van = reason(from->reasons, a, k);
		}
		row->letop_van |= from->letops[a][k];
		row->x_van += from->marks[a][k] == 'X';
	}
	/* a split's X is one verbeterpunt then, however many parts now */
	if (row->link == FW_LINK_SPLIT && row->map != NULL &&
	    strcmp(row->map->into[0], row->to->id) != 0)
		row->x_van = 0;
	free(olds);
}

/* Rows for approach ta of to (a: its index in from, -1 when new). */
static void
compare_approach(const struct progress_round *from,
    const struct progress_round *to, size_t ta, long a, struct progress *out)
{
	char                *used = xcalloc(from->fw->nindicators + 1, 1);
	struct progress_row  row;
	size_t               k;

	for (k = 0; k < to->fw->nindicators; k++) {
		memset(&row, 0, sizeof(row));
		row.approach = to->approaches[ta];
		row.to = to->fw->indicators[k];
		row.naar = to->marks[ta][k];
		row.letop_naar = to->letops[ta][k];
		row.override_naar = flag(to->overridden, ta, k);
		row.reason_naar = reason(to->reasons, ta, k);
		/* no answers and no override: no mark yet */
		if (to->answered != NULL && !to->answered[ta][k] &&
		    !row.override_naar) {
			row.naar = 0;
			row.letop_naar = 0;
		}
		if (a >= 0)
			link_from(to->fw, from, (size_t)a, used, &row);
		row.status = status_of(&row);
		push(out, &row);
	}
	for (k = 0; a >= 0 && k < from->fw->nindicators; k++)
		if (!used[k])
			push_vervallen(out, to->approaches[ta], from, (size_t)a,
			    k, to->fw);
	free(used);
}

void
progress_compare(const struct progress_round *from,
    const struct progress_round *to, struct progress *out)
{
	size_t i, k;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < to->napproaches; i++)
		compare_approach(from, to, i,
		    approach_index(from, to->approaches[i]), out);
	for (i = 0; i < from->napproaches; i++) {
		if (approach_index(to, from->approaches[i]) >= 0)
			continue;
		for (k = 0; k < from->fw->nindicators; k++)
			push_vervallen(out, from->approaches[i], from, i, k,
			    NULL);
	}
}

void
progress_free(struct progress *p)
{
	free(p->rows);
	memset(p, 0, sizeof(*p));
}

void
progress_count(const struct progress *p, const char *theme_id, int *then,
    int *now)
{
	const struct progress_row *r;
	size_t                     k;

	*then = *now = 0;
	for (k = 0; k < p->n; k++) {
		r = &p->rows[k];
		if (strcmp((r->to ? r->to : r->from)->criterion->theme->id,
		    theme_id) != 0)
			continue;
		*then += r->x_van;
		*now += r->naar == 'X';
	}
}

/* -- step 13: progress -- */
enum progress_letop
progress_letop(const struct progress_row *r)
{
	if (r->status != PROGRESS_VERBETERD &&
	    r->status != PROGRESS_ONGEWIJZIGD)
		return PROGRESS_LETOP_GEEN;
	if (r->letop_van && !r->letop_naar)
		return PROGRESS_LETOP_OPGELOST;
	if (!r->letop_van && r->letop_naar)
		return PROGRESS_LETOP_NIEUW;
	return PROGRESS_LETOP_GEEN;
}
