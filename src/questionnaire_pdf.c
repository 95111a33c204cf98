/*
 * questionnaire_pdf: the paper questionnaire. See questionnaire_pdf.h.
 *
 * Owns the layout of the printed questionnaire; its fixed Dutch texts come
 * from templates/texts-vragenlijst.xml. Every block is laid out by one
 * function that either measures or draws, so what is measured to keep a
 * block on one page is exactly what is drawn.
 */
#include "questionnaire_pdf.h"

#include <stdlib.h>
#include <string.h>

#include "pdf.h"
#include "util.h"

/* The texts the questionnaire needs (templates/texts-vragenlijst.xml). */
static const char *const text_ids[] = {
	"titel", "rol", "gemeente", "aanpak", "organisatie", "ronde",
	"instructie", "thema", "pdf-titel", "pagina",
	/* -- step 11: pdf -- */
	"pdf-onderwerp", NULL
};

/* The labelled lines to fill in at the top, in this order. */
static const char *const fill_in[] = {
	"gemeente", "aanpak", "organisatie", "ronde"
};

/*
 * A blank questionnaire depends only on the framework: a fixed creation
 * date (2013-01-01T00:00:00Z) keeps it byte-identical between runs;
 * $SOURCE_DATE_EPOCH still overrides it.
 */
#define QUESTIONNAIRE_DATE ((time_t)1356998400)

/* Sizes in points. */
#define BODY        10.5f   /* question text, options, labels */
#define PROMPT      10.0f   /* toelichting prompt */
#define ID_WIDTH    36.0f   /* indicator id column */
#define BOX         8.5f    /* tick box side */
#define BOX_GAP     4.0f    /* box to its label */
#define OPTION_GAP  18.0f   /* label to the next box */
#define RULE_STEP   19.0f   /* distance between writing lines */
#define RULES       3       /* writing lines per toelichting */
#define FILL_ROW    22.0f   /* fill-in block row height */
#define BLOCK_GAP   14.0f   /* below each question block */

struct style {
	enum pdf_face face;
	float         size, before, after;
};

static const struct style title_style = { PDF_BOLD, 18.0f, 0.0f, 4.0f };
static const struct style subtitle_style = { PDF_BOLD, 13.0f, 0.0f, 6.0f };
static const struct style theme_style = { PDF_BOLD, 13.0f, 10.0f, 6.0f };
static const struct style criterion_style = { PDF_BOLD, 11.0f, 4.0f, 6.0f };

/* Wrapped text from x to the right margin: drawn, or only measured. */
static float
text(struct pdf_doc *p, int draw, enum pdf_face face, float size, float x,
    float top, const char *s)
{
	float width = p->right - x;

	if (draw)
		return pdf_text_at(p, face, size, x, top, width, s);
	return pdf_text_height(p, face, size, width, s);
}

static float
heading_height(struct pdf_doc *p, const struct style *st, const char *s)
{
	return st->before + text(p, 0, st->face, st->size, p->left, 0, s) +
	    st->after;
}

static void
put_heading(struct pdf_doc *p, const struct style *st, const char *s)
{
	/* Space above a heading is wasted at the top of a page. */
	if (p->y < p->top)
		pdf_skip(p, st->before);
	pdf_skip(p, text(p, 1, st->face, st->size, p->left, p->y, s));
	pdf_skip(p, st->after);
}

/* The answer options as tick boxes with labels, wrapping if need be. */
static float
tick_row(struct pdf_doc *p, int draw, float x0, float top,
    const struct fw_scale *sc)
{
	float  line = BODY * PDF_LEADING, x = x0, h = line, w;
	size_t i;

	for (i = 0; i < sc->noptions; i++) {
		const char *lab = sc->options[i].label;

		w = BOX + BOX_GAP +
		    pdf_text_width(p, PDF_REGULAR, BODY, lab, strlen(lab));
		if (x > x0 && x + w > p->right) {
			x = x0;
			top -= line;
			h += line;
		}
		if (draw) {
			/* Bottom just below the baseline: boxes sit on the
			 * line like capitals. */
			pdf_box(p, x, top - BODY - 0.5f, BOX, BOX);
			(void)pdf_text_at(p, PDF_REGULAR, BODY,
			    x + BOX + BOX_GAP, top, w, lab);
		}
		x += w + OPTION_GAP;
	}
	return h;
}

