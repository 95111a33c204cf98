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

#include "framework.h"

/* Number of indicators asked of role r. */
size_t questionnaire_count(const struct framework *fw, enum role r);

#endif
