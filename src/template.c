/*
 * template: fixed texts and layouts. See template.h.
 *
 * Numbers in a layout are xs:decimal, validated before they are read, and
 * parsed by hand: strtof() would follow LC_NUMERIC, and a Dutch locale
 * reads "9.5" as 9.
 */
#include "template.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "util.h"
#include "xmlsafe.h"

struct texts {
	struct arena *arena;
	const char   *author;
	const char  **ids, **values;
	size_t        n;
};

/* ---- texts ------------------------------------------------------- */

static int
is_element(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* A string attribute copied into the arena ("" when absent). */
static char *
prop(struct arena *a, const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char    *s = arena_strdup(a, v ? (const char *)v : "");

	xmlFree(v);
	return s;
}

/* The value of one <text>: its paragraphs joined by "\n\n", or its line. */
static const char *
text_value(struct arena *a, const xmlNode *text)
{
	const xmlNode *n;
	char          *out = NULL, *p, *joined;
	xmlChar       *c;

	for (n = text->children; n != NULL; n = n->next) {
		if (!is_element(n, "p"))
			continue;
		c = xmlNodeGetContent(n);
		p = arena_strdup_collapsed(a, (const char *)c);
		xmlFree(c);
		if (out == NULL) {
			out = p;
			continue;
		}
		joined = xasprintf("%s\n\n%s", out, p);
		out = arena_strdup(a, joined);
		free(joined);
	}
	if (out != NULL)
		return out;
	c = xmlNodeGetContent(text);
	out = arena_strdup_collapsed(a, (const char *)c);
	xmlFree(c);
	return out;
}

static const char *
texts_find(const struct texts *t, const char *id)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->ids[i], id) == 0)
			return t->values[i];
	return NULL;
}

static void
texts_read(struct texts *t, xmlNode *root)
{
	xmlNode *n;
	size_t   k = 0;

	t->author = prop(t->arena, root, "author");
	for (n = root->children; n != NULL; n = n->next)
		t->n += is_element(n, "text");
	t->ids = arena_alloc(t->arena, (t->n + 1) * sizeof(char *));
	t->values = arena_alloc(t->arena, (t->n + 1) * sizeof(char *));
	for (n = root->children; n != NULL; n = n->next) {
		if (!is_element(n, "text"))
			continue;
		t->ids[k] = prop(t->arena, n, "id");
		t->values[k++] = text_value(t->arena, n);
	}
}

struct texts *
texts_load(const char *path, const char *xsd, const char *const *required,
    struct diags *d)
{
	struct xmlsafe_schema *schema = NULL;
	struct texts          *t = NULL;
	xmlDocPtr              doc;
	size_t                 i;
	int                    missing = 0;

	if ((doc = xmlsafe_read_file(path, d)) == NULL)
		return NULL;
	if ((schema = xmlsafe_schema_load(xsd, d)) != NULL &&
	    xmlsafe_validate(schema, doc, path, d) == 0) {
		t = xcalloc(1, sizeof(*t));
		t->arena = arena_new();
		texts_read(t, xmlDocGetRootElement(doc));
		for (i = 0; required != NULL && required[i] != NULL; i++)
			if (texts_find(t, required[i]) == NULL) {
				diags_add(d, path, 0, MSG_TEMPLATE_MISSING,
				    "text", required[i]);
				missing = 1;
			}
	}
	xmlsafe_schema_free(schema);
	xmlFreeDoc(doc);
	if (missing) {
		texts_free(t);
		return NULL;
	}
	return t;
}

void
texts_free(struct texts *t)
{
	if (t == NULL)
		return;
	arena_free(t->arena);
	free(t);
}

const char *
texts_raw(const struct texts *t, const char *id)
{
	const char *s = texts_find(t, id);

	return s != NULL ? s : "";
}

const char *
texts_author(const struct texts *t)
{
	return t->author;
}

/* Appends len bytes of s to the growing buffer *buf. */
static void
append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*buf = xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
}

/* The value of placeholder name[0..len) in the pairs, or NULL. */
static const char *
lookup(const char *name, size_t len, va_list ap)
{
	const char *k, *v;
	va_list     aq;

	va_copy(aq, ap);
	while ((k = va_arg(aq, const char *)) != NULL) {
		v = va_arg(aq, const char *);
		if (strlen(k) == len && strncmp(k, name, len) == 0) {
			va_end(aq);
			return v ? v : "";
		}
	}
	va_end(aq);
	return NULL;
}

