/*
 * ingest: response reading. See ingest.h.
 */
#include "ingest.h"

#include <strings.h>
#include <string.h>

/* Spellings accepted per answer; compared case-insensitively. */
static const struct {
	const char *text;
	enum answer answer;
} spellings[] = {
	{ "ja",        ANSWER_JA },
	{ "deels",     ANSWER_DEELS },
	{ "nee",       ANSWER_NEE },
	{ "weet niet", ANSWER_WEET_NIET },
	{ "weet-niet", ANSWER_WEET_NIET },
	{ "n.v.t.",    ANSWER_NVT },
	{ "n.v.t",     ANSWER_NVT },
	{ "nvt",       ANSWER_NVT },
};

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

enum answer
ingest_parse_answer(const char *text)
{
	size_t len, i;

	while (is_blank(*text))
		text++;
	len = strlen(text);
	while (len > 0 && is_blank(text[len - 1]))
		len--;
	if (len == 0)
		return ANSWER_NONE;
	for (i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++)
		if (strlen(spellings[i].text) == len &&
		    strncasecmp(spellings[i].text, text, len) == 0)
			return spellings[i].answer;
	return ANSWER__COUNT;
}
