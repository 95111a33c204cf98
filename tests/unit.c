/*
 * Unit tests of the library stages. Prints "PASS name" or "FAIL name: why"
 * per check; tests/run.sh counts them. Run from the top of the checkout.
 */
#include <errno.h>
#include <glob.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xpath.h>
#include <sqlite3.h>

#include "access.h"
#include "account.h"
#include "assess.h"
#include "assess_draft.h"
#include "diag.h"
#include "framework.h"
#include "ingest.h"
#include "progress.h"
#include "questionnaire.h"
#include "ratelimit.h"
#include "render.h"
#include "store.h"
#include "util.h"
#include "xmlsafe.h"

static int failures;

#define CHECK(name, cond) check((name), (cond), #cond)

static void
check(const char *name, int ok, const char *expr)
{
	if (ok)
		printf("PASS %s\n", name);
	else {
		printf("FAIL %s: %s\n", name, expr);
		failures++;
	}
}

static void
check_str(const char *name, const char *got, const char *want)
{
	if (got != NULL && strcmp(got, want) == 0)
		printf("PASS %s\n", name);
	else {
		printf("FAIL %s: got \"%s\", want \"%s\"\n", name,
		    got ? got : "(null)", want);
		failures++;
	}
}

/* Diagnostics as printed, in one malloc'd string. */
static char *
diags_text(const struct diags *d)
{
	char  *buf = NULL;
	size_t len = 0;
	FILE  *f = open_memstream(&buf, &len);

	diags_print(d, f);
	fclose(f);
	return buf;
}

/* 1 when n bytes at p are all c. */
static int
all_bytes(const char *p, size_t n, char c)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != c)
			return 0;
	return 1;
}

/*
 * The arena's promises: every block zeroed, aligned for any type, and
 * apart from every other block (writing one never changes another),
 * both for a block larger than the arena's chunks and for small ones
 * carved out of one chunk.
 */
static void
arena_blocks(struct arena *a)
{
	const size_t  align = _Alignof(max_align_t);
	struct arena *dirty = arena_new();
	char         *big, *s1, *s2, *s3;

	/* Memory malloc hands out again: zeroing must be the arena's. */
	memset(arena_alloc(dirty, 5000), 'd', 5000);
	arena_free(dirty);
	big = arena_alloc(a, 100000);
	CHECK("arena: large block zeroed and aligned",
	    all_bytes(big, 100000, 0) && (uintptr_t)big % align == 0);
	memset(big, 'b', 100000);
	s1 = arena_alloc(a, 3);
	memset(s1, '1', 3);
	s2 = arena_alloc(a, 1);
	memset(s2, '2', 1);
	s3 = arena_alloc(a, 5000);
	CHECK("arena: small blocks zeroed, aligned and apart",
	    all_bytes(s3, 5000, 0) && (uintptr_t)s1 % align == 0 &&
	    (uintptr_t)s2 % align == 0 && (uintptr_t)s3 % align == 0 &&
	    all_bytes(s1, 3, '1') && all_bytes(s2, 1, '2'));
	memset(s3, '3', 5000);
	CHECK("arena: writing one block leaves the others",
	    all_bytes(big, 100000, 'b') && all_bytes(s1, 3, '1') &&
	    all_bytes(s2, 1, '2'));
}

static void
test_util(void)
{
	struct arena *a = arena_new();
	char         *big;
	size_t        len;

	check_str("arena: collapse", arena_strdup_collapsed(a,
	    "  een\n\t  twee   drie \n"), "een twee drie");
	check_str("arena: collapse empty", arena_strdup_collapsed(a, " \n "),
	    "");
	arena_blocks(a);
	arena_free(a);
	arena_free(NULL);

	CHECK("file_read_all: over the cap is EFBIG",
	    file_read_all("framework/stj-ggsr-2013.xml", 100, &big, &len) == -1
	    && errno == EFBIG && big == NULL);
	CHECK("file_read_all: missing file is ENOENT",
	    file_read_all("tests/fixtures/nope.xml", 100, &big, &len) == -1
	    && errno == ENOENT);
}

/*
 * Twenty messages (past the list's first growth) come out complete and
 * in order; after diags_free the list takes new messages and prints only
 * those, not the freed ones.
 */
static void
diag_growth(struct diags *d)
{
	char   want[1024] = "", *s;
	size_t len = 0;
	int    i;

	for (i = 1; i <= 20; i++) {
		diags_add_text(d, "g.csv", i, i % 2 ? "regel\n" : "regel \n\n");
		len += (size_t)snprintf(want + len, sizeof(want) - len,
		    "g.csv:%d: regel\n", i);
	}
	s = diags_text(d);
	check_str("diag: twenty messages in order, line ends trimmed", s,
	    want);
	free(s);
	diags_free(d);
	diags_add(d, NULL, 0, MSG_FW_NOT_FOUND, "stj-y");
	s = diags_text(d);
	check_str("diag: a freed list takes new messages, only those", s,
	    "stj: no framework 'stj-y' installed\n");
	free(s);
	diags_free(d);
}

static void
test_diag(void)
{
	struct diags d;
	char        *s;

	diags_init(&d);
	diags_add(&d, "a.xml", 3, MSG_RULE_UNKNOWN, "x", "y");
	diags_add_text(&d, "b.csv", 0, "met een regel\n");
	diags_add(&d, NULL, 0, MSG_FW_NOT_FOUND, "stj-x");
	s = diags_text(&d);
	check_str("diag: file:line, file, stj forms", s,
	    "a.xml:3: unknown rule 'x' (known: y)\n"
	    "b.csv: met een regel\n"
	    "stj: no framework 'stj-x' installed\n");
	free(s);
	diags_free(&d);
	diag_growth(&d);
}

static void
test_answers(void)
{
	CHECK("answer: Ja", ingest_parse_answer("Ja") == ANSWER_JA);
	CHECK("answer: DEELS", ingest_parse_answer("DEELS") == ANSWER_DEELS);
	CHECK("answer: nee", ingest_parse_answer(" nee ") == ANSWER_NEE);
	CHECK("answer: weet niet",
	    ingest_parse_answer("Weet niet") == ANSWER_WEET_NIET);
	CHECK("answer: n.v.t.", ingest_parse_answer("N.V.T.") == ANSWER_NVT);
	CHECK("answer: nvt", ingest_parse_answer("nvt") == ANSWER_NVT);
	CHECK("answer: empty is not answered",
	    ingest_parse_answer(" \t") == ANSWER_NONE);
	CHECK("answer: misschien is no answer",
	    ingest_parse_answer("misschien") == ANSWER__COUNT);
	CHECK("answer: ja, maar is no answer",
	    ingest_parse_answer("ja, maar") == ANSWER__COUNT);
	check_str("answer: code round trip",
	    answer_code(answer_from_code("weet-niet")), "weet-niet");
	CHECK("role: unknown", role_from_name("inspecteur") == ROLE__COUNT);
}

