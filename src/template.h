/*
 * template: the document templates in templates/: fixed wording
 * (texts-*.xml) and layout (*-layout.xml).
 *
 * Owns: loading both (schema-validated, through xmlsafe), checking that
 * every id a document needs is there, and filling {name} placeholders.
 * It knows no document: the renderer names the ids it needs, so wording
 * and sizes stay data and the C code only lays out boxes.
 */
#ifndef STJ_TEMPLATE_H
#define STJ_TEMPLATE_H

#include <stddef.h>

#include "diag.h"
#include "pdf.h"

struct texts;

/*
 * Loads the texts at path, validated against xsd; every id in required
 * (NULL-terminated) must be present. NULL with diagnostics otherwise.
 */
struct texts *texts_load(const char *path, const char *xsd,
    const char *const *required, struct diags *d);
void texts_free(struct texts *t);
/* Text id as stored, placeholders and all ("" when not there). */
const char *texts_raw(const struct texts *t, const char *id);
/* The author the texts speak for (PDF metadata). */
const char *texts_author(const struct texts *t);
/* The author with {name} placeholders filled as in texts_get(). */
char *texts_get_author(const struct texts *t, ...);
/*
 * Text id with each {name} replaced: the variadic arguments are name,
 * value pairs ending in NULL. Paragraphs are separated by "\n\n". New
 * string (caller frees); "" for an id that is not there.
 */
char *texts_get(const struct texts *t, const char *id, ...);

struct lay_style {
	enum pdf_face  face;
	float          size;
	struct pdf_rgb color;
	float          before, after, indent;
	float          leading;   /* line pitch / size, in table cells */
};

struct lay_box {
	struct pdf_rgb fill;
	float          padding;
};

#define LAY_MAX_COLUMNS 8

struct lay_table {
	struct pdf_rgb header_fill, rule;
	float          rule_width, padding;
	float          column[LAY_MAX_COLUMNS];   /* widths in points */
	size_t         ncolumns;
};

/* The ids a document needs, in the order it indexes them. */
struct layout_spec {
	const char *const *styles;
	size_t             nstyles;
	const char *const *boxes;
	size_t             nboxes;
	const char *const *tables;
	const size_t      *columns;   /* columns of each table */
	size_t             ntables;
};

struct layout {
	struct pdf_geometry page;
	struct lay_style   *style;    /* indexed as spec->styles */
	struct lay_box     *box;
	struct lay_table   *table;
};

/*
 * Loads the layout at path, validated against xsd, with every style, box
 * and table of spec (tables with exactly their number of columns; the
 * one column without a width gets the rest of the content width).
 * Returns 0, or -1 with diagnostics. Free with layout_free().
 */
int layout_load(struct layout *l, const char *path, const char *xsd,
    const struct layout_spec *spec, struct diags *d);
void layout_free(struct layout *l);

#endif
