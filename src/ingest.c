/*
 * ingest: response reading. See ingest.h.
 */
#include "ingest.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "csv.h"
#include "util.h"
#include "xmlsafe.h"

/* Spellings accepted per answer; compared case-insensitively. */
static const struct {
	const char *text;
	enum answer answer;
} spellings[] = {
	{ "ja",        ANSWER_JA },
	{ "deels",     ANSWER_DEELS },
	{ "nee",       ANSWER_NEE },
	{ "weet niet", ANSWER_WEET_NIET },
	{ "weet-niet", ANSWER_WEET_NIET },
	{ "n.v.t.",    ANSWER_NVT },
	{ "n.v.t",     ANSWER_NVT },
	{ "nvt",       ANSWER_NVT },
};

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

enum answer
ingest_parse_answer(const char *text)
{
	size_t len, i;

	while (is_blank(*text))
		text++;
	len = strlen(text);
	while (len > 0 && is_blank(text[len - 1]))
		len--;
	if (len == 0)
		return ANSWER_NONE;
	for (i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++)
		if (strlen(spellings[i].text) == len &&
		    strncasecmp(spellings[i].text, text, len) == 0)
			return spellings[i].answer;
	return ANSWER__COUNT;
}

/* ---- CSV ------------------------------------------------------------ */

enum fixed_col { COL_GEMEENTE, COL_AANPAK, COL_RONDE, COL_ROL,
    COL_ORGANISATIE, COL__FIXED };

static const char *const fixed_names[COL__FIXED] = {
	"gemeente", "aanpak", "ronde", "rol", "organisatie"
};

/* What one column of the header means. */
struct column {
	const struct fw_indicator *indicator;   /* NULL: fixed or ignored */
	int                        toelichting;
};

struct csv_state {
	const char                *path;
	const struct framework    *fw;
	const struct ingest_sink  *sink;
	struct diags              *d;
	struct column             *cols;
	size_t                     ncols;
	int                        fixed[COL__FIXED];  /* column or -1 */
	/* Per indicator: index into the row's answer list, or -1. */
	struct response_answer    *answers;
	int                        errors;
};

static char *
trimmed(struct csv_field *f)
{
	char  *s = f->text;
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* The indicator id a header starts with ("1.1.1", "1.1.1. Alle ..."). */
static const struct fw_indicator *
header_indicator(const struct framework *fw, const char *h, int *looks_like)
{
	char   id[16];
	size_t n = strspn(h, "0123456789.");

	*looks_like = 0;
	while (n > 0 && h[n - 1] == '.')
		n--;
	if (n == 0 || n >= sizeof(id) || h[0] == '.')
		return NULL;
	memcpy(id, h, n);
	id[n] = '\0';
	if (strchr(id, '.') == NULL || strchr(strchr(id, '.') + 1, '.') == NULL)
		return NULL;
	*looks_like = 1;
	return framework_indicator(fw, id);
}

static int
contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

static void
csv_error(struct csv_state *st, long line, enum msg id, ...)
{
	va_list ap;

	va_start(ap, id);
	diags_vadd(st->d, st->path, line, id, ap);
	va_end(ap);
	st->errors++;
}

static int
map_header(struct csv_state *st, const struct csv_record *h)
{
	size_t i, k, nind = 0;
	int    looks;

	st->ncols = h->n;
	st->cols = xcalloc(h->n, sizeof(*st->cols));
	for (k = 0; k < COL__FIXED; k++)
		st->fixed[k] = -1;
	for (i = 0; i < h->n; i++) {
		const char *name = trimmed(&h->fields[i]);
		const struct fw_indicator *ind;
		for (k = 0; k < COL__FIXED; k++)
			if (strcasecmp(name, fixed_names[k]) == 0)
				break;
		if (k < COL__FIXED) {
			if (st->fixed[k] != -1)
				csv_error(st, h->line, MSG_CSV_DUP_COLUMN, name);
			st->fixed[k] = (int)i;
			continue;
		}
		ind = header_indicator(st->fw, name, &looks);
		if (ind == NULL) {
			if (looks)
				csv_error(st, h->line, MSG_UNKNOWN_INDICATOR,
				    name, st->fw->id, st->fw->version);
			continue;
		}
		st->cols[i].indicator = ind;
		st->cols[i].toelichting = contains_ci(name, "toelichting");
		/*
		 * Once per repeated column, not once per earlier copy: n
		 * copies gave n(n-1)/2 messages, and a 24 KB header of 4000
		 * "3.1.4" columns 8 million of them, 945 MB and 19 s
		 * (found with fuzz/fuzz_dossier).
		 */
		for (k = 0; k < i; k++)
			if (st->cols[k].indicator == ind &&
			    st->cols[k].toelichting == st->cols[i].toelichting) {
				csv_error(st, h->line, MSG_CSV_DUP_COLUMN, name);
				break;
			}
		nind += !st->cols[i].toelichting;
	}
	for (k = 0; k < COL__FIXED; k++)
		if (st->fixed[k] == -1)
			csv_error(st, h->line, MSG_CSV_MISSING_COLUMN,
			    fixed_names[k]);
	if (nind == 0)
		csv_error(st, h->line, MSG_CSV_NO_INDICATORS);
	st->answers = xcalloc(st->fw->nindicators, sizeof(*st->answers));
	return st->errors == 0 ? 0 : -1;
}

/* Qualtrics writes question texts and {"ImportId":...} under the header. */
static int
is_extra_header(const struct csv_state *st, const struct csv_record *rec,
    int recno)
{
	size_t i;
	const char *rol, *ronde;

	if (recno > 3)
		return 0;
	for (i = 0; i < rec->n; i++)
		if (strncmp(rec->fields[i].text, "{\"ImportId\"", 11) == 0)
			return 1;
	if (recno != 2 || rec->n != st->ncols)
		return 0;
	rol = rec->fields[st->fixed[COL_ROL]].text;
	ronde = rec->fields[st->fixed[COL_RONDE]].text;
	return role_from_name(rol) == ROLE__COUNT &&
	    strspn(ronde, "0123456789") != strlen(ronde);
}

static int
is_blank_record(const struct csv_record *rec)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		if (strspn(rec->fields[i].text, " \t") != rec->fields[i].len)
			return 0;
	return 1;
}