/* The indicators network partners are not asked, per the issue. */
static const char *const gemeente_only[] = {
	"1.1.2", "3.1.1", "3.1.2", "3.1.6", "3.1.7", "4.1.1"
};

static int
is_gemeente_only(const char *id)
{
	size_t i;

	for (i = 0; i < sizeof(gemeente_only) / sizeof(*gemeente_only); i++)
		if (strcmp(gemeente_only[i], id) == 0)
			return 1;
	return 0;
}

static void
test_framework(void)
{
	struct diags      d;
	struct framework *fw;
	size_t            i, roles_ok = 0, toel = 0;
	const struct fw_indicator *ind;

	diags_init(&d);
	fw = framework_load("framework/stj-ggsr-2013.xml",
	    "framework/stj-framework.xsd", &d);
	CHECK("framework: bundled loads", fw != NULL && d.n == 0);
	if (fw == NULL) {
		diags_free(&d);
		return;
	}
	check_str("framework: id", fw->id, "stj-ggsr");
	check_str("framework: version", fw->version, "2013");
	CHECK("framework: 5 themes, 13 criteria, 30 indicators",
	    fw->nthemes == 5 && fw->ncriteria == 13 && fw->nindicators == 30);
	check_str("framework: first id", fw->indicators[0]->id, "1.1.1");
	check_str("framework: last id", fw->indicators[29]->id, "5.3.1");
	check_str("framework: theme 4 name", fw->themes[3].name,
	    "Samenwerking");
	check_str("framework: theme 5 statement", fw->themes[4].statement,
	    "indien nodig moeten zorg en ondersteuning langdurig kunnen "
	    "worden ingezet, in wisselende aard en intensiteit");
	check_str("framework: criterion 4.1", fw->themes[3].criteria[0].text,
	    "Coördinatie");
	ind = framework_indicator(fw, "3.2.1");
	check_str("framework: 3.2.1 text", ind ? ind->text : NULL,
	    "In de aanpak is er één centrale persoon voor het gezin die de "
	    "intensieve zorg en ondersteuning aan het gezin op elkaar "
	    "afstemt (de regisseur)");
	CHECK("framework: 3.2.1 knows its criterion",
	    ind != NULL && strcmp(ind->criterion->id, "3.2") == 0 &&
	    strcmp(ind->criterion->theme->name, "Aanpak") == 0);
	CHECK("framework: unknown id", framework_indicator(fw, "9.9.9") == NULL);
	for (i = 0; i < fw->nindicators; i++) {
		ind = fw->indicators[i];
		if (ind->question[ROLE_GEMEENTE] != NULL &&
		    (ind->question[ROLE_NETWERKPARTNER] == NULL) ==
		    is_gemeente_only(ind->id))
			roles_ok++;
		if (ind->question[ROLE_GEMEENTE] != NULL &&
		    ind->question[ROLE_GEMEENTE]->toelichting != NULL)
			toel++;
		if (ind->index != i)
			roles_ok = 0;
	}
	CHECK("framework: gemeente asked all, partners all but six",
	    roles_ok == 30);
	CHECK("framework: toelichting asked of the gemeente everywhere",
	    toel == 30);
	CHECK("framework: 30 and 24 questions",
	    questionnaire_count(fw, ROLE_GEMEENTE) == 30 &&
	    questionnaire_count(fw, ROLE_NETWERKPARTNER) == 24);
	check_str("framework: 1.1.1 rule",
	    framework_indicator(fw, "1.1.1")->rule, "agreement");
	check_str("framework: 3.1.3 rule",
	    framework_indicator(fw, "3.1.3")->rule, "agreement");
	check_str("framework: 3.1.1 rule",
	    framework_indicator(fw, "3.1.1")->rule, "municipality");
	check_str("framework: 5.2.1 rule",
	    framework_indicator(fw, "5.2.1")->rule, "majority");
	/* -- step 11: voice -- the calibration is the framework's */
	CHECK("framework: majority calibrated by <rules>",
	    framework_indicator(fw, "5.2.1")->params != NULL &&
	    framework_indicator(fw, "5.2.1")->params->tie == FW_TIE_X &&
	    framework_indicator(fw, "5.2.1")->params->support ==
	    (FW_ANSWER_BIT(ANSWER_JA) | FW_ANSWER_BIT(ANSWER_DEELS)) &&
	    framework_indicator(fw, "5.2.1")->params->veto ==
	    FW_ANSWER_BIT(ANSWER_NEE));
	CHECK("framework: agreement has no LET OP answers",
	    framework_indicator(fw, "1.1.1")->params != NULL &&
	    framework_indicator(fw, "1.1.1")->params->letop == 0);
	CHECK("framework: scale has five options",
	    fw->nscales == 1 && fw->scales[0].noptions == 5 &&
	    fw->scales[0].options[3].code == ANSWER_WEET_NIET &&
	    strcmp(fw->scales[0].options[4].label, "n.v.t.") == 0);
	CHECK("framework: definition", fw->ndefinition == 2 &&
	    fw->nitems == 3 && strcmp(fw->items[2].term, "Leefgebieden") == 0);
	CHECK("framework: a name that is no rule is not found",
	    assess_rule_find("x") == NULL);
	framework_free(fw);
	framework_free(NULL);
	diags_free(&d);
}

/*
 * Every rule="" in a framework XML, read as text (not through
 * framework_load, which refuses unknown rules before a test could see
 * them): 1 when each names a rule of the table that has an
 * implementation. *n counts the names.
 */
static int
rules_known(const char *path, size_t *n)
{
	struct diags       d;
	struct fw_indicator ind;
	struct assess_proposal p;
	xmlDocPtr          doc;
	xmlXPathContextPtr ctx = NULL;
	xmlXPathObjectPtr  res = NULL;
	xmlChar           *name;
	int                i, ok = 0;

	diags_init(&d);
	memset(&ind, 0, sizeof(ind));
	if ((doc = xmlsafe_read_file(path, &d)) == NULL ||
	    (ctx = xmlXPathNewContext(doc)) == NULL ||
	    (res = xmlXPathEvalExpression(BAD_CAST "//@rule", ctx)) == NULL ||
	    res->nodesetval == NULL)
		goto out;
	ok = 1;
	for (i = 0; i < res->nodesetval->nodeNr; i++, (*n)++) {
		name = xmlNodeGetContent(res->nodesetval->nodeTab[i]);
		ind.rule = (const char *)name;
		if (assess_rule_find(ind.rule) == NULL ||
		    assess_indicator(&ind, NULL, 0, &p) == -1) {
			printf("  %s: rule '%s' is not in the table\n", path,
			    ind.rule);
			ok = 0;
		}
		xmlFree(name);
	}
out:
	xmlXPathFreeObject(res);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	diags_free(&d);
	return ok;
}

