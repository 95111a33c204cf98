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

#endif
