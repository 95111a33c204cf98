/*
 * rules: the rule table. See rules.h; the rules themselves are described
 * with worked examples in doc/rules.md.
 */
#include "assess.h"

#include <string.h>

static const struct assess_rule rule_table[] = {
	{ "majority",
	  "the gemeente's answer weighs most; a majority 'nee' gives X; a "
	  "single dissenting partner under an agreed 'ja' gives LET OP",
	  ROLE_GEMEENTE },
	{ "agreement",
	  "the respondents must agree with each other (same description, "
	  "shared goals)",
	  ROLE__COUNT },
	{ "municipality",
	  "rests on the gemeente's answer alone",
	  ROLE_GEMEENTE },
};

enum { NRULES = sizeof(rule_table) / sizeof(rule_table[0]) };

const struct assess_rule *
assess_rule_find(const char *name)
{
	size_t i;

	for (i = 0; i < NRULES; i++)
		if (strcmp(rule_table[i].name, name) == 0)
			return &rule_table[i];
	return NULL;
}

size_t
assess_rule_count(void)
{
	return NRULES;
}

const struct assess_rule *
assess_rule_at(size_t i)
{
	return i < NRULES ? &rule_table[i] : NULL;
}

const char *
assess_rule_names(char *buf, size_t n)
{
	size_t i;

	if (n == 0)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < NRULES; i++) {
		if (i > 0)
			strncat(buf, ", ", n - strlen(buf) - 1);
		strncat(buf, rule_table[i].name, n - strlen(buf) - 1);
	}
	return buf;
}
