/*
 * framework: loading and checking a toetsingskader. See framework.h.
 *
 * Loading runs in three passes: safe parse (xmlsafe), XML Schema
 * validation, then build the tree and check what XSD 1.0 cannot say (ids
 * match their position and are unique, rule names exist, scales
 * referenced exist). The tree is only built from a schema-valid document,
 * so the builder may rely on element order and required attributes.
 */
#include "framework.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "assess.h"
#include "util.h"
#include "xmlsafe.h"

static const char *const role_names[ROLE__COUNT] = {
	[ROLE_GEMEENTE]       = "gemeente",
	[ROLE_NETWERKPARTNER] = "netwerkpartner",
};

static const char *const answer_codes[ANSWER__COUNT] = {
	[ANSWER_NONE]      = "",
	[ANSWER_JA]        = "ja",
	[ANSWER_DEELS]     = "deels",
	[ANSWER_NEE]       = "nee",
	[ANSWER_WEET_NIET] = "weet-niet",
	[ANSWER_NVT]       = "nvt",
};

const char *
role_name(enum role r)
{
	return r < ROLE__COUNT ? role_names[r] : "?";
}

enum role
role_from_name(const char *name)
{
	int r;

	/* NULL: an approach without respondents (a dossier, a new round). */
	for (r = 0; name != NULL && r < ROLE__COUNT; r++)
		if (strcmp(role_names[r], name) == 0)
			return (enum role)r;
	return ROLE__COUNT;
}

const char *
answer_code(enum answer a)
{
	return a < ANSWER__COUNT ? answer_codes[a] : "?";
}

enum answer
answer_from_code(const char *code)
{
	int a;

	for (a = ANSWER_JA; a < ANSWER__COUNT; a++)
		if (strcmp(answer_codes[a], code) == 0)
			return (enum answer)a;
	return ANSWER__COUNT;
}

/* State of one load: the tree under construction and where to report. */
struct loader {
	struct framework *fw;
	struct arena     *arena;
	struct diags     *d;
	const char       *file;
	int               errors;
};