/* Empty lines to write the toelichting on. */
static float
rules(struct pdf_doc *p, int draw, float x, float top)
{
	int i;

	for (i = 1; draw && i <= RULES; i++)
		pdf_hline(p, x, p->right, top - (float)i * RULE_STEP);
	return RULES * RULE_STEP;
}

/* One question: id, text, tick boxes, toelichting prompt and lines. */
static float
question_block(struct pdf_doc *p, int draw, float top,
    const struct fw_indicator *ind, const struct fw_question *q)
{
	float x = p->left + ID_WIDTH, h;

	if (draw)
		(void)pdf_text_at(p, PDF_BOLD, BODY, p->left, top, ID_WIDTH,
		    ind->id);
	h = text(p, draw, PDF_REGULAR, BODY, x, top, q->text);
	h += 3.0f;
	h += tick_row(p, draw, x, top - h, q->scale);
	if (q->toelichting != NULL) {
		h += 4.0f;
		h += text(p, draw, PDF_REGULAR, PROMPT, x, top - h,
		    q->toelichting);
		h += rules(p, draw, x, top - h);
	}
	return h + BLOCK_GAP;
}

/* Keeps the block together: a new page when it does not fit. */
static void
put_question(struct pdf_doc *p, const struct fw_indicator *ind,
    enum role role)
{
	const struct fw_question *q = ind->question[role];

	(void)pdf_need(p, question_block(p, 0, 0, ind, q));
	pdf_skip(p, question_block(p, 1, p->y, ind, q));
}

static const struct fw_indicator *
first_asked(const struct fw_criterion *cr, enum role role)
{
	size_t i;

	for (i = 0; i < cr->nindicators; i++)
		if (cr->indicators[i].question[role] != NULL)
			return &cr->indicators[i];
	return NULL;
}

/*
 * A criterion with the questions asked of role; theme_heading, when not
 * NULL, goes above it. Headings stay on the page of their first question.
 * Returns 1 when anything was drawn (a criterion with no question for
 * role is left out).
 */
static int
put_criterion(struct pdf_doc *p, const char *theme_heading,
    const struct fw_criterion *cr, enum role role)
{
	const struct fw_indicator *first = first_asked(cr, role);
	char                      *sub;
	float                      need;
	size_t                     i;

	if (first == NULL)
		return 0;
	sub = xasprintf("%s %s", cr->id, cr->text);
	need = heading_height(p, &criterion_style, sub) +
	    question_block(p, 0, 0, first, first->question[role]);
	if (theme_heading != NULL)
		need += heading_height(p, &theme_style, theme_heading);
	(void)pdf_need(p, need);
	if (theme_heading != NULL)
		put_heading(p, &theme_style, theme_heading);
	put_heading(p, &criterion_style, sub);
	for (i = 0; i < cr->nindicators; i++)
		if (cr->indicators[i].question[role] != NULL)
			put_question(p, &cr->indicators[i], role);
	free(sub);
	return 1;
}

/* "1 Toeleiding — statement", then its criteria. */
static void
put_theme(struct pdf_doc *p, const struct texts *t, const struct fw_theme *th,
    enum role role)
{
	char       *heading;
	const char *pending;
	size_t      c;

	heading = texts_get(t, "thema", "id", th->id, "naam", th->name,
	    "stelling", th->statement, (const char *)NULL);
	pending = heading;
	for (c = 0; c < th->ncriteria; c++)
		if (put_criterion(p, pending, &th->criteria[c], role))
			pending = NULL;
	free(heading);
}

