/*
 * mapping: survey export words and columns. See mapping.h.
 */
#include "mapping.h"

#include <stdlib.h>
#include <string.h>

#include "names.h"

/*
 * Answer words as respondents and survey tools write them, compared by
 * names_key() (case-folded, white space collapsed, typographic commas and
 * dashes unified). The canonical spellings ("ja", "weet niet", "n.v.t.")
 * are ingest.c's; these are the longer forms forms tools offer.
 */
static const struct {
	const char *text;
	enum answer answer;
} words[] = {
	{ "ja, deels",            ANSWER_DEELS },
	{ "ja deels",             ANSWER_DEELS },
	{ "gedeeltelijk",         ANSWER_DEELS },
	{ "weet ik niet",         ANSWER_WEET_NIET },
	{ "niet bekend",          ANSWER_WEET_NIET },
	{ "niet van toepassing",  ANSWER_NVT },
	{ "n.v.t",                ANSWER_NVT },
	{ "n.v.t.",               ANSWER_NVT },
	{ "nvt",                  ANSWER_NVT },
};

enum answer
mapping_answer_word(const char *text)
{
	char       *key = names_key(text);
	enum answer a = ANSWER__COUNT;
	size_t      i;

	if (key == NULL)
		return ANSWER__COUNT;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i].text, key) == 0) {
			a = words[i].answer;
			break;
		}
	free(key);
	return a;
}

/* 1 when s holds an indicator-like id "1.1.1" (three dotted numbers). */
static int
has_indicator_id(const char *s)
{
	for (; *s != '\0'; s++) {
		const char *p = s;
		int         parts = 0;
		if (*s < '0' || *s > '9')
			continue;
		for (;;) {
			size_t n = strspn(p, "0123456789");
			if (n == 0)
				break;
			parts++;
			p += n;
			if (*p != '.' || p[1] < '0' || p[1] > '9')
				break;
			p++;
		}
		if (parts >= 3)
			return 1;
	}
	return 0;
}

int
mapping_looks_mapped(const char *header)
{
	char *key = names_key(header);
	int   looks;

	if (key == NULL)
		return 0;
	looks = strstr(key, "toelichting") != NULL || has_indicator_id(key);
	free(key);
	return looks;
}
