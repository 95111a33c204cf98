/*
 * factsheet: the factsheet PDF. See factsheet.h.
 *
 * The page sequence follows the published STJ factsheets: a front page
 * (title, the GGSR definition in a box, the municipality's context, the
 * approaches, the introduction), then per approach its description, its
 * findings (one table per theme) and its conclusion (one table per
 * theme), each of the last two starting on a new page (the conclusion
 * follows on a page not yet half full).
 *
 * Page breaks: the pdf layer calls on_page() for every new page, which
 * draws the running header ("Aanpak: NAME"), the continuation heading of
 * the section it is in, and the header row of the table being drawn. A
 * theme that fits on a page starts the next one rather than split, when
 * this one is at least half full; a criterion's rows stay on one page
 * when they fit on one; a row that does not fit moves to the next page
 * whole, or, taller than a page, continues there line by line.
 */
#include "factsheet.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pdf.h"
#include "pdf_table.h"
#include "util.h"

/* Styles, boxes and tables the factsheet needs from its layout. */
enum style {
	S_TITEL, S_KOP, S_RONDE, S_KADER, S_KADER_TERM, S_SECTIE, S_AANPAK,
	S_PARAGRAAF, S_TEKST, S_LIJST, S_THEMA, S_LOPEND, S_KOLOMKOP,
	S_CRITERIUM, S_CEL, S_NADRUK, S_TEKEN,
	/* -- step 11: layout -- */
	S_VOORBLAD, S_VOORBLAD_LIJST, S_VOET,
	S_CONCLUSIE,   /* a conclusion cell: running text, as published */
	S__COUNT
};

static const char *const style_ids[S__COUNT] = {
	"titel", "kop", "ronde", "kader", "kader-term", "sectie", "aanpak",
	"paragraaf", "tekst", "lijst", "thema", "lopend", "kolomkop",
	"criterium", "cel", "nadruk", "teken",
	"voorblad", "voorblad-lijst", "voet",
	"conclusie",
};

enum { B_KADER, B__COUNT };
static const char *const box_ids[B__COUNT] = { "kader" };

enum {
	T_BEVINDINGEN, T_CONCLUSIE, T_VOORTGANG, T_SAMENVATTING,
	T_VERBETERPUNTEN,
	T_VOORBLAD,   /* -- step 11: layout -- the front page's columns */
	T__COUNT
};
static const char *const table_ids[T__COUNT] = {
	"bevindingen", "conclusie", "voortgang", "samenvatting",
	"verbeterpunten", "voorblad"
};
static const size_t table_columns[T__COUNT] = { 4, 2, 5, 3, 3, 2 };

/* Columns of the findings table. */
enum { C_CRITERIUM, C_INDICATOR, C_TEKEN, C_BEVINDING };

static const char *const text_ids[] = {
	"titel", "kop", "ronde", "pdf-titel", "pagina", "definitie-item",
	"context-kop", "aanpakken-een", "aanpakken", "getallen", "inleiding",
	"aanpak-kop", "lopende-kop", "respondenten", "respondenten-geen",
	"respondenten-slot", "beschrijving-kop", "bevindingen-kop",
	"bevindingen-vervolg", "bevindingen-inleiding", "thema",
	"thema-vervolg",
	"bevindingen-uitleg", "kolom-criteria", "kolom-indicatoren",
	"kolom-teken", "kolom-bevindingen", "teken-V", "teken-X", "teken-nvt",
	"letop", "conclusie-kop", "conclusie-vervolg", "conclusie-inleiding",
	"goed", "beter",
	/* the progress report */
	"voortgang-kop", "voortgang-ronde", "voortgang-pdf-titel",
	"voortgang-inleiding", "voortgang-samenvatting",
	"voortgang-verbeterpunten", "voortgang-geen", "kolom-thema",
	"kolom-aantal-van", "kolom-aantal-naar", "kolom-aanpak",
	"kolom-indicator", "kolom-status", "kolom-van", "kolom-naar",
	"kolom-voortgang", "voortgang-vervolg", "verbeterd", "verslechterd", "ongewijzigd", "nieuw",
	"vervallen", "letop-opgelost", "letop-nieuw", "geen-tekst",
	"voortgang-toelichting",
	/* -- step 13: progress -- */
	"niet-beantwoord", "te-beoordelen", "voortgang-volledigheid",
	"voortgang-inspecteur",
	/* -- step 11: pdf -- */
	"pdf-onderwerp", "voortgang-pdf-onderwerp",
	/* -- step 11: layout -- */
	"voet", "voet-datum", "voet-zonder-datum", "maanden", "gepubliceerd",
	"aanpak-woord",
	NULL
};

/*
 * What a heading keeps below it: the first criterion, or when that is
 * taller, this share of a page (a conclusion's row likewise), so that a
 * heading is not left alone at the foot of a page.
 */
#define MOVE_SHARE 0.3f

/* Half the body of a page: a page filled less is not left behind. */
#define HALF_PAGE(p) (0.5f * ((p)->top - (p)->bottom))

/* What a new page repeats at its top. */
enum section { SEC_NONE, SEC_BEVINDINGEN, SEC_CONCLUSIE, SEC_VOORTGANG };

/* The continuation heading of each section. */
static const char *const section_text[] = {
	[SEC_NONE]        = NULL,
	[SEC_BEVINDINGEN] = "bevindingen-vervolg",
	[SEC_CONCLUSIE]   = "conclusie-vervolg",
	[SEC_VOORTGANG]   = "voortgang-vervolg",
};

struct head {
	int   table;                  /* T_* */
	char *label[LAY_MAX_COLUMNS];
};

/* Rendering state, alive for one document. */
struct render {
	struct pdf_doc                   *p;
	const struct layout              *l;
	const struct texts               *t;
	const struct factsheet           *fs;
	const char                       *approach;  /* running header */
	enum section                      section;
	const struct head                *head;      /* header to repeat */
	const char                       *theme;     /* its theme's name */
	int                               hold;      /* criterion_block: no move */
	struct head                       heads[T__COUNT];
	float                             body_top;  /* y below page furniture */
	int                               rowtab;    /* T_BEVINDINGEN/VOORTGANG */
	/* -- step 11: layout -- */
	char                             *published; /* "November 2013"; NULL */
	char                             *count;     /* approaches, as a word */
};

/* ---- model ------------------------------------------------------- */

static const char *
arena_printf_int(struct arena *a, int v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%d", v);
	return arena_strdup(a, buf);
}

struct factsheet *
factsheet_new(void)
{
	struct factsheet *fs = xcalloc(1, sizeof(*fs));

	fs->arena = arena_new();
	return fs;
}

void
factsheet_set_state(struct factsheet *fs, const char *state,
    const char *since)
{
	char date[11];

	fs->concept = strcmp(state, "vastgesteld") != 0;
	fs->fixed_on = NULL;
	if (!fs->concept && since != NULL && strlen(since) >= 10) {
		snprintf(date, sizeof(date), "%.10s", since);
		fs->fixed_on = arena_strdup(fs->arena, date);
	}
}

void
factsheet_free(struct factsheet *fs)
{
	if (fs == NULL)
		return;
	arena_free(fs->arena);
	free(fs);
}

/* ---- templates --------------------------------------------------- */