/* Labelled lines for gemeente, aanpak, organisatie and ronde. */
static void
put_fill_in(struct pdf_doc *p, const struct texts *t)
{
	float  col = 0, w;
	size_t i;

	for (i = 0; i < sizeof(fill_in) / sizeof(fill_in[0]); i++) {
		const char *s = texts_raw(t, fill_in[i]);

		w = pdf_text_width(p, PDF_REGULAR, BODY, s, strlen(s));
		if (w > col)
			col = w;
	}
	col += 10.0f;
	for (i = 0; i < sizeof(fill_in) / sizeof(fill_in[0]); i++) {
		(void)pdf_need(p, FILL_ROW);
		(void)pdf_text_at(p, PDF_REGULAR, BODY, p->left, p->y, col,
		    texts_raw(t, fill_in[i]));
		/* The line runs just under the label's baseline. */
		pdf_hline(p, p->left + col, p->right, p->y - BODY - 2.0f);
		pdf_skip(p, FILL_ROW);
	}
}

/* Title, role, fill-in block and instruction. */
static void
put_front(struct pdf_doc *p, const struct texts *t, const struct framework *fw,
    enum role role)
{
	char *s;

	put_heading(p, &title_style, texts_raw(t, "titel"));
	put_heading(p, &subtitle_style, fw->title);
	s = xasprintf("%s %s", texts_raw(t, "rol"), role_name(role));
	(void)pdf_flow(p, PDF_BOLD, BODY, 0, s);
	free(s);
	pdf_skip(p, 12.0f);
	put_fill_in(p, t);
	pdf_skip(p, 4.0f);
	(void)pdf_flow(p, PDF_REGULAR, BODY, 0, texts_raw(t, "instructie"));
	pdf_skip(p, 6.0f);
}

struct texts *
questionnaire_texts_load(const char *datadir, struct diags *d)
{
	char         *path = xasprintf("%s/templates/texts-vragenlijst.xml",
	    datadir);
	char         *xsd = xasprintf("%s/templates/texts.xsd", datadir);
	struct texts *t = texts_load(path, xsd, text_ids, d);

	free(path);
	free(xsd);
	return t;
}

/* pdf_locate_fn: the first question of the framework that holds c. */
static void
locate(void *ctx, uint32_t c, struct pdf_where *w)
{
	const struct framework *fw = ctx;
	const struct fw_indicator *ind;
	size_t                  i;
	int                     r;

	for (i = 0; i < fw->nindicators; i++) {
		ind = fw->indicators[i];
		for (r = 0; r < ROLE__COUNT; r++) {
			const struct fw_question *q = ind->question[r];
			if (q == NULL || (!pdf_text_has(q->text, c) &&
			    (q->toelichting == NULL ||
			    !pdf_text_has(q->toelichting, c))))
				continue;
			w->file = fw->file;
			w->line = q->line;
			w->what = xasprintf("the question of indicator %s",
			    ind->id);
			return;
		}
	}
}

int
questionnaire_write_pdf(const struct framework *fw, enum role role,
    const struct texts *t, const struct pdf_config *config, const char *path,
    struct diags *d)
{
	struct pdf_info info;
	struct pdf_doc *p;
	char           *title, *subject;
	size_t          k;
	int             rc;

	if (role >= ROLE__COUNT) {
		diags_add_text(d, path, 0, "no such role");
		return -1;
	}
	title = texts_get(t, "pdf-titel", "kader", fw->title, "rol",
	    role_name(role), (const char *)NULL);
	/* Zeroed: no geometry given means A4 with the default margins. */
	memset(&info, 0, sizeof(info));
	info.title = title;
	info.author = texts_author(t);
	subject = texts_get(t, "pdf-onderwerp", "kader", fw->title, "rol",
	    role_name(role), (const char *)NULL);
	info.subject = subject;
	info.page_label = texts_raw(t, "pagina");
	info.date = QUESTIONNAIRE_DATE;
	info.config = config;
	p = pdf_doc_new(&info, d);
	free(title);
	free(subject);
	if (p == NULL)
		return -1;
	pdf_page_new(p);
	put_front(p, t, fw, role);
	for (k = 0; k < fw->nthemes; k++)
		put_theme(p, t, &fw->themes[k], role);
	rc = pdf_doc_save(p, path, d);
	if (rc == 0)
		pdf_doc_warnings(p, path, locate, (void *)fw, d);
	pdf_doc_free(p);
	return rc;
}
