/*
 * ingest: reading filled-in responses (response XML, survey CSV).
 *
 * Owns: turning respondents' files into validated answer records, and the
 * spelling rules for answers as people and survey tools write them. It
 * checks everything against the framework and hands clean records to
 * store; it never touches the database itself.
 */
#ifndef STJ_INGEST_H
#define STJ_INGEST_H

#include "framework.h"

/*
 * Parses an answer as written in a response: "ja", "deels", "nee",
 * "weet niet", "n.v.t." or "nvt", in any case, with surrounding white
 * space. An empty (or all white space) text is ANSWER_NONE, "not
 * answered". Returns ANSWER__COUNT when the text is no answer.
 */
enum answer ingest_parse_answer(const char *text);

#endif
