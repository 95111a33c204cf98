/*
 * progress: the year-on-year comparison of two rounds of a municipality.
 *
 * Owns: matching indicators across framework versions (by id, the newer
 * framework's renamed-from, or its <mapping>: split, merge, dropped; see
 * framework_link) and approaches across rounds (by name),
 * and the status of each: verbeterd (X to not X), verslechterd (not X to
 * X), ongewijzigd, nieuw (not in the earlier round) or vervallen (not in
 * the later one). Part of the aggregate stage: it compares final marks
 * and knows neither the store nor any output format.
 */
#ifndef STJ_PROGRESS_H
#define STJ_PROGRESS_H

#include <stddef.h>

#include "framework.h"

enum progress_status {
	PROGRESS_VERBETERD,
	PROGRESS_VERSLECHTERD,
	PROGRESS_ONGEWIJZIGD,
	PROGRESS_NIEUW,
	PROGRESS_VERVALLEN,
	/* -- step 13: progress -- */
	PROGRESS_NIET_BEANTWOORD,  /* the later round has no answers to it */
	PROGRESS_TE_BEOORDELEN     /* X by override, the new inspector silent */
};

/* "verbeterd", "verslechterd", ... as the tsv contract prints them. */
const char *progress_status_name(enum progress_status s);

/* The final marks of one round, per approach and indicator. */
struct progress_round {
	const struct framework *fw;
	int                     year;
	const char *const      *approaches;
	size_t                  napproaches;
	/* marks[a][k]: 'V', 'X' or '-' of indicator k of fw; letops[a][k]
	 * 1 when it has a LET OP. */
	const char *const      *marks;
	const int  *const      *letops;
	/* -- step 13: progress -- */
	/* NULL, or overridden[a][k] 1 when the mark is an inspector's
	 * override; answered[a][k] 1 when any respondent answered (NULL:
	 * all answered). */
	const int  *const      *overridden;
	const int  *const      *answered;
	/* NULL, or reasons[a][k]: the latest reason the audit log gives for
	 * an override of the cell (NULL: none) */
	const char *const *const *reasons;
	int                     respondents, responded;  /* who answered */
};

struct progress_row {
	const char                *approach;
	const struct fw_indicator *from, *to;  /* NULL: not in that round */
	char                       van, naar;  /* marks; 0 when none */
	int                        letop_van, letop_naar;
	enum progress_status       status;
	/* -- step 13: progress -- */
	int                        override_van, override_naar;
	const char                *reason_van, *reason_naar;  /* or NULL */
	/* -- issue 18: framework versions -- */
	/* How to continues from (framework_link); for a merge, van is X
	 * when any merged indicator was X. map: the newer framework's
	 * mapping entry (split, merge, or dropped for a vervallen row). */
	enum fw_link               link;
	const struct fw_map_entry *map;
	/* The earlier round's X this row stands for in progress_count: a
	 * merge's every X, a split's X once (at its first part). */
	int                        x_van;
};

/*
 * The LET OP change a row may name, so that it never contradicts the
 * mark's change: only beside verbeterd and ongewijzigd (a resolved LET OP
 * under a new X, or any change of an unanswered or unassessed row, says
 * nothing the status does not).
 */
enum progress_letop {
	PROGRESS_LETOP_GEEN,
	PROGRESS_LETOP_OPGELOST,
	PROGRESS_LETOP_NIEUW
};
enum progress_letop progress_letop(const struct progress_row *r);

struct progress {
	struct progress_row *rows;
	size_t               n;
};

/*
 * Compares round from with round to. Rows: per approach of to, its
 * indicators in to's framework order, then the indicators of from that
 * to no longer has; then the approaches only from has. Free with
 * progress_free().
 */
void progress_compare(const struct progress_round *from,
    const struct progress_round *to, struct progress *out);
void progress_free(struct progress *p);
/*
 * The verbeterpunten (X) of theme id then and now, counted under the
 * theme of the newer framework (the earlier one's for vervallen rows).
 */
void progress_count(const struct progress *p, const char *theme_id,
    int *then, int *now);

#endif
