/*
 * pdf_table: table cells and rows on top of the pdf layer, shared by the
 * factsheet and the progress report.
 *
 * Owns: a cell's wrapped lines (each line with its own face and size, so
 * a "LET OP:" remark can be bold inside a finding), measuring what is
 * left of a cell, and drawing a row of cells as far as the page allows,
 * so a row taller than a page continues on the next one line by line.
 * Page breaks themselves are the caller's: it knows what to repeat.
 */
#ifndef STJ_PDF_TABLE_H
#define STJ_PDF_TABLE_H

#include <stddef.h>

#include "pdf.h"
#include "template.h"

struct ptab_line {
	size_t         text;     /* index into the cell's texts */
	struct pdf_line line;    /* bytes, width and hyphen in that text */
	enum pdf_face  face;
	float          size, lead;
	struct pdf_rgb color;
};

struct ptab_cell {
	char             **texts;   /* owned copies of what was added */
	size_t             ntexts;
	struct ptab_line  *v;
	size_t             n, next; /* lines; first not yet drawn */
	int                center;  /* lines centred in the column */
};

/*
 * Appends text (lines separated by '\n') wrapped to width in style st.
 * The text is copied.
 */
void ptab_cell_add(struct pdf_doc *p, struct ptab_cell *c,
    const struct lay_style *st, float width, const char *text);
/* Appends vertical space of h points (between paragraphs). */
void ptab_cell_gap(struct ptab_cell *c, float h);
/* Height of the lines not yet drawn, without padding. */
float ptab_cell_height(const struct ptab_cell *c);
/* 1 when every line has been drawn. */
int ptab_cell_done(const struct ptab_cell *c);
void ptab_cell_free(struct ptab_cell *c);

/*
 * Draws what is left of cells[0..n), the columns first..first+n-1 of
 * table t starting at x, with their top at top and at most avail points
 * tall (at least min): cell borders included. Returns the height used; a
 * cell with lines left over has its next line where the next page
 * continues, and the row then runs to avail.
 */
float ptab_row_draw(struct pdf_doc *p, const struct lay_table *t,
    size_t first, float x, struct ptab_cell *cells, size_t n, float top,
    float avail, float min);
/* Height the rest of cells[0..n) needs, padding included. */
float ptab_row_height(const struct lay_table *t, struct ptab_cell *cells,
    size_t n);
/* x of column k of table t whose first column starts at x0. */
float ptab_column_x(const struct lay_table *t, float x0, size_t k);

#endif