/* Parses a round (year) cell; 0 when it is none. */
static int
parse_round(const char *s)
{
	char *end;
	long  v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 2000 || v > 2100)
		return 0;
	return (int)v;
}

static void
csv_answer(struct csv_state *st, struct response *r, struct csv_field *f,
    const struct column *c)
{
	struct response_answer *a = &st->answers[c->indicator->index];

	if (a->indicator == NULL) {
		a->indicator = c->indicator;
		a->line = f->line;
	}
	if (c->toelichting) {
		if (strspn(f->text, " \t\r\n") != f->len)
			a->toelichting = f->text;
		return;
	}
	a->value = ingest_parse_answer(f->text);
	a->line = f->line;
	if (a->value == ANSWER__COUNT) {
		csv_error(st, f->line, MSG_BAD_ANSWER, trimmed(f),
		    c->indicator->id);
		a->value = ANSWER_NONE;
	} else if (a->value != ANSWER_NONE &&
	    c->indicator->question[r->role] == NULL)
		csv_error(st, f->line, MSG_NOT_ASKED, c->indicator->id,
		    role_name(r->role));
}

static void
csv_row(struct csv_state *st, const struct csv_record *rec)
{
	struct response r;
	const char     *cell[COL__FIXED];
	size_t          i, k, n = 0;
	int             before = st->errors;

	if (rec->n != st->ncols) {
		csv_error(st, rec->line, MSG_CSV_RAGGED, rec->n, st->ncols);
		return;
	}
	/*
	 * The checks look at the trimmed cells: trimmed() returns a pointer
	 * past the leading blanks, so a cell of only blanks still had
	 * text[0] == ' ' and passed as not empty, and a respondent with an
	 * empty gemeente, aanpak or organisatie was stored (fuzz_import).
	 */
	for (k = 0; k < COL__FIXED; k++)
		cell[k] = trimmed(&rec->fields[st->fixed[k]]);
	memset(&r, 0, sizeof(r));
	r.file = st->path;
	r.line = rec->line;
	r.fw = st->fw;
	r.municipality = cell[COL_GEMEENTE];
	r.approach = cell[COL_AANPAK];
	r.organisation = cell[COL_ORGANISATIE];
	r.round = parse_round(cell[COL_RONDE]);
	r.role = role_from_name(cell[COL_ROL]);
	for (k = 0; k < COL__FIXED; k++)
		if (cell[k][0] == '\0')
			csv_error(st, rec->line, MSG_EMPTY_FIELD,
			    fixed_names[k]);
	if (r.round == 0 && cell[COL_RONDE][0])
		csv_error(st, rec->line, MSG_BAD_ROUND, cell[COL_RONDE]);
	if (r.role == ROLE__COUNT) {
		if (cell[COL_ROL][0])
			csv_error(st, rec->line, MSG_BAD_ROLE, cell[COL_ROL]);
		return;
	}
	memset(st->answers, 0, st->fw->nindicators * sizeof(*st->answers));
	for (i = 0; i < rec->n; i++)
		if (st->cols[i].indicator != NULL)
			csv_answer(st, &r, &rec->fields[i], &st->cols[i]);
	if (st->errors > before)
		return;
	/* Compact to the indicators that have a column, framework order. */
	for (k = 0; k < st->fw->nindicators; k++)
		if (st->answers[k].indicator != NULL)
			st->answers[n++] = st->answers[k];
	r.answers = st->answers;
	r.nanswers = n;
	if (st->sink->response(st->sink->ctx, &r) != 0)
		st->errors++;
}

