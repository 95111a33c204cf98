/*
 * mapping: how a survey export's words and columns are read.
 *
 * Owns: the answer words people and survey tools write beyond the
 * canonical ones ("Ja, deels", "Weet ik niet", "Niet van toepassing"),
 * and the test for a column that looks like an answer or a toelichting.
 * Pure functions; ingest.c calls them where it reads a CSV header and an
 * answer cell (its one hook), so other readers can share them.
 */
#ifndef STJ_MAPPING_H
#define STJ_MAPPING_H

#include "diag.h"
#include "framework.h"
#include "mapfile.h"
#include "response.h"

/*
 * The answer text (case, accents of case, runs of white space and
 * typographic punctuation ignored) means, from the table of words as
 * people write them; ANSWER__COUNT when it is none of them.
 */
enum answer mapping_answer_word(const char *text);

/*
 * 1 when a column named header that maps to nothing looks like an answer
 * or a toelichting ("Toelichting bij vraag 1.1.1", "Vraag 1.1.1"): such a
 * column silently ignored loses what respondents wrote.
 */
int mapping_looks_mapped(const char *header);

/* -- step 14: mapping file -- */
/*
 * Loads the answer-word table (templates/antwoorden.txt: "text<TAB>ja"
 * per line, '#' comments) that mapping_answer_word() reads; call once,
 * before threads. -1 after a diagnostic per bad line (table empty).
 */
int mapping_words_load(const char *path, struct diags *d);
void mapping_words_free(void);

/*
 * What a header means by the importer's own recognition, past the
 * canonical names and leading ids ingest.c reads: a Microsoft Forms or
 * Qualtrics metadata column (MK_IGNORE), a title holding an indicator's
 * id, or the indicator's wording (case, white space and punctuation
 * ignored; *why "geraden uit de formulering"); "toelichting" in it makes
 * it that indicator's toelichting. 1 with out filled, else 0.
 */
int mapping_recognise(const struct framework *fw, const char *header,
    struct map_hit *out, const char **why);
/* 1 when header is one only a Qualtrics export's first row has. */
int mapping_qualtrics_header(const char *header);

#endif
