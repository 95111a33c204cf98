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

static void
add_space(struct buf *b)
{
	if (b->len > 0)
		buf_add(b, " ", 1);
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

/* -- step 11: voice -- */
/*
 * The drafts speak in STJ's own voice: who answered what by role and
 * count ("De gemeente en twee netwerkpartners geven aan …"), never by
 * organisation and never in the respondents' words; their toelichtingen
 * stay beside the answers in the workbench, as material for the
 * inspector. Under a V with LET OP the finding says what carries the
 * mark and the LET OP what the reservation is, so neither repeats the
 * other.
 */

/* The group says a reservation that goes into the LET OP. */
static int
reserved(const struct group *g, const struct assess_proposal *p)
{
	return p->verdict == VERDICT_V && p->letop &&
	    g->answer != ANSWER_WEET_NIET &&
	    (p->letop_set & FW_ANSWER_BIT(g->answer)) != 0 && group_size(g) > 0;
}

/*
 * Sentences for the groups that pass keep (reserved or not), the
 * gemeente's first (its answer weighs most), then ja, deels, nee and
 * weet niet.
 */
static void
groups_said(const struct phrases *ph, const struct group g[4], int total,
    const struct assess_proposal *p, int keep, struct buf *out)
{
	int k, pass;

	for (pass = 0; pass < 2; pass++)
		for (k = 0; k < 4; k++) {
			if (group_size(&g[k]) == 0 ||
			    g[k].gemeente != (pass == 0) ||
			    reserved(&g[k], p) != keep)
				continue;
			add_space(out);
			sentence(ph, &g[k], total, out);
		}
}

/*
 * A real split: someone answered ja and someone nee. A 'ja' beside a
 * 'deels', or a 'deels' beside a 'nee', is a shade, not a split.
 */
static int
split(const struct group g[4])
{
	return group_size(&g[0]) > 0 && group_size(&g[2]) > 0;
}

static void
who_said_what(const struct phrases *ph, const struct group g[4], int total,
    const struct assess_proposal *p, struct buf *out)
{
	int k, all_reserved = 1;

	for (k = 0; k < 3; k++)
		if (group_size(&g[k]) > 0 && !reserved(&g[k], p))
			all_reserved = 0;
	/* Divided: only a mark against the answers' majority says so. */
	if (p->verdict == VERDICT_X && split(g))
		expand(out, phrase(ph, p->support == p->against ?
		    "geen-overeenstemming" : "verdeeld"), NULL, NULL, 0);
	groups_said(ph, g, total, p, 0, out);
	/* Only reservations: they are the finding; the LET OP says why. */
	if (all_reserved)
		groups_said(ph, g, total, p, 1, out);
}

static char *
draft_letop(const struct phrases *ph, const struct group g[4], int total,
    const struct assess_proposal *p)
{
	static const char *const keys[] = { "zin" };
	struct buf  zin = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	const char *vals[1];
	int         k, any = 0;

	for (k = 0; k < 3; k++)
		if (group_size(&g[k]) > 0 && !reserved(&g[k], p))
			any = 1;
	if (total == 0)
		expand(&zin, phrase(ph, "letop-onbekend"), NULL, NULL, 0);
	else if (!any)
		expand(&zin, phrase(ph, "letop-niet-volledig"), NULL, NULL, 0);
	else
		groups_said(ph, g, total, p, 1, &zin);
	vals[0] = zin.s != NULL ? zin.s : "";
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
	int          substantive = total - group_size(&g[3]);

	*letop = NULL;
	if (p->verdict == VERDICT_NONE)
		expand(&out, phrase(ph, "niet-van-toepassing"), NULL, NULL, 0);
	else if (substantive == 0)
		expand(&out, phrase(ph, "geen-antwoord"), NULL, NULL, 0);
	else
		who_said_what(ph, g, total, p, &out);
	if (p->letop)
		*letop = draft_letop(ph, g, substantive, p);
	*finding = out.s != NULL ? out.s : xstrdup("");
}

/* -- step 11: voice -- */
/*
 * Conclusions select, as the published ones do: "Wat gaat goed?" names
 * the criteria that are met, in a sentence or two; "Wat kan beter?" the
 * verbeterpunten (the indicators not met, quoted as the norm they are,
 * so no line says a thing and its opposite) and the substance of each
 * LET OP.
 */

/*
 * Appends "‘a’, ‘b’ en ‘c’" of the n texts. The separators are words in
 * the phrase book (which collapses white space), the spaces are added
 * here.
 */
static void
quoted_list(const struct phrases *ph, const char *const *texts, size_t n,
    struct buf *out)
{
	static const char *const keys[] = { "tekst" };
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0 && i + 1 == n) {     /* " en " */
			const char *sep = phrase(ph, "lijst-laatste");
			buf_add(out, " ", 1);
			buf_add(out, sep, strlen(sep));
			buf_add(out, " ", 1);
		} else if (i > 0) {            /* ", " */
			const char *sep = phrase(ph, "lijst-tussen");
			buf_add(out, sep, strlen(sep));
			buf_add(out, " ", 1);
		}
		expand(out, phrase(ph, "lijst-item"), keys, &texts[i], 1);
	}
}