static int
ingest_csv(FILE *f, const char *path, const struct ingest_opts *o,
    const struct ingest_sink *sink, struct diags *d)
{
	struct csv_state   st;
	struct csv_reader *rd = csv_open(f, path);
	struct csv_record  rec;
	int                rc, recno = 0;

	memset(&st, 0, sizeof(st));
	st.path = path;
	st.fw = o->csv_framework;
	st.sink = sink;
	st.d = d;
	while ((rc = csv_next(rd, &rec, d)) == 1) {
		recno++;
		if (recno == 1) {
			if (map_header(&st, &rec) == -1)
				break;
			continue;
		}
		if (is_blank_record(&rec) || is_extra_header(&st, &rec, recno))
			continue;
		csv_row(&st, &rec);
	}
	if (rc == -1)
		st.errors++;
	if (rc == 0 && recno == 0)
		csv_error(&st, 1, MSG_XML_EMPTY);
	csv_close(rd);
	free(st.cols);
	free(st.answers);
	return st.errors;
}

/* ---- XML ------------------------------------------------------------ */

struct xml_state {
	const char   *path;
	struct diags *d;
	struct arena *arena;
	int           errors;
};

static const xmlNode *
elem(const xmlNode *parent, const char *name)
{
	const xmlNode *n;

	for (n = parent->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, name) == 0)
			return n;
	return NULL;
}

static const char *
xtext(struct xml_state *x, const xmlNode *n, int collapse)
{
	xmlChar    *v;
	const char *s;

	if (n == NULL)
		return NULL;
	v = xmlNodeGetContent(n);
	s = collapse ? arena_strdup_collapsed(x->arena, (const char *)v) :
	    arena_strdup(x->arena, (const char *)v);
	xmlFree(v);
	return s;
}

static const char *
xattr(struct xml_state *x, const xmlNode *n, const char *name)
{
	xmlChar    *v = xmlGetProp(n, (const xmlChar *)name);
	const char *s = arena_strdup_collapsed(x->arena, (const char *)v);

	xmlFree(v);
	return s;
}

static const struct framework *
xml_framework(struct xml_state *x, const struct ingest_opts *o,
    const xmlNode *root, const char *id_attr, const char *ver_attr)
{
	const char *id = xattr(x, root, id_attr);
	const char *ver = xattr(x, root, ver_attr);
	char       *spec = xasprintf("%s@%s", id, ver);
	const struct framework *fw = framework_set_find(o->frameworks, spec);

	free(spec);
	if (fw == NULL) {
		diags_add(x->d, x->path, xmlsafe_line(root),
		    MSG_FW_NOT_INSTALLED, id, ver);
		x->errors++;
	}
	return fw;
}

/*
 * Paragraph children joined by a blank line. Appends into one buffer that
 * doubles: re-formatting the whole string for every paragraph was
 * quadratic, and a 600 KB dossier of short <p> took over a minute
 * (found with fuzz/fuzz_dossier; the XML size cap is 64 MB).
 */
static const char *
paragraphs(struct xml_state *x, const xmlNode *parent)
{
	const xmlNode *n;
	const char    *t, *out;
	char          *buf = NULL;
	size_t         len = 0, cap = 0, tl, need;
	int            first = 1;

	for (n = parent->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((t = xtext(x, n, 1)) == NULL)
			t = "";
		tl = strlen(t);
		need = len + (first ? 0 : 2) + tl + 1;
		if (need > cap) {
			cap = need > 2 * cap ? need : 2 * cap;
			buf = xrealloc(buf, cap);
		}
		if (!first) {
			memcpy(buf + len, "\n\n", 2);
			len += 2;
		}
		memcpy(buf + len, t, tl + 1);
		len += tl;
		first = 0;
	}
	out = arena_strdup(x->arena, buf ? buf : "");
	free(buf);
	return out;
}

