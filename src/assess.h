/*
 * assess: the aggregation rules that turn answers into proposed verdicts.
 *
 * Owns: the rule table (name, what it is for, which role it needs, who
 * counts) and the one judgement all rules share, under the calibration
 * the framework gives (struct fw_rule_params). The framework XML names
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
	int         gemeente_only;  /* only the gemeente's answer counts */
	int         nvt_none;       /* the gemeente's 'n.v.t.': no verdict */
	const char *summary;
	enum role   needs;      /* role that must be asked; ROLE__COUNT: none */
};

/* NULL when name is no rule. */
const struct assess_rule *assess_rule_find(const char *name);
size_t assess_rule_count(void);
const struct assess_rule *assess_rule_at(size_t i);
/* Writes the names joined by ", " into buf (size n), for messages. */
const char *assess_rule_names(char *buf, size_t n);

enum verdict {
	VERDICT_NONE,   /* '-': no verdict, the indicator does not apply */
	VERDICT_V,      /* voldoet */
	VERDICT_X       /* verbeterpunt */
};

/* One respondent's answer to the indicator being judged. */
struct assess_answer {
	enum role    role;
	enum answer  value;
	const char  *organisation;   /* for drafted findings; may be NULL */
	const char  *toelichting;    /* may be NULL */
};

struct assess_proposal {
	enum verdict verdict;
	int          letop;     /* a LET OP remark is proposed */
	/* -- step 11: voice -- what the drafts need to word it */
	int          support, against;   /* substantive answers counted */
	unsigned     support_set;        /* the calibration's answer sets */
	unsigned     letop_set;
};

/*
 * The calibration ind is judged by: the framework's <rules> for its
 * rule, else the rule's defaults; NULL for an unknown rule.
 */
const struct fw_rule_params *assess_rule_params(
    const struct fw_indicator *ind);

/*
 * Proposes a verdict for ind from the answers of its respondents (any
 * order; unanswered may be left out), by the rule the framework names.
 * Returns 0, or -1 when the rule has no implementation.
 */
int assess_indicator(const struct fw_indicator *ind,
    const struct assess_answer *a, size_t n, struct assess_proposal *out);

/* 'V', 'X' or '-'. */
char verdict_code(enum verdict v);
/*
 * A verdict as typed: "V" (also "v" or the check mark), "X" (or "x") or
 * "-"; its code ("V", "X", "-"), NULL for anything else.
 */
const char *verdict_parse(const char *s);

#endif
