/*
 * mapfile: mapping files for survey exports. See mapfile.h.
 */
#include "mapfile.h"

#include <ctype.h>
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"
#include "names.h"
#include "util.h"

/* A mapping is a page of text; anything bigger is no mapping. */
#define MAPFILE_MAX_BYTES ((size_t)1024 * 1024)

const char *const map_field_names[MF__COUNT] = {
	"gemeente", "aanpak", "ronde", "rol", "organisatie"
};

/* The canonical spelling of each answer, as a mapping names it. */
static const char *const answer_words[ANSWER__COUNT] = {
	"", "ja", "deels", "nee", "weet niet", "n.v.t."
};

struct rule {
	long           line;
	char          *key;      /* quoted header's names_key(); or NULL */
	regex_t        re;       /* when key is NULL */
	struct map_hit hit;      /* id may be "$N" */
};

struct word {
	char       *key;
	enum answer answer;
};

struct mapfile {
	char        *path;
	struct rule *rules;
	size_t       nrules;
	struct word *words;
	size_t       nwords;
	char        *constant[MF__COUNT];
	long         cline[MF__COUNT];
};

/* ---- parsing -------------------------------------------------------- */

struct parser {
	const char           *path;
	long                  line;
	const char           *p;        /* where reading is */
	const struct framework *fw;
	struct diags         *d;
	int                   errors;
};

static void
perr(struct parser *ps, enum msg id, ...)
{
	va_list ap;

	va_start(ap, id);
	diags_vadd(ps->d, ps->path, ps->line, id, ap);
	va_end(ap);
	ps->errors++;
}

static void
skip_blank(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
}

/* The next bare word (letters, digits, '.', '-', '_', '$'), malloc'd. */
static char *
word(struct parser *ps)
{
	const char *s;

	skip_blank(ps);
	s = ps->p;
	while (*ps->p != '\0' && *ps->p != ' ' && *ps->p != '\t' &&
	    *ps->p != '"' && *ps->p != '/' && *ps->p != '=' &&
	    !(ps->p[0] == '-' && ps->p[1] == '>'))
		ps->p++;
	return xasprintf("%.*s", (int)(ps->p - s), s);
}

/*
 * A quoted string ("..." with \" and \\) or, when slash, a /pattern/
 * (\/ for a slash; other escapes kept for the regex). NULL after an error.
 */
static char *
delimited(struct parser *ps, char q)
{
	char  *out = xmalloc(strlen(ps->p) + 1);
	size_t n = 0;

	ps->p++;
	for (; *ps->p != '\0' && *ps->p != q; ps->p++) {
		if (ps->p[0] == '\\' && (ps->p[1] == q || (q == '"' &&
		    ps->p[1] == '\\')))
			ps->p++;
		out[n++] = *ps->p;
	}
	out[n] = '\0';
	if (*ps->p != q) {
		perr(ps, MSG_MAPF_UNTERMINATED, q == '"' ? "string" :
		    "/pattern/");
		free(out);
		return NULL;
	}
	ps->p++;
	return out;
}

/* "->" next, else an error naming what came after. */
static int
arrow(struct parser *ps, const char *after)
{
	skip_blank(ps);
	if (ps->p[0] == '-' && ps->p[1] == '>') {
		ps->p += 2;
		return 0;
	}
	perr(ps, MSG_MAPF_EXPECT, "'->'", after);
	return -1;
}

static int
line_end(struct parser *ps)
{
	skip_blank(ps);
	if (*ps->p == '\0')
		return 0;
	perr(ps, MSG_MAPF_TRAILING, ps->p);
	return -1;
}

static int
field_of(const char *s)
{
	int f;

	for (f = 0; f < MF__COUNT; f++)
		if (strcasecmp(s, map_field_names[f]) == 0)
			return f;
	return -1;
}

/* "1.1.1" (an indicator of fw) or "$1".."$9" (a group the rule has). */
static int
target_id(struct parser *ps, const char *id, const struct rule *r)
{
	size_t n = strspn(id, "0123456789.");

	if (id[0] == '$' && id[1] >= '1' && id[1] <= '9' && id[2] == '\0') {
		if (r->key != NULL || (size_t)(id[1] - '0') > r->re.re_nsub) {
			perr(ps, MSG_MAPF_GROUP, id);
			return -1;
		}
		return 0;
	}
	if (n == 0 || id[n] != '\0' || strlen(id) >= sizeof(r->hit.id)) {
		perr(ps, MSG_MAPF_ID, id);
		return -1;
	}
	if (framework_indicator(ps->fw, id) == NULL) {
		perr(ps, MSG_UNKNOWN_INDICATOR, id, ps->fw->id,
		    ps->fw->version);
		return -1;
	}
	return 0;
}