/* The rule of every indicator of every installed framework is known. */
static void
test_framework_rules(void)
{
	glob_t g;
	size_t i, n = 0;
	int    ok;

	ok = glob("framework/*.xml", 0, NULL, &g) == 0;
	for (i = 0; ok && i < g.gl_pathc; i++)
		ok = rules_known(g.gl_pathv[i], &n);
	CHECK("framework: every rule the installed frameworks name is known",
	    ok && n >= 30);
	globfree(&g);
}

static void
test_framework_set(void)
{
	const char *const dirs[] = { "framework", "tests/fixtures/frameworks" };
	struct framework_set set;
	struct diags         d;
	const struct framework *a, *b;

	diags_init(&d);
	CHECK("set: both dirs load", framework_set_load(&set, dirs, 2,
	    "framework/stj-framework.xsd", &d) == 0 && d.n == 0);
	CHECK("set: three versions side by side", set.n == 3 &&
	    strcmp(set.v[0]->version, "2013") == 0 &&
	    strcmp(set.v[1]->version, "2015") == 0 &&
	    strcmp(set.v[2]->version, "2016") == 0);
	a = framework_set_find(&set, "stj-ggsr");
	b = framework_set_find(&set, "stj-ggsr@2013");
	CHECK("set: newest by default", a && strcmp(a->version, "2016") == 0);
	CHECK("set: exact version", b && b->nindicators == 30);
	CHECK("set: absent", framework_set_find(&set, "stj-x") == NULL &&
	    framework_set_find(&set, "stj-ggsr@2010") == NULL);
	CHECK("set: rename kept", a && strcmp(framework_indicator(a,
	    "2.1.1")->renamed_from, "4.1.2") == 0);
	framework_set_free(&set);

	/* The same directory twice gives the same id and version twice. */
	{
		const char *const twice[] = { "framework", "framework" };
		char *s;
		CHECK("set: duplicate id+version refused",
		    framework_set_load(&set, twice, 2,
		    "framework/stj-framework.xsd", &d) == -1 && set.n == 2);
		s = diags_text(&d);
		check_str("set: duplicate message", s,
		    "framework/stj-ggsr-2013.xml: framework stj-ggsr version "
		    "2013 is also defined in framework/stj-ggsr-2013.xml\n"
		    "framework/stj-ggsr-2015.xml: framework stj-ggsr version "
		    "2015 is also defined in framework/stj-ggsr-2015.xml\n");
		free(s);
		framework_set_free(&set);
	}
	diags_free(&d);
}

/* Proposal for answers written as "G:ja P:nee P:deels" under rule. */
static const char *
propose(const char *rule, const char *spec)
{
	static char               out[8];
	struct fw_indicator       ind;
	struct assess_answer      a[8];
	struct assess_proposal    p;
	char                      buf[128], *tok, *save = NULL;
	size_t                    n = 0;

	memset(&ind, 0, sizeof(ind));
	ind.rule = rule;
	snprintf(buf, sizeof(buf), "%s", spec);
	for (tok = strtok_r(buf, " ", &save); tok && n < 8;
	    tok = strtok_r(NULL, " ", &save)) {
		a[n].role = tok[0] == 'G' ? ROLE_GEMEENTE : ROLE_NETWERKPARTNER;
		a[n].value = answer_from_code(tok + 2);
		n++;
	}
	if (assess_indicator(&ind, a, n, &p) == -1)
		return "error";
	snprintf(out, sizeof(out), "%c%s", verdict_code(p.verdict),
	    p.letop ? "+" : "");
	return out;
}

static void
test_rules(void)
{
	/* majority */
	check_str("rule majority: all ja", propose("majority",
	    "G:ja P:ja P:ja P:ja"), "V");
	check_str("rule majority: one dissenting partner gives LET OP",
	    propose("majority", "G:ja P:ja P:ja P:nee"), "V+");
	check_str("rule majority: two of four nee is a tie, X",
	    propose("majority", "G:ja P:nee P:ja P:nee"), "X");
	check_str("rule majority: deels is support, no tie",
	    propose("majority", "G:ja P:deels P:ja P:deels"), "V+");
	check_str("rule majority: three of four nee",
	    propose("majority", "G:ja P:nee P:nee P:nee"), "X");
	check_str("rule majority: gemeente nee decides a tie",
	    propose("majority", "G:nee P:ja P:ja P:nee"), "X");
	check_str("rule majority: gemeente nee alone",
	    propose("majority", "G:nee P:ja P:ja P:ja"), "X");
	check_str("rule majority: gemeente n.v.t. is no verdict",
	    propose("majority", "G:nvt P:ja P:nee"), "-");
	check_str("rule majority: weet niet is not nee",
	    propose("majority", "G:ja P:weet-niet P:weet-niet P:weet-niet"),
	    "V");
	check_str("rule majority: all weet niet",
	    propose("majority", "G:weet-niet P:weet-niet P:weet-niet"), "X+");
	check_str("rule majority: only the gemeente answered",
	    propose("majority", "G:ja"), "V");
	check_str("rule majority: no partners, gemeente deels",
	    propose("majority", "G:deels"), "V+");
	check_str("rule majority: no gemeente answer, partners decide",
	    propose("majority", "P:nee P:nee P:ja"), "X");
	check_str("rule majority: nothing answered", propose("majority", ""),
	    "X+");
	/* agreement */
	check_str("rule agreement: all agree", propose("agreement",
	    "G:ja P:ja P:ja P:ja"), "V");
	check_str("rule agreement: one divergent, no LET OP",
	    propose("agreement", "G:ja P:deels P:ja P:ja"), "V");
	check_str("rule agreement: split 2-2",
	    propose("agreement", "G:ja P:deels P:deels P:ja"), "X");
	check_str("rule agreement: gemeente disagrees",
	    propose("agreement", "G:nee P:ja P:ja P:ja"), "X");
	/* municipality */
	check_str("rule municipality: ja", propose("municipality", "G:ja"), "V");
	check_str("rule municipality: deels", propose("municipality",
	    "G:deels"), "V+");
	check_str("rule municipality: nee", propose("municipality", "G:nee"),
	    "X");
	check_str("rule municipality: n.v.t.", propose("municipality",
	    "G:nvt"), "-");
	check_str("rule municipality: weet niet", propose("municipality",
	    "G:weet-niet"), "X+");
	check_str("rule: unknown rule", propose("gemiddelde", "G:ja"), "error");
}

