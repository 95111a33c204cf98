/*
 * ingest: response reading. See ingest.h.
 */
#include "ingest.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <iconv.h>
#include <search.h>

#include <libxml/tree.h>

#include "csv.h"
#include "limesurvey.h"  /* -- step 12: lss -- */
#include "mapping.h"
#include "names.h"
#include "util.h"
#include "xmlsafe.h"
#include "xlsx.h"

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
	/* -- step 12: mapping -- the longer words forms tools offer. */
	return mapping_answer_word(text);
}

/*
 * The first control character in s that a name (text == 0) or a text
 * (text == 1: line breaks and tabs allowed) may not hold, as "U+001B" in
 * out, or 0 when there is none. Control characters are C0 (below 0x20),
 * DEL and C1 (U+0080-U+009F, in UTF-8 0xC2 0x80-0x9F): written to a
 * terminal they move the cursor, set the title or the clipboard, and in a
 * name a tab or a line break splits the TSV outputs' rows.
 */
static int
control_char(const char *s, int text, char out[16])
{
	long cp = text_control(s, text ? "\n\t" : "");

	/* Not UTF-8 is reported by the UTF-8 check, before this one. */
	if (cp <= 0)
		return 0;
	snprintf(out, 16, "U+%04X", (unsigned)cp & 0xffffu);
	return 1;
}

/* 0, or -1 after "file:line: WHAT contains a control character". */
static int
check_name(struct diags *d, const char *file, long line, const char *what,
    const char *s)
{
	char cp[16];

	if (s == NULL || !control_char(s, 0, cp))
		return 0;
	diags_add(d, file, line, MSG_NAME_CONTROL, what, cp);
	return -1;
}

/* The same for a text (toelichting, dossier paragraphs). */
static int
check_text(struct diags *d, const char *file, long line, const char *what,
    const char *s)
{
	char cp[16];

	if (s == NULL || !control_char(s, 1, cp))
		return 0;
	diags_add(d, file, line, MSG_TEXT_CONTROL, what, cp);
	return -1;
}

/* A role as people write it: "gemeente", "Gemeente", "NETWERKPARTNER". */
static enum role
parse_role(const char *s)
{
	int r;

	for (r = 0; r < ROLE__COUNT; r++)
		if (strcasecmp(role_name((enum role)r), s) == 0)
			return (enum role)r;
	return ROLE__COUNT;
}

/* ---- Respondents seen in one import --------------------------------- */

struct seen_entry {
	char              *key;
	char              *file;
	long               line;
	struct seen_entry *next;   /* all of them, to free */
};

struct ingest_seen {
	void              *root;   /* tsearch() tree of the entries, by key */
	struct seen_entry *all;
};

struct ingest_seen *
ingest_seen_new(void)
{
	return xcalloc(1, sizeof(struct ingest_seen));
}

static void
seen_entry_free(void *p)
{
	struct seen_entry *e = p;

	free(e->key);
	free(e->file);
	free(e);
}

static int
seen_cmp(const void *a, const void *b)
{
	return strcmp(((const struct seen_entry *)a)->key,
	    ((const struct seen_entry *)b)->key);
}

/* POSIX has no tdestroy(): each node is deleted, then its entry freed. */
void
ingest_seen_free(struct ingest_seen *s)
{
	struct seen_entry *e, *next;

	if (s == NULL)
		return;
	for (e = s->all; e != NULL; e = next) {
		next = e->next;
		tdelete(e, &s->root, seen_cmp);
		seen_entry_free(e);
	}
	free(s);
}

/*
 * A name's key (names_key(): the one the store matches names by) appended
 * to *buf, so a second row spelled "ggd  amstelland" for "GGD Amstelland"
 * is the same respondent (with --replace it would silently replace the
 * first).
 */
static void
key_append(char **buf, size_t *len, const char *name)
{
	/* The store's key (names.h): two spellings it would take for one
	 * name are one respondent here too. */
	char  *key = names_key(name);
	size_t n;

	if (key == NULL)   /* not UTF-8: cannot happen after the checks */
		key = xstrdup(name);
	n = strlen(key);
	*buf = xrealloc(*buf, *len + n + 2);
	memcpy(*buf + *len, key, n);
	(*buf)[*len + n] = '\x1f';   /* unit separator: between the parts */
	*len += n + 1;
	free(key);
}

/*
 * Remembers respondent r (municipality, round, approach, organisation) as
 * seen at r->file:r->line. A second row for the same respondent in one
 * import is an error naming both lines: stored one after the other, the
 * second silently replaced the first. s NULL: nothing is checked.
 */