/* What follows "->": a field, "antwoord ID" or "toelichting ID". */
static int
target(struct parser *ps, struct rule *r)
{
	char *t = word(ps), *id = NULL;
	int   f, rc = -1;

	if ((f = field_of(t)) >= 0) {
		r->hit.kind = MK_FIELD;
		r->hit.field = (enum map_field)f;
		rc = 0;
	} else if (strcasecmp(t, "antwoord") == 0 ||
	    strcasecmp(t, "toelichting") == 0) {
		r->hit.kind = strcasecmp(t, "antwoord") == 0 ? MK_ANSWER :
		    MK_TOELICHTING;
		id = word(ps);
		if (id[0] == '\0')
			perr(ps, MSG_MAPF_EXPECT, "an indicator id or $1", t);
		else if (target_id(ps, id, r) == 0) {
			snprintf(r->hit.id, sizeof(r->hit.id), "%s", id);
			rc = 0;
		}
	} else
		perr(ps, MSG_MAPF_TARGET, t);
	free(t);
	free(id);
	return rc;
}

/* The pattern of a kolom or negeer line into r; -1 after an error. */
static int
pattern(struct parser *ps, struct rule *r, const char *after)
{
	char *s;
	int   e;

	skip_blank(ps);
	if (*ps->p != '"' && *ps->p != '/') {
		perr(ps, MSG_MAPF_EXPECT, "a \"header\" or /pattern/", after);
		return -1;
	}
	if (*ps->p == '"') {
		if ((s = delimited(ps, '"')) == NULL)
			return -1;
		r->key = names_key(s);
		free(s);
		return r->key != NULL ? 0 : -1;
	}
	if ((s = delimited(ps, '/')) == NULL)
		return -1;
	if ((e = regcomp(&r->re, s, REG_EXTENDED | REG_ICASE)) != 0) {
		char why[128];
		regerror(e, &r->re, why, sizeof(why));
		perr(ps, MSG_MAPF_REGEX, s, why);
		free(s);
		return -1;
	}
	free(s);
	r->key = NULL;
	return 1;
}

static void
rule_free(struct rule *r, int compiled)
{
	if (r->key != NULL)
		free(r->key);
	else if (compiled)
		regfree(&r->re);
}

/* kolom PAT -> TARGET, or negeer PAT. */
static void
parse_rule(struct parser *ps, struct mapfile *m, int ignore)
{
	struct rule r;
	int         kind;

	memset(&r, 0, sizeof(r));
	r.line = ps->line;
	if ((kind = pattern(ps, &r, ignore ? "negeer" : "kolom")) == -1)
		return;
	if (ignore)
		r.hit.kind = MK_IGNORE;
	if ((!ignore && (arrow(ps, "the column") == -1 ||
	    target(ps, &r) == -1)) || line_end(ps) == -1) {
		rule_free(&r, kind == 1);
		return;
	}
	r.hit.line = ps->line;
	m->rules = xrealloc(m->rules, (m->nrules + 1) * sizeof(*m->rules));
	m->rules[m->nrules++] = r;
}

/* antwoord "TEXT" -> ja|deels|nee|weet niet|n.v.t. */
static void
parse_word(struct parser *ps, struct mapfile *m)
{
	char       *text, *key;
	enum answer a;

	skip_blank(ps);
	if (*ps->p != '"') {
		perr(ps, MSG_MAPF_EXPECT, "a \"text\"", "antwoord");
		return;
	}
	if ((text = delimited(ps, '"')) == NULL)
		return;
	if (arrow(ps, "the text") == -1) {
		free(text);
		return;
	}
	skip_blank(ps);
	a = ingest_parse_answer(ps->p);
	if (a == ANSWER__COUNT || a == ANSWER_NONE) {
		perr(ps, MSG_MAPF_ANSWER, ps->p);
		free(text);
		return;
	}
	if ((key = names_key(text)) != NULL) {
		m->words = xrealloc(m->words, (m->nwords + 1) *
		    sizeof(*m->words));
		m->words[m->nwords].key = key;
		m->words[m->nwords++].answer = a;
	}
	free(text);
}