/* s with its {name} placeholders filled from the pairs in ap. */
static char *
fill(const char *s, va_list ap)
{
	const char *open, *close, *v;
	char       *buf = NULL;
	size_t      len = 0, cap = 0;

	append(&buf, &len, &cap, "", 0);
	if (s == NULL)
		return buf;
	while ((open = strchr(s, '{')) != NULL &&
	    (close = strchr(open, '}')) != NULL) {
		v = lookup(open + 1, (size_t)(close - open - 1), ap);
		append(&buf, &len, &cap, s, (size_t)(open - s));
		/* An unknown {word} is text, not a placeholder. */
		if (v == NULL)
			append(&buf, &len, &cap, open, (size_t)(close - open + 1));
		else
			append(&buf, &len, &cap, v, strlen(v));
		s = close + 1;
	}
	append(&buf, &len, &cap, s, strlen(s));
	return buf;
}

char *
texts_get(const struct texts *t, const char *id, ...)
{
	va_list ap;
	char   *out;

	va_start(ap, id);
	out = fill(texts_find(t, id), ap);
	va_end(ap);
	return out;
}

char *
texts_get_author(const struct texts *t, ...)
{
	va_list ap;
	char   *out;

	va_start(ap, t);
	out = fill(t->author, ap);
	va_end(ap);
	return out;
}

/* ---- layout ------------------------------------------------------ */

/* An xs:decimal (already validated) without the locale. */
static float
decimal(const xmlNode *n, const char *name, float dflt)
{
	xmlChar    *v = xmlGetProp(n, (const xmlChar *)name);
	const char *s = (const char *)v;
	double      x = 0, scale = 1;
	int         neg = 0, frac = 0;

	if (v == NULL)
		return dflt;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s != '\0'; s++) {
		if (*s == '.') {
			frac = 1;
			continue;
		}
		if (*s < '0' || *s > '9')
			break;
		if (frac)
			scale /= 10;
		x = frac ? x + (*s - '0') * scale : x * 10 + (*s - '0');
	}
	xmlFree(v);
	return (float)(neg ? -x : x);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return c - 'A' + 10;
}

/* "#RRGGBB" (validated); black when absent. */
static struct pdf_rgb
colour(const xmlNode *n, const char *name)
{
	xmlChar       *v = xmlGetProp(n, (const xmlChar *)name);
	struct pdf_rgb c = { 0, 0, 0 };
	const char    *s = (const char *)v;

	if (v != NULL && strlen(s) == 7) {
		c.r = (float)(hexval(s[1]) * 16 + hexval(s[2])) / 255.0f;
		c.g = (float)(hexval(s[3]) * 16 + hexval(s[4])) / 255.0f;
		c.b = (float)(hexval(s[5]) * 16 + hexval(s[6])) / 255.0f;
	}
	xmlFree(v);
	return c;
}

/* Index of the element's id in ids[0..n), or -1. */
static long
id_index(const xmlNode *n, const char *const *ids, size_t count)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)"id");
	size_t   i;
	long     k = -1;

	for (i = 0; v != NULL && i < count; i++)
		if (strcmp((const char *)v, ids[i]) == 0)
			k = (long)i;
	xmlFree(v);
	return k;
}

static void
read_style(struct lay_style *st, const xmlNode *n)
{
	xmlChar *face = xmlGetProp(n, (const xmlChar *)"face");

	st->face = face && strcmp((const char *)face, "bold") == 0 ?
	    PDF_BOLD : PDF_REGULAR;
	xmlFree(face);
	st->size = decimal(n, "size", 10);
	st->color = colour(n, "color");
	st->before = decimal(n, "before", 0);
	st->after = decimal(n, "after", 0);
	st->indent = decimal(n, "indent", 0);
	st->leading = decimal(n, "leading", PDF_LEADING);
}

/*
 * Reads one table; the column without a width takes the rest of the
 * content width. Returns -1 with a diagnostic when the columns do not fit
 * the spec or the page.
 */
static int
read_table(struct lay_table *t, const xmlNode *n, const char *path,
    const char *id, size_t want, float content, struct diags *d)
{
	const xmlNode *c;
	float          used = 0;
	long           rest = -1;

	t->header_fill = colour(n, "header-fill");
	t->rule = colour(n, "rule");
	t->rule_width = decimal(n, "rule-width", 0.5f);
	t->padding = decimal(n, "padding", 3);
	for (c = n->children; c != NULL; c = c->next) {
		if (!is_element(c, "column") || t->ncolumns == LAY_MAX_COLUMNS)
			continue;
		t->column[t->ncolumns] = decimal(c, "width", -1);
		if (t->column[t->ncolumns] < 0)
			rest = (long)t->ncolumns;
		else
			used += t->column[t->ncolumns];
		t->ncolumns++;
	}
	if (t->ncolumns != want) {
		diags_add(d, path, xmlsafe_line(n), MSG_TEMPLATE_COLUMNS, id,
		    t->ncolumns, want);
		return -1;
	}
	if (rest >= 0)
		t->column[rest] = content - used;
	/* A cell narrower than this cannot hold a word of 8-point text. */
	if ((rest >= 0 && t->column[rest] < 12) ||
	    (rest < 0 && used > content + 0.5f)) {
		diags_add(d, path, xmlsafe_line(n), MSG_TEMPLATE_WIDTH, id,
		    (double)used, (double)content);
		return -1;
	}
	return 0;
}

