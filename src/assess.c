/*
 * rules: the rule table. See rules.h; the rules themselves are described
 * with worked examples in doc/rules.md.
 */
#include "assess.h"

#include <string.h>

/*
 * The rules, as derived from the published factsheets (worked examples in
 * doc/rules.md). The rule table below says only who counts and whether
 * the gemeente's 'n.v.t.' takes the indicator out; what counts as
 * support, what a tie gives, which of the gemeente's answers decide alone
 * and when a LET OP is proposed are the framework's <rules> (struct
 * fw_rule_params), so an inspectorate calibrates them without touching C.
 * What counts are the substantive answers: ja, deels and nee. 'weet
 * niet' is not a 'nee' and 'n.v.t.' from a partner is no vote; both are
 * left out of every count.
 */

/*
 * Each rule's calibration when the framework has no <rules> for it: the
 * same as framework/stj-ggsr-2013.xml, so a framework written before
 * rules were data judges as it did.
 */
#define A(x) FW_ANSWER_BIT(ANSWER_ ## x)
static const struct fw_rule_params default_params[] = {
	{ "majority", A(JA) | A(DEELS), A(NEE), A(NEE) | A(DEELS), FW_TIE_X,
	  0 },
	{ "agreement", A(JA), A(DEELS) | A(NEE) | A(WEET_NIET) | A(NVT), 0,
	  FW_TIE_X, 0 },
	{ "municipality", A(JA) | A(DEELS), 0, A(DEELS), FW_TIE_V, 0 },
};
#undef A

/* Tally of one indicator's answers under a calibration. */
struct tally {
	int         support, against;   /* substantive answers */
	int         reserved;           /* of them, answers in params->letop */
	enum answer gemeente;           /* ANSWER_NONE when not answered */
};

static struct tally
count(const struct assess_answer *a, size_t n, int gemeente_only,
    const struct fw_rule_params *p)
{
	struct tally t = { 0, 0, 0, ANSWER_NONE };
	size_t       i;
	unsigned     bit;

	for (i = 0; i < n; i++) {
		if (a[i].role == ROLE_GEMEENTE)
			t.gemeente = a[i].value;
		else if (gemeente_only)
			continue;
		if (a[i].value != ANSWER_JA && a[i].value != ANSWER_DEELS &&
		    a[i].value != ANSWER_NEE)
			continue;
		bit = FW_ANSWER_BIT(a[i].value);
		if (p->support & bit)
			t.support++;
		else
			t.against++;
		t.reserved += (p->letop & bit) != 0;
	}
	return t;
}

/* What as many against as for gives. */
static enum verdict
tie(const struct tally *t, const struct fw_rule_params *p)
{
	switch (p->tie) {
	case FW_TIE_V:
		return VERDICT_V;
	case FW_TIE_X:
		return VERDICT_X;
	default:
		return t->gemeente != ANSWER_NONE &&
		    (p->support & FW_ANSWER_BIT(t->gemeente)) ? VERDICT_V :
		    VERDICT_X;
	}
}

/*
 * The one judgement every rule makes, under its calibration: the
 * gemeente's 'n.v.t.' (when the rule says so) is no verdict; nobody
 * answered substantively: X with LET OP, as nothing shows the indicator
 * is met; a veto answer of the gemeente: X; otherwise more for than
 * against is V, more against is X, a tie as calibrated; a V gets LET OP
 * when anyone gave a reservation answer.
 */
static void
judge(const struct tally *t, const struct fw_rule_params *p, int nvt_none,
    struct assess_proposal *out)
{
	out->support = t->support;
	out->against = t->against;
	out->support_set = p->support;
	out->letop_set = p->letop;
	if (nvt_none && t->gemeente == ANSWER_NVT) {
		out->verdict = VERDICT_NONE;
		return;
	}
	if (t->support + t->against == 0) {
		out->verdict = VERDICT_X;
		out->letop = 1;
		return;
	}
	if (t->gemeente != ANSWER_NONE &&
	    (p->veto & FW_ANSWER_BIT(t->gemeente)))
		out->verdict = VERDICT_X;
	else if (t->support != t->against)
		out->verdict = t->support > t->against ? VERDICT_V : VERDICT_X;
	else
		out->verdict = tie(t, p);
	out->letop = out->verdict == VERDICT_V && t->reserved > 0;
}

static const struct assess_rule rule_table[] = {
	{ "majority", 0, 1,
	  "the gemeente and the partners: more support than against gives V; "
	  "the gemeente's veto answer, or more against, gives X; a "
	  "dissenting minority under a V gives LET OP",
	  ROLE_GEMEENTE },
	{ "agreement", 0, 0,
	  "the respondents must agree with each other (same description, "
	  "shared goals)",
	  ROLE__COUNT },
	{ "municipality", 1, 1,
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

const struct fw_rule_params *
assess_rule_params(const struct fw_indicator *ind)
{
	size_t i;

	if (ind->params != NULL)
		return ind->params;
	for (i = 0; i < NRULES; i++)
		if (ind->rule != NULL &&
		    strcmp(default_params[i].rule, ind->rule) == 0)
			return &default_params[i];
	return NULL;
}

int
assess_indicator(const struct fw_indicator *ind, const struct assess_answer *a,
    size_t n, struct assess_proposal *out)
{
	const struct assess_rule    *rule = assess_rule_find(ind->rule);
	const struct fw_rule_params *p = assess_rule_params(ind);
	struct tally                 t;

	memset(out, 0, sizeof(*out));
	out->verdict = VERDICT_NONE;
	if (rule == NULL || p == NULL)
		return -1;
	t = count(a, n, rule->gemeente_only, p);
	judge(&t, p, rule->nvt_none, out);
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
