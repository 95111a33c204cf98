/*
 * assess_draft: drafted findings. See assess_draft.h.
 */
#include "assess_draft.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "util.h"
#include "xmlsafe.h"

enum { MAX_NUMBER = 3 };

struct phrases {
	struct arena *arena;
	const char   *number[MAX_NUMBER + 1];  /* "twee" */
	const char   *start[MAX_NUMBER + 1];   /* "Twee" */
	const char  **ids, **texts;
	size_t        n;
};

struct phrases *
phrases_load(const char *path, const char *xsd, struct diags *d)
{
	struct xmlsafe_schema *schema = NULL;
	struct phrases        *ph = NULL;
	xmlDocPtr              doc;
	xmlNode               *n;
	size_t                 k = 0;

	if ((doc = xmlsafe_read_file(path, d)) == NULL)
		return NULL;
	if ((schema = xmlsafe_schema_load(xsd, d)) == NULL ||
	    xmlsafe_validate(schema, doc, path, d) == -1)
		goto out;
	ph = xcalloc(1, sizeof(*ph));
	ph->arena = arena_new();
	for (n = xmlDocGetRootElement(doc)->children; n; n = n->next)
		ph->n += n->type == XML_ELEMENT_NODE;
	ph->ids = arena_alloc(ph->arena, ph->n * sizeof(char *));
	ph->texts = arena_alloc(ph->arena, ph->n * sizeof(char *));
	for (n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
		xmlChar *a, *b, *t;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		t = xmlNodeGetContent(n);
		if (strcmp((const char *)n->name, "number") == 0) {
			long v;
			a = xmlGetProp(n, (const xmlChar *)"n");
			b = xmlGetProp(n, (const xmlChar *)"start");
			v = strtol((const char *)a, NULL, 10);
			if (v >= 1 && v <= MAX_NUMBER) {
				ph->number[v] = arena_strdup_collapsed(ph->arena,
				    (const char *)t);
				ph->start[v] = arena_strdup_collapsed(ph->arena,
				    (const char *)b);
			}
			xmlFree(a);
			xmlFree(b);
		} else {
			a = xmlGetProp(n, (const xmlChar *)"id");
			ph->ids[k] = arena_strdup(ph->arena, (const char *)a);
			ph->texts[k++] = arena_strdup_collapsed(ph->arena,
			    (const char *)t);
			xmlFree(a);
		}
		xmlFree(t);
	}
	ph->n = k;
out:
	xmlsafe_schema_free(schema);
	xmlFreeDoc(doc);
	return ph;
}

void
phrases_free(struct phrases *ph)
{
	if (ph == NULL)
		return;
	arena_free(ph->arena);
	free(ph);
}

/* The phrase id; its own id in brackets when the book lacks it. */
static const char *
phrase(const struct phrases *ph, const char *id)
{
	size_t i;

	for (i = 0; i < ph->n; i++)
		if (strcmp(ph->ids[i], id) == 0)
			return ph->texts[i];
	return id;
}

/* A growing string. */
struct buf {
	char  *s;
	size_t len, cap;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->s == NULL || b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	if (n > 0)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/*
 * Appends tmpl with each "{key}" replaced by its value from keys/vals
 * (nkeys pairs); unknown keys stay as written.
 */
static void
expand(struct buf *b, const char *tmpl, const char *const *keys,
    const char *const *vals, size_t nkeys)
{
	const char *open, *close;
	size_t      i;

	while ((open = strchr(tmpl, '{')) != NULL &&
	    (close = strchr(open, '}')) != NULL) {
		buf_add(b, tmpl, (size_t)(open - tmpl));
		for (i = 0; i < nkeys; i++)
			if (strlen(keys[i]) == (size_t)(close - open - 1) &&
			    strncmp(keys[i], open + 1, strlen(keys[i])) == 0)
				break;
		if (i < nkeys)
			buf_add(b, vals[i], strlen(vals[i]));
		else
			buf_add(b, open, (size_t)(close - open + 1));
		tmpl = close + 1;
	}
	buf_add(b, tmpl, strlen(tmpl));
}

/* Who answered alike: the gemeente (0/1) and how many partners. */
struct group {
	enum answer answer;
	int         gemeente, partners;
};

static int
group_size(const struct group *g)
{
	return g->gemeente + g->partners;
}

/* "De gemeente en twee netwerkpartners geven aan dat dit zo is." */
static void
sentence(const struct phrases *ph, const struct group *g, int total,
    struct buf *out)
{
	static const char *const keys[] = { "wie", "werkwoord", "inhoud" };
	static const char *const nkeys[] = { "n", "N" };
	struct buf  who = { NULL, 0, 0 };
	const char *vals[3], *nvals[2], *id;
	/*
	 * cppcheck 2.10 concludes from one caller that partners < 1 here
	 * (knownConditionTrueFalse, suppressed for this file in make lint):
	 * other callers pass groups of one to three partners.
	 */
	int         p = g->partners > MAX_NUMBER ? MAX_NUMBER : g->partners;