/* Reads every element of root the spec names; seen[] marks them. */
static int
layout_read(struct layout *l, xmlNode *root, const char *path,
    const struct layout_spec *spec, char *seen, struct diags *d)
{
	xmlNode *n;
	float    content;
	long     k;
	int      rc = 0;

	for (n = root->children; n != NULL; n = n->next) {
		if (is_element(n, "page")) {
			l->page.width = decimal(n, "width", 0);
			l->page.height = decimal(n, "height", 0);
			l->page.top = decimal(n, "top", 0);
			l->page.right = decimal(n, "right", 0);
			l->page.bottom = decimal(n, "bottom", 0);
			l->page.left = decimal(n, "left", 0);
		} else if (is_element(n, "style") &&
		    (k = id_index(n, spec->styles, spec->nstyles)) >= 0) {
			read_style(&l->style[k], n);
			seen[k] = 1;
		} else if (is_element(n, "box") &&
		    (k = id_index(n, spec->boxes, spec->nboxes)) >= 0) {
			l->box[k].fill = colour(n, "fill");
			l->box[k].padding = decimal(n, "padding", 0);
			seen[spec->nstyles + (size_t)k] = 1;
		} else if (is_element(n, "table") &&
		    (k = id_index(n, spec->tables, spec->ntables)) >= 0) {
			content = l->page.width - l->page.left - l->page.right;
			if (read_table(&l->table[k], n, path, spec->tables[k],
			    spec->columns[k], content, d) == -1)
				rc = -1;
			seen[spec->nstyles + spec->nboxes + (size_t)k] = 1;
		}
	}
	return rc;
}

/* Diagnoses every id of the spec the layout lacks. */
static int
layout_complete(const char *path, const struct layout_spec *spec,
    const char *seen, struct diags *d)
{
	size_t i, nb = spec->nstyles + spec->nboxes;
	int    rc = 0;

	for (i = 0; i < nb + spec->ntables; i++) {
		if (seen[i])
			continue;
		if (i < spec->nstyles)
			diags_add(d, path, 0, MSG_TEMPLATE_MISSING, "style",
			    spec->styles[i]);
		else if (i < nb)
			diags_add(d, path, 0, MSG_TEMPLATE_MISSING, "box",
			    spec->boxes[i - spec->nstyles]);
		else
			diags_add(d, path, 0, MSG_TEMPLATE_MISSING, "table",
			    spec->tables[i - nb]);
		rc = -1;
	}
	return rc;
}

int
layout_load(struct layout *l, const char *path, const char *xsd,
    const struct layout_spec *spec, struct diags *d)
{
	struct xmlsafe_schema *schema = NULL;
	xmlDocPtr              doc;
	char                  *seen;
	int                    rc = -1;

	memset(l, 0, sizeof(*l));
	if ((doc = xmlsafe_read_file(path, d)) == NULL)
		return -1;
	seen = xcalloc(spec->nstyles + spec->nboxes + spec->ntables + 1, 1);
	l->style = xcalloc(spec->nstyles + 1, sizeof(*l->style));
	l->box = xcalloc(spec->nboxes + 1, sizeof(*l->box));
	l->table = xcalloc(spec->ntables + 1, sizeof(*l->table));
	if ((schema = xmlsafe_schema_load(xsd, d)) != NULL &&
	    xmlsafe_validate(schema, doc, path, d) == 0 &&
	    layout_read(l, xmlDocGetRootElement(doc), path, spec, seen,
	    d) == 0 && layout_complete(path, spec, seen, d) == 0)
		rc = 0;
	free(seen);
	xmlsafe_schema_free(schema);
	xmlFreeDoc(doc);
	if (rc == -1)
		layout_free(l);
	return rc;
}

void
layout_free(struct layout *l)
{
	free(l->style);
	free(l->box);
	free(l->table);
	memset(l, 0, sizeof(*l));
}
