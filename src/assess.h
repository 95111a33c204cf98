/*
 * assess: the aggregation rules that turn answers into proposed verdicts.
 *
 * Owns: the rule table (name, what it is for, which role it needs) and
 * the implementation of each rule. The framework XML names
 * a rule per indicator; framework loading checks the name against this
 * table (the one place framework depends on assess), so a new framework
 * version can change an indicator's rule without a code change.
 */
#ifndef STJ_ASSESS_H
#define STJ_ASSESS_H

#include <stddef.h>

#include "framework.h"

struct assess_rule {
	const char *name;
	const char *summary;
	enum role   needs;      /* role that must be asked; ROLE__COUNT: none */
};

/* NULL when name is no rule. */
const struct assess_rule *assess_rule_find(const char *name);
size_t assess_rule_count(void);
const struct assess_rule *assess_rule_at(size_t i);
/* Writes the names joined by ", " into buf (size n), for messages. */
const char *assess_rule_names(char *buf, size_t n);

#endif