static int
xml_response(struct xml_state *x, const struct ingest_opts *o,
    const xmlNode *root, const struct ingest_sink *sink)
{
	struct response r;
	const xmlNode  *n;
	size_t          k = 0;
	int             before = x->errors;

	memset(&r, 0, sizeof(r));
	r.file = x->path;
	r.line = xmlsafe_line(root);
	if ((r.fw = xml_framework(x, o, root, "kader", "versie")) == NULL)
		return -1;
	r.municipality = xtext(x, elem(root, "gemeente"), 1);
	r.approach = xtext(x, elem(root, "aanpak"), 1);
	r.round = parse_round(xtext(x, elem(root, "ronde"), 1));
	r.role = role_from_name(xtext(x, elem(root, "rol"), 1));
	r.organisation = xtext(x, elem(root, "organisatie"), 1);
	r.answers = arena_alloc(x->arena,
	    (r.fw->nindicators + 1) * sizeof(*r.answers));
	for (n = root->children; n != NULL; n = n->next) {
		struct response_answer *a;
		const char *id;
		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)n->name, "antwoord") != 0)
			continue;
		id = xattr(x, n, "indicator");
		a = &r.answers[k];
		a->line = xmlsafe_line(n);
		if ((a->indicator = framework_indicator(r.fw, id)) == NULL) {
			diags_add(x->d, x->path, a->line, MSG_UNKNOWN_INDICATOR,
			    id, r.fw->id, r.fw->version);
			x->errors++;
			continue;
		}
		a->value = ingest_parse_answer(xattr(x, n, "waarde"));
		a->toelichting = xtext(x, elem(n, "toelichting"), 0);
		if (a->toelichting != NULL &&
		    strspn(a->toelichting, " \t\r\n") == strlen(a->toelichting))
			a->toelichting = NULL;
		if (a->value != ANSWER_NONE &&
		    a->indicator->question[r.role] == NULL) {
			diags_add(x->d, x->path, a->line, MSG_NOT_ASKED, id,
			    role_name(r.role));
			x->errors++;
		}
		if (k < r.fw->nindicators)
			k++;
	}
	r.nanswers = k;
	if (x->errors > before)
		return -1;
	return sink->response(sink->ctx, &r);
}

/*
 * The <voortgang indicator="ID"> notes of an approach: what the
 * municipality did about a verbeterpunt. An unknown indicator is an error.
 */
static void
dossier_notes(struct xml_state *x, const struct framework *fw,
    const xmlNode *aanpak, struct dossier_approach *a)
{
	const xmlNode *p;
	const char    *id;
	size_t         cap = 0;

	for (p = aanpak->children; p != NULL; p = p->next)
		cap += p->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)p->name, "voortgang") == 0;
	a->notes = arena_alloc(x->arena, (cap + 1) * sizeof(*a->notes));
	for (p = aanpak->children; p != NULL; p = p->next) {
		struct dossier_note *note = &a->notes[a->nnotes];
		if (p->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)p->name, "voortgang") != 0)
			continue;
		id = xattr(x, p, "indicator");
		note->line = xmlsafe_line(p);
		if ((note->indicator = framework_indicator(fw, id)) == NULL) {
			diags_add(x->d, x->path, note->line,
			    MSG_UNKNOWN_INDICATOR, id, fw->id, fw->version);
			x->errors++;
			continue;
		}
		note->text = paragraphs(x, p);
		a->nnotes++;
	}
}