/* constant FIELD = VALUE (the rest of the line, or a quoted string). */
static void
parse_constant(struct parser *ps, struct mapfile *m)
{
	char *name = word(ps), *value;
	int   f = field_of(name);

	if (f < 0) {
		perr(ps, MSG_MAPF_FIELD, name);
		free(name);
		return;
	}
	free(name);
	skip_blank(ps);
	if (*ps->p != '=') {
		perr(ps, MSG_MAPF_EXPECT, "'='", map_field_names[f]);
		return;
	}
	ps->p++;
	skip_blank(ps);
	if (*ps->p == '"') {
		if ((value = delimited(ps, '"')) == NULL ||
		    line_end(ps) == -1) {
			free(value);
			return;
		}
	} else
		value = xstrdup(ps->p);
	if (value[0] == '\0') {
		perr(ps, MSG_MAPF_EXPECT, "a value", "=");
		free(value);
		return;
	}
	if (m->constant[f] != NULL) {
		perr(ps, MSG_MAPF_TWICE, map_field_names[f], m->cline[f]);
		free(value);
		return;
	}
	m->constant[f] = value;
	m->cline[f] = ps->line;
}

/* Cuts a comment ('#' outside quotes and patterns) and trailing blanks. */
static void
strip_comment(char *s)
{
	char   q = 0;
	size_t n;

	for (n = 0; s[n] != '\0'; n++) {
		if (q != 0 && s[n] == '\\' && s[n + 1] != '\0')
			n++;
		else if (q != 0 && s[n] == q)
			q = 0;
		else if (q == 0 && (s[n] == '"' || (s[n] == '/' && n > 0 &&
		    (s[n - 1] == ' ' || s[n - 1] == '\t'))))
			q = s[n];   /* a pattern starts after a blank */
		else if (q == 0 && s[n] == '#')
			break;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	s[n] = '\0';
}

static void
parse_line(struct parser *ps, struct mapfile *m, char *text)
{
	char *kw;

	strip_comment(text);
	ps->p = text;
	skip_blank(ps);
	if (*ps->p == '\0')
		return;
	kw = word(ps);
	if (strcasecmp(kw, "kolom") == 0)
		parse_rule(ps, m, 0);
	else if (strcasecmp(kw, "negeer") == 0)
		parse_rule(ps, m, 1);
	else if (strcasecmp(kw, "antwoord") == 0)
		parse_word(ps, m);
	else if (strcasecmp(kw, "constant") == 0)
		parse_constant(ps, m);
	else
		perr(ps, MSG_MAPF_KEYWORD, kw[0] ? kw : ps->p);
	free(kw);
}

struct mapfile *
mapfile_load(const char *path, const struct framework *fw, struct diags *d)
{
	struct parser   ps = { path, 0, NULL, fw, d, 0 };
	struct mapfile *m;
	char           *buf, *line, *next;
	size_t          len;

	if (file_read_all(path, MAPFILE_MAX_BYTES, &buf, &len) == -1) {
		if (errno == EFBIG)
			diags_add(d, path, 0, MSG_TOO_BIG, MAPFILE_MAX_BYTES);
		else
			diags_add(d, path, 0, MSG_IO, strerror(errno));
		return NULL;
	}
	if (strlen(buf) != len) {
		diags_add(d, path, 0, MSG_CSV_NUL);
		free(buf);
		return NULL;
	}
	m = xcalloc(1, sizeof(*m));
	m->path = xstrdup(path);
	line = buf;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		line += 3;
	for (; line != NULL; line = next) {
		ps.line++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (!utf8_valid(line, strlen(line)) ||
		    text_control(line, "\t\r") > 0)
			perr(&ps, MSG_CSV_UTF8);
		else
			parse_line(&ps, m, line);
	}
	free(buf);
	if (ps.errors > 0) {
		mapfile_free(m);
		return NULL;
	}
	return m;
}

void
mapfile_free(struct mapfile *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nrules; i++)
		rule_free(&m->rules[i], 1);
	for (i = 0; i < m->nwords; i++)
		free(m->words[i].key);
	for (i = 0; i < MF__COUNT; i++)
		free(m->constant[i]);
	free(m->rules);
	free(m->words);
	free(m->path);
	free(m);
}

const char *
mapfile_path(const struct mapfile *m)
{
	return m->path;
}

/* The target's id with $N replaced by group N of what the rule matched. */
static void
fill_id(const struct rule *r, const char *header, const regmatch_t *g,
    struct map_hit *out)
{
	int k;

	*out = r->hit;
	if ((out->kind != MK_ANSWER && out->kind != MK_TOELICHTING) ||
	    out->id[0] != '$')
		return;
	k = out->id[1] - '0';
	if (g[k].rm_so < 0) {
		out->id[0] = '\0';
		return;
	}
	snprintf(out->id, sizeof(out->id), "%.*s",
	    (int)(g[k].rm_eo - g[k].rm_so), header + g[k].rm_so);
	/* "1.1.1." at the end of a title: the id without its full stop. */
	k = (int)strlen(out->id);
	while (k > 0 && out->id[k - 1] == '.')
		out->id[--k] = '\0';
}

