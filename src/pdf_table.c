/*
 * pdf_table: cells and rows. See pdf_table.h.
 */
#include "pdf_table.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static void
push_line(struct ptab_cell *c, const struct ptab_line *l)
{
	/* Lines are few per cell: grow one at a time, doubling. */
	if ((c->n & (c->n - 1)) == 0)
		c->v = xrealloc(c->v, (c->n ? c->n * 2 : 1) * sizeof(*c->v));
	c->v[c->n++] = *l;
}

void
ptab_cell_add(struct pdf_doc *p, struct ptab_cell *c,
    const struct lay_style *st, float width, const char *text)
{
	struct pdf_lines lines = { NULL, 0, 0 };
	struct ptab_line l;
	size_t           i;

	c->texts = xrealloc(c->texts, (c->ntexts + 1) * sizeof(char *));
	c->texts[c->ntexts] = xstrdup(text);
	pdf_wrap(p, st->face, st->size, width, c->texts[c->ntexts], &lines);
	for (i = 0; i < lines.n; i++) {
		l.text = c->ntexts;
		l.line = lines.v[i];
		l.face = st->face;
		l.size = st->size;
		l.lead = st->size * st->leading;
		l.color = st->color;
		push_line(c, &l);
	}
	c->ntexts++;
	pdf_lines_free(&lines);
}

void
ptab_cell_gap(struct ptab_cell *c, float h)
{
	struct ptab_line l;

	memset(&l, 0, sizeof(l));
	l.lead = h;
	l.text = (size_t)-1;
	push_line(c, &l);
}

float
ptab_cell_height(const struct ptab_cell *c)
{
	float  h = 0;
	size_t i;

	for (i = c->next; i < c->n; i++)
		h += c->v[i].lead;
	return h;
}

int
ptab_cell_done(const struct ptab_cell *c)
{
	return c->next >= c->n;
}

void
ptab_cell_free(struct ptab_cell *c)
{
	size_t i;

	for (i = 0; i < c->ntexts; i++)
		free(c->texts[i]);
	free(c->texts);
	free(c->v);
	memset(c, 0, sizeof(*c));
}

float
ptab_column_x(const struct lay_table *t, float x0, size_t k)
{
	size_t i;

	for (i = 0; i < k && i < t->ncolumns; i++)
		x0 += t->column[i];
	return x0;
}

float
ptab_row_height(const struct lay_table *t, struct ptab_cell *cells,
    size_t n)
{
	float  h = 0, ch;
	size_t i;

	for (i = 0; i < n; i++)
		if ((ch = ptab_cell_height(&cells[i])) > h)
			h = ch;
	return h + 2 * t->padding;
}

/* Paragraphs up to this many lines are not split across pages. */
#define KEEP_LINES 4

/*
 * 1 when the paragraph that starts at line i (lines of one added text)
 * is short and does not fit in room: it should start on the next page.
 */
static int
keep_paragraph(const struct ptab_cell *c, size_t i, float room)
{
	size_t k;
	float  h = 0;

	if (c->v[i].line.len == 0 ||
	    (i > 0 && c->v[i - 1].text == c->v[i].text))
		return 0;
	for (k = i; k < c->n && c->v[k].text == c->v[i].text; k++)
		h += c->v[k].lead;
	return k - i <= KEEP_LINES && h > room;
}

/*
 * Draws the lines of c that fit in avail (padding included) from top;
 * returns the height used. A short paragraph that does not fit entirely
 * is left for the next page, unless nothing has been drawn yet.
 */
static float
cell_draw(struct pdf_doc *p, const struct lay_table *t, struct ptab_cell *c,
    float x, float w, float top, float avail)
{
	float y = top - t->padding, used = t->padding;
	float lx;

	while (c->next < c->n) {
		const struct ptab_line *l = &c->v[c->next];
		if (used + l->lead + t->padding > avail)
			break;
		if (used > t->padding && keep_paragraph(c, c->next,
		    avail - used - t->padding))
			break;
		if (l->line.len > 0) {
			lx = x + t->padding;
			if (c->center)
				lx = x + (w - l->line.width) / 2;
			pdf_set_color(p, l->color);
			pdf_show_line(p, l->face, l->size, lx, y - l->size,
			    c->texts[l->text], &l->line);
		}
		y -= l->lead;
		used += l->lead;
		c->next++;
	}
	return used + t->padding;
}

float
ptab_row_draw(struct pdf_doc *p, const struct lay_table *t, size_t first,
    float x, struct ptab_cell *cells, size_t n, float top, float avail,
    float min)
{
	float  h = min, used, cx, w;
	size_t i;

	for (i = 0; i < n; i++) {
		cx = ptab_column_x(t, x, first + i);
		w = t->column[first + i];
		used = cell_draw(p, t, &cells[i], cx, w, top, avail);
		if (used > h)
			h = used;
	}
	/* A row cut by the page runs to the page bottom. */
	for (i = 0; i < n; i++)
		if (!ptab_cell_done(&cells[i]))
			h = avail;
	pdf_set_stroke(p, t->rule, t->rule_width);
	for (i = 0; i < n; i++)
		pdf_box(p, ptab_column_x(t, x, first + i), top - h,
		    t->column[first + i], h);
	return h;
}
