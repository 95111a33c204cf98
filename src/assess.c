/*
 * rules: the rule table. See rules.h; the rules themselves are described
 * with worked examples in doc/rules.md.
 */
#include "assess.h"

#include <string.h>

/*
 * The rules, as derived from the published factsheets (worked examples in
 * doc/rules.md). What counts are the substantive answers: ja, deels and
 * nee. 'weet niet' is not a 'nee' and 'n.v.t.' from a partner is no vote;
 * both are left out of every count.
 */

/* Tally of one indicator's answers. */
struct tally {
	int         ja, deels, nee;   /* substantive answers, all roles */
	enum answer gemeente;         /* ANSWER_NONE when not answered */
};

static struct tally
count(const struct assess_answer *a, size_t n)
{
	struct tally t = { 0, 0, 0, ANSWER_NONE };
	size_t       i;

	for (i = 0; i < n; i++) {
		if (a[i].role == ROLE_GEMEENTE)
			t.gemeente = a[i].value;
		t.ja += a[i].value == ANSWER_JA;
		t.deels += a[i].value == ANSWER_DEELS;
		t.nee += a[i].value == ANSWER_NEE;
	}
	return t;
}

static int
substantive(const struct tally *t)
{
	return t->ja + t->deels + t->nee;
}

/*
 * No substantive answer at all (everyone 'weet niet' or silent): nothing
 * shows the indicator is met, so X, with LET OP to say why.
 */
static int
nobody_knows(const struct tally *t, struct assess_proposal *out)
{
	if (substantive(t) > 0)
		return 0;
	out->verdict = VERDICT_X;
	out->letop = 1;
	return 1;
}

/*
 * majority: the gemeente's 'n.v.t.' means the indicator does not apply.
 * X when the gemeente says 'nee' or more than half of the substantive
 * answers are 'nee'; otherwise V, with LET OP when anyone said 'nee' or
 * 'deels'. So two 'nee' of four is no majority and the gemeente's 'ja'
 * holds (Leeuwarden IG 3.4.2), three of four is (VIG 5.3.1).
 */
static void
rule_majority(const struct tally *t, struct assess_proposal *out)
{
	if (t->gemeente == ANSWER_NVT) {
		out->verdict = VERDICT_NONE;
		return;
	}
	if (nobody_knows(t, out))
		return;
	if (t->gemeente == ANSWER_NEE || 2 * t->nee > substantive(t))
		out->verdict = VERDICT_X;
	else {
		out->verdict = VERDICT_V;
		out->letop = t->nee > 0 || t->deels > 0;
	}
}

/*
 * agreement (same description of GGSR, shared goals): V when the gemeente
 * says 'ja' and more than half of the substantive answers are 'ja'. One
 * divergent respondent gets no LET OP: the published 1.1.1 findings name
 * it in the finding instead.
 */
static void
rule_agreement(const struct tally *t, struct assess_proposal *out)
{
	if (nobody_knows(t, out))
		return;
	out->verdict = t->gemeente == ANSWER_JA && 2 * t->ja > substantive(t) ?
	    VERDICT_V : VERDICT_X;
}

/* municipality: the gemeente alone; 'deels' is V with LET OP. */
static void
rule_municipality(const struct tally *t, struct assess_proposal *out)
{
	switch (t->gemeente) {
	case ANSWER_NVT:
		out->verdict = VERDICT_NONE;
		break;
	case ANSWER_JA:
		out->verdict = VERDICT_V;
		break;
	case ANSWER_DEELS:
		out->verdict = VERDICT_V;
		out->letop = 1;
		break;
	case ANSWER_NEE:
		out->verdict = VERDICT_X;
		break;
	default:
		/* Not answered or 'weet niet': nothing shows it is met. */
		out->verdict = VERDICT_X;
		out->letop = 1;
		break;
	}
}

static const struct assess_rule rule_table[] = {
	{ "majority", rule_majority,
	  "the gemeente's answer weighs most; a majority 'nee' gives X; a "
	  "single dissenting partner under an agreed 'ja' gives LET OP",
	  ROLE_GEMEENTE },
	{ "agreement", rule_agreement,
	  "the respondents must agree with each other (same description, "
	  "shared goals)",
	  ROLE__COUNT },
	{ "municipality", rule_municipality,
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

int
assess_indicator(const struct fw_indicator *ind, const struct assess_answer *a,
    size_t n, struct assess_proposal *out)
{
	const struct assess_rule *rule = assess_rule_find(ind->rule);
	struct tally              t = count(a, n);

	out->verdict = VERDICT_NONE;
	out->letop = 0;
	if (rule == NULL)
		return -1;
	rule->apply(&t, out);
	return 0;
}

char
verdict_code(enum verdict v)
{
	return v == VERDICT_V ? 'V' : v == VERDICT_X ? 'X' : '-';
}

const char *
verdict_parse(const char *s)
{
	if (strcmp(s, "V") == 0 || strcmp(s, "v") == 0 ||
	    strcmp(s, "\xe2\x88\x9a") == 0)   /* the check mark */
		return "V";
	if (strcmp(s, "X") == 0 || strcmp(s, "x") == 0)
		return "X";
	if (strcmp(s, "-") == 0)
		return "-";
	return NULL;
}