/*
 * Drafted finding and LET OP for "G:ja P:nee ..." (an answer may carry a
 * toelichting after '=', with '_' for spaces), as "finding|letop".
 */
static char *
draft(const struct phrases *ph, const char *spec)
{
	struct assess_answer   a[8];
	struct assess_proposal p;
	struct fw_indicator    ind;
	char                   buf[256], *tok, *save = NULL, *eq, *f, *l, *out;
	size_t                 n = 0, i;

	memset(&ind, 0, sizeof(ind));
	ind.rule = "majority";
	snprintf(buf, sizeof(buf), "%s", spec);
	for (tok = strtok_r(buf, " ", &save); tok && n < 8;
	    tok = strtok_r(NULL, " ", &save)) {
		memset(&a[n], 0, sizeof(a[n]));
		if ((eq = strchr(tok, '=')) != NULL) {
			*eq++ = '\0';
			for (i = 0; eq[i]; i++)
				if (eq[i] == '_')
					eq[i] = ' ';
			a[n].toelichting = eq;
		}
		a[n].role = tok[0] == 'G' ? ROLE_GEMEENTE : ROLE_NETWERKPARTNER;
		a[n].organisation = tok[0] == 'G' ? "Gemeente Leeuwarden" :
		    "Leger des Heils";
		a[n].value = answer_from_code(tok + 2);
		n++;
	}
	assess_indicator(&ind, a, n, &p);
	assess_draft(ph, a, n, &p, &f, &l);
	out = xasprintf("%s|%s", f, l ? l : "");
	free(f);
	free(l);
	return out;
}

static void
check_draft(const struct phrases *ph, const char *name, const char *spec,
    const char *want)
{
	char *got = draft(ph, spec);

	check_str(name, got, want);
	free(got);
}

static void
test_drafts(void)
{
	struct diags    d;
	struct phrases *ph;

	diags_init(&d);
	ph = phrases_load("templates/findings-nl.xml", "templates/phrases.xsd",
	    &d);
	CHECK("draft: phrase book loads", ph != NULL && d.n == 0);
	diags_free(&d);
	if (ph == NULL)
		return;
	check_draft(ph, "draft: all agree", "G:ja P:ja P:ja P:ja",
	    "Alle ondervraagden geven aan dat dit zo is.|");
	/* The LET OP says what the finding does not: no count twice. */
	check_draft(ph, "draft: one dissenting partner",
	    "G:ja P:ja P:ja P:nee",
	    "De gemeente en twee netwerkpartners geven aan dat dit zo is.|"
	    "LET OP: Eén netwerkpartner geeft aan dat dit niet zo is.");
	check_draft(ph, "draft: a deels beside ja is no split, as "
	    "Leeuwarden IG 3.4.2", "G:ja P:deels P:ja P:deels",
	    "De gemeente en één netwerkpartner geven aan dat dit zo is.|"
	    "LET OP: Twee netwerkpartners geven aan dat dit deels zo is.");
	check_draft(ph, "draft: a tie, as Leeuwarden VIG 4.2.3",
	    "G:ja P:nee P:ja P:nee",
	    "Tussen de ondervraagden bestaat hierover geen overeenstemming. "
	    "De gemeente en één netwerkpartner geven aan dat dit zo is. "
	    "Twee netwerkpartners geven aan dat dit niet zo is.|");
	check_draft(ph, "draft: the gemeente's nee against the partners, "
	    "as Leeuwarden IG 5.2.1", "G:nee P:ja P:ja P:deels",
	    "De ondervraagden zijn hierover verdeeld. De gemeente geeft aan "
	    "dat dit niet zo is. Twee netwerkpartners geven aan dat dit zo "
	    "is. Eén netwerkpartner geeft aan dat dit deels zo is.|");
	check_draft(ph, "draft: all nee is no split", "G:nee P:nee",
	    "Alle ondervraagden geven aan dat dit niet zo is.|");
	check_draft(ph, "draft: only the gemeente", "G:deels",
	    "De gemeente geeft aan dat dit deels zo is.|"
	    "LET OP: Dit is nog niet volledig gerealiseerd.");
	check_draft(ph, "draft: not applicable", "G:nvt P:ja",
	    "De gemeente geeft aan dat dit niet van toepassing is op deze "
	    "aanpak.|");
	check_draft(ph, "draft: nobody knows", "G:weet-niet P:weet-niet",
	    "Geen van de ondervraagden heeft deze vraag inhoudelijk "
	    "beantwoord.|LET OP: Dat niemand het weet, betekent dat niet is "
	    "aangetoond dat dit geregeld is.");
	check_draft(ph, "draft: weet niet is said last", "P:weet-niet G:ja",
	    "De gemeente geeft aan dat dit zo is. Eén netwerkpartner geeft "
	    "aan dit niet te weten.|");
	/* The respondents' words stay in the workbench, names too. */
	check_draft(ph, "draft: no toelichting, no organisation",
	    "P:ja=Via_het_Veiligheidshuis. G:ja=Er_zijn_vijf_meldpunten.",
	    "Alle ondervraagden geven aan dat dit zo is.|");
	phrases_free(ph);
}

/* What render_tsv_cell (kind >= 0) or render_text (-1) writes for s. */
static char *
rendered(const char *s, int kind)
{
	char  *buf = NULL;
	size_t len = 0;
	FILE  *f = open_memstream(&buf, &len);

	if (kind >= 0)
		render_tsv_cell(f, s, (enum render_cell)kind);
	else
		render_text(f, s);
	fclose(f);
	return buf;
}

static void
check_rendered(const char *name, const char *s, int kind, const char *want)
{
	char *got = rendered(s, kind);

	check_str(name, got, want);
	free(got);
}