int
factsheet_templates_load(struct factsheet_templates *t, const char *datadir,
    const char *set, const struct pdf_config *config, struct diags *d)
{
	const struct layout_spec spec = {
		style_ids, S__COUNT, box_ids, B__COUNT,
		table_ids, table_columns, T__COUNT
	};
	char *texts = xasprintf("%s/templates/texts-%s.xml", datadir, set);
	char *txsd = xasprintf("%s/templates/texts.xsd", datadir);
	char *lay = xasprintf("%s/templates/factsheet-layout.xml", datadir);
	char *lxsd = xasprintf("%s/templates/layout.xsd", datadir);
	char *fonts = xasprintf("%s/fonts", datadir);
	int   rc = -1;

	memset(t, 0, sizeof(*t));
	t->config = config;
	if ((t->texts = texts_load(texts, txsd, text_ids, d)) != NULL &&
	    layout_load(&t->layout, lay, lxsd, &spec, d) == 0 &&
	    pdf_fonts_find_shipped(&t->fonts, fonts, config, d) == 0)
		rc = 0;
	free(fonts);
	free(texts);
	free(txsd);
	free(lay);
	free(lxsd);
	if (rc == -1)
		factsheet_templates_free(t);
	return rc;
}

void
factsheet_templates_free(struct factsheet_templates *t)
{
	texts_free(t->texts);
	layout_free(&t->layout);
	pdf_fonts_free(&t->fonts);
	pdf_fonts_free(&t->full);
	memset(t, 0, sizeof(*t));
}

/* ---- running text ------------------------------------------------ */

static const struct lay_style *
style(const struct render *r, enum style s)
{
	return &r->l->style[s];
}

static int
at_body_top(const struct render *r)
{
	return r->p->page != NULL && r->p->y >= r->body_top - 0.01f;
}

/* Height of text in style s across the content width, with its spaces. */
static float
block_height(struct render *r, enum style s, const char *text)
{
	const struct lay_style *st = style(r, s);
	float w = r->p->right - r->p->left - st->indent;

	return st->before + pdf_text_height(r->p, st->face, st->size, w, text) +
	    st->after;
}

/*
 * Draws text in style s at the cursor: paragraphs split by "\n\n", each
 * followed by the style's space after; continues on new pages.
 */
static void
flow(struct render *r, enum style s, const char *text)
{
	const struct lay_style *st = style(r, s);
	const char *par = text, *end;
	char       *one;

	if (!at_body_top(r))
		pdf_skip(r->p, st->before);
	while (par != NULL && *par != '\0') {
		end = strstr(par, "\n\n");
		one = end ? xasprintf("%.*s", (int)(end - par), par) :
		    xstrdup(par);
		pdf_set_color(r->p, st->color);
		(void)pdf_flow(r->p, st->face, st->size, st->indent, one);
		pdf_skip(r->p, st->after);
		free(one);
		par = end ? end + 2 : NULL;
	}
}

/*
 * A heading kept with the next keep points below it: when both do not
 * fit, the heading starts the next page.
 */
static void
heading(struct render *r, enum style s, const char *text, float keep)
{
	(void)pdf_need(r->p, block_height(r, s, text) + keep);
	flow(r, s, text);
}

/*
 * A text from the templates with its placeholders filled: {gemeente},
 * {ronde}, {van} (a progress report's earlier round), {aanpak}, {aantal}
 * (the approaches, as a word) and {datum} (the publication date, "" when
 * there is none). New string.
 */
static char *
filled(struct render *r, const char *id, const char *aanpak)
{
	char round[16], from[16];

	snprintf(round, sizeof(round), "%d", r->fs->round);
	snprintf(from, sizeof(from), "%d", r->fs->from_round);
	return texts_get(r->t, id, "gemeente", r->fs->municipality, "ronde",
	    round, "van", from, "aanpak", aanpak, "aantal", r->count,
	    "datum", r->published ? r->published : "", (const char *)NULL);
}

/* A text from the templates, with placeholders, drawn in style s. */
static void
fixed(struct render *r, enum style s, const char *id, const char *aanpak)
{
	char *text = filled(r, id, aanpak);

	flow(r, s, text);
	free(text);
}

/* -- step 11: layout -- */

/*
 * n as a word from the texts ("getallen" lists them from two up; "een"
 * is not in the list: one approach has its own sentence); beyond the
 * list in digits. New string.
 */
static char *
count_word(const struct texts *t, size_t n)
{
	char  *numbers, *tok, *save = NULL, *out = NULL;
	size_t k = 2;

	numbers = texts_get(t, "getallen", (const char *)NULL);
	for (tok = strtok_r(numbers, " ", &save); tok != NULL && out == NULL;
	    tok = strtok_r(NULL, " ", &save), k++)
		if (k == n)
			out = xstrdup(tok);
	free(numbers);
	return out != NULL ? out : xasprintf("%zu", n);
}

char *
factsheet_published_text(const struct texts *t, const char *date)
{
	char *months, *tok, *save = NULL, *out = NULL;
	int   y, m, k = 1;

	if (date == NULL || sscanf(date, "%4d-%2d", &y, &m) != 2 || m < 1 ||
	    m > 12)
		return NULL;
	months = texts_get(t, "maanden", (const char *)NULL);
	for (tok = strtok_r(months, " ", &save); tok != NULL && out == NULL;
	    tok = strtok_r(NULL, " ", &save), k++)
		if (k == m)
			out = xasprintf("%s %d", tok, y);
	free(months);
	return out;
}

/*
 * The name of an approach after the label "Aanpak:" (running header, its
 * first page): without a leading word that repeats the label ("Aanpak
 * Bemoeizorg" -> "Bemoeizorg"), as the published factsheets print it.
 * Points into name.
 */
static const char *
short_name(const struct render *r, const char *name)
{
	char       *word = texts_get(r->t, "aanpak-woord", (const char *)NULL);
	size_t      n = strlen(word);
	const char *rest = name;

	if (n > 0 && strncasecmp(name, word, n) == 0 && name[n] == ' ') {
		rest = name + n;
		while (*rest == ' ')
			rest++;
		if (*rest == '\0')
			rest = name;
	}
	free(word);
	return rest;
}

/* -- step 13: progress -- */
/* How many respondents of the later round answered: an unanswered round
 * is read as such, not as a decline. */
static void
completeness(struct render *r)
{
	char round[16], n[16], of[16];
	char *text;

	snprintf(round, sizeof(round), "%d", r->fs->round);
	snprintf(n, sizeof(n), "%d", r->fs->responded);
	snprintf(of, sizeof(of), "%d", r->fs->respondents);
	text = texts_get(r->t, "voortgang-volledigheid", "ronde", round,
	    "geantwoord", n, "respondenten", of, (const char *)NULL);
	flow(r, S_TEKST, text);
	free(text);
}

/* ---- tables ------------------------------------------------------ */

static const struct lay_table *
table(const struct render *r, int k)
{
	return &r->l->table[k];
}

/* The header row of table k: filled, labels in the header style. */
static float
head_draw(struct render *r, const struct head *h, int draw)
{
	const struct lay_table *t = table(r, h->table);
	struct ptab_cell        cells[LAY_MAX_COLUMNS];
	float                   height;
	size_t                  i;

	memset(cells, 0, sizeof(cells));
	for (i = 0; i < t->ncolumns; i++)
		ptab_cell_add(r->p, &cells[i], style(r, S_KOLOMKOP),
		    t->column[i] - 2 * t->padding, h->label[i]);
	height = ptab_row_height(t, cells, t->ncolumns);
	if (draw) {
		pdf_fill(r->p, r->p->left, r->p->y - height,
		    ptab_column_x(t, 0, t->ncolumns), height, t->header_fill);
		(void)ptab_row_draw(r->p, t, 0, r->p->left, cells,
		    t->ncolumns, r->p->y, height, height);
		pdf_skip(r->p, height);
	}
	for (i = 0; i < t->ncolumns; i++)
		ptab_cell_free(&cells[i]);
	return height;
}

