/*
 * limesurvey: the LimeSurvey round trip (step 12).
 *
 * Owns: the survey structure file (.lss) written for one role, and the
 * recognition of LimeSurvey's response export (CSV) so that it imports
 * without editing. Question codes are the role's letter (G gemeente, N
 * netwerkpartner) and the indicator id without dots ("G111" for 1.1.1):
 * LimeSurvey wants codes of letters and digits that start with a letter,
 * and the letter carries the role, which the export has no column for.
 */
#ifndef STJ_LIMESURVEY_H
#define STJ_LIMESURVEY_H

#include <stddef.h>
#include <stdio.h>

#include "csv.h"
#include "diag.h"
#include "framework.h"

/*
 * Writes the .lss for role r: a group "Gegevens" with the questions
 * gemeente, aanpak, ronde, organisatie (short text, mandatory), then one
 * group per theme with a question per indicator asked of r: type O (list
 * with comment) where a toelichting is asked, else L (list), answer codes
 * A1..A5 for ja, deels, nee, weet niet, n.v.t. -1 after a diagnostic when
 * two indicators would get the same code.
 */
int limesurvey_write_lss(FILE *f, const struct framework *fw, enum role r,
    struct diags *d);

/* How a LimeSurvey export's header maps to the canonical columns. */
struct ls_map {
	char    **names;   /* per column: canonical header, NULL: as is */
	size_t    n;
	enum role role;    /* for the added "rol" column; ROLE__COUNT: none */
	char     *bad;     /* first code-like header of no indicator, or NULL */
	/* The views limesurvey_header/_row hand out (owned here). */
	struct csv_field *view;
	char            (*cells)[12];
	char              rol[24];
};

/*
 * Recognises a LimeSurvey export of fw by its header (n cells): question
 * codes ("G111", "G111[comment]", "G111_comment") or the role's full
 * question texts ("<text>", "<text> [Comment]"). Returns 1 and fills out
 * (free with ls_map_free) when it is one, else 0 and out is empty.
 */
int limesurvey_recognise(const struct framework *fw,
    const char *const *header, size_t n, struct ls_map *out);
/*
 * The answer as the importer reads it for LimeSurvey's answer code
 * ("A1" .. "A5"), else cell unchanged.
 */
const char *limesurvey_answer(const char *cell);
void ls_map_free(struct ls_map *m);

/*
 * The hook in the CSV importer. limesurvey_header: when rec is a
 * LimeSurvey export of fw, fills m and points rec at the header in
 * canonical names (plus a "rol" column when the codes carry the role);
 * returns 1, 0 when it is no such export (m empty), -1 after a diagnostic
 * at path:line naming a code-like column of no indicator.
 * limesurvey_row: points rec at the record with answer codes read and the
 * "rol" cell added (a record of the wrong width is left as it is).
 */
int limesurvey_header(const struct framework *fw, const char *path,
    struct csv_record *rec, struct ls_map *m, struct diags *d);
void limesurvey_row(struct ls_map *m, struct csv_record *rec);

#endif