static void
test_render(void)
{
	char  *buf = NULL;
	size_t len = 0, cols;
	FILE  *f;

	check_rendered("tsv: tab, newline, CR, backslash",
	    "a\tb\nc\rd\\e", RENDER_CELL_CODE, "a\\tb\\nc\\rd\\\\e");
	check_rendered("tsv: ESC, BEL, BS, DEL as \\xHH",
	    "\033]52;c;x\007\b\177", RENDER_CELL_CODE,
	    "\\x1b]52;c;x\\x07\\x08\\x7f");
	check_rendered("tsv: C1 U+009B per byte, letters kept",
	    "\xc2\x9b\xc3\xa9\xe2\x88\x9a", RENDER_CELL_CODE,
	    "\\xc2\\x9b\xc3\xa9\xe2\x88\x9a");
	check_rendered("tsv: bytes that are not UTF-8",
	    "a\xff\xc3", RENDER_CELL_CODE, "a\\xff\\xc3");
	check_rendered("tsv: formula text gets a quote", "=1+1",
	    RENDER_CELL_TEXT, "'=1+1");
	check_rendered("tsv: + text gets a quote", "+31", RENDER_CELL_TEXT,
	    "'+31");
	check_rendered("tsv: @ text", "@SUM(A1)", RENDER_CELL_TEXT,
	    "'@SUM(A1)");
	check_rendered("tsv: leading tab text", "\t=1", RENDER_CELL_TEXT,
	    "'\\t=1");
	check_rendered("tsv: '-' as a code stays", "-", RENDER_CELL_CODE, "-");
	check_rendered("tsv: '-' as text gets a quote", "-", RENDER_CELL_TEXT,
	    "'-");
	check_rendered("tsv: = inside text stays", "a=b", RENDER_CELL_TEXT,
	    "a=b");
	check_rendered("tsv: empty", "", RENDER_CELL_TEXT, "");
	check_rendered("tsv: NULL is an empty cell", NULL, RENDER_CELL_TEXT, "");
	check_rendered("text: escapes, backslash kept",
	    "C:\\x\t\033[2J\n", -1, "C:\\x\\t\\x1b[2J\\n");
	f = open_memstream(&buf, &len);
	cols = render_text(f, "\xc3\xa9\033");
	cols += render_text(f, NULL);
	render_text_lines(f, "  ", "een\r\ntwee\033\n\ndrie\n");
	fclose(f);
	CHECK("text: columns counted as written", cols == 5);
	check_str("text: lines indented, CRLF ends a line", buf,
	    "\xc3\xa9\\x1b  een\n  twee\\x1b\n  \n  drie\n");
	free(buf);
}

