/*
 * questionnaire: what each role is asked.
 *
 * Owns: the view of a framework as a questionnaire for one role (which
 * indicators, which question text, in which order) and the blank
 * questionnaires generated from it. Reads the framework tree; writes files
 * only through its own generators.
 */
#ifndef STJ_QUESTIONNAIRE_H
#define STJ_QUESTIONNAIRE_H

#include <stddef.h>
#include <stdio.h>

#include "framework.h"

/* Number of indicators asked of role r. */
size_t questionnaire_count(const struct framework *fw, enum role r);

/*
 * A blank response document (framework/stj-response.xsd) for role r:
 * every question with an empty waarde, its question text and an empty
 * toelichting where one is asked.
 */
void questionnaire_write_xml(FILE *f, const struct framework *fw,
    enum role r);
/*
 * The header row a survey tool exports for role r: the five fixed
 * columns, then per question "<id> <indicator text>" and, where a
 * toelichting is asked, "<id> toelichting". Comma-separated, RFC 4180.
 */
void questionnaire_write_csv(FILE *f, const struct framework *fw,
    enum role r);

#endif