int
mapfile_column(const struct mapfile *m, const char *header,
    struct map_hit *out)
{
	char      *key = names_key(header);
	regmatch_t g[10];
	size_t     i;
	int        hit = 0;

	for (i = 0; i < m->nrules && !hit; i++) {
		const struct rule *r = &m->rules[i];
		if (r->key != NULL)
			hit = key != NULL && strcmp(r->key, key) == 0;
		else
			hit = regexec(&r->re, header, 10, g, 0) == 0;
		if (hit)
			fill_id(r, header, g, out);
	}
	free(key);
	return hit;
}

enum answer
mapfile_answer(const struct mapfile *m, const char *text)
{
	char       *key;
	enum answer a = ANSWER__COUNT;
	size_t      i;

	if (m == NULL || m->nwords == 0 || (key = names_key(text)) == NULL)
		return ANSWER__COUNT;
	for (i = 0; i < m->nwords; i++)
		if (strcmp(m->words[i].key, key) == 0) {
			a = m->words[i].answer;
			break;
		}
	free(key);
	return a;
}

const char *
mapfile_constant(const struct mapfile *m, enum map_field f, long *line)
{
	if (m == NULL)
		return NULL;
	*line = m->cline[f];
	return m->constant[f];
}

/* ---- the suggestion ------------------------------------------------- */

/* Distinct answer texts kept per column; a survey has a handful. */
enum { SUGGEST_MAX_TEXTS = 64 };

struct scol {
	char          *header, *alt, *why;
	int            placed;
	enum map_kind  kind;
	enum map_field field;
	char           id[32];
};

struct map_suggest {
	struct scol *cols;
	size_t       ncols;
	char       **texts;    /* distinct answer texts, first seen first */
	size_t       ntexts;
};

struct map_suggest *
map_suggest_new(void)
{
	return xcalloc(1, sizeof(struct map_suggest));
}

void
map_suggest_free(struct map_suggest *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->ncols; i++) {
		free(s->cols[i].header);
		free(s->cols[i].alt);
		free(s->cols[i].why);
	}
	for (i = 0; i < s->ntexts; i++)
		free(s->texts[i]);
	free(s->cols);
	free(s->texts);
	free(s);
}

/*
 * A column nothing placed whose header holds a field's name ("Naam van
 * uw organisatie", "Welke gemeente?") is suggested as that field: the
 * inspector checks it. The importer never guesses this, as "Werkt u
 * samen met de gemeente?" is a question, not the gemeente.
 */
static void
guess_field(struct scol *c)
{
	/* Qualtrics: its question text says it, not "Q1". */
	char *w = names_key(c->alt != NULL ? c->alt : c->header);
	int   f;

	for (f = 0; w != NULL && f < MF__COUNT; f++)
		if (strstr(w, map_field_names[f]) != NULL &&
		    strlen(w) < 40) {
			c->placed = 1;
			c->kind = MK_FIELD;
			c->field = (enum map_field)f;
			c->why = xasprintf("geraden uit het woord '%s': "
			    "controleer", map_field_names[f]);
			break;
		}
	free(w);
}

void
map_suggest_column(struct map_suggest *s, size_t col, const char *header,
    const char *alt, int placed, enum map_kind kind, enum map_field field,
    const char *id, const char *why)
{
	struct scol *c;

	if (col >= s->ncols) {
		s->cols = xrealloc(s->cols, (col + 1) * sizeof(*s->cols));
		memset(s->cols + s->ncols, 0, (col + 1 - s->ncols) *
		    sizeof(*s->cols));
		s->ncols = col + 1;
	}
	c = &s->cols[col];
	c->header = xstrdup(header);
	c->alt = alt != NULL && alt[0] != '\0' ? xstrdup(alt) : NULL;
	c->why = why != NULL ? xstrdup(why) : NULL;
	c->placed = placed;
	c->kind = kind;
	c->field = field;
	snprintf(c->id, sizeof(c->id), "%s", id != NULL ? id : "");
	if (!placed && why == NULL)
		guess_field(c);
}

size_t
map_suggest_columns(const struct map_suggest *s)
{
	return s->ncols;
}