	if (group_size(g) == total && total > 1)
		id = "alle";
	else if (g->gemeente && p == 0)
		id = "gemeente";
	else if (g->gemeente)
		id = p == 1 ? "gemeente-en-een" : "gemeente-en-meer";
	else
		id = p == 1 ? "partner-een" : "partner-meer";
	nvals[0] = p > 0 ? ph->number[p] : "";
	nvals[1] = p > 0 ? ph->start[p] : "";
	expand(&who, phrase(ph, id), nkeys, nvals, 2);
	vals[0] = who.s;
	vals[1] = phrase(ph, group_size(g) == 1 ? "werkwoord-enkelvoud" :
	    "werkwoord-meervoud");
	vals[2] = phrase(ph, answer_code(g->answer));
	expand(out, phrase(ph, "zin"), keys, vals, 3);
	free(who.s);
}

static void
add_line(struct buf *b)
{
	if (b->len > 0)
		buf_add(b, "\n", 1);
}

/* Groups the answers: ja, deels, nee, weet niet, in that order. */
static int
make_groups(const struct assess_answer *a, size_t n, struct group g[4])
{
	static const enum answer order[4] = { ANSWER_JA, ANSWER_DEELS,
	    ANSWER_NEE, ANSWER_WEET_NIET };
	size_t i, k;
	int    total = 0;

	for (k = 0; k < 4; k++) {
		memset(&g[k], 0, sizeof(g[k]));
		g[k].answer = order[k];
		for (i = 0; i < n; i++) {
			if (a[i].value != order[k])
				continue;
			if (a[i].role == ROLE_GEMEENTE)
				g[k].gemeente = 1;
			else
				g[k].partners++;
			total++;
		}
	}
	return total;
}

static void
who_said_what(const struct phrases *ph, const struct group g[4], int total,
    struct buf *out)
{
	int k, majority = 0, first = -1;
	int substantive = total - group_size(&g[3]);

	/* Divided: no substantive answer ('weet niet' is none) has most. */
	for (k = 0; k < 4; k++) {
		if (k < 3 && 2 * group_size(&g[k]) > substantive)
			majority = 1;
		if (g[k].gemeente)
			first = k;
	}
	if (!majority) {
		add_line(out);
		expand(out, phrase(ph, "verdeeld"), NULL, NULL, 0);
	}
	/* The gemeente's answer weighs most: it is said first. */
	if (first >= 0) {
		if (out->len > 0)
			buf_add(out, " ", 1);
		sentence(ph, &g[first], total, out);
	}
	for (k = 0; k < 4; k++)
		if (k != first && group_size(&g[k]) > 0) {
			if (out->len > 0)
				buf_add(out, " ", 1);
			sentence(ph, &g[k], total, out);
		}
}

static void
toelichtingen(const struct phrases *ph, const struct assess_answer *a,
    size_t n, struct buf *out)
{
	static const char *const keys[] = { "organisatie", "tekst" };
	const char *vals[2];
	size_t      i;
	int         pass;

	/* The gemeente's explanation first, then the partners'. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < n; i++) {
			if (a[i].toelichting == NULL ||
			    (a[i].role == ROLE_GEMEENTE) != (pass == 0))
				continue;
			vals[0] = a[i].organisation ? a[i].organisation : "";
			vals[1] = a[i].toelichting;
			add_line(out);
			expand(out, phrase(ph, "toelichting"), keys, vals, 2);
		}
}

static char *
draft_letop(const struct phrases *ph, const struct group g[4], int total,
    const struct assess_proposal *p)
{
	static const char *const keys[] = { "zin" };
	struct buf  zin = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	const char *vals[1];

	if (total == 0)
		expand(&zin, phrase(ph, "geen-antwoord"), NULL, NULL, 0);
	else if (p->verdict == VERDICT_V && group_size(&g[2]) > 0)
		sentence(ph, &g[2], total, &zin);      /* who said nee */
	else if (group_size(&g[1]) > 0)
		sentence(ph, &g[1], total, &zin);      /* who said deels */
	else
		expand(&zin, phrase(ph, "geen-antwoord"), NULL, NULL, 0);
	vals[0] = zin.s;
	expand(&out, phrase(ph, "letop"), keys, vals, 1);
	free(zin.s);
	return out.s;
}

void
assess_draft(const struct phrases *ph, const struct assess_answer *a,
    size_t n, const struct assess_proposal *p, char **finding, char **letop)
{
	struct group g[4];
	struct buf   out = { NULL, 0, 0 };
	int          total = make_groups(a, n, g);

	*letop = NULL;
	if (p->verdict == VERDICT_NONE)
		expand(&out, phrase(ph, "niet-van-toepassing"), NULL, NULL, 0);
	else if (total == 0 || total == group_size(&g[3]))
		expand(&out, phrase(ph, "geen-antwoord"), NULL, NULL, 0);
	else
		who_said_what(ph, g, total, &out);
	toelichtingen(ph, a, n, &out);
	if (p->letop)
		*letop = draft_letop(ph, g, total - group_size(&g[3]), p);
	*finding = out.s != NULL ? out.s : xstrdup("");
}

/* Items with verdict v and LET OP letop (-1: either), in order. */
static void
conclusion_items(const struct phrases *ph, const struct draft_item *items,
    size_t n, const char *id, enum verdict v, int letop, struct buf *out)
{
	static const char *const keys[] = { "indicator" };
	size_t i;

	for (i = 0; i < n; i++)
		if (items[i].verdict == v &&
		    (letop == -1 || items[i].letop == letop)) {
			add_line(out);
			expand(out, phrase(ph, id), keys, &items[i].indicator, 1);
		}
}

void
assess_draft_conclusion(const struct phrases *ph,
    const struct draft_item *items, size_t n, char **goed, char **beter)
{
	struct buf g = { NULL, 0, 0 }, b = { NULL, 0, 0 };

	conclusion_items(ph, items, n, "conclusie-goed", VERDICT_V, 0, &g);
	conclusion_items(ph, items, n, "conclusie-verbeterpunt", VERDICT_X, -1,
	    &b);
	conclusion_items(ph, items, n, "conclusie-aandachtspunt", VERDICT_V, 1,
	    &b);
	*goed = g.s != NULL ? g.s : xstrdup("");
	*beter = b.s != NULL ? b.s : xstrdup("");
}