static int
is_elem(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static size_t
count_children(const xmlNode *parent, const char *name)
{
	const xmlNode *n;
	size_t         k = 0;

	for (n = parent->children; n != NULL; n = n->next)
		if (is_elem(n, name))
			k++;
	return k;
}

static const xmlNode *
first_child(const xmlNode *parent, const char *name)
{
	const xmlNode *n;

	for (n = parent->children; n != NULL; n = n->next)
		if (is_elem(n, name))
			return n;
	return NULL;
}

/* Attribute value copied into the arena; NULL when absent. */
static const char *
attr(struct loader *l, const xmlNode *n, const char *name)
{
	xmlChar    *v = xmlGetProp(n, (const xmlChar *)name);
	const char *s;

	if (v == NULL)
		return NULL;
	s = arena_strdup_collapsed(l->arena, (const char *)v);
	xmlFree(v);
	return s;
}

/* Text content of n with white space folded, copied into the arena. */
static const char *
text_of(struct loader *l, const xmlNode *n)
{
	xmlChar    *v;
	const char *s;

	if (n == NULL)
		return NULL;
	v = xmlNodeGetContent(n);
	s = arena_strdup_collapsed(l->arena, v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

/* Text of the first child element called name. */
static const char *
child_text(struct loader *l, const xmlNode *parent, const char *name)
{
	return text_of(l, first_child(parent, name));
}

/* Arena array of n zeroed elements of size sz (n may be 0). */
static void *
alloc_array(struct loader *l, size_t n, size_t sz)
{
	return arena_alloc(l->arena, (n ? n : 1) * sz);
}

static void
load_definition(struct loader *l, const xmlNode *node)
{
	struct framework *fw = l->fw;
	const xmlNode    *n;
	size_t            ip = 0, ii = 0;

	fw->ndefinition = count_children(node, "p");
	fw->nitems = count_children(node, "item");
	fw->definition = alloc_array(l, fw->ndefinition, sizeof(char *));
	fw->items = alloc_array(l, fw->nitems, sizeof(*fw->items));
	for (n = node->children; n != NULL; n = n->next) {
		if (is_elem(n, "p"))
			fw->definition[ip++] = text_of(l, n);
		else if (is_elem(n, "item")) {
			fw->items[ii].term = attr(l, n, "term");
			fw->items[ii++].text = text_of(l, n);
		}
	}
}

static void
load_scale(struct loader *l, const xmlNode *node, struct fw_scale *sc)
{
	const xmlNode *n;
	size_t         k = 0, j;

	sc->id = attr(l, node, "id");
	sc->line = xmlsafe_line(node);
	sc->noptions = count_children(node, "option");
	sc->options = alloc_array(l, sc->noptions, sizeof(*sc->options));
	for (n = node->children; n != NULL; n = n->next) {
		if (!is_elem(n, "option"))
			continue;
		sc->options[k].code = answer_from_code(attr(l, n, "code"));
		sc->options[k].label = attr(l, n, "label");
		for (j = 0; j < k; j++)
			if (sc->options[j].code == sc->options[k].code) {
				diags_add(l->d, l->file, xmlsafe_line(n),
				    MSG_SCALE_DUP_CODE,
				    answer_code(sc->options[k].code));
				l->errors++;
			}
		k++;
	}
}

static const struct fw_scale *
find_scale(const struct framework *fw, const char *id)
{
	size_t i;

	for (i = 0; i < fw->nscales; i++)
		if (strcmp(fw->scales[i].id, id) == 0)
			return &fw->scales[i];
	return NULL;
}

static void
load_question(struct loader *l, const xmlNode *node, struct fw_indicator *ind)
{
	struct fw_question *q;
	const char         *scale = attr(l, node, "scale");
	long                line = xmlsafe_line(node);
	enum role           r = role_from_name(attr(l, node, "role"));

	/* The schema admits only known roles; this guards the array index. */
	if (r == ROLE__COUNT)
		return;
	if (ind->question[r] != NULL) {
		diags_add(l->d, l->file, line, MSG_ROLE_TWICE, role_name(r));
		l->errors++;
		return;
	}
	q = arena_alloc(l->arena, sizeof(*q));
	q->role = r;
	q->line = line;
	q->text = child_text(l, node, "text");
	q->toelichting = child_text(l, node, "toelichting");
	if ((q->scale = find_scale(l->fw, scale)) == NULL) {
		diags_add(l->d, l->file, line, MSG_SCALE_UNKNOWN, scale);
		l->errors++;
	}
	ind->question[r] = q;
}

/* -- step 11: voice -- */
/* "ja deels" as a bit mask; the schema has checked every code. */
static unsigned
answer_set(struct loader *l, const xmlNode *n, const char *name)
{
	const char *v = attr(l, n, name), *p;
	char        code[16];
	unsigned    set = 0;
	size_t      len;
	enum answer a;

	for (p = v; p != NULL && *p != '\0'; p += len) {
		p += strspn(p, " ");
		len = strcspn(p, " ");
		if (len == 0 || len >= sizeof(code))
			continue;
		memcpy(code, p, len);
		code[len] = '\0';
		if ((a = answer_from_code(code)) != ANSWER__COUNT)
			set |= FW_ANSWER_BIT(a);
	}
	return set;
}

/* One <rule name="majority" support="ja deels" .../> of <rules>. */
static void
load_rule_params(struct loader *l, const xmlNode *node,
    struct fw_rule_params *r)
{
	const char *tie = attr(l, node, "tie");
	char        names[256];

	r->rule = attr(l, node, "name");
	r->line = xmlsafe_line(node);
	r->support = answer_set(l, node, "support");
	r->veto = answer_set(l, node, "veto");
	r->letop = answer_set(l, node, "letop");
	r->tie = tie == NULL || strcmp(tie, "V") == 0 ? FW_TIE_V :
	    strcmp(tie, "X") == 0 ? FW_TIE_X : FW_TIE_GEMEENTE;
	if (assess_rule_find(r->rule) == NULL) {
		diags_add(l->d, l->file, r->line, MSG_RULE_UNKNOWN, r->rule,
		    assess_rule_names(names, sizeof(names)));
		l->errors++;
	}
}

static void
load_rules(struct loader *l, const xmlNode *root)
{
	const xmlNode *rules = first_child(root, "rules"), *n;
	size_t         k = 0;

	if (rules == NULL)
		return;
	l->fw->nrules = count_children(rules, "rule");
	l->fw->rules = alloc_array(l, l->fw->nrules, sizeof(*l->fw->rules));
	for (n = rules->children; n != NULL; n = n->next)
		if (is_elem(n, "rule"))
			load_rule_params(l, n, &l->fw->rules[k++]);
}

static const struct fw_rule_params *
find_rule_params(const struct framework *fw, const char *rule)
{
	size_t i;

	for (i = 0; rule != NULL && i < fw->nrules; i++)
		if (strcmp(fw->rules[i].rule, rule) == 0)
			return &fw->rules[i];
	return NULL;
}

static void
check_rule(struct loader *l, const struct fw_indicator *ind)
{
	const struct assess_rule *rule = assess_rule_find(ind->rule);
	char                    names[256];

	if (rule == NULL) {
		diags_add(l->d, l->file, ind->line, MSG_RULE_UNKNOWN, ind->rule,
		    assess_rule_names(names, sizeof(names)));
		l->errors++;
	} else if (rule->needs != ROLE__COUNT &&
	    ind->question[rule->needs] == NULL) {
		diags_add(l->d, l->file, ind->line, MSG_RULE_ROLE, ind->rule,
		    role_name(rule->needs));
		l->errors++;
	}
}

/* Checks that id equals "<prefix>.<pos>" (or "<pos>" without prefix). */
static void
check_position(struct loader *l, const char *kind, const char *id,
    const char *prefix, size_t pos, long line)
{
	char want[32];

	if (prefix != NULL)
		snprintf(want, sizeof(want), "%s.%zu", prefix, pos);
	else
		snprintf(want, sizeof(want), "%zu", pos);
	if (strcmp(want, id) != 0) {
		diags_add(l->d, l->file, line, MSG_ID_POSITION, kind, id, want);
		l->errors++;
	}
}

static void
load_indicator(struct loader *l, const xmlNode *node, struct fw_indicator *ind,
    const struct fw_criterion *c, size_t pos)
{
	const xmlNode *n;

	ind->id = attr(l, node, "id");
	ind->rule = attr(l, node, "rule");
	ind->renamed_from = attr(l, node, "renamed-from");
	ind->params = find_rule_params(l->fw, ind->rule);
	ind->text = child_text(l, node, "text");
	ind->criterion = c;
	ind->line = xmlsafe_line(node);
	for (n = node->children; n != NULL; n = n->next)
		if (is_elem(n, "question"))
			load_question(l, n, ind);
	check_position(l, "indicator", ind->id, c->id, pos, ind->line);
	check_rule(l, ind);
	if (ind->renamed_from != NULL &&
	    strcmp(ind->renamed_from, ind->id) == 0) {
		diags_add(l->d, l->file, ind->line, MSG_RENAME_SELF, ind->id);
		l->errors++;
	}
}

static void
load_criterion(struct loader *l, const xmlNode *node, struct fw_criterion *c,
    const struct fw_theme *t, size_t pos)
{
	const xmlNode *n;
	size_t         k = 0;

	c->id = attr(l, node, "id");
	c->text = child_text(l, node, "text");
	c->theme = t;
	c->line = xmlsafe_line(node);
	check_position(l, "criterion", c->id, t->id, pos, c->line);
	c->nindicators = count_children(node, "indicator");
	c->indicators = alloc_array(l, c->nindicators, sizeof(*c->indicators));
	for (n = node->children; n != NULL; n = n->next)
		if (is_elem(n, "indicator")) {
			load_indicator(l, n, &c->indicators[k], c, k + 1);
			k++;
		}
}

static void
load_theme(struct loader *l, const xmlNode *node, struct fw_theme *t,
    size_t pos)
{
	const xmlNode *n;
	size_t         k = 0;

	t->id = attr(l, node, "id");
	t->name = child_text(l, node, "name");
	t->statement = child_text(l, node, "statement");
	t->line = xmlsafe_line(node);
	check_position(l, "theme", t->id, NULL, pos, t->line);
	t->ncriteria = count_children(node, "criterion");
	t->criteria = alloc_array(l, t->ncriteria, sizeof(*t->criteria));
	for (n = node->children; n != NULL; n = n->next)
		if (is_elem(n, "criterion")) {
			load_criterion(l, n, &t->criteria[k], t, k + 1);
			k++;
		}
}

/*
 * Flattens the indicators into fw->indicators and reports ids seen twice.
 * Position checks already catch most duplicates; this names them plainly.
 */
static void
index_indicators(struct loader *l)
{
	struct framework *fw = l->fw;
	size_t            t, c, i, k = 0, j;

	for (t = 0; t < fw->nthemes; t++) {
		fw->ncriteria += fw->themes[t].ncriteria;
		for (c = 0; c < fw->themes[t].ncriteria; c++)
			fw->nindicators += fw->themes[t].criteria[c].nindicators;
	}
	fw->indicators = alloc_array(l, fw->nindicators,
	    sizeof(*fw->indicators));
	for (t = 0; t < fw->nthemes; t++)
		for (c = 0; c < fw->themes[t].ncriteria; c++)
			for (i = 0; i < fw->themes[t].criteria[c].nindicators;
			    i++) {
				struct fw_indicator *ind =
				    &fw->themes[t].criteria[c].indicators[i];
				ind->index = k;
				for (j = 0; j < k; j++)
					if (strcmp(fw->indicators[j]->id,
					    ind->id) == 0) {
						diags_add(l->d, l->file,
						    ind->line, MSG_DUP_ID,
						    "indicator", ind->id,
						    fw->indicators[j]->line);
						l->errors++;
						break;
					}
				fw->indicators[k++] = ind;
			}
}

/* -- issue 18: framework versions -- */
/* A list attribute ("3.2.1 3.2.4") as arena strings; the schema checked it. */
static const char **
id_list(struct loader *l, const xmlNode *n, const char *name, size_t *count)
{
	const char  *v = attr(l, n, name), *p;
	const char **ids;
	size_t       k = 0, len;

	*count = 0;
	for (p = v; p != NULL && *p != '\0'; p += len) {
		p += strspn(p, " ");
		if ((len = strcspn(p, " ")) > 0)
			(*count)++;
	}
	ids = alloc_array(l, *count, sizeof(*ids));
	for (p = v; p != NULL && *p != '\0'; p += len) {
		p += strspn(p, " ");
		if ((len = strcspn(p, " ")) > 0) {
			char *id = arena_alloc(l->arena, len + 1);
			memcpy(id, p, len);
			id[len] = '\0';
			ids[k++] = id;
		}
	}
	return ids;
}

static void
load_map_entry(struct loader *l, const xmlNode *n, struct fw_map_entry *e)
{
	e->line = xmlsafe_line(n);
	if (is_elem(n, "split")) {
		e->kind = FW_MAP_SPLIT;
		e->from = id_list(l, n, "from", &e->nfrom);
		e->into = id_list(l, n, "into", &e->ninto);
	} else if (is_elem(n, "merge")) {
		e->kind = FW_MAP_MERGE;
		e->from = id_list(l, n, "from", &e->nfrom);
		e->into = id_list(l, n, "into", &e->ninto);
	} else {
		e->kind = FW_MAP_DROPPED;
		e->from = id_list(l, n, "id", &e->nfrom);
		e->reason = attr(l, n, "reason");
	}
}

static const char *const map_kind_name[] = {
	[FW_MAP_SPLIT] = "split", [FW_MAP_MERGE] = "merge",
	[FW_MAP_DROPPED] = "dropped",
};

/*
 * What one file can check of a mapping: into ids are indicators of this
 * version, a dropped id is not, and no earlier id is mapped twice.
 */
static void
check_mapping_here(struct loader *l, const struct fw_mapping *m)
{
	const struct fw_map_entry *e, *f;
	char                       what[32];
	size_t                     i, j, k, q;
	char                       self[80];

	snprintf(self, sizeof(self), "%s@%s", l->fw->id, l->fw->version);
	if (strcmp(m->from, self) == 0) {
		diags_add(l->d, l->file, m->line, MSG_MAP_SELF, m->from);
		l->errors++;
	}
	for (i = 0; i < m->n; i++) {
		e = &m->entries[i];
		snprintf(what, sizeof(what), "%s into", map_kind_name[e->kind]);
		for (k = 0; k < e->ninto; k++)
			if (framework_indicator(l->fw, e->into[k]) == NULL) {
				diags_add(l->d, l->file, e->line,
				    MSG_MAP_NO_INDICATOR, what, l->fw->id,
				    l->fw->version, e->into[k]);
				l->errors++;
			}
		if (e->kind == FW_MAP_DROPPED &&
		    framework_indicator(l->fw, e->from[0]) != NULL) {
			diags_add(l->d, l->file, e->line, MSG_MAP_DROPPED_KEPT,
			    e->from[0], e->from[0]);
			l->errors++;
		}
		for (k = 0; k < e->nfrom; k++)
			for (j = 0; j <= i; j++) {
				f = &m->entries[j];
				for (q = 0; q < (j < i ? f->nfrom : k); q++)
					if (strcmp(f->from[q], e->from[k]) == 0) {
						diags_add(l->d, l->file, e->line,
						    MSG_MAP_TWICE, e->from[k],
						    m->from, f->line);
						l->errors++;
					}
			}
	}
}

static void
load_mapping(struct loader *l, const xmlNode *node, struct fw_mapping *m)
{
	const xmlNode *n;
	size_t         k = 0;

	m->from = attr(l, node, "from");
	m->line = xmlsafe_line(node);
	m->n = count_children(node, "split") + count_children(node, "merge") +
	    count_children(node, "dropped");
	m->entries = alloc_array(l, m->n, sizeof(*m->entries));
	for (n = node->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			load_map_entry(l, n, &m->entries[k++]);
	check_mapping_here(l, m);
}

/* After the tree: into ids are checked against it. */
static void
load_mappings(struct loader *l, const xmlNode *root)
{
	const xmlNode *n;
	size_t         k = 0;

	l->fw->nmappings = count_children(root, "mapping");
	l->fw->mappings = alloc_array(l, l->fw->nmappings,
	    sizeof(*l->fw->mappings));
	for (n = root->children; n != NULL; n = n->next)
		if (is_elem(n, "mapping"))
			load_mapping(l, n, &l->fw->mappings[k++]);
}

static void
build(struct loader *l, const xmlNode *root)
{
	struct framework *fw = l->fw;
	const xmlNode    *n;
	size_t            ks = 0, kt = 0;

	fw->id = attr(l, root, "id");
	fw->version = attr(l, root, "version");
	fw->title = child_text(l, root, "title");
	load_definition(l, first_child(root, "definition"));
	fw->nscales = count_children(root, "scale");
	fw->scales = alloc_array(l, fw->nscales, sizeof(*fw->scales));
	fw->nthemes = count_children(root, "theme");
	fw->themes = alloc_array(l, fw->nthemes, sizeof(*fw->themes));
	for (n = root->children; n != NULL; n = n->next)
		if (is_elem(n, "scale"))
			load_scale(l, n, &fw->scales[ks++]);
	load_rules(l, root);
	for (n = root->children; n != NULL; n = n->next)
		if (is_elem(n, "theme")) {
			load_theme(l, n, &fw->themes[kt], kt + 1);
			kt++;
		}
	index_indicators(l);
	load_mappings(l, root);   /* -- issue 18: framework versions -- */
}

struct framework *
framework_load(const char *path, const char *xsd_path, struct diags *d)
{
	struct xmlsafe_schema *schema = NULL;
	struct loader          l = { NULL, NULL, d, path, 0 };
	xmlDocPtr              doc = NULL;

	if ((doc = xmlsafe_read_file(path, d)) == NULL)
		goto fail;
	if ((schema = xmlsafe_schema_load(xsd_path, d)) == NULL)
		goto fail;
	if (xmlsafe_validate(schema, doc, path, d) == -1)
		goto fail;
	l.arena = arena_new();
	l.fw = arena_alloc(l.arena, sizeof(*l.fw));
	l.fw->arena = l.arena;
	l.fw->file = arena_strdup(l.arena, path);
	build(&l, xmlDocGetRootElement(doc));
	if (l.errors > 0)
		goto fail;
	xmlsafe_schema_free(schema);
	xmlFreeDoc(doc);
	return l.fw;
fail:
	arena_free(l.arena);
	xmlsafe_schema_free(schema);
	xmlFreeDoc(doc);
	return NULL;
}

void
framework_free(struct framework *fw)
{
	if (fw != NULL)
		arena_free(fw->arena);
}

const struct fw_indicator *
framework_indicator(const struct framework *fw, const char *id)
{
	size_t i;

	for (i = 0; i < fw->nindicators; i++)
		if (strcmp(fw->indicators[i]->id, id) == 0)
			return fw->indicators[i];
	return NULL;
}

/*
 * Versions compare as numbers when both are all digits ("2014" > "2013",
 * "10" > "9"), otherwise as strings.
 */
static int
version_cmp(const char *a, const char *b)
{
	size_t la = strspn(a, "0123456789"), lb = strspn(b, "0123456789");

	if (a[la] == '\0' && b[lb] == '\0' && la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a, b);
}

static int
set_cmp(const void *pa, const void *pb)
{
	const struct framework *a = *(const struct framework *const *)pa;
	const struct framework *b = *(const struct framework *const *)pb;
	int                     c = strcmp(a->id, b->id);

	return c != 0 ? c : version_cmp(a->version, b->version);
}

static int
is_xml_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted *.xml names in dir (caller frees each and the array). */
static size_t
list_xml(const char *dir, char ***out)
{
	struct dirent *e;
	DIR           *dp;
	char         **v = NULL;
	size_t         n = 0, cap = 0;

	*out = NULL;
	if ((dp = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(dp)) != NULL) {
		if (!is_xml_name(e->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(dp);
	if (n > 0)
		qsort(v, n, sizeof(*v), name_cmp);
	*out = v;
	return n;
}

/* Adds fw to set unless an equal id+version is there: then an error. */
static int
set_add(struct framework_set *set, struct framework *fw, struct diags *d)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->v[i]->id, fw->id) == 0 &&
		    strcmp(set->v[i]->version, fw->version) == 0) {
			diags_add(d, fw->file, 0, MSG_FW_DUPLICATE, fw->id,
			    fw->version, set->v[i]->file);
			framework_free(fw);
			return -1;
		}
	set->v = xrealloc(set->v, (set->n + 1) * sizeof(*set->v));
	set->v[set->n++] = fw;
	return 0;
}

/* -- issue 18: framework versions -- */
/*
 * A framework whose mapping names ids its earlier version lacks leaves
 * the set, as a file that fails to load does: progress would otherwise
 * compare with nothing in silence.
 */
static int
set_check_mappings(struct framework_set *set, struct diags *d)
{
	size_t i, k = 0;
	int    rc = 0;
	char  *bad = xcalloc(set->n + 1, 1);

	for (i = 0; i < set->n; i++)
		if (framework_check_mappings(set->v[i], set, d) == -1) {
			bad[i] = 1;
			rc = -1;
		}
	for (i = 0; i < set->n; i++)
		if (bad[i])
			framework_free(set->v[i]);
		else
			set->v[k++] = set->v[i];
	set->n = k;
	free(bad);
	return rc;
}

int
framework_set_load(struct framework_set *set, const char *const *dirs,
    size_t ndirs, const char *xsd_path, struct diags *d)
{
	struct framework *fw;
	char            **files;
	size_t            i, j, n;
	int               rc = 0;

	set->v = NULL;
	set->n = 0;
	for (i = 0; i < ndirs; i++) {
		n = list_xml(dirs[i], &files);
		for (j = 0; j < n; j++) {
			if ((fw = framework_load(files[j], xsd_path, d)) == NULL)
				rc = -1;
			else if (set_add(set, fw, d) == -1)
				rc = -1;
			free(files[j]);
		}
		free(files);
	}
	if (set->n > 1)
		qsort(set->v, set->n, sizeof(*set->v), set_cmp);
	if (set_check_mappings(set, d) == -1)
		rc = -1;
	return rc;
}

void
framework_set_free(struct framework_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		framework_free(set->v[i]);
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

const struct framework *
framework_set_find(const struct framework_set *set, const char *spec)
{
	const struct framework *best = NULL;
	const char             *at = strchr(spec, '@');
	size_t                  idlen = at ? (size_t)(at - spec) : strlen(spec);
	size_t                  i;

	for (i = 0; i < set->n; i++) {
		const struct framework *fw = set->v[i];
		if (strlen(fw->id) != idlen || strncmp(fw->id, spec, idlen) != 0)
			continue;
		if (at != NULL && strcmp(fw->version, at + 1) != 0)
			continue;
		if (best == NULL || version_cmp(fw->version, best->version) > 0)
			best = fw;
	}
	return best;
}

/* -- issue 18: framework versions -- */
const struct fw_mapping *
framework_mapping(const struct framework *fw, const struct framework *older)
{
	size_t i, n = strlen(older->id);

	for (i = 0; i < fw->nmappings; i++) {
		const char *f = fw->mappings[i].from;
		if (strncmp(f, older->id, n) == 0 && f[n] == '@' &&
		    strcmp(f + n + 1, older->version) == 0)
			return &fw->mappings[i];
	}
	return NULL;
}

const struct fw_map_entry *
fw_mapping_entry(const struct fw_mapping *m, const char *id, int from_side)
{
	const struct fw_map_entry *e;
	size_t                     i, k;

	for (i = 0; m != NULL && i < m->n; i++) {
		e = &m->entries[i];
		for (k = 0; k < (from_side ? e->nfrom : e->ninto); k++)
			if (strcmp(from_side ? e->from[k] : e->into[k], id) == 0)
				return e;
	}
	return NULL;
}

/* Adds a diagnostic unless older has indicator id; 1 when it lacks it. */
static int
older_lacks(const struct framework *fw, const struct framework *older,
    const char *what, const char *id, long line, struct diags *d)
{
	if (framework_indicator(older, id) != NULL)
		return 0;
	diags_add(d, fw->file, line, MSG_MAP_NO_INDICATOR, what, older->id,
	    older->version, id);
	return 1;
}

int
framework_check_mappings(const struct framework *fw,
    const struct framework_set *set, struct diags *d)
{
	const struct framework    *older;
	const struct fw_map_entry *e;
	char                       what[32];
	size_t                     i, j, k;
	int                        bad = 0;

	for (i = 0; i < fw->nmappings; i++) {
		if ((older = framework_set_find(set, fw->mappings[i].from)) ==
		    NULL)
			continue;
		for (j = 0; j < fw->mappings[i].n; j++) {
			e = &fw->mappings[i].entries[j];
			snprintf(what, sizeof(what), "%s%s",
			    map_kind_name[e->kind],
			    e->kind == FW_MAP_DROPPED ? "" : " from");
			for (k = 0; k < e->nfrom; k++)
				bad += older_lacks(fw, older, what, e->from[k],
				    e->line, d);
		}
		/* renamed-from names an id of the one version mapped from */
		for (k = 0; fw->nmappings == 1 && k < fw->nindicators; k++)
			if (fw->indicators[k]->renamed_from != NULL)
				bad += older_lacks(fw, older, "renamed-from",
				    fw->indicators[k]->renamed_from,
				    fw->indicators[k]->line, d);
	}
	return bad > 0 ? -1 : 0;
}

/* Some indicator of fw other than self says it was renamed from id. */
static int
rename_claims(const struct framework *fw, const struct fw_indicator *self,
    const char *id)
{
	size_t k;

	for (k = 0; k < fw->nindicators; k++)
		if (fw->indicators[k] != self &&
		    fw->indicators[k]->renamed_from != NULL &&
		    strcmp(fw->indicators[k]->renamed_from, id) == 0)
			return 1;
	return 0;
}

enum fw_link
framework_link(const struct framework *fw, const struct framework *older,
    const struct fw_indicator *ind, const struct fw_indicator ***from,
    size_t *n, const struct fw_map_entry **entry)
{
	const struct fw_mapping   *m = framework_mapping(fw, older);
	const struct fw_map_entry *e = fw_mapping_entry(m, ind->id, 0);
	const struct fw_indicator *p = NULL;
	size_t                     k;

	*n = 0;
	*entry = e;
	*from = xcalloc((e != NULL ? e->nfrom : 1) + 1, sizeof(**from));
	if (e != NULL) {
		for (k = 0; k < e->nfrom; k++)
			if ((p = framework_indicator(older, e->from[k])) != NULL)
				(*from)[(*n)++] = p;
		return *n == 0 ? FW_LINK_NONE : e->kind == FW_MAP_SPLIT ?
		    FW_LINK_SPLIT : FW_LINK_MERGED;
	}
	if (ind->renamed_from != NULL &&
	    (p = framework_indicator(older, ind->renamed_from)) != NULL) {
		(*from)[(*n)++] = p;
		return FW_LINK_RENAMED;
	}
	if (fw_mapping_entry(m, ind->id, 1) == NULL &&
	    !rename_claims(fw, ind, ind->id) &&
	    (p = framework_indicator(older, ind->id)) != NULL) {
		(*from)[(*n)++] = p;
		return FW_LINK_SAME;
	}
	return FW_LINK_NONE;
}