static int
xml_dossier(struct xml_state *x, const struct ingest_opts *o,
    const xmlNode *root, const struct ingest_sink *sink)
{
	struct dossier ds;
	const xmlNode *n, *p;
	const char    *kind;
	size_t         k = 0, cap = 0;
	int            before = x->errors;

	memset(&ds, 0, sizeof(ds));
	ds.file = x->path;
	ds.line = xmlsafe_line(root);
	if ((ds.fw = xml_framework(x, o, root, "kader", "versie")) == NULL)
		return -1;
	ds.municipality = xattr(x, root, "gemeente");
	ds.round = parse_round(xattr(x, root, "ronde"));
	kind = xattr(x, root, "soort");
	ds.self_assessment = kind != NULL && strcmp(kind, "zelfevaluatie") == 0;
	ds.context = paragraphs(x, elem(root, "context"));
	for (n = root->children; n != NULL; n = n->next)
		cap += n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "aanpak") == 0;
	ds.approaches = arena_alloc(x->arena, (cap + 1) *
	    sizeof(*ds.approaches));
	for (n = root->children; n != NULL; n = n->next) {
		struct dossier_approach *a = &ds.approaches[k];
		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)n->name, "aanpak") != 0)
			continue;
		a->name = xattr(x, n, "naam");
		a->line = xmlsafe_line(n);
		a->description = paragraphs(x, elem(n, "beschrijving"));
		for (p = n->children; p != NULL; p = p->next)
			if (p->type == XML_ELEMENT_NODE && a->npartners < 3 &&
			    strcmp((const char *)p->name, "netwerkpartner") == 0)
				a->partners[a->npartners++] = xtext(x, p, 1);
		dossier_notes(x, ds.fw, n, a);
		k++;
	}
	ds.napproaches = k;
	if (x->errors > before)
		return -1;
	return sink->dossier(sink->ctx, &ds);
}

/* Line of the first byte that is not UTF-8, or 0 when all are. */
static long
first_bad_utf8_line(const char *buf, size_t len)
{
	size_t i, start = 0;
	long   line = 1;

	for (i = 0; i <= len; i++)
		if (i == len || buf[i] == '\n') {
			if (!utf8_valid(buf + start, i - start))
				return line;
			line++;
			start = i + 1;
		}
	return 0;
}

static int
ingest_xml(const char *path, const char *buf, size_t len,
    const struct ingest_opts *o, const struct ingest_sink *sink,
    struct diags *d)
{
	struct xml_state       x = { path, d, NULL, 0 };
	struct xmlsafe_schema *schema = NULL;
	xmlDocPtr              doc = NULL;
	const xmlNode         *root;
	const char            *xsd;
	long                   bad;

	if ((bad = first_bad_utf8_line(buf, len)) != 0) {
		diags_add(d, path, bad, MSG_CSV_UTF8);
		return 1;
	}
	if ((doc = xmlsafe_read_memory(buf, len, path, d)) == NULL)
		return 1;
	root = xmlDocGetRootElement(doc);
	if (strcmp((const char *)root->name, "antwoorden") == 0)
		xsd = o->response_xsd;
	else if (strcmp((const char *)root->name, "dossier") == 0)
		xsd = o->dossier_xsd;
	else {
		diags_add(d, path, xmlsafe_line(root), MSG_ROOT,
		    (const char *)root->name, "antwoorden> or <dossier");
		xmlFreeDoc(doc);
		return 1;
	}
	if ((schema = xmlsafe_schema_load(xsd, d)) == NULL ||
	    xmlsafe_validate(schema, doc, path, d) == -1) {
		x.errors = 1;
		goto out;
	}
	x.arena = arena_new();
	if (xsd == o->response_xsd) {
		if (xml_response(&x, o, root, sink) != 0 && x.errors == 0)
			x.errors = 1;
	} else if (xml_dossier(&x, o, root, sink) != 0 && x.errors == 0)
		x.errors = 1;
	arena_free(x.arena);
out:
	xmlsafe_schema_free(schema);
	xmlFreeDoc(doc);
	return x.errors;
}

int
ingest_file(const char *path, const struct ingest_opts *o,
    const struct ingest_sink *sink, struct diags *d)
{
	unsigned char head[512];
	FILE         *f;
	char         *buf;
	size_t        len, n, i = 0;
	int           errors;

	if ((f = fopen(path, "rb")) == NULL) {
		diags_add(d, path, 0, MSG_IO, strerror(errno));
		return 1;
	}
	/* XML when the first byte after a BOM and white space is '<'. */
	n = fread(head, 1, sizeof(head), f);
	if (n >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && strchr(" \t\r\n", head[i]) != NULL && head[i])
		i++;
	if (i >= n || head[i] != '<') {
		rewind(f);
		errors = ingest_csv(f, path, o, sink, d);
		fclose(f);
		return errors;
	}
	fclose(f);
	if (file_read_all(path, XMLSAFE_MAX_BYTES, &buf, &len) == -1) {
		if (errno == EFBIG)
			diags_add(d, path, 0, MSG_TOO_BIG, XMLSAFE_MAX_BYTES);
		else
			diags_add(d, path, 0, MSG_IO, strerror(errno));
		return 1;
	}
	errors = ingest_xml(path, buf, len, o, sink, d);
	free(buf);
	return errors;
}