void
map_suggest_cell(struct map_suggest *s, size_t col, const char *text)
{
	char  *key;
	size_t i;

	if (col >= s->ncols || s->cols[col].placed != 1 ||
	    s->cols[col].kind != MK_ANSWER ||
	    text[strspn(text, " \t\r\n")] == '\0' ||
	    s->ntexts >= SUGGEST_MAX_TEXTS)
		return;
	if ((key = names_key(text)) == NULL)
		return;
	for (i = 0; i < s->ntexts; i++)
		if (names_equal(s->texts[i], key))
			break;
	if (i == s->ntexts) {
		s->texts = xrealloc(s->texts, (s->ntexts + 1) *
		    sizeof(*s->texts));
		s->texts[s->ntexts++] = names_normalise(text);
	}
	free(key);
}

/* text as a quoted string of the mapping format. */
static void
put_quoted(FILE *f, const char *text)
{
	fputc('"', f);
	for (; *text != '\0'; text++) {
		if (*text == '"' || *text == '\\')
			fputc('\\', f);
		fputc(*text == '\n' || *text == '\r' ? ' ' : *text, f);
	}
	fputc('"', f);
}

static void
put_column(FILE *f, const struct scol *c)
{
	/* Qualtrics: the rule names the QID row's short name. */
	if (c->placed == -1) {
		fputs("# kolom ", f);
		put_quoted(f, c->header);
		fprintf(f, " -> ?  # %s\n", c->why);
		return;
	}
	if (!c->placed || c->kind == MK_IGNORE) {
		fputs("negeer ", f);
		put_quoted(f, c->header);
		fprintf(f, "  # %s\n", c->placed ? c->why :
		    "niet geplaatst: geen gegeven en geen indicator");
		return;
	}
	fputs("kolom ", f);
	put_quoted(f, c->header);
	if (c->kind == MK_FIELD)
		fprintf(f, " -> %s", map_field_names[c->field]);
	else
		fprintf(f, " -> %s %s", c->kind == MK_ANSWER ? "antwoord" :
		    "toelichting", c->id);
	/* The comment: Qualtrics' question text, then why. */
	if (c->why != NULL || c->alt != NULL)
		fputs("  #", f);
	if (c->alt != NULL)
		fprintf(f, " %s%s", c->alt, c->why != NULL ? ":" : "");
	if (c->why != NULL)
		fprintf(f, " %s", c->why);
	fputc('\n', f);
}

void
map_suggest_write(const struct map_suggest *s, const char *from, FILE *f)
{
	int    have[MF__COUNT] = { 0 };
	size_t i, unplaced = 0, unknown = 0;

	fprintf(f, "# Mapping voor %s, voorgesteld door stj mapping "
	    "--suggest.\n# Controleer elke regel; gebruik: stj import "
	    "--mapping DIT_BESTAND %s\n\n# Kolommen\n", from, from);
	for (i = 0; i < s->ncols; i++) {
		const struct scol *c = &s->cols[i];
		if (c->header == NULL)
			continue;
		put_column(f, c);
		if (c->placed == 1 && c->kind == MK_FIELD)
			have[c->field] = 1;
		unplaced += c->placed != 1;
	}
	fputs("\n# Antwoorden zoals ze in het bestand staan\n", f);
	for (i = 0; i < s->ntexts; i++) {
		enum answer a = ingest_parse_answer(s->texts[i]);
		if (a == ANSWER__COUNT || a == ANSWER_NONE) {
			unknown++;
			continue;
		}
		fputs("antwoord ", f);
		put_quoted(f, s->texts[i]);
		fprintf(f, " -> %s\n", answer_words[a]);
	}
	fputs("\n# Vaste waarden voor gegevens die het bestand niet heeft: "
	    "vul in en haal het # weg\n", f);
	for (i = 0; i < MF__COUNT; i++)
		if (!have[i])
			fprintf(f, "# constant %s = \n", map_field_names[i]);
	if (unplaced + unknown == 0)
		return;
	fputs("\n# Niet geplaatst:\n", f);
	for (i = 0; i < s->ncols; i++)
		if (s->cols[i].header != NULL && s->cols[i].placed != 1) {
			fputs("#   kolom ", f);
			put_quoted(f, s->cols[i].header);
			fputc('\n', f);
		}
	for (i = 0; i < s->ntexts; i++) {
		enum answer a = ingest_parse_answer(s->texts[i]);
		if (a != ANSWER__COUNT && a != ANSWER_NONE)
			continue;
		fputs("#   antwoord ", f);
		put_quoted(f, s->texts[i]);
		fputs(" -> ?  (ja, deels, nee, weet niet, n.v.t.)\n", f);
	}
}