static void
test_xmlsafe(void)
{
	static const char laughs[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE a [<!ENTITY x \"xxxxxxxxxx\">"
	    "<!ENTITY y \"&x;&x;&x;&x;&x;&x;&x;&x;&x;&x;\">]>\n"
	    "<a>&y;</a>\n";
	static const char fine[] = "<a b=\"&amp;\">t&#233;&lt;</a>";
	static const char undefined[] = "<a>\n&geheim;</a>";
	struct diags d;
	xmlDocPtr    doc;
	char        *s;

	diags_init(&d);
	doc = xmlsafe_read_memory(laughs, sizeof(laughs) - 1, "m.xml", &d);
	s = diags_text(&d);
	CHECK("xmlsafe: entity document refused", doc == NULL);
	check_str("xmlsafe: refused at the DOCTYPE line", s,
	    "m.xml:2: DOCTYPE declarations are not allowed (no DTDs, no "
	    "entities): document refused\n");
	free(s);
	diags_free(&d);

	doc = xmlsafe_read_memory(fine, sizeof(fine) - 1, "ok.xml", &d);
	CHECK("xmlsafe: plain document parses", doc != NULL && d.n == 0);
	xmlFreeDoc(doc);

	doc = xmlsafe_read_memory(undefined, sizeof(undefined) - 1, "u.xml",
	    &d);
	s = diags_text(&d);
	CHECK("xmlsafe: undefined entity refused", doc == NULL);
	check_str("xmlsafe: undefined entity message", s,
	    "u.xml:2: Entity 'geheim' not defined\n");
	free(s);
	diags_free(&d);
}

static void
test_store(void)
{
	char          path[] = "tests/tmp/unit-store-XXXXXX";
	char         *db;
	struct diags  d;
	struct store *s;
	sqlite3      *raw;
	int           fd;

	diags_init(&d);
	if ((fd = mkstemp(path)) == -1) {
		CHECK("store: temp file", 0);
		return;
	}
	close(fd);
	unlink(path);
	db = xasprintf("%s.db", path);
	s = store_open(db, STORE_CREATE, &d);
	CHECK("store: creates schema", s && store_schema_version(s) ==
	    STORE_SCHEMA_VERSION);
	store_close(s);
	s = store_open(db, STORE_WRITE, &d);
	CHECK("store: reopens", s && store_schema_version(s) ==
	    STORE_SCHEMA_VERSION && d.n == 0);
	store_close(s);

	sqlite3_open(db, &raw);
	sqlite3_exec(raw, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(raw);
	s = store_open(db, STORE_READ, &d);
	CHECK("store: newer schema refused", s == NULL && d.n == 1 &&
	    strstr(d.v[0].text, "version 99 is newer") != NULL);
	store_close(s);
	diags_free(&d);
	unlink(db);
	free(db);
}

/* Marks for every indicator of fw: 'V', except ids listed in x ('X'). */
static char *
marks_for(const struct framework *fw, const char *const *x)
{
	char  *m = xcalloc(fw->nindicators + 1, 1);
	size_t k, i;

	for (k = 0; k < fw->nindicators; k++) {
		m[k] = 'V';
		for (i = 0; x[i] != NULL; i++)
			if (strcmp(fw->indicators[k]->id, x[i]) == 0)
				m[k] = 'X';
	}
	return m;
}

/* The row of approach a and (later or earlier) indicator id, or NULL. */
static const struct progress_row *
row_of(const struct progress *p, const char *a, const char *id)
{
	size_t k;

	for (k = 0; k < p->n; k++)
		if (strcmp(p->rows[k].approach, a) == 0 &&
		    strcmp((p->rows[k].to ? p->rows[k].to :
		    p->rows[k].from)->id, id) == 0)
			return &p->rows[k];
	return NULL;
}

/*
 * progress_compare between the bundled 2013 framework and the test 2014
 * one (4.2.3 renamed to 4.3.2, 5.3.2 new), both ways, with an approach
 * that only one round has.
 */
static void
test_progress(void)
{
	static const char *const x13[] = { "3.2.2", "4.2.3", NULL };
	static const char *const x14[] = { "1.2.1", NULL };
	static const char *const none[] = { NULL };
	struct framework *old, *new;
	struct diags      d;
	struct progress   p;
	const struct progress_row *r;
	char             *m13, *m14, *m14b;
	int               l13[40] = { 0 }, l14[40] = { 0 }, then, now;

	diags_init(&d);
	old = framework_load("framework/stj-ggsr-2013.xml",
	    "framework/stj-framework.xsd", &d);
	new = framework_load("tests/fixtures/progress/frameworks/"
	    "stj-ggsr-2014.xml", "framework/stj-framework.xsd", &d);
	CHECK("progress: frameworks load", old != NULL && new != NULL);
	if (old == NULL || new == NULL) {
		framework_free(old);
		framework_free(new);
		diags_free(&d);
		return;
	}
	m13 = marks_for(old, x13);
	m14 = marks_for(new, x14);
	m14b = marks_for(new, none);
	l13[framework_indicator(old, "3.2.2")->index] = 1;
	{
		const char *a13[] = { "A", "Oud" }, *a14[] = { "A", "Nieuw" };
		const char *mk13[] = { m13, m13 }, *mk14[] = { m14, m14b };
		const int  *lt13[] = { l13, l13 }, *lt14[] = { l14, l14 };
		struct progress_round from = { old, 2013, a13, 2, mk13, lt13,
		    NULL, NULL, NULL, 0, 0 };
		struct progress_round to = { new, 2014, a14, 2, mk14, lt14,
		    NULL, NULL, NULL, 0, 0 };

		progress_compare(&from, &to, &p);
		CHECK("progress: rows", p.n == 31 + 31 + 30);
		r = row_of(&p, "A", "1.2.1");
		CHECK("progress: V to X is verslechterd", r != NULL &&
		    r->status == PROGRESS_VERSLECHTERD);
		r = row_of(&p, "A", "3.2.2");
		CHECK("progress: X to V is verbeterd, LET OP resolved",
		    r != NULL && r->status == PROGRESS_VERBETERD &&
		    r->letop_van && !r->letop_naar);
		r = row_of(&p, "A", "4.3.2");
		CHECK("progress: 4.3.2 continues renamed 4.2.3 (X then, V now)",
		    r != NULL && r->from != NULL &&
		    strcmp(r->from->id, "4.2.3") == 0 && r->van == 'X' &&
		    r->naar == 'V' && r->status == PROGRESS_VERBETERD);
		r = row_of(&p, "A", "5.3.2");
		CHECK("progress: a new indicator is nieuw", r != NULL &&
		    r->from == NULL && r->van == 0 &&
		    r->status == PROGRESS_NIEUW);
		r = row_of(&p, "Nieuw", "1.1.1");
		CHECK("progress: a new approach is nieuw", r != NULL &&
		    r->status == PROGRESS_NIEUW);
		r = row_of(&p, "Oud", "1.1.1");
		CHECK("progress: a dropped approach is vervallen", r != NULL &&
		    r->to == NULL && r->status == PROGRESS_VERVALLEN);
		CHECK("progress: rows end with the dropped approach",
		    p.rows[p.n - 1].to == NULL &&
		    strcmp(p.rows[p.n - 1].approach, "Oud") == 0);
		progress_count(&p, "4", &then, &now);
		CHECK("progress: Samenwerking counts", then == 2 && now == 0);
		progress_free(&p);

		/* The other way round: 4.3.2 and 5.3.2 are vervallen. */
		progress_compare(&to, &from, &p);
		r = row_of(&p, "A", "5.3.2");
		CHECK("progress: backwards, 5.3.2 is vervallen", r != NULL &&
		    r->to == NULL && r->status == PROGRESS_VERVALLEN);
		r = row_of(&p, "A", "4.2.3");
		CHECK("progress: backwards, 4.2.3 is nieuw", r != NULL &&
		    r->status == PROGRESS_NIEUW);
		progress_free(&p);
	}
	free(m13);
	free(m14);
	free(m14b);
	framework_free(old);
	framework_free(new);
	diags_free(&d);
}

/* -- step 10: accounts -- */

/*
 * The roles' policy, whole: per role and round (kind, state, whose), one
 * letter per action in enum action's order: o ACCESS_OK, d ACCESS_DENIED,
 * h ACCESS_HIDDEN. A new action fails here until the table has it.
 */
static void
test_access(void)
{
	/* ACCOUNTS SEE READ LOG FACTSHEET PROGRESS EDIT STATE IMPORT INVITE
	 * ROUND_NEW REACT PROGRESS_NOTE */
	static const struct {
		enum access_role role;
		const char      *round;   /* kind/state/municipality; "-": none */
		const char      *want;
	} t[] = {
		{ ACCESS_BEHEERDER,  "-",                       "odddddddddddd" },
		{ ACCESS_BEHEERDER,  "toezicht/concept/L",      "odddddddddddd" },
		{ ACCESS_BEHEERDER,  "zelfevaluatie/concept/L", "odddddddddddd" },
		{ ACCESS_INSPECTEUR, "-",                       "doooooooooodo" },
		{ ACCESS_INSPECTEUR, "toezicht/concept/L",      "doooooooooodo" },
		{ ACCESS_INSPECTEUR, "toezicht/wederhoor/O",    "doooooooooodo" },
		{ ACCESS_INSPECTEUR, "toezicht/vastgesteld/L",  "doooooooooodo" },
		{ ACCESS_INSPECTEUR, "zelfevaluatie/concept/L", "doooooooooodo" },
		{ ACCESS_LEZER,      "-",                       "doooooddddddd" },
		{ ACCESS_LEZER,      "toezicht/concept/O",      "doooooddddddd" },
		{ ACCESS_LEZER,      "toezicht/vastgesteld/L",  "doooooddddddd" },
		{ ACCESS_LEZER,      "zelfevaluatie/wederhoor/L", "doooooddddddd" },
		{ ACCESS_GEMEENTE,   "-",                       "hhhhhhhhhhhhh" },
		{ ACCESS_GEMEENTE,   "toezicht/concept/L",      "hhhhhhhhhhhhh" },
		{ ACCESS_GEMEENTE,   "toezicht/wederhoor/L",    "hohhohhhhhhoh" },
		{ ACCESS_GEMEENTE,   "toezicht/vastgesteld/L",  "hohhoohhhhhho" },
		{ ACCESS_GEMEENTE,   "zelfevaluatie/concept/L", "hooooooooooho" },
		{ ACCESS_GEMEENTE,   "zelfevaluatie/wederhoor/L", "hooooooooooho" },
		{ ACCESS_GEMEENTE,   "zelfevaluatie/vastgesteld/L",
		                                                "hooooooooooho" },
		/* Another municipality, in any spelling but its own. */
		{ ACCESS_GEMEENTE,   "toezicht/vastgesteld/O",  "hhhhhhhhhhhhh" },
		{ ACCESS_GEMEENTE,   "zelfevaluatie/concept/O", "hhhhhhhhhhhhh" },
		{ ACCESS_GEMEENTE,   "toezicht/wederhoor/l",    "hohhohhhhhhoh" },
	};
	static const char letter[] = { [ACCESS_OK] = 'o',
	    [ACCESS_DENIED] = 'd', [ACCESS_HIDDEN] = 'h' };
	struct round_info r;
	struct actor      a;
	char              kind[32], state[32], mun[32], got[ACT__COUNT + 1];
	char              name[128];
	size_t            i;
	int               k, bad;
	enum access_role  role;
	enum round_state  st;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		a.name = "x";
		a.role = t[i].role;
		a.municipality = "Leeuwarden";
		memset(&r, 0, sizeof(r));
		bad = strlen(t[i].want) != ACT__COUNT;
		if (strcmp(t[i].round, "-") != 0) {
			bad |= sscanf(t[i].round, "%31[^/]/%31[^/]/%31s", kind,
			    state, mun) != 3 || access_state_parse(state, &st);
			r.self_assessment = strcmp(kind, "zelfevaluatie") == 0;
			r.state = st;
			r.municipality = strcmp(mun, "L") == 0 ? "Leeuwarden" :
			    strcmp(mun, "l") == 0 ? "LEEUWARDEN " : "Oosterhout";
		}
		for (k = 0; k < ACT__COUNT; k++)
			got[k] = letter[access_check(&a, (enum action)k,
			    strcmp(t[i].round, "-") ? &r : NULL)];
		got[k] = '\0';
		snprintf(name, sizeof(name), "access: %s on %s",
		    access_role_name(t[i].role), t[i].round);
		if (bad)
			CHECK(name, !bad);
		else
			check_str(name, got, t[i].want);
	}
	CHECK("access: no actor is hidden",
	    access_check(NULL, ACT_SEE_ROUND, NULL) == ACCESS_HIDDEN);
	CHECK("access: a gemeente without municipality sees nothing",
	    (a.role = ACCESS_GEMEENTE, a.municipality = NULL,
	    access_check(&a, ACT_SEE_ROUND, &r)) == ACCESS_HIDDEN);
	CHECK("access: roles by name", access_role_parse("lezer", &role) ==
	    0 && role == ACCESS_LEZER && access_role_parse("Lezer", &role) ==
	    -1 && strcmp(access_role_name(ACCESS_GEMEENTE), "gemeente") == 0);
}

/* A fresh database in tests/tmp for the account tests (new path). */
static char *
account_db(struct store **s, struct diags *d)
{
	char path[] = "tests/tmp/unit-account-XXXXXX";
	char *db;
	int   fd;

	if ((fd = mkstemp(path)) == -1)
		return NULL;
	close(fd);
	unlink(path);
	db = xasprintf("%s.db", path);
	*s = store_open(db, STORE_CREATE, d);
	return db;
}

/*
 * Lock-out: five wrong passwords lock the account for 15 minutes (a
 * locked account is not even checked); after that the right one logs in
 * and resets the count. Eight Argon2id hashes: a few seconds.
 */
static void
test_account_verify(struct store *s, time_t t0)
{
	enum account_login res;
	struct account     a;
	struct diags       d;
	int                i, ok = 1;

	diags_init(&d);
	for (i = 1; i <= 4; i++) {
		ok &= account_verify(s, "Anna", "wrong password!", "192.0.2.1",
		    t0 + i, &res, &a, &d) == 0 && res == LOGIN_BAD;
		account_clear(&a);
	}
	CHECK("account: 4 wrong passwords are refused, not locked", ok);
	CHECK("account: the 5th locks for 15 minutes",
	    account_verify(s, "anna", "wrong password!", "192.0.2.1", t0 + 5,
	    &res, &a, &d) == 0 && res == LOGIN_LOCKED &&
	    a.locked_until == t0 + 5 + 15 * 60);
	account_clear(&a);
	CHECK("account: locked, even the right password is refused",
	    account_verify(s, "anna", "correct horse battery", "192.0.2.1",
	    t0 + 15 * 60, &res, &a, &d) == 0 && res == LOGIN_LOCKED);
	account_clear(&a);
	CHECK("account: after the lock the right password logs in",
	    account_verify(s, "anna", "correct horse battery", "192.0.2.1",
	    t0 + 5 + 15 * 60, &res, &a, &d) == 0 && res == LOGIN_OK &&
	    a.role == ACCESS_INSPECTEUR && a.failed == 0 &&
	    a.locked_until == 0 && a.last_login != NULL &&
	    strcmp(a.last_login, "2013-06-01T00:15:05Z") == 0);
	account_clear(&a);
	CHECK("account: an unknown name is refused like a wrong password",
	    account_verify(s, "bert", "correct horse battery", NULL, t0, &res,
	    &a, &d) == 0 && res == LOGIN_BAD && a.name == NULL);
	CHECK("account: no diagnostics", d.n == 0);
	diags_free(&d);
}

/*
 * Sessions: idle expiry moves on with each request (written at most once
 * a minute), absolute expiry does not; logout, disable and
 * session_end_all end them; only the hash of the token is stored.
 */
static void
test_sessions(struct store *s, const char *db, time_t t0)
{
	struct session_info x;
	struct diags        d;
	char                tok[SESSION_TOKEN_LEN], csrf[SESSION_TOKEN_LEN];
	char                tok2[SESSION_TOKEN_LEN], bad[SESSION_TOKEN_LEN];
	int                 ok = 1, i, n;
	sqlite3            *raw;
	sqlite3_stmt       *st;

	diags_init(&d);
	CHECK("session: new", session_new(s, "ANNA", t0, tok, csrf, &d) == 0 &&
	    strlen(tok) == 43 && strlen(csrf) == 43 && strcmp(tok, csrf) != 0);
	CHECK("session: found, with its account and csrf",
	    session_find(s, tok, t0 + 29 * 60, &x, &d) == 0 &&
	    strcmp(x.account, "anna") == 0 && x.role == ACCESS_INSPECTEUR &&
	    strcmp(x.csrf, csrf) == 0 && x.expires == t0 + 59 * 60);
	session_info_clear(&x);
	CHECK("session: 30 minutes idle ends it",
	    session_find(s, tok, t0 + 59 * 60, &x, &d) == 1 &&
	    session_find(s, tok, t0 + 30 * 60, &x, &d) == 1);
	/* Active all day: the absolute expiry after 12 hours. */
	session_new(s, "anna", t0, tok, csrf, &d);
	for (i = 1; i < 12 * 3; i++) {
		ok &= session_find(s, tok, t0 + i * 20 * 60, &x, &d) == 0;
		session_info_clear(&x);
	}
	CHECK("session: active, it lasts 12 hours", ok);
	CHECK("session: then it ends", session_find(s, tok, t0 + 12 * 3600,
	    &x, &d) == 1);
	memcpy(bad, tok, sizeof(bad));
	session_new(s, "anna", t0, tok, csrf, &d);
	session_new(s, "anna", t0, tok2, csrf, &d);
	bad[0] = bad[0] == 'A' ? 'B' : 'A';
	CHECK("session: a malformed or unknown token finds none",
	    session_find(s, "x", t0, &x, &d) == 1 &&
	    session_find(s, bad, t0, &x, &d) == 1 &&
	    session_find(s, NULL, t0, &x, &d) == 1);
	CHECK("session: logout ends one", session_end(s, tok, &d) == 0 &&
	    session_find(s, tok, t0 + 1, &x, &d) == 1 &&
	    session_find(s, tok2, t0 + 1, &x, &d) == 0);
	session_info_clear(&x);
	CHECK("session: disabling the account ends its sessions",
	    account_disable(s, "anna", "beheer", t0, &n, &d) == 0 && n == 1 &&
	    session_find(s, tok2, t0 + 2, &x, &d) == 1);
	account_enable(s, "anna", "beheer", t0, &d);
	session_new(s, "anna", t0, tok, csrf, &d);
	session_new(s, "anna", t0, tok2, csrf, &d);
	CHECK("session: session_end_all", session_end_all(s, "Anna", &n,
	    &d) == 0 && n == 2 && session_find(s, tok, t0, &x, &d) == 1);
	session_new(s, "anna", t0, tok, csrf, &d);
	/* What the table holds: the hash, never the token. */
	n = 0;
	if (sqlite3_open(db, &raw) == SQLITE_OK && sqlite3_prepare_v2(raw,
	    "SELECT id_hash FROM session", -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			n += sqlite3_column_bytes(st, 0) == 32 &&
			    memcmp(sqlite3_column_blob(st, 0), tok, 32) != 0;
		sqlite3_finalize(st);
	}
	sqlite3_close(raw);
	CHECK("session: stored hashed", n == 1);
	CHECK("session: no diagnostics", d.n == 0);
	diags_free(&d);
}

static void
test_ratelimit(void)
{
	struct ratelimit *r = ratelimit_new(3, 900, 2);
	time_t            t0 = 1370044800;

	ratelimit_fail(r, "192.0.2.1", t0);
	ratelimit_fail(r, "192.0.2.1", t0 + 1);
	CHECK("ratelimit: under the limit", ratelimit_wait(r, "192.0.2.1",
	    t0 + 2) == 0);
	ratelimit_fail(r, "192.0.2.1", t0 + 2);
	CHECK("ratelimit: at the limit, wait for the window",
	    ratelimit_wait(r, "192.0.2.1", t0 + 3) == 897 &&
	    ratelimit_wait(r, "192.0.2.2", t0 + 3) == 0);
	CHECK("ratelimit: the window ends", ratelimit_wait(r, "192.0.2.1",
	    t0 + 900) == 0);
	/* Two slots: a third address takes the least recently used. */
	ratelimit_fail(r, "192.0.2.2", t0 + 4);
	ratelimit_fail(r, "192.0.2.3", t0 + 5);
	CHECK("ratelimit: a full table reuses the oldest slot",
	    ratelimit_wait(r, "192.0.2.1", t0 + 6) == 0);
	ratelimit_free(r);
}

static void
test_accounts(void)
{
	struct store  *s = NULL;
	struct diags   d;
	struct account a;
	char          *db, *text;
	time_t         t0 = 1370044800;   /* 2013-06-01T00:00:00Z */

	diags_init(&d);
	if ((db = account_db(&s, &d)) == NULL || s == NULL) {
		CHECK("account: temp database", 0);
		free(db);
		return;
	}
	CHECK("account: add", account_add(s, "anna", ACCESS_INSPECTEUR, NULL,
	    "correct horse battery", "beheer", t0, &d) == 0);
	CHECK("account: a gemeente needs a stored municipality",
	    account_add(s, "lw", ACCESS_GEMEENTE, "Leeuwarden",
	    "correct horse battery", "beheer", t0, &d) == -1 && d.n == 1 &&
	    strcmp(d.v[0].text, "no municipality 'Leeuwarden' in the "
	    "database") == 0);
	diags_free(&d);
	CHECK("account: password rules",
	    account_password_check("anna", "elf tekens!", &d) == -1 &&
	    account_password_check("anna", "twaalf teken", &d) == 0 &&
	    account_password_check("ANNA ANNA AN", "anna anna an", &d) == -1 &&
	    account_password_check("anna", "\xef\xbd\x81\xef\xbd\x82"
	    "cdefghijk", &d) == -1 &&
	    account_password_check("anna", "tab\there and there", &d) == -1);
	text = diags_text(&d);
	check_str("account: password messages", text,
	    "stj: a password has at least 12 characters (this one has 11); "
	    "a few words make a good one\n"
	    "stj: the password is the account's name: choose another\n"
	    "stj: a password has at least 12 characters (this one has 11); "
	    "a few words make a good one\n"
	    "stj: the password holds control character U+0009: give plain "
	    "text\n");
	free(text);
	diags_free(&d);
	CHECK("account: find by key", account_find(s, " ANNA", &a, &d) == 0 &&
	    strcmp(a.name, "anna") == 0 && strcmp(a.created,
	    "2013-06-01T00:00:00Z") == 0 && a.last_login == NULL);
	account_clear(&a);
	test_account_verify(s, t0);
	test_sessions(s, db, t0);
	diags_free(&d);
	store_close(s);
	unlink(db);
	free(db);
}

int
main(void)
{
	xmlsafe_init();
	test_util();
	test_diag();
	test_answers();
	test_framework();
	test_framework_rules();
	test_framework_set();
	test_rules();
	test_drafts();
	test_render();
	test_xmlsafe();
	test_store();
	test_progress();
	/* -- step 10: accounts -- */
	test_access();
	test_ratelimit();
	test_accounts();
	xmlsafe_cleanup();
	return failures > 0;
}