static int
seen_check(struct ingest_seen *s, const struct response *r, struct diags *d)
{
	struct seen_entry  *e, **found;
	char                year[16];
	char               *key = NULL;
	size_t              len = 0;

	if (s == NULL)
		return 0;
	snprintf(year, sizeof(year), "%d", r->round);
	key_append(&key, &len, r->municipality);
	key_append(&key, &len, year);
	key_append(&key, &len, r->approach);
	key_append(&key, &len, r->organisation);
	key[len] = '\0';
	e = xcalloc(1, sizeof(*e));
	e->key = key;
	found = tsearch(e, &s->root, seen_cmp);
	/* Out of memory: like xmalloc(), no caller checks for it. */
	if (found == NULL) {
		fputs("stj: out of memory\n", stderr);
		abort();
	}
	if (*found == e) {
		e->file = xstrdup(r->file);
		e->line = r->line;
		e->next = s->all;
		s->all = e;
		return 0;
	}
	if (strcmp((*found)->file, r->file) == 0)
		diags_add(d, r->file, r->line, MSG_RESP_TWICE, r->organisation,
		    r->approach, r->municipality, r->round, (*found)->line);
	else
		diags_add(d, r->file, r->line, MSG_RESP_TWICE_FILE,
		    r->organisation, r->approach, r->municipality, r->round,
		    (*found)->file, (*found)->line);
	seen_entry_free(e);
	return -1;
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
	struct ingest_seen        *seen;
	const struct ingest_sink  *sink;
	struct diags              *d;
	struct column             *cols;
	size_t                     ncols;
	int                        fixed[COL__FIXED];  /* column or -1 */
	/* Per indicator: index into the row's answer list, or -1. */
	struct response_answer    *answers;
	int                        errors;
	int                        recno, extra, data;  /* ingest_record() */
	/* -- step 12: lss -- LimeSurvey's export read as canonical */
	struct ls_map              ls;
	int                        lsr;   /* 1: ls holds a LimeSurvey map */
	/* -- step 14: mapping file -- */
	const struct mapfile      *mapping;
	struct map_suggest        *suggest;
	/* fixed[k] == -2: every row has the mapping's constant[k] */
	const char                *constant[COL__FIXED];
	/* Qualtrics: the first header row, kept until the second is read */
	struct csv_record          row1;
	/*
	 * A survey tool's completion column, or -1: LimeSurvey's submitdate
	 * (empty: not submitted), Qualtrics' Finished (False or 0).
	 */
	int                        submitted, finished;
	char                       submitted_name[16];   /* its heading */
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

/*
 * The indicator id a header starts with ("1.1.1", "1.1.1. Alle ..."); *end
 * is set to the text after the id.
 */
static const struct fw_indicator *
header_indicator(const struct framework *fw, const char *h, int *looks_like,
    const char **end)
{
	char   id[16];
	size_t n = strspn(h, "0123456789.");

	*looks_like = 0;
	*end = h + n;
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

enum header_kind { HEADER_ANSWER, HEADER_TOELICHTING, HEADER_AMBIGUOUS };

/*
 * What an indicator column is, from its header after the id (rest): the
 * toelichting column when rest is just "toelichting" (any case, after
 * separators: "1.1.1 toelichting", "1.1.1. Toelichting",
 * "1.1.1_toelichting", "1.1.1 - toelichting"), else the answer column.
 * Any header containing "toelichting" was once taken for the toelichting,
 * and an answer column asking to "licht toe in de toelichting" lost its
 * answers. "toelichting" followed by more text is neither: ambiguous.
 */
static enum header_kind
header_kind(const char *rest)
{
	static const char word[] = "toelichting";

	rest += strspn(rest, ". \t_-:");
	if (strncasecmp(rest, word, sizeof(word) - 1) != 0)
		return HEADER_ANSWER;
	rest += sizeof(word) - 1;
	return rest[strspn(rest, " \t")] == '\0' ? HEADER_TOELICHTING :
	    HEADER_AMBIGUOUS;
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

/* -- step 14: mapping file -- what one header column is. */
struct decision {
	int                        placed;   /* 1; 0 ignored; -1 error */
	enum map_kind              kind;
	enum map_field             field;
	const struct fw_indicator *ind;
	char                       why[192]; /* "" or what placed it */
	const char                *error;    /* placed -1: the dry run's */
};

/* The meaning the dry run prints for d. */
static char *
meaning(const struct decision *d)
{
	const char *sep = d->why[0] ? " (" : "", *end = d->why[0] ? ")" : "";

	if (d->placed == -1)
		return d->ind != NULL ? xasprintf("error: %s %s", d->error,
		    d->ind->id) : xasprintf("error: %s", d->error);
	if (d->placed == 0 || d->kind == MK_IGNORE)
		return xasprintf("ignored: %s", d->why[0] ? d->why :
		    "no indicator and no respondent field");
	if (d->kind == MK_FIELD)
		return xasprintf("%s%s%s%s", fixed_names[d->field], sep,
		    d->why, end);
	return xasprintf("%s %s%s%s%s", d->kind == MK_ANSWER ? "answer" :
	    "toelichting", d->ind->id, sep, d->why, end);
}

/* Tells the sink (and a suggestion) what column i means. */
static void
tell_column(struct csv_state *st, size_t i, const char *header,
    const char *alt, const struct decision *d)
{
	char *m, *shown;

	if (st->suggest != NULL)
		map_suggest_column(st->suggest, i, header, alt, d->placed,
		    d->kind, d->field, d->ind != NULL ? d->ind->id : NULL,
		    d->why[0] ? d->why : d->placed == -1 ?
		    "lijkt een antwoord of toelichting: vul in of negeer" :
		    NULL);
	if (st->sink == NULL || st->sink->column == NULL)
		return;
	m = meaning(d);
	shown = alt != NULL && alt[0] != '\0' && strcmp(alt, header) != 0 ?
	    xasprintf("%s (%s)", header, alt) : xstrdup(header);
	st->sink->column(st->sink->ctx, i + 1, shown, m);
	free(shown);
	free(m);
}

/* A rule of the mapping file for name (or Qualtrics' text alt). */
static int
by_mapping(struct csv_state *st, const char *name, const char *alt,
    struct decision *dc, long line)
{
	struct map_hit hit;

	if (st->mapping == NULL || (!mapfile_column(st->mapping, name, &hit) &&
	    (alt == NULL || !mapfile_column(st->mapping, alt, &hit))))
		return 0;
	dc->placed = 1;
	dc->kind = hit.kind;
	dc->field = hit.field;
	snprintf(dc->why, sizeof(dc->why), "%smapping %s:%ld",
	    hit.kind == MK_IGNORE ? "negeer in " : "",
	    mapfile_path(st->mapping), hit.line);
	if (hit.kind != MK_ANSWER && hit.kind != MK_TOELICHTING)
		return 1;
	if ((dc->ind = framework_indicator(st->fw, hit.id)) == NULL) {
		csv_error(st, line, MSG_UNKNOWN_INDICATOR, hit.id, st->fw->id,
		    st->fw->version);
		dc->placed = -1;
		dc->error = "unknown indicator";
	}
	return 1;
}

/* The importer's own rules: canonical names, ids, Forms, wording. */
static void
by_recognition(struct csv_state *st, const char *name, const char *alt,
    struct decision *dc, long line, size_t i)
{
	const struct fw_indicator *ind;
	const char    *rest, *why;
	struct map_hit hit;
	int            looks;
	size_t         k;

	for (k = 0; k < COL__FIXED; k++)
		if (strcasecmp(name, fixed_names[k]) == 0) {
			dc->placed = 1;
			dc->kind = MK_FIELD;
			dc->field = (enum map_field)k;
			return;
		}
	ind = header_indicator(st->fw, name, &looks, &rest);
	if (ind != NULL) {
		enum header_kind kind = header_kind(rest);
		dc->ind = ind;
		if (kind == HEADER_AMBIGUOUS) {
			csv_error(st, line, MSG_CSV_AMBIGUOUS, name, ind->id,
			    ind->id);
			dc->placed = -1;
			dc->error = "neither answer nor toelichting of";
			return;
		}
		dc->placed = 1;
		dc->kind = kind == HEADER_TOELICHTING ? MK_TOELICHTING :
		    MK_ANSWER;
		return;
	}
	if (looks) {
		csv_error(st, line, MSG_UNKNOWN_INDICATOR, name, st->fw->id,
		    st->fw->version);
		dc->placed = -1;
		dc->error = "unknown indicator";
		return;
	}
	if (mapping_recognise(st->fw, name, &hit, &why) ||
	    (alt != NULL && mapping_recognise(st->fw, alt, &hit, &why))) {
		dc->placed = 1;
		dc->kind = hit.kind;
		dc->ind = hit.kind == MK_IGNORE ? NULL :
		    framework_indicator(st->fw, hit.id);
		snprintf(dc->why, sizeof(dc->why), "%s", why ? why : "");
		return;
	}
	/* -- step 12: mapping -- nothing dropped silently. */
	if (mapping_looks_mapped(name)) {
		csv_error(st, line, MSG_MAP_UNMAPPED, i + 1, name);
		dc->placed = -1;
		dc->error = "looks like an answer or a toelichting";
	}
}

/*
 * Remembers column i when it says whether a response was completed:
 * LimeSurvey's "submitdate" (its full-text heading "Date submitted"),
 * Qualtrics' "Finished". An export holds the incomplete responses too
 * unless asked not to (LimeSurvey's default is all responses), and half a
 * questionnaire must not count as a respondent's answers.
 */
static void
completion_column(struct csv_state *st, size_t i, const char *name)
{
	if (strcasecmp(name, "submitdate") == 0 ||
	    strcasecmp(name, "Date submitted") == 0) {
		st->submitted = (int)i;
		snprintf(st->submitted_name, sizeof(st->submitted_name), "%s",
		    name);
	}
	else if (strcmp(name, "Finished") == 0 && st->row1.n > 0)
		st->finished = (int)i;
}

/* Column i as dc says: a respondent field or an indicator's column. */
static size_t
place(struct csv_state *st, size_t i, const char *name,
    const struct decision *dc, long line)
{
	size_t k;

	if (dc->placed != 1 || dc->kind == MK_IGNORE)
		return 0;
	if (dc->kind == MK_FIELD) {
		if (st->fixed[dc->field] != -1)
			csv_error(st, line, MSG_CSV_DUP_COLUMN,
			    fixed_names[dc->field]);
		st->fixed[dc->field] = (int)i;
		return 0;
	}
	st->cols[i].indicator = dc->ind;
	st->cols[i].toelichting = dc->kind == MK_TOELICHTING;
	/*
	 * Once per repeated column, not once per earlier copy: n copies gave
	 * n(n-1)/2 messages, and a 24 KB header of 4000 "3.1.4" columns 8
	 * million of them, 945 MB and 19 s (found with fuzz/fuzz_dossier).
	 */
	for (k = 0; k < i; k++)
		if (st->cols[k].indicator == dc->ind &&
		    st->cols[k].toelichting == st->cols[i].toelichting) {
			/* -- step 12: mapping -- the indicator is what
			 * appears twice, not the header. */
			csv_error(st, line, MSG_CSV_DUP_INDICATOR, dc->ind->id,
			    st->cols[i].toelichting ? "toelichting" : "answer",
			    i + 1, name);
			break;
		}
	return !st->cols[i].toelichting;
}

/* The mapping's constants for the fields no column gives. */
static void
constants(struct csv_state *st, long line)
{
	const char *v;
	long        at;
	size_t      k;

	for (k = 0; k < COL__FIXED; k++) {
		if ((v = mapfile_constant(st->mapping, (enum map_field)k,
		    &at)) == NULL)
			continue;
		if (st->fixed[k] >= 0) {
			diags_add(st->d, mapfile_path(st->mapping), at,
			    MSG_MAPF_CONST_COLUMN, fixed_names[k],
			    (size_t)st->fixed[k] + 1, fixed_names[k]);
			st->errors++;
			continue;
		}
		st->fixed[k] = -2;
		st->constant[k] = v;
		if (st->sink != NULL && st->sink->column != NULL) {
			char *m = xasprintf("constant %s = %s (mapping %s:%ld)",
			    fixed_names[k], v, mapfile_path(st->mapping), at);
			st->sink->column(st->sink->ctx, 0, fixed_names[k], m);
			free(m);
		}
	}
	(void)line;
}

/*
 * The header h, with Qualtrics' question-text row alt (or NULL): each
 * column by the mapping file first, then by the importer's own rules.
 */
static int
map_header(struct csv_state *st, const struct csv_record *h,
    const struct csv_record *alt)
{
	size_t i, k, nind = 0;

	st->ncols = h->n;
	st->cols = xcalloc(h->n ? h->n : 1, sizeof(*st->cols));
	for (k = 0; k < COL__FIXED; k++)
		st->fixed[k] = -1;
	for (i = 0; i < h->n; i++) {
		const char *name = trimmed(&h->fields[i]);
		const char *aname = alt != NULL && i < alt->n ?
		    trimmed(&alt->fields[i]) : NULL;
		struct decision dc;
		memset(&dc, 0, sizeof(dc));
		if (!by_mapping(st, name, aname, &dc, h->line))
			by_recognition(st, name, aname, &dc, h->line, i);
		tell_column(st, i, name, aname, &dc);
		nind += place(st, i, name, &dc, h->line);
		completion_column(st, i, name);
	}
	if (st->mapping != NULL)
		constants(st, h->line);
	for (k = 0; k < COL__FIXED; k++)
		if (st->fixed[k] == -1)
			csv_error(st, h->line, MSG_CSV_MISSING_COLUMN,
			    fixed_names[k]);
	if (nind == 0)
		csv_error(st, h->line, MSG_CSV_NO_INDICATORS);
	st->answers = xcalloc(st->fw->nindicators, sizeof(*st->answers));
	return st->errors == 0 ? 0 : -1;
}

/* Row k's fixed cell: its column's trimmed text, or the constant. */
static const char *
fixed_cell(const struct csv_state *st, const struct csv_record *rec,
    size_t k)
{
	if (st->fixed[k] >= 0)
		return trimmed(&rec->fields[st->fixed[k]]);
	return st->constant[k] != NULL ? st->constant[k] : "";
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

/*
 * Qualtrics writes two more header rows under the first: the question
 * texts and {"ImportId": ...} per column. Such a row is known by what it
 * is, a row that cannot import: its rol is no role, its ronde no year, and
 * its indicator columns hold text that is no answer. (Known by position
 * and untrimmed cells, a real respondent with ronde "2013 " and rol
 * "Gemeente" was dropped without a word.)
 */
static int
is_extra_header(const struct csv_state *st, const struct csv_record *rec)
{
	size_t i, texts = 0;
	enum answer a;

	if (rec->n != st->ncols ||
	    parse_role(fixed_cell(st, rec, COL_ROL)) !=
	    ROLE__COUNT ||
	    parse_round(fixed_cell(st, rec,
	    COL_RONDE)) != 0)
		return 0;
	for (i = 0; i < rec->n; i++) {
		if (st->cols[i].indicator == NULL || st->cols[i].toelichting)
			continue;
		if ((a = ingest_parse_answer(rec->fields[i].text)) ==
		    ANSWER__COUNT)
			texts++;
		else if (a != ANSWER_NONE)
			return 0;
	}
	return texts > 0;
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
		if (check_text(st->d, st->path, f->line, "toelichting",
		    f->text) == -1)
			st->errors++;
		else if (strspn(f->text, " \t\r\n") != f->len)
			a->toelichting = f->text;
		return;
	}
	/* -- step 14: mapping file -- its answer words first. */
	if ((a->value = mapfile_answer(st->mapping, f->text)) == ANSWER__COUNT)
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
	if (st->submitted >= 0 &&
	    *trimmed(&rec->fields[st->submitted]) == '\0') {
		csv_error(st, rec->line, MSG_CSV_NOT_SUBMITTED,
		    st->submitted_name);
		return;
	}
	if (st->finished >= 0) {
		const char *f = trimmed(&rec->fields[st->finished]);
		if (strcasecmp(f, "False") == 0 || strcmp(f, "0") == 0) {
			csv_error(st, rec->line, MSG_CSV_NOT_FINISHED, f);
			return;
		}
	}
	/*
	 * The checks look at the trimmed cells: trimmed() returns a pointer
	 * past the leading blanks, so a cell of only blanks still had
	 * text[0] == ' ' and passed as not empty, and a respondent with an
	 * empty gemeente, aanpak or organisatie was stored (fuzz_import).
	 */
	for (k = 0; k < COL__FIXED; k++)
		cell[k] = fixed_cell(st, rec, k);
	memset(&r, 0, sizeof(r));
	r.file = st->path;
	r.line = rec->line;
	r.fw = st->fw;
	r.municipality = cell[COL_GEMEENTE];
	r.approach = cell[COL_AANPAK];
	r.organisation = cell[COL_ORGANISATIE];
	r.round = parse_round(cell[COL_RONDE]);
	r.role = parse_role(cell[COL_ROL]);
	for (k = 0; k < COL__FIXED; k++)
		if (cell[k][0] == '\0')
			csv_error(st, rec->line, MSG_EMPTY_FIELD,
			    fixed_names[k]);
		else if (check_name(st->d, st->path, st->fixed[k] >= 0 ?
		    rec->fields[st->fixed[k]].line : rec->line, fixed_names[k],
		    cell[k]) == -1)
			st->errors++;
	if (r.round == 0 && cell[COL_RONDE][0])
		csv_error(st, rec->line, MSG_BAD_ROUND, cell[COL_RONDE]);
	if (r.role == ROLE__COUNT) {
		if (cell[COL_ROL][0])
			csv_error(st, rec->line, MSG_BAD_ROLE, cell[COL_ROL]);
		return;
	}
	if (st->errors == before && seen_check(st->seen, &r, st->d) == -1)
		st->errors++;
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

/* Qualtrics's question-text and ImportId rows: at most two. */
enum { MAX_EXTRA_HEADERS = 2 };

/*
 * Where a file's rows enter, one record at a time, the CSV reader's or a
 * spreadsheet's (xlsx.h): the header, then blank rows, Qualtrics's extra
 * header rows and respondents. -1 when reading should stop (the header
 * cannot be used).
 */
/* -- step 14: mapping file -- Qualtrics' third header row. */
static int
is_importid_row(const struct csv_record *rec)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		if (strncmp(rec->fields[i].text, "{\"ImportId\"", 11) == 0 ||
		    strncmp(rec->fields[i].text, "{'ImportId'", 11) == 0)
			return 1;
	return 0;
}

static int
is_qualtrics(const struct csv_record *rec)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		if (mapping_qualtrics_header(rec->fields[i].text))
			return 1;
	return 0;
}

/* Keeps the first header row (rec is only valid until the next). */
static void
row1_keep(struct csv_state *st, const struct csv_record *rec)
{
	size_t i;

	st->row1.n = rec->n;
	st->row1.line = rec->line;
	st->row1.fields = xcalloc(rec->n ? rec->n : 1,
	    sizeof(*st->row1.fields));
	for (i = 0; i < rec->n; i++) {
		st->row1.fields[i] = rec->fields[i];
		st->row1.fields[i].text = xstrdup(rec->fields[i].text);
	}
}

static void
row1_free(struct csv_state *st)
{
	size_t i;

	for (i = 0; i < st->row1.n; i++)
		free(st->row1.fields[i].text);
	free(st->row1.fields);
	memset(&st->row1, 0, sizeof(st->row1));
}

/*
 * The header: a suggestion keeps no errors of it (a new export misses
 * columns: that is what it is for), an import stops on them.
 */
static int
header(struct csv_state *st, const struct csv_record *h,
    const struct csv_record *alt)
{
	struct diags  scratch, *keep = st->d;
	int           rc, errors = st->errors;

	if (st->suggest == NULL)
		return map_header(st, h, alt);
	diags_init(&scratch);
	st->d = &scratch;
	rc = map_header(st, h, alt);
	st->d = keep;
	st->errors = errors;
	diags_free(&scratch);
	(void)rc;
	return 0;
}

/* A suggestion collects the answer columns' texts of a row. */
static void
suggest_row(struct csv_state *st, const struct csv_record *rec)
{
	size_t i;

	for (i = 0; i < rec->n && i < st->ncols; i++)
		map_suggest_cell(st->suggest, i, rec->fields[i].text);
}

/*
 * Where a file's rows enter, one record at a time, the CSV reader's or a
 * spreadsheet's (xlsx.h): the header, then blank rows, Qualtrics's extra
 * header rows and respondents. -1 when reading should stop (the header
 * cannot be used).
 */
static int
ingest_record(struct csv_state *st, struct csv_record *rec)
{
	int rc;

	st->recno++;
	if (st->recno == 1) {
		/* -- step 12: lss -- a LimeSurvey header becomes canonical;
		 * -- step 14: mapping file -- unless a mapping says what the
		 * columns are, or is being suggested for the real headers. */
		if (st->mapping == NULL && st->suggest == NULL &&
		    (st->lsr = limesurvey_header(st->fw, st->path, rec,
		    &st->ls, st->d)) == -1) {
			st->errors++;
			return -1;
		}
		/* -- step 14: mapping file -- Qualtrics' question texts
		 * (row 2) name what its QIDs (row 1) do not. */
		if (st->lsr == 0 && is_qualtrics(rec)) {
			row1_keep(st, rec);
			return 0;
		}
		return header(st, rec, NULL);
	}
	if (st->recno == 2 && st->row1.fields != NULL) {
		rc = header(st, &st->row1, rec);
		st->extra++;
		return rc;
	}
	if (st->lsr == 1)
		limesurvey_row(&st->ls, rec);
	if (is_blank_record(rec))
		return 0;
	/* Extra header rows come right under the header. */
	if (!st->data && st->extra < MAX_EXTRA_HEADERS &&
	    (is_importid_row(rec) || (st->suggest == NULL &&
	    is_extra_header(st, rec)))) {
		st->extra++;
		return 0;
	}
	st->data = 1;
	if (st->suggest != NULL)
		suggest_row(st, rec);
	else
		csv_row(st, rec);
	return 0;
}

static void
rows_begin(struct csv_state *st, const char *path,
    const struct ingest_opts *o, const struct ingest_sink *sink,
    struct diags *d)
{
	memset(st, 0, sizeof(*st));
	st->path = path;
	st->fw = o->csv_framework;
	st->seen = o->seen;
	st->sink = sink;
	st->d = d;
	st->mapping = o->mapping;   /* -- step 14: mapping file -- */
	st->suggest = o->suggest;
	st->submitted = st->finished = -1;
}

static int
rows_end(struct csv_state *st)
{
	free(st->cols);
	free(st->answers);
	if (st->lsr == 1)
		ls_map_free(&st->ls);
	row1_free(st);
	return st->errors;
}

/* The n bytes at head (already read from f), then the rest of f. */
static int
ingest_csv(FILE *f, const void *head, size_t n, const char *path,
    const struct ingest_opts *o, const struct ingest_sink *sink,
    struct diags *d)
{
	struct csv_state   st;
	struct csv_reader *rd = csv_open_head(f, head, n, path);
	struct csv_record  rec;
	int                rc;

	rows_begin(&st, path, o, sink, d);
	while ((rc = csv_next(rd, &rec, d)) == 1)
		if (ingest_record(&st, &rec) == -1)
			break;
	if (rc == -1)
		st.errors++;
	if (rc == 0 && st.recno == 0)
		csv_error(&st, 1, MSG_XML_EMPTY);
	csv_close(rd);
	return rows_end(&st);
}

/* -- step 12: xlsx -- */
static int
xlsx_record(void *ctx, struct csv_record *rec)
{
	return ingest_record(ctx, rec) == -1 ? -1 : 0;
}

/* A workbook: its sheet's records enter like a CSV file's. */
static int
ingest_xlsx(const char *path, const char *buf, size_t len,
    const struct ingest_opts *o, const struct ingest_sink *sink,
    struct diags *d)
{
	struct csv_state st;
	int              errors;

	rows_begin(&st, path, o, sink, d);
	errors = xlsx_read(path, buf, len, xlsx_record, &st, d);
	if (errors == 0 && st.recno == 0)
		csv_error(&st, 0, MSG_XML_EMPTY);
	return rows_end(&st) + errors;
}

/* ---- XML ------------------------------------------------------------ */

struct xml_state {
	const char         *path;
	struct diags       *d;
	struct arena       *arena;
	struct ingest_seen *seen;
	int                 errors;
};

/*
 * The name or text (text != 0) s read at line, checked for control
 * characters; an error is counted in x. White space in XML is layout:
 * names and paragraphs are collapsed to single spaces before this.
 */
static void
xml_check(struct xml_state *x, long line, const char *what, const char *s,
    int text)
{
	if ((text ? check_text : check_name)(x->d, x->path, line, what, s) ==
	    -1)
		x->errors++;
}

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

/* An element's text (collapsed), checked as a name. */
static const char *
xname(struct xml_state *x, const xmlNode *root, const char *elem_name,
    const xmlNode *n)
{
	const char *s = xtext(x, n, 1);

	xml_check(x, n != NULL ? xmlsafe_line(n) : xmlsafe_line(root),
	    elem_name, s, 0);
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
	r.municipality = xname(x, root, "gemeente", elem(root, "gemeente"));
	r.approach = xname(x, root, "aanpak", elem(root, "aanpak"));
	r.round = parse_round(xtext(x, elem(root, "ronde"), 1));
	r.role = role_from_name(xtext(x, elem(root, "rol"), 1));
	r.organisation = xname(x, root, "organisatie",
	    elem(root, "organisatie"));
	if (x->errors == before && r.role != ROLE__COUNT &&
	    seen_check(x->seen, &r, x->d) == -1)
		x->errors++;
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
		xml_check(x, a->line, "toelichting", a->toelichting, 1);
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
		xml_check(x, note->line, "voortgang", note->text, 1);
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
	xml_check(x, ds.line, "gemeente", ds.municipality, 0);
	ds.round = parse_round(xattr(x, root, "ronde"));
	kind = xattr(x, root, "soort");
	ds.self_assessment = kind != NULL && strcmp(kind, "zelfevaluatie") == 0;
	ds.context = paragraphs(x, elem(root, "context"));
	xml_check(x, xmlsafe_line(elem(root, "context")), "context",
	    ds.context, 1);
	/* -- step 11: layout -- the round's own front-page introduction
	 * and publication date, both optional (the schema checks them). */
	if ((n = elem(root, "inleiding")) != NULL) {
		ds.intro = paragraphs(x, n);
		xml_check(x, xmlsafe_line(n), "inleiding", ds.intro, 1);
	}
	ds.published = xattr(x, root, "gepubliceerd");
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
		xml_check(x, a->line, "aanpak", a->name, 0);
		a->description = paragraphs(x, elem(n, "beschrijving"));
		xml_check(x, xmlsafe_line(elem(n, "beschrijving")),
		    "beschrijving", a->description, 1);
		for (p = n->children; p != NULL; p = p->next)
			if (p->type == XML_ELEMENT_NODE && a->npartners < 3 &&
			    strcmp((const char *)p->name, "netwerkpartner") == 0)
				a->partners[a->npartners++] =
				    xname(x, n, "netwerkpartner", p);
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
	struct xml_state       x = { path, d, NULL, o->seen, 0 };
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

/* ---- Input: files, pipes, standard input, encodings -------------- */

/* Bytes read first, to tell CSV from XML and UTF-16 from UTF-8. */
enum { HEAD_MAX = 4096 };

/*
 * UTF-16 input is read whole and converted: at most twice the XML cap, as
 * UTF-16 takes two bytes for what UTF-8 writes in one.
 */
#define UTF16_MAX_BYTES (2 * XMLSAFE_MAX_BYTES)

const char *
ingest_name(const char *path)
{
	return strcmp(path, "-") == 0 ? INGEST_STDIN_NAME : path;
}

enum encoding { ENC_UTF8, ENC_UTF16_BOM, ENC_UTF16_NO_BOM };

/*
 * What the first bytes say. UTF-16 with a byte-order mark is what Excel's
 * "Unicode text" and many Windows tools write. Without a BOM it shows as
 * an ASCII character beside a NUL byte, which no UTF-8 text starts with;
 * read as UTF-8 it was "NUL byte" or "stray quote", naming the wrong cause.
 */
static enum encoding
sniff(const unsigned char *h, size_t n)
{
	if (n >= 2 && ((h[0] == 0xff && h[1] == 0xfe) ||
	    (h[0] == 0xfe && h[1] == 0xff)))
		return ENC_UTF16_BOM;
	if (n >= 2 && (h[0] == 0) != (h[1] == 0) && (h[0] | h[1]) < 0x80)
		return ENC_UTF16_NO_BOM;
	return ENC_UTF8;
}

/* XML when the first byte after a UTF-8 BOM and white space is '<'. */
static int
looks_like_xml(const unsigned char *h, size_t n)
{
	size_t i = 0;

	if (n >= 3 && memcmp(h, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' ||
	    h[i] == '\n'))
		i++;
	return i < n && h[i] == '<';
}

/*
 * The n bytes at head and the rest of f in one malloc'd buffer (NULL
 * after a diagnostic). f is never rewound: it may be a pipe.
 */
static char *
read_rest(FILE *f, const unsigned char *head, size_t n, size_t max,
    const char *name, size_t *len, struct diags *d)
{
	char *buf;

	if (file_read_rest(f, head, n, max, &buf, len) == 0)
		return buf;
	if (errno == EFBIG)
		diags_add(d, name, 0, MSG_TOO_BIG, max);
	else
		diags_add(d, name, 0, MSG_IO, strerror(errno));
	return NULL;
}

/* Line of position p in text: line breaks before it, plus one. */
static long
line_at(const char *text, const char *p)
{
	long line = 1;

	for (; text < p; text++)
		line += *text == '\n';
	return line;
}

/*
 * UTF-16 with a BOM converted to UTF-8 by iconv, which takes the byte
 * order from the BOM and drops it. Line breaks stay line breaks, so the
 * line numbers of diagnostics are those of the file. Returns the malloc'd
 * text, or NULL after a diagnostic.
 */
static char *
from_utf16(char *in, size_t inlen, const char *name, size_t *outlen,
    struct diags *d)
{
	/* Each 2-byte unit becomes at most 3 bytes, a 4-byte pair 4. */
	size_t  cap = inlen / 2 * 3 + 4, il = inlen, ol = cap;
	char   *out, *ip = in, *op;
	iconv_t cd;

	if ((cd = iconv_open("UTF-8", "UTF-16")) == (iconv_t)-1) {
		diags_add(d, name, 0, MSG_IO, strerror(errno));
		return NULL;
	}
	out = op = xmalloc(cap + 1);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1) {
		diags_add(d, name, line_at(out, op), MSG_UTF16_BAD);
		free(out);
		out = NULL;
	} else {
		*op = '\0';
		*outlen = (size_t)(op - out);
	}
	iconv_close(cd);
	return out;
}

/* A whole text in memory, UTF-8 from here on: XML or CSV. */
static int
ingest_text(const char *text, size_t len, const char *name,
    const struct ingest_opts *o, const struct ingest_sink *sink,
    struct diags *d)
{
	if (looks_like_xml((const unsigned char *)text, len))
		return ingest_xml(name, text, len, o, sink, d);
	return ingest_csv(NULL, text, len, name, o, sink, d);
}

/* The rest of an input that started with a UTF-16 BOM. */
static int
ingest_utf16(FILE *f, const unsigned char *head, size_t n, const char *name,
    const struct ingest_opts *o, const struct ingest_sink *sink,
    struct diags *d)
{
	char  *raw, *text;
	size_t rawlen, len;
	int    errors;

	if ((raw = read_rest(f, head, n, UTF16_MAX_BYTES, name, &rawlen,
	    d)) == NULL)
		return 1;
	text = from_utf16(raw, rawlen, name, &len, d);
	free(raw);
	if (text == NULL)
		return 1;
	errors = ingest_text(text, len, name, o, sink, d);
	free(text);
	return errors;
}

/*
 * Reads the first bytes, decides from them, and goes on from there without
 * ever seeking back: "stj import -", a pipe and "<(iconv ...)" read like
 * a file (the reader used to rewind after reading ahead, which a pipe
 * cannot do, and read the file twice by name).
 */
static int
ingest_stream(FILE *f, const char *name, const struct ingest_opts *o,
    const struct ingest_sink *sink, struct diags *d)
{
	unsigned char head[HEAD_MAX];
	char         *buf;
	size_t        n, len;
	int           errors;

	n = fread(head, 1, sizeof(head), f);
	if (ferror(f)) {
		diags_add(d, name, 0, MSG_IO, strerror(errno));
		return 1;
	}
	switch (sniff(head, n)) {
	case ENC_UTF16_NO_BOM:
		diags_add(d, name, 1, MSG_UTF16_NO_BOM);
		return 1;
	case ENC_UTF16_BOM:
		return ingest_utf16(f, head, n, name, o, sink, d);
	case ENC_UTF8:
		break;
	}
	/* -- step 12: xlsx -- */
	if (xlsx_sniff(head, n)) {
		if ((buf = read_rest(f, head, n, XLSX_MAX_FILE, name, &len,
		    d)) == NULL)
			return 1;
		errors = ingest_xlsx(name, buf, len, o, sink, d);
		free(buf);
		return errors;
	}
	if (!looks_like_xml(head, n))
		return ingest_csv(f, head, n, name, o, sink, d);
	if ((buf = read_rest(f, head, n, XMLSAFE_MAX_BYTES, name, &len,
	    d)) == NULL)
		return 1;
	errors = ingest_xml(name, buf, len, o, sink, d);
	free(buf);
	return errors;
}

int
ingest_file(const char *path, const struct ingest_opts *o,
    const struct ingest_sink *sink, struct diags *d)
{
	const char *name = ingest_name(path);
	FILE       *f;
	int         errors;

	if (strcmp(path, "-") == 0)
		return ingest_stream(stdin, name, o, sink, d);
	if ((f = fopen(path, "rb")) == NULL) {
		diags_add(d, name, 0, MSG_IO, strerror(errno));
		return 1;
	}
	errors = ingest_stream(f, name, o, sink, d);
	fclose(f);
	return errors;
}

int
ingest_memory(const char *name, const unsigned char *data, size_t len,
    const struct ingest_opts *o, const struct ingest_sink *sink,
    struct diags *d)
{
	static const unsigned char none[1];
	FILE *f;
	int   errors;

	if (data == NULL)
		data = none;
	/*
	 * A stream over the bytes, so an upload takes the very path a file
	 * takes (sniffing, UTF-16, size caps). Opened for reading only:
	 * fmemopen() never writes through the pointer it is given.
	 */
	if ((f = fmemopen((void *)(uintptr_t)data, len, "r")) == NULL) {
		diags_add(d, name, 0, MSG_IO, strerror(errno));
		return 1;
	}
	errors = ingest_stream(f, name, o, sink, d);
	fclose(f);
	return errors;
}

/* -- step 10: invitations -- */
int
ingest_answer(const struct framework *fw, enum role role, const char *id,
    const char *value, const char *toelichting, const char *file, long line,
    struct response_answer *out, struct diags *d)
{
	memset(out, 0, sizeof(*out));
	out->line = line;
	if ((out->indicator = framework_indicator(fw, id)) == NULL) {
		diags_add(d, file, line, MSG_UNKNOWN_INDICATOR, id, fw->id,
		    fw->version);
		return -1;
	}
	out->value = ingest_parse_answer(value != NULL ? value : "");
	if (out->value == ANSWER__COUNT) {
		diags_add(d, file, line, MSG_BAD_ANSWER, value, id);
		return -1;
	}
	if (out->value != ANSWER_NONE &&
	    out->indicator->question[role] == NULL) {
		diags_add(d, file, line, MSG_NOT_ASKED, id, role_name(role));
		return -1;
	}
	if (toelichting != NULL && strlen(toelichting) > CSV_MAX_FIELD) {
		diags_add(d, file, line, MSG_CSV_FIELD_BIG, CSV_MAX_FIELD);
		return -1;
	}
	if (check_text(d, file, line, "toelichting", toelichting) == -1)
		return -1;
	if (toelichting != NULL &&
	    strspn(toelichting, " \t\r\n") != strlen(toelichting))
		out->toelichting = toelichting;
	return 0;
}