/*
 * "CONCEPT" across the page, light grey, drawn first so the content lies
 * over it and stays readable; pdftotext finds it on every page.
 */
static void
concept_mark(struct render *r)
{
	static const struct pdf_rgb grey = { 0.85f, 0.85f, 0.85f };
	struct pdf_doc             *p = r->p;
	struct pdf_rgb              was = p->color;
	char                       *text = texts_get(r->t, "concept",
	                                (const char *)NULL);

	pdf_set_color(p, grey);
	pdf_show_turned(p, PDF_BOLD, 96, p->width / 2, p->height / 2, 45,
	    text);
	pdf_set_color(p, was);
	free(text);
}

/*
 * "Vastgesteld op D-M-YYYY" on the front page of a round that is: the day
 * its state was set.
 */
static void
fixed_on(struct render *r)
{
	char *text, date[16];
	int   y, m, d;

	if (r->fs->fixed_on == NULL ||
	    sscanf(r->fs->fixed_on, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return;
	snprintf(date, sizeof(date), "%d-%d-%d", d, m, y);
	text = texts_get(r->t, "vastgesteld-op", "datum", date,
	    (const char *)NULL);
	flow(r, S_TEKST, text);
	free(text);
}

/*
 * The footer of a factsheet's page, as the published: "Uitkomsten
 * toezichtonderzoek GEMEENTE - Samenwerkend Toezicht Jeugd" on the left,
 * "November 2013 | 4" (publication date, page) on the right.
 */
static void
footer(struct render *r)
{
	struct pdf_doc         *p = r->p;
	const struct lay_style *st = style(r, S_VOET);
	char                    page[16], *left, *right, *line;
	float                   w, y = p->bottom / 2;

	snprintf(page, sizeof(page), "%u", p->npages);
	left = texts_get(r->t, "voet", "gemeente", r->fs->municipality,
	    (const char *)NULL);
	right = texts_get(r->t, r->published ? "voet-datum" :
	    "voet-zonder-datum", "datum", r->published ? r->published : "",
	    "pagina", page, (const char *)NULL);
	w = pdf_text_width(p, st->face, st->size, right, strlen(right));
	pdf_set_color(p, st->color);
	/* The left part gives way to the right one on a narrow page. */
	line = pdf_fit_line(p, st->face, st->size,
	    p->right - p->left - w - 2 * st->size, left);
	pdf_show(p, st->face, st->size, p->left, y, line, strlen(line));
	free(line);
	pdf_show(p, st->face, st->size, p->right - w, y, right,
	    strlen(right));
	free(left);
	free(right);
}

/* A heading at the top of a continued page, without space before;
 * text is the caller's (malloc'd), freed here. */
static void
page_heading(struct render *r, enum style s, char *text)
{
	const struct lay_style *st = style(r, s);
	struct pdf_doc         *p = r->p;

	pdf_set_color(p, st->color);
	pdf_skip(p, pdf_text_at(p, st->face, st->size, p->left, p->y,
	    p->right - p->left, text) + st->after);
	free(text);
}

/* The page furniture: running header, continuation heading, table head. */
static void
on_page(struct pdf_doc *p, void *ctx)
{
	struct render          *r = ctx;
	const struct lay_style *st = style(r, S_LOPEND);
	char                   *text, *line;

	if (!r->fs->from_round)
		footer(r);
	if (r->approach != NULL) {
		text = texts_get(r->t, "lopende-kop", "aanpak",
		    short_name(r, r->approach), (const char *)NULL);
		/* One line in the top margin, clear of the content box. */
		line = pdf_fit_line(p, st->face, st->size, p->right - p->left,
		    text);
		pdf_set_color(p, st->color);
		pdf_show(p, st->face, st->size, p->left,
		    p->top + (p->height - p->top) / 2 - st->size / 2, line,
		    strlen(line));
		free(line);
		free(text);
	}
	r->body_top = p->y;
	if (r->section != SEC_NONE)
		page_heading(r, S_SECTIE, texts_get(r->t,
		    section_text[r->section], (const char *)NULL));
	/* A theme taller than a page says on the next which it is. */
	if (r->theme != NULL)
		page_heading(r, S_THEMA, texts_get(r->t, "thema-vervolg",
		    "naam", r->theme, (const char *)NULL));
	if (r->head != NULL)
		(void)head_draw(r, r->head, 1);
	r->body_top = p->y;
	/* After the furniture, so text extraction reads the page's own
	 * header first; the content drawn later lies over the mark. */
	if (r->fs->concept)
		concept_mark(r);
}

/* Room a table row has on a new page, below its furniture. */
static float
fresh_space(struct render *r, const struct head *h)
{
	float y = r->p->top;

	if (r->section != SEC_NONE)
		y -= block_height(r, S_SECTIE, "X") - style(r, S_SECTIE)->before;
	if (r->theme != NULL)
		y -= block_height(r, S_THEMA, r->theme) -
		    style(r, S_THEMA)->before;
	if (h != NULL)
		y -= head_draw(r, h, 0);
	return y - r->p->bottom;
}

/* A new page that continues the current section and table. */
static void
next_page(struct render *r)
{
	pdf_page_new(r->p);
}

/*
 * The finding in the findings column: each line a paragraph; a line that
 * is or contains a "LET OP:" remark starts the remark on its own line,
 * in bold.
 */
static void
finding_cell(struct render *r, struct ptab_cell *c, float w,
    const char *finding)
{
	char       *letop = texts_get(r->t, "letop", (const char *)NULL);
	const char *s = finding, *nl, *hit;
	char       *line;
	size_t      len, ll = strlen(letop);

	while (s != NULL && *s != '\0') {
		nl = strchr(s, '\n');
		len = nl ? (size_t)(nl - s) : strlen(s);
		hit = ll > 0 ? strstr(s, letop) : NULL;
		if (hit != NULL && hit > s && (size_t)(hit - s) < len)
			len = (size_t)(hit - s);
		line = xasprintf("%.*s", (int)len, s);
		if (*line != '\0')
			ptab_cell_add(r->p, c, style(r, ll > 0 &&
			    strncmp(line, letop, ll) == 0 ? S_NADRUK : S_CEL),
			    w, line);
		free(line);
		s += len;
		if (*s == '\n')
			s++;
	}
	free(letop);
}

/*
 * A row right of the criterion: indicators, mark, finding; in a progress
 * report indicators, mark then, mark now, progress.
 */
struct frow {
	struct ptab_cell cell[4];
	size_t           n;
};

static void
mark_cell(struct render *r, struct ptab_cell *c, float w, char mark)
{
	char *text;

	if (mark == 0)
		return;
	text = texts_get(r->t, mark == 'V' ? "teken-V" : mark == 'X' ?
	    "teken-X" : "teken-nvt", (const char *)NULL);
	c->center = 1;
	ptab_cell_add(r->p, c, style(r, S_TEKEN), w, text);
	free(text);
}

static void
row_cells(struct render *r, const struct fs_row *row, struct frow *out)
{
	const struct lay_table *t = table(r, r->rowtab);
	size_t                  i;

#define INNER(k) (t->column[k] - 2 * t->padding)
	memset(out, 0, sizeof(*out));
	for (i = 0; i < row->nindicators; i++)
		ptab_cell_add(r->p, &out->cell[0], style(r, S_CEL), INNER(1),
		    row->indicators[i]);
	if (r->rowtab == T_VOORTGANG) {
		out->n = 4;
		mark_cell(r, &out->cell[1], INNER(2), row->prev_mark);
		mark_cell(r, &out->cell[2], INNER(3), row->mark);
		finding_cell(r, &out->cell[3], INNER(4), row->progress);
	} else {
		out->n = 3;
		mark_cell(r, &out->cell[1], INNER(2), row->mark);
		finding_cell(r, &out->cell[2], INNER(3), row->finding);
	}
#undef INNER
}

static void
row_free(struct frow *f)
{
	size_t i;

	for (i = 0; i < 4; i++)
		ptab_cell_free(&f->cell[i]);
}

/*
 * Draws rows[*i..n) below top as far as the page allows; returns the
 * height used. Stops before a row that fits on a fresh page but not
 * here, and inside a row taller than a page.
 */
static float
rows_fragment(struct render *r, struct frow *rows, size_t n, size_t *i,
    float top, float fresh)
{
	const struct lay_table *t = table(r, r->rowtab);
	float  x = r->p->left, y = top, need, avail, h;
	size_t c;
	int    done;

	while (*i < n) {
		need = ptab_row_height(t, rows[*i].cell, rows[*i].n);
		avail = y - r->p->bottom;
		if (need > avail && (y < top || need <= fresh) &&
		    !(y >= r->body_top - 0.01f && y == top && need > fresh))
			break;
		h = ptab_row_draw(r->p, t, C_INDICATOR, x, rows[*i].cell,
		    rows[*i].n, y, avail, 0);
		y -= h;
		for (c = 0, done = 1; c < rows[*i].n; c++)
			done &= ptab_cell_done(&rows[*i].cell[c]);
		if (!done)
			break;
		(*i)++;
	}
	return top - y;
}

/* One criterion: its cell spans its rows, on every page they reach. */
static void
criterion_block(struct render *r, const struct fs_criterion *c)
{
	const struct lay_table *t = table(r, r->rowtab);
	struct ptab_cell        crit;
	struct frow            *rows = xcalloc(c->nrows + 1, sizeof(*rows));
	float                   total = 0, crit_h, fresh, fh;
	size_t                  k, i = 0, stuck = 0;

	memset(&crit, 0, sizeof(crit));
	ptab_cell_add(r->p, &crit, style(r, S_CRITERIUM),
	    t->column[C_CRITERIUM] - 2 * t->padding, c->text);
	crit_h = ptab_row_height(t, &crit, 1);
	for (k = 0; k < c->nrows; k++) {
		row_cells(r, &c->rows[k], &rows[k]);
		total += ptab_row_height(t, rows[k].cell, rows[k].n);
	}
	/* A criterion taller than its rows stretches the last row. */
	if (c->nrows > 0 && crit_h > total)
		ptab_cell_gap(&rows[c->nrows - 1].cell[rows[c->nrows - 1].n - 1],
		    crit_h - total);
	if (crit_h > total)
		total = crit_h;
	/* The criterion's cell spans its rows: as in the published, they
	 * stay on one page whenever they fit on one. */
	fresh = fresh_space(r, r->head);
	if (!r->hold && total > r->p->y - r->p->bottom && total <= fresh)
		next_page(r);
	r->hold = 0;
	while (i < c->nrows && pdf_ok(r->p)) {
		fh = rows_fragment(r, rows, c->nrows, &i, r->p->y, fresh);
		if (fh > 0) {
			crit.next = 0;
			(void)ptab_row_draw(r->p, t, C_CRITERIUM, r->p->left,
			    &crit, 1, r->p->y, fh, fh);
			pdf_skip(r->p, fh);
			stuck = 0;
		} else if (++stuck > 1)
			break;  /* not even a line fits a fresh page */
		if (i < c->nrows)
			next_page(r);
	}
	ptab_cell_free(&crit);
	for (k = 0; k < c->nrows; k++)
		row_free(&rows[k]);
	free(rows);
}

/*
 * What must fit below a theme's table header so that the header is not
 * left alone at the foot of a page: the first criterion whole when it
 * fits on a page and this page is at least half full, or else its first
 * row and MOVE_SHARE of a page (then criterion_block() splits it here
 * instead of moving it: r->hold).
 */
static float
first_block_keep(struct render *r, const struct fs_theme *th, float fresh,
    int half_full)
{
	const struct lay_table    *t = table(r, r->rowtab);
	const struct fs_criterion *c;
	struct frow                row;
	float                      total = 0, first = 0, h;
	size_t                     k;

	if (th->ncriteria == 0)
		return 0;
	c = &th->criteria[0];
	for (k = 0; k < c->nrows; k++) {
		row_cells(r, &c->rows[k], &row);
		h = ptab_row_height(t, row.cell, row.n);
		row_free(&row);
		if (k == 0)
			first = h;
		total += h;
	}
	/* On a page at least half full, a criterion that fits on a page
	 * moves to the next whole, and the heading goes with it. */
	if (total <= fresh && half_full)
		return total;
	if (first < MOVE_SHARE * fresh)
		first = MOVE_SHARE * fresh;
	return total < first ? total : first;
}

/* A theme's whole table: its criteria's rows (a criterion's cell
 * stretches its last row when taller). */
static float
theme_height(struct render *r, const struct fs_theme *th)
{
	const struct lay_table *t = table(r, r->rowtab);
	struct ptab_cell        crit;
	struct frow             row;
	float                   total = 0, rows, crit_h;
	size_t                  i, k;

	for (i = 0; i < th->ncriteria; i++) {
		memset(&crit, 0, sizeof(crit));
		ptab_cell_add(r->p, &crit, style(r, S_CRITERIUM),
		    t->column[C_CRITERIUM] - 2 * t->padding,
		    th->criteria[i].text);
		crit_h = ptab_row_height(t, &crit, 1);
		ptab_cell_free(&crit);
		for (k = 0, rows = 0; k < th->criteria[i].nrows; k++) {
			row_cells(r, &th->criteria[i].rows[k], &row);
			rows += ptab_row_height(t, row.cell, row.n);
			row_free(&row);
		}
		total += rows > crit_h ? rows : crit_h;
	}
	return total;
}

/*
 * A theme's heading and table. As in the published (the theme Continu
 * heads a page in all four approaches of seeds 002 and 004), a theme that
 * fits on one page is not split: it starts the next page when the rest
 * of this one is too short. A longer theme starts here, its heading kept
 * with the first criterion.
 */
static void
findings_table(struct render *r, const struct fs_theme *th)
{
	const struct head *h = &r->heads[r->rowtab];
	float              keep, fresh, whole;
	size_t             k;
	int                half_full;

	fresh = fresh_space(r, h);
	half_full = r->p->top - r->p->y >= HALF_PAGE(r->p);
	whole = head_draw(r, h, 0) + theme_height(r, th);
	keep = head_draw(r, h, 0) + first_block_keep(r, th, fresh, half_full);
	if (whole <= fresh && half_full)
		keep = whole;
	/* heading(), with the theme's bookmark on the page it lands on */
	(void)pdf_need(r->p, block_height(r, S_THEMA, th->name) + keep);
	pdf_bookmark(r->p, 1, th->name);
	flow(r, S_THEMA, th->name);
	(void)head_draw(r, h, 1);
	r->head = h;
	r->theme = th->name;
	/* The room for the first criterion was made above: drawn here. */
	r->hold = 1;
	for (k = 0; k < th->ncriteria; k++)
		criterion_block(r, &th->criteria[k]);
	r->head = NULL;
	r->theme = NULL;
}

/*
 * A conclusion cell: one paragraph per line, the style's space after
 * between (the published sets its conclusions as running text, a blank
 * line between paragraphs).
 */
static void
conclusion_cell(struct render *r, struct ptab_cell *c, float w,
    const char *text)
{
	const struct lay_style *st = style(r, S_CONCLUSIE);
	const char             *s = text, *nl;
	char                   *line;

	while (s != NULL && *s != '\0') {
		nl = strchr(s, '\n');
		line = xasprintf("%.*s", nl ? (int)(nl - s) : (int)strlen(s), s);
		if (*line != '\0') {
			if (c->n > 0)
				ptab_cell_gap(c, st->after);
			ptab_cell_add(r->p, c, st, w, line);
		}
		free(line);
		s = nl ? nl + 1 : NULL;
	}
}

static void
conclusion_table(struct render *r, const struct fs_theme *th)
{
	const struct lay_table *t = table(r, T_CONCLUSIE);
	const struct head      *h = &r->heads[T_CONCLUSIE];
	struct ptab_cell        cells[2];
	float                   need, fresh, keep, used;
	int                     stuck = 0;

	memset(cells, 0, sizeof(cells));
	conclusion_cell(r, &cells[0], t->column[0] - 2 * t->padding, th->goed);
	conclusion_cell(r, &cells[1], t->column[1] - 2 * t->padding,
	    th->beter);
	need = ptab_row_height(t, cells, 2);
	fresh = fresh_space(r, h);
	keep = head_draw(r, h, 0) + (need < MOVE_SHARE * fresh ? need :
	    MOVE_SHARE * fresh);
	heading(r, S_THEMA, th->name, keep);
	(void)head_draw(r, h, 1);
	r->head = h;
	r->theme = th->name;
	while (pdf_ok(r->p)) {
		used = ptab_row_draw(r->p, t, 0, r->p->left, cells, 2, r->p->y,
		    r->p->y - r->p->bottom, 0);
		pdf_skip(r->p, used);
		if (ptab_cell_done(&cells[0]) && ptab_cell_done(&cells[1]))
			break;
		if (used <= 2 * t->padding && ++stuck > 1)
			break;
		next_page(r);
	}
	r->head = NULL;
	r->theme = NULL;
	ptab_cell_free(&cells[0]);
	ptab_cell_free(&cells[1]);
}

/* ---- the document ------------------------------------------------ */

/* The definition items ("– Gezin: ..."), new strings, NULL-ended. */
static char **
definition_items(struct render *r)
{
	const struct framework *fw = r->fs->fw;
	char  **items = xcalloc(fw->nitems + 1, sizeof(char *));
	size_t  i;

	for (i = 0; i < fw->nitems; i++)
		items[i] = texts_get(r->t, "definitie-item", "term",
		    fw->items[i].term, "tekst", fw->items[i].text,
		    (const char *)NULL);
	return items;
}

static void
items_free(char **items)
{
	size_t i;

	for (i = 0; items[i] != NULL; i++)
		free(items[i]);
	free(items);
}

/* Height of the definition box across the content width. */
static float
definition_height(struct render *r, char **items)
{
	const struct framework *fw = r->fs->fw;
	const struct lay_box   *b = &r->l->box[B_KADER];
	const struct lay_style *body = style(r, S_KADER);
	const struct lay_style *term = style(r, S_KADER_TERM);
	float  w = r->p->right - r->p->left - 2 * b->padding, h = 0;
	size_t i;

	for (i = 0; i < fw->ndefinition; i++)
		h += pdf_text_height(r->p, body->face, body->size, w,
		    fw->definition[i]) + body->after + (i ? body->size / 2 : 0);
	for (i = 0; i < fw->nitems; i++)
		h += pdf_text_height(r->p, term->face, term->size,
		    w - term->indent, items[i]) + term->after;
	return h + 2 * b->padding + (fw->nitems ? body->size / 2 : 0);
}

/* The definition of GGSR in a filled box, across the content width. */
static void
definition_box(struct render *r)
{
	const struct framework *fw = r->fs->fw;
	const struct lay_box   *b = &r->l->box[B_KADER];
	const struct lay_style *body = style(r, S_KADER);
	const struct lay_style *term = style(r, S_KADER_TERM);
	float  w = r->p->right - r->p->left - 2 * b->padding, h, y;
	char **items = definition_items(r);
	size_t i;

	h = definition_height(r, items);
	(void)pdf_need(r->p, h);
	pdf_fill(r->p, r->p->left, r->p->y - h, r->p->right - r->p->left, h,
	    b->fill);
	y = r->p->y - b->padding;
	pdf_set_color(r->p, body->color);
	for (i = 0; i < fw->ndefinition; i++)
		y -= pdf_text_at(r->p, body->face, body->size,
		    r->p->left + b->padding, y - (i ? body->size / 2 : 0), w,
		    fw->definition[i]) + body->after + (i ? body->size / 2 : 0);
	y -= fw->nitems ? body->size / 2 : 0;
	pdf_set_color(r->p, term->color);
	for (i = 0; i < fw->nitems; i++)
		y -= pdf_text_at(r->p, term->face, term->size,
		    r->p->left + b->padding + term->indent, y, w - term->indent,
		    items[i]) + term->after;
	items_free(items);
	pdf_skip(r->p, h + style(r, S_TEKST)->after * 2);
}

/*
 * Height flow() gives text in style s across the content width, from a
 * cursor that is not at the top of a page.
 */
static float
flow_height(struct render *r, enum style s, const char *text)
{
	const struct lay_style *st = style(r, s);
	float       w = r->p->right - r->p->left - st->indent;
	float       h = st->before;
	const char *par = text, *end;
	char       *one;

	while (par != NULL && *par != '\0') {
		end = strstr(par, "\n\n");
		one = end ? xasprintf("%.*s", (int)(end - par), par) :
		    xstrdup(par);
		h += pdf_text_height(r->p, st->face, st->size, w, one) +
		    st->after;
		free(one);
		par = end ? end + 2 : NULL;
	}
	return h;
}

/* The front page's texts, in the styles they are drawn in. */
struct front {
	enum style body, list;   /* S_TEKST/S_LIJST or the columns' own */
	char      *context_head; /* "Context Leeuwarden"; NULL: no context */
	char      *list_head;    /* "In deze factsheet worden ..." */
	char      *intro;        /* the round's own, or the templates' */
};

/*
 * "In deze factsheet worden de volgende twee aanpakken beoordeeld:" and
 * their names; its height when draw is 0.
 */
static float
approach_list(struct render *r, const struct front *f, int draw)
{
	const struct factsheet *fs = r->fs;
	float  h = 0;
	size_t i;

	if (fs->napproaches == 0)
		return 0;
	if (draw)
		flow(r, f->body, f->list_head);
	h += flow_height(r, f->body, f->list_head);
	for (i = 0; i < fs->napproaches; i++) {
		if (draw)
			flow(r, f->list, fs->approaches[i].name);
		h += flow_height(r, f->list, fs->approaches[i].name);
	}
	if (draw)
		pdf_skip(r->p, style(r, S_TEKST)->after);
	return h + style(r, S_TEKST)->after;
}

/* The left column (or the top of one): definition, context, list. */
static float
front_left(struct render *r, const struct front *f, int draw)
{
	float  h;
	char **items;

	if (draw)
		definition_box(r);
	items = definition_items(r);
	h = definition_height(r, items) + style(r, S_TEKST)->after * 2;
	items_free(items);
	if (f->context_head != NULL) {
		if (draw) {
			heading(r, S_PARAGRAAF, f->context_head,
			    3 * style(r, f->body)->size);
			flow(r, f->body, r->fs->context);
		}
		h += flow_height(r, S_PARAGRAAF, f->context_head) +
		    flow_height(r, f->body, r->fs->context);
	}
	return h + approach_list(r, f, draw);
}

/* The introduction, the round's own or the templates'. */
static float
front_right(struct render *r, const struct front *f, int draw)
{
	if (draw)
		flow(r, f->body, f->intro);
	return flow_height(r, f->body, f->intro);
}

/*
 * The front page as the published: title, then two columns, the
 * definition, context and approaches on the left and the introduction
 * on the right (layout table "voorblad": the columns' widths, its
 * padding half the space between them). When a column is longer than
 * the page (a long context), one column that runs on.
 */
static void
front_columns(struct render *r, struct front *f)
{
	const struct lay_table *t = table(r, T_VOORBLAD);
	struct pdf_doc         *p = r->p;
	float left = p->left, right = p->right, top = p->y, hl, hr;
	float split = left + t->column[0];

	f->body = S_VOORBLAD;
	f->list = S_VOORBLAD_LIJST;
	p->right = split - t->padding;
	hl = front_left(r, f, 0);
	p->left = split + t->padding;
	p->right = right;
	hr = front_right(r, f, 0);
	if (hl <= top - p->bottom && hr <= top - p->bottom) {
		p->left = left;
		p->right = split - t->padding;
		(void)front_left(r, f, 1);
		p->left = split + t->padding;
		p->right = right;
		p->y = top;
		(void)front_right(r, f, 1);
		p->left = left;
		return;
	}
	p->left = left;
	f->body = S_TEKST;
	f->list = S_LIJST;
	(void)front_left(r, f, 1);
	(void)front_right(r, f, 1);
}

/*
 * The publication date, "November 2013", right-aligned on the line of
 * "Toezichtonderzoek 2013" that is drawn next (the cursor is at its top).
 */
static void
published_on(struct render *r)
{
	const struct lay_style *st = style(r, S_RONDE);
	struct pdf_doc         *p = r->p;
	char                   *text;
	float                   w;

	if (r->published == NULL)
		return;
	text = filled(r, "gepubliceerd", NULL);
	w = pdf_text_width(p, st->face, st->size, text, strlen(text));
	pdf_set_color(p, st->color);
	(void)pdf_text_at(p, st->face, st->size, p->right - w,
	    p->y - (at_body_top(r) ? 0 : st->before), w + 1, text);
	free(text);
}

static void
front_page(struct render *r)
{
	struct front f;
	char        *text;

	memset(&f, 0, sizeof(f));
	pdf_page_new(r->p);
	text = texts_get(r->t, "kop", "gemeente", r->fs->municipality,
	    (const char *)NULL);
	pdf_bookmark(r->p, 0, text);
	free(text);
	fixed(r, S_TITEL, "titel", NULL);
	fixed(r, S_KOP, "kop", NULL);
	published_on(r);
	fixed(r, S_RONDE, "ronde", NULL);
	fixed_on(r);
	if (r->fs->context != NULL)
		f.context_head = texts_get(r->t, "context-kop", "gemeente",
		    r->fs->municipality, (const char *)NULL);
	f.list_head = filled(r, r->fs->napproaches == 1 ? "aanpakken-een" :
	    "aanpakken", NULL);
	/* A round's own introduction is data: no placeholders filled. */
	f.intro = r->fs->intro != NULL ? xstrdup(r->fs->intro) :
	    filled(r, "inleiding", NULL);
	front_columns(r, &f);
	free(f.context_head);
	free(f.list_head);
	free(f.intro);
}

/*
 * What must be filled of a page before a new section of an approach
 * starts on the next: a bit more than half, since the cursor lies a
 * paragraph's space below the last line.
 */
#define SECTION_FILL 0.55f

/*
 * A new section of an approach (its findings, its conclusion) starts on
 * a new page, as in both published factsheets (seeds 002 and 004: every
 * "Bevindingen toezichtonderzoek" and "Conclusie" heads a page), unless
 * this page is not yet half full: then it follows with a section's space
 * above it, so that no page is left more than half empty but the last
 * before a new approach (issue 16).
 */
static void
section_start(struct render *r)
{
	struct pdf_doc *p = r->p;

	if (p->page == NULL || p->top - p->y >= SECTION_FILL * (p->top - p->bottom))
		pdf_page_new(p);
	else
		pdf_skip(p, 2 * style(r, S_SECTIE)->size);
}

static void
approach_intro(struct render *r, const struct fs_approach *a)
{
	size_t i;
	char  *text;

	r->approach = a->name;
	r->section = SEC_NONE;
	pdf_page_new(r->p);
	pdf_bookmark(r->p, 0, a->name);
	fixed(r, S_SECTIE, "aanpak-kop", a->name);
	flow(r, S_AANPAK, short_name(r, a->name));
	if (a->npartners == 0)
		fixed(r, S_TEKST, "respondenten-geen", a->name);
	else {
		fixed(r, S_TEKST, "respondenten", a->name);
		for (i = 0; i < a->npartners; i++)
			flow(r, S_LIJST, a->partners[i]);
		pdf_skip(r->p, style(r, S_TEKST)->after);
		fixed(r, S_TEKST, "respondenten-slot", a->name);
	}
	if (a->description != NULL) {
		text = texts_get(r->t, "beschrijving-kop", (const char *)NULL);
		heading(r, S_PARAGRAAF, text, 3 * style(r, S_TEKST)->size);
		free(text);
		flow(r, S_TEKST, a->description);
	}
}

static void
approach_findings(struct render *r, const struct fs_approach *a)
{
	size_t i;
	char  *text;

	r->section = SEC_NONE;
	pdf_page_new(r->p);   /* as in the published, even below a short description */
	fixed(r, S_SECTIE, "bevindingen-kop", a->name);
	r->section = SEC_BEVINDINGEN;
	fixed(r, S_TEKST, "bevindingen-inleiding", a->name);
	for (i = 0; i < a->nthemes; i++) {
		text = texts_get(r->t, "thema", "naam", a->themes[i].name,
		    "stelling", a->themes[i].statement, (const char *)NULL);
		flow(r, S_LIJST, text);
		free(text);
	}
	pdf_skip(r->p, style(r, S_TEKST)->after);
	fixed(r, S_TEKST, "bevindingen-uitleg", a->name);
	for (i = 0; i < a->nthemes; i++)
		findings_table(r, &a->themes[i]);
}

static void
approach_conclusion(struct render *r, const struct fs_approach *a)
{
	size_t i;
	char  *text;

	r->section = SEC_NONE;
	section_start(r);
	text = texts_get(r->t, "conclusie-kop", "aanpak", a->name,
	    (const char *)NULL);
	pdf_bookmark(r->p, 1, text);
	free(text);
	fixed(r, S_SECTIE, "conclusie-kop", a->name);
	r->section = SEC_CONCLUSIE;
	fixed(r, S_TEKST, "conclusie-inleiding", a->name);
	for (i = 0; i < a->nthemes; i++)
		conclusion_table(r, &a->themes[i]);
	r->section = SEC_NONE;
}

/*
 * A table of plain rows (cells[k][0..ncols) texts), the header repeated
 * on every page it reaches; used by the progress report's summary.
 */
static void
plain_table(struct render *r, int tab, const char *const *texts,
    size_t nrows)
{
	const struct lay_table *t = table(r, tab);
	const struct head      *h = &r->heads[tab];
	struct ptab_cell        cells[LAY_MAX_COLUMNS];
	float                   used, need;
	size_t                  i, c, n = t->ncolumns;

	(void)pdf_need(r->p, head_draw(r, h, 0) + 3 * style(r, S_CEL)->size *
	    PDF_LEADING);
	(void)head_draw(r, h, 1);
	r->head = h;
	for (i = 0; i < nrows && pdf_ok(r->p); i++) {
		memset(cells, 0, sizeof(cells));
		for (c = 0; c < n; c++)
			ptab_cell_add(r->p, &cells[c], style(r, S_CEL),
			    t->column[c] - 2 * t->padding, texts[i * n + c]);
		need = ptab_row_height(t, cells, n);
		if (need > r->p->y - r->p->bottom)
			next_page(r);
		used = ptab_row_draw(r->p, t, 0, r->p->left, cells, n,
		    r->p->y, r->p->y - r->p->bottom, 0);
		pdf_skip(r->p, used);
		for (c = 0; c < n; c++)
			ptab_cell_free(&cells[c]);
	}
	r->head = NULL;
	pdf_skip(r->p, style(r, S_TEKST)->after);
}

/* The progress report's first page: counts per theme, verbeterpunten. */
static void
progress_front(struct render *r)
{
	const struct factsheet *fs = r->fs;
	const char            **cells;
	char                   *text;
	size_t                  i;

	pdf_page_new(r->p);
	fixed(r, S_TITEL, "titel", NULL);
	fixed(r, S_KOP, "voortgang-kop", NULL);
	fixed(r, S_RONDE, "voortgang-ronde", NULL);
	fixed(r, S_TEKST, "voortgang-inleiding", NULL);
	completeness(r);
	text = texts_get(r->t, "voortgang-samenvatting", (const char *)NULL);
	heading(r, S_PARAGRAAF, text, 0);
	free(text);
	cells = xcalloc(3 * fs->ncounts + 1, sizeof(char *));
	for (i = 0; i < fs->ncounts; i++) {
		cells[3 * i] = fs->counts[i].theme;
		cells[3 * i + 1] = arena_printf_int(fs->arena,
		    fs->counts[i].then);
		cells[3 * i + 2] = arena_printf_int(fs->arena,
		    fs->counts[i].now);
	}
	plain_table(r, T_SAMENVATTING, cells, fs->ncounts);
	free(cells);
	fixed(r, S_PARAGRAAF, "voortgang-verbeterpunten", NULL);
	if (fs->npoints == 0)
		fixed(r, S_TEKST, "voortgang-geen", NULL);
	cells = xcalloc(3 * fs->npoints + 1, sizeof(char *));
	for (i = 0; i < fs->npoints; i++) {
		cells[3 * i] = fs->points[i].approach;
		cells[3 * i + 1] = fs->points[i].indicator;
		cells[3 * i + 2] = fs->points[i].status;
	}
	if (fs->npoints > 0)
		plain_table(r, T_VERBETERPUNTEN, cells, fs->npoints);
	free(cells);
}

static void
progress_approach(struct render *r, const struct fs_approach *a)
{
	size_t i;

	r->approach = a->name;
	r->section = SEC_NONE;
	pdf_page_new(r->p);
	pdf_bookmark(r->p, 0, a->name);
	fixed(r, S_SECTIE, "aanpak-kop", a->name);
	flow(r, S_AANPAK, a->name);
	r->section = SEC_VOORTGANG;
	for (i = 0; i < a->nthemes; i++)
		findings_table(r, &a->themes[i]);
	r->section = SEC_NONE;
}

static void
heads_init(struct render *r)
{
	static const char *const ids[T__COUNT][LAY_MAX_COLUMNS] = {
		[T_BEVINDINGEN]    = { "kolom-criteria", "kolom-indicatoren",
		                       "kolom-teken", "kolom-bevindingen" },
		[T_CONCLUSIE]      = { "goed", "beter" },
		[T_VOORTGANG]      = { "kolom-criteria", "kolom-indicatoren",
		                       "kolom-van", "kolom-naar",
		                       "kolom-voortgang" },
		[T_SAMENVATTING]   = { "kolom-thema", "kolom-aantal-van",
		                       "kolom-aantal-naar" },
		[T_VERBETERPUNTEN] = { "kolom-aanpak", "kolom-indicator",
		                       "kolom-status" },
	};
	char   round[16], from[16];
	size_t k, i;

	snprintf(round, sizeof(round), "%d", r->fs->round);
	snprintf(from, sizeof(from), "%d", r->fs->from_round);
	for (k = 0; k < T__COUNT; k++) {
		r->heads[k].table = (int)k;
		for (i = 0; i < table_columns[k]; i++)
			if (ids[k][i] != NULL)   /* the front page's: none */
				r->heads[k].label[i] = texts_get(r->t,
				    ids[k][i], "ronde", round, "van", from,
				    (const char *)NULL);
	}
}

static void
heads_free(struct render *r)
{
	size_t k, i;

	for (k = 0; k < T__COUNT; k++)
		for (i = 0; i < LAY_MAX_COLUMNS; i++)
			free(r->heads[k].label[i]);
}

/* ---- every text, with where it came from ------------------------- */

/* Where a text of the factsheet comes from, for warnings. */
struct origin {
	const char *file;       /* the framework's file, when from there */
	long        line;
	const char *kind;       /* "the finding of", "indicator", ... */
	const char *id;         /* indicator or theme; NULL: none */
	const char *approach;   /* NULL: not an approach's */
};

/* Called for each text; returns 1 to stop the walk. */
typedef int (*visit_fn)(void *arg, const char *text, const struct origin *o);

static const struct fw_indicator *
fw_indicator_of(const struct framework *fw, const char *text)
{
	size_t i;

	for (i = 0; fw != NULL && i < fw->nindicators; i++)
		if (fw->indicators[i]->text == text)
			return fw->indicators[i];
	return NULL;
}

/* Visits text: o with file and line of the framework node, if any. */
static int
see(visit_fn fn, void *arg, const char *text, const struct origin *o)
{
	return text != NULL && fn(arg, text, o);
}

static int
visit_rows(const struct factsheet *fs, const struct fs_approach *a,
    const struct fs_criterion *cr, visit_fn fn, void *arg)
{
	const struct fw_indicator *ind;
	struct origin              o;
	size_t                     k, i;

	for (k = 0; k < cr->nrows; k++) {
		const struct fs_row *row = &cr->rows[k];
		ind = NULL;
		for (i = 0; i < row->nindicators; i++) {
			ind = fw_indicator_of(fs->fw, row->indicators[i]);
			o = (struct origin){ fs->fw ? fs->fw->file : NULL,
			    ind ? ind->line : 0, "indicator",
			    ind ? ind->id : NULL, NULL };
			if (see(fn, arg, row->indicators[i], &o))
				return 1;
		}
		o = (struct origin){ NULL, 0, "the finding of",
		    ind ? ind->id : NULL, a->name };
		if (see(fn, arg, row->finding, &o))
			return 1;
		o.kind = "the progress column of";
		if (see(fn, arg, row->progress, &o))
			return 1;
	}
	return 0;
}

static int
visit_theme(const struct factsheet *fs, const struct fs_approach *a,
    const struct fs_theme *th, visit_fn fn, void *arg)
{
	const struct fw_theme *t = NULL;
	struct origin          o;
	size_t                 i, c;

	for (i = 0; fs->fw != NULL && i < fs->fw->nthemes; i++)
		if (fs->fw->themes[i].name == th->name)
			t = &fs->fw->themes[i];
	o = (struct origin){ fs->fw ? fs->fw->file : NULL, t ? t->line : 0,
	    "theme", t ? t->id : NULL, NULL };
	if (see(fn, arg, th->name, &o) || see(fn, arg, th->statement, &o))
		return 1;
	for (c = 0; c < th->ncriteria; c++) {
		const struct fw_criterion *fc = t != NULL && c < t->ncriteria ?
		    &t->criteria[c] : NULL;
		o = (struct origin){ fs->fw ? fs->fw->file : NULL,
		    fc ? fc->line : 0, "criterion", fc ? fc->id : NULL, NULL };
		if (see(fn, arg, th->criteria[c].text, &o) ||
		    visit_rows(fs, a, &th->criteria[c], fn, arg))
			return 1;
	}
	o = (struct origin){ NULL, 0, "the conclusion on theme",
	    t ? t->id : NULL, a->name };
	return see(fn, arg, th->goed, &o) || see(fn, arg, th->beter, &o);
}

static int
visit_approach(const struct factsheet *fs, const struct fs_approach *a,
    visit_fn fn, void *arg)
{
	struct origin o = { NULL, 0, "the name", NULL, a->name };
	size_t        k;

	if (see(fn, arg, a->name, &o))
		return 1;
	o.kind = "the description";
	if (see(fn, arg, a->description, &o))
		return 1;
	o.kind = "a partner's name";
	for (k = 0; k < a->npartners; k++)
		if (see(fn, arg, a->partners[k], &o))
			return 1;
	for (k = 0; k < a->nthemes; k++)
		if (visit_theme(fs, a, &a->themes[k], fn, arg))
			return 1;
	return 0;
}

/*
 * Calls fn for every text fs prints that does not come from the
 * templates, in page order, until it returns 1; returns what fn did.
 */
static int
visit(const struct factsheet *fs, visit_fn fn, void *arg)
{
	const char   *file = fs->fw ? fs->fw->file : NULL;
	struct origin o = { NULL, 0, "the municipality's name", NULL, NULL };
	size_t        i;

	if (see(fn, arg, fs->municipality, &o))
		return 1;
	o = (struct origin){ NULL, 0, "the context in the dossier", NULL,
	    NULL };
	if (see(fn, arg, fs->context, &o))
		return 1;
	o = (struct origin){ file, 0, "the definition", NULL, NULL };
	for (i = 0; fs->fw != NULL && i < fs->fw->ndefinition; i++)
		if (see(fn, arg, fs->fw->definition[i], &o))
			return 1;
	for (i = 0; fs->fw != NULL && i < fs->fw->nitems; i++)
		if (see(fn, arg, fs->fw->items[i].term, &o) ||
		    see(fn, arg, fs->fw->items[i].text, &o))
			return 1;
	o = (struct origin){ NULL, 0, "the list of verbeterpunten", NULL,
	    NULL };
	for (i = 0; i < fs->npoints; i++)
		if (see(fn, arg, fs->points[i].approach, &o) ||
		    see(fn, arg, fs->points[i].indicator, &o))
			return 1;
	for (i = 0; i < fs->napproaches; i++)
		if (visit_approach(fs, &fs->approaches[i], fn, arg))
			return 1;
	return 0;
}

/* ---- fonts and warnings ------------------------------------------ */

static int
uncovered(void *arg, const char *text, const struct origin *o)
{
	(void)arg;
	(void)o;
	return !pdf_text_covered(text);
}

/* 1 when the shipped subset font has every character fs prints. */
static int
model_covered(const struct factsheet *fs)
{
	return !visit(fs, uncovered, NULL);
}

struct search {
	uint32_t          c;
	struct pdf_where *w;
};

static int
found(void *arg, const char *text, const struct origin *o)
{
	struct search *x = arg;

	if (!pdf_text_has(text, x->c))
		return 0;
	x->w->file = o->file;
	x->w->line = o->line;
	x->w->what = xasprintf("%s%s%s%s%s%s", o->kind, o->id ? " " : "",
	    o->id ? o->id : "", o->approach ? " (approach '" : "",
	    o->approach ? o->approach : "", o->approach ? "')" : "");
	return 1;
}

/* pdf_locate_fn: the first text of the factsheet that holds c. */
static void
locate(void *ctx, uint32_t c, struct pdf_where *w)
{
	struct search x = { c, w };

	(void)visit(ctx, found, &x);
}

/*
 * The fonts for fs: the shipped subset when it has every character,
 * else the system's full DejaVu Sans (looked up once); without it the
 * subset after all, and the rare character shows as a box.
 */
static const struct pdf_fonts *
fonts_for(const struct factsheet *fs, struct factsheet_templates *t)
{
	struct diags quiet;

	if (!t->fonts.subset || model_covered(fs))
		return &t->fonts;
	if (!t->full_tried) {
		t->full_tried = 1;
		diags_init(&quiet);
		(void)pdf_fonts_find(&t->full, t->config, &quiet);
		diags_free(&quiet);
	}
	return t->full.file[0] != NULL ? &t->full : &t->fonts;
}

/*
 * Draws fs and saves it: to path, or with buf set into memory (path then
 * only names it in diagnostics).
 */
static int
render(const struct factsheet *fs, struct factsheet_templates *t,
    const char *path, unsigned char **buf, size_t *len, struct diags *d)
{
	struct render   r;
	struct pdf_info info;
	char            round[16], from[16], *title, *label, *author, *subject;
	size_t          i;
	int             rc;

	snprintf(round, sizeof(round), "%d", fs->round);
	snprintf(from, sizeof(from), "%d", fs->from_round);
	title = texts_get(t->texts, fs->from_round ? "voortgang-pdf-titel" :
	    "pdf-titel", "gemeente", fs->municipality, "ronde", round, "van",
	    from, (const char *)NULL);
	label = texts_get(t->texts, "pagina", (const char *)NULL);
	memset(&info, 0, sizeof(info));
	info.title = title;
	author = texts_get_author(t->texts, "gemeente", fs->municipality,
	    (const char *)NULL);
	info.author = author;
	subject = texts_get(t->texts, fs->from_round ?
	    "voortgang-pdf-onderwerp" : "pdf-onderwerp", "gemeente",
	    fs->municipality, "ronde", round, "van", from, (const char *)NULL);
	info.subject = subject;
	/* A factsheet draws its own footer (on_page). */
	info.page_label = fs->from_round ? label : NULL;
	info.date = fs->date;
	info.config = t->config;
	info.geometry = t->layout.page;
	info.fonts = fonts_for(fs, t);
	memset(&r, 0, sizeof(r));
	r.l = &t->layout;
	r.t = t->texts;
	r.fs = fs;
	r.rowtab = fs->from_round ? T_VOORTGANG : T_BEVINDINGEN;
	r.published = factsheet_published_text(t->texts, fs->published);
	r.count = count_word(t->texts, fs->napproaches);
	if ((r.p = pdf_doc_new(&info, d)) == NULL) {
		free(title);
		free(label);
		free(author);
		free(subject);
		free(r.published);
		free(r.count);
		return -1;
	}
	heads_init(&r);
	pdf_set_page_hook(r.p, on_page, &r);
	if (fs->from_round) {
		progress_front(&r);
		for (i = 0; i < fs->napproaches; i++)
			progress_approach(&r, &fs->approaches[i]);
	} else {
		front_page(&r);
		for (i = 0; i < fs->napproaches; i++) {
			approach_intro(&r, &fs->approaches[i]);
			approach_findings(&r, &fs->approaches[i]);
			approach_conclusion(&r, &fs->approaches[i]);
		}
	}
	rc = buf != NULL ? pdf_doc_save_mem(r.p, path, buf, len, d) :
	    pdf_doc_save(r.p, path, d);
	if (rc == 0)
		pdf_doc_warnings(r.p, path, locate, (void *)fs, d);
	pdf_doc_free(r.p);
	heads_free(&r);
	free(r.published);
	free(r.count);
	free(title);
	free(label);
	free(author);
	free(subject);
	return rc;
}

int
factsheet_render(const struct factsheet *fs,
    struct factsheet_templates *t, const char *path, struct diags *d)
{
	return render(fs, t, path, NULL, NULL, d);
}

int
factsheet_render_mem(const struct factsheet *fs,
    struct factsheet_templates *t, const char *name, unsigned char **buf,
    size_t *len, struct diags *d)
{
	return render(fs, t, name, buf, len, d);
}