/* One sentence: phrase id "ID-een" or "ID-meer" around the list. */
static void
list_sentence(const struct phrases *ph, const char *id,
    const char *const *texts, size_t n, struct buf *out)
{
	static const char *const keys[] = { "lijst" };
	struct buf  list = { NULL, 0, 0 };
	char        full[64];
	const char *vals[1];

	if (n == 0)
		return;
	quoted_list(ph, texts, n, &list);
	snprintf(full, sizeof(full), "%s-%s", id, n == 1 ? "een" : "meer");
	vals[0] = list.s;
	add_space(out);
	expand(out, phrase(ph, full), keys, vals, 1);
	free(list.s);
}

/* The criteria fully met (want 1) or partly met (want 0), in order. */
static size_t
criteria(const struct draft_item *items, size_t n, int want,
    const char **out)
{
	size_t i, j, k = 0;
	int    v, x;

	for (i = 0; i < n; i = j) {
		v = x = 0;
		for (j = i; j < n && strcmp(items[j].criterion,
		    items[i].criterion) == 0; j++) {
			v |= items[j].verdict == VERDICT_V;
			x |= items[j].verdict == VERDICT_X;
		}
		if (v && (want ? !x : x))
			out[k++] = items[i].criterion;
	}
	return k;
}

/* "Twee netwerkpartners …" inside a sentence: "twee netwerkpartners …". */
static void
add_lowered(const struct phrases *ph, const char *s, struct buf *out)
{
	size_t k, len;

	for (k = 1; k <= MAX_NUMBER; k++) {
		len = ph->start[k] ? strlen(ph->start[k]) : 0;
		if (len > 0 && strncmp(s, ph->start[k], len) == 0 &&
		    s[len] == ' ') {
			buf_add(out, ph->number[k], strlen(ph->number[k]));
			buf_add(out, s + len, strlen(s + len));
			return;
		}
	}
	if (s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z') {
		char c = (char)(s[0] - 'A' + 'a');
		buf_add(out, &c, 1);
		s++;
	}
	buf_add(out, s, strlen(s));
}

/* "Aandachtspunt bij ‘…’: …" for each item with a LET OP. */
static void
letop_points(const struct phrases *ph, const struct draft_item *items,
    size_t n, struct buf *out)
{
	static const char *const keys[] = { "indicator", "letop" };
	const char *tmpl = phrase(ph, "letop"), *open = strchr(tmpl, '{');
	size_t      pre = open != NULL ? (size_t)(open - tmpl) : 0, i;
	const char *vals[2], *text;
	struct buf  sub;

	for (i = 0; i < n; i++) {
		if (items[i].letop_text == NULL ||
		    items[i].verdict == VERDICT_NONE)
			continue;
		text = items[i].letop_text;
		if (strncmp(text, tmpl, pre) == 0)
			text += pre;     /* the remark without "LET OP: " */
		memset(&sub, 0, sizeof(sub));
		add_lowered(ph, text, &sub);
		vals[0] = items[i].indicator;
		vals[1] = sub.s != NULL ? sub.s : "";
		add_line(out);
		expand(out, phrase(ph, "conclusie-aandachtspunt"), keys, vals, 2);
		free(sub.s);
	}
}

void
assess_draft_conclusion(const struct phrases *ph,
    const struct draft_item *items, size_t n, char **goed, char **beter)
{
	struct buf   g = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	const char **texts = xcalloc(n + 1, sizeof(*texts));
	size_t       i, k;

	list_sentence(ph, "conclusie-goed", texts, criteria(items, n, 1, texts),
	    &g);
	list_sentence(ph, "conclusie-gedeeltelijk", texts,
	    criteria(items, n, 0, texts), &g);
	for (i = k = 0; i < n; i++)
		if (items[i].verdict == VERDICT_X)
			texts[k++] = items[i].indicator;
	list_sentence(ph, "conclusie-verbeterpunt", texts, k, &b);
	letop_points(ph, items, n, &b);
	free(texts);
	*goed = g.s != NULL ? g.s : xstrdup("");
	*beter = b.s != NULL ? b.s : xstrdup("");
}
