/*
 * pdf: the small PDF layer over libharu that every PDF the tool writes
 * (questionnaires, factsheets) is drawn with.
 *
 * Owns: finding the DejaVu Sans fonts at run time, one libharu document
 * with its two embedded faces, its error state, text measuring and
 * wrapping (UTF-8 safe), A4 pages with a cursor and page numbers, and the
 * atomic save (temporary file, then rename).
 *
 * Errors: libharu errors are recorded in the document (the first one
 * wins). After an error every pdf_* call is a harmless no-op (drawing does
 * nothing, measuring gives 0) and pdf_doc_save() reports the error and
 * fails, so callers need not check each call. Nothing here prints or
 * exits; problems go to a struct diags.
 */
#ifndef STJ_PDF_H
#define STJ_PDF_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <hpdf.h>

#include "diag.h"

/* A4 portrait, in PDF points (1/72 inch). */
#define PDF_A4_WIDTH   595.276f
#define PDF_A4_HEIGHT  841.89f
#define PDF_MARGIN     50.0f

/* The documents' language (RFC 3066 tag) unless pdf_info says other. */
#define PDF_LANG       "nl-NL"

/* Levels of the outline (bookmarks) below its top. */
#define PDF_OUTLINE_DEPTH 2

/* Line height as a multiple of the font size. */
#define PDF_LEADING    1.25f

enum pdf_face {
	PDF_REGULAR,
	PDF_BOLD,
	PDF__NFACES
};

/* Font files of the faces, malloc'd; see pdf_fonts_find(). */
struct pdf_fonts {
	char *file[PDF__NFACES];
	int   subset;   /* the shipped subset: see pdf_text_covered() */
};

/* An RGB colour, each component 0..1. */
struct pdf_rgb {
	float r, g, b;
};

/* Page size and margins in points; 0 everywhere: A4 with PDF_MARGIN. */
struct pdf_geometry {
	float width, height;
	float top, right, bottom, left;
};

struct pdf_doc;

/*
 * Called at the start of every page, after the page number is drawn and
 * the cursor is at the top: running headers, continuation headings and a
 * repeated table header are drawn here, moving the cursor below them.
 */
typedef void (*pdf_page_hook)(struct pdf_doc *p, void *ctx);

/*
 * What the front end read from the environment, once, at start: the
 * library calls no getenv(), so two requests of one server never see
 * the environment change under them. NULL or "": not set.
 */
struct pdf_config {
	const char *font_dir;     /* $STJ_FONT_DIR: fonts looked for first */
	const char *date_epoch;   /* $SOURCE_DATE_EPOCH: every PDF's date */
};

/* What pdf_doc_new() writes into the document besides pages. */
struct pdf_info {
	const char *title;      /* UTF-8; NULL: none */
	const char *author;     /* UTF-8; NULL: none */
	const char *subject;    /* UTF-8; NULL: none */
	const char *lang;       /* the catalog's /Lang; NULL: PDF_LANG */
	const char *page_label; /* footer "LABEL N" on each page; NULL: none */
	time_t      date;       /* creation date unless config's epoch */
	const struct pdf_config *config;   /* NULL: nothing set */
	struct pdf_geometry geometry;
	/* Font files found earlier (pdf_fonts_find), so a run writing many
	 * documents asks fontconfig once; NULL: found for this document. */
	const struct pdf_fonts *fonts;
};

/*
 * One document. The HPDF handles are exposed for drawing that this layer
 * does not offer yet; use them only while pdf_ok() is true.
 */
struct pdf_doc {
	HPDF_Doc    pdf;
	HPDF_Font   font[PDF__NFACES];
	HPDF_Page   page;        /* current page; NULL before the first */
	unsigned    npages;
	char       *page_label;
	/* Content box of every page; y runs upward from the bottom edge. */
	float       left, right, top, bottom;
	float       y;           /* cursor: top of the next block */
	float       width, height;
	struct pdf_rgb color;    /* text colour */
	struct pdf_rgb stroke;   /* colour of boxes and rules */
	float       line_width;  /* of boxes and rules */
	pdf_page_hook on_page;   /* NULL: none */
	void       *on_page_ctx;
	HPDF_STATUS error;       /* first libharu error; 0: none */
	HPDF_STATUS detail;      /* its detail (errno for file errors) */
	/* Fallback fonts, and what no font could draw (pdf.c). */
	struct pdf_glyphs *glyphs;
	/* -- step 11: pdf -- */
	char       *lang;        /* the catalog's /Lang */
	int         finished;    /* PDF/A additions made (pdf_archive.c) */
	HPDF_Outline outline[PDF_OUTLINE_DEPTH];  /* last bookmark per level */
};

/* One wrapped line: text + off, len bytes, drawn width in points. */
struct pdf_line {
	size_t off, len;
	float  width;    /* of the text, without the hyphen */
	int    hyphen;   /* a word broken here: draw '-' after it */
};

struct pdf_lines {
	struct pdf_line *v;
	size_t           n, cap;
};

/*
 * Finds DejaVu Sans regular and bold: c's font_dir ($STJ_FONT_DIR:
 * DejaVuSans.ttf, DejaVuSans-Bold.ttf) when set (c may be NULL), then
 * fontconfig, then known paths.
 * Returns 0, or -1 with a diagnostic when a face is not found.
 */
int pdf_fonts_find(struct pdf_fonts *f, const struct pdf_config *c,
    struct diags *d);
/*
 * The shipped subset (DejaVuSans-STJ.ttf, DejaVuSans-Bold-STJ.ttf in dir,
 * see fonts/README.md) unless c's font_dir is set or they are missing;
 * then as pdf_fonts_find().
 */
int pdf_fonts_find_shipped(struct pdf_fonts *f, const char *dir,
    const struct pdf_config *c,
    struct diags *d);
/* 1 when every character of UTF-8 text s is in the shipped subset. */
int pdf_text_covered(const char *s);
void pdf_fonts_free(struct pdf_fonts *f);

/*
 * A new document with UTF-8 text, compression, info and both faces
 * loaded; no page yet. NULL with diagnostics when fonts are missing or
 * cannot be loaded. Free with pdf_doc_free().
 */
struct pdf_doc *pdf_doc_new(const struct pdf_info *info, struct diags *d);
void pdf_doc_free(struct pdf_doc *p);

/*
 * Frees what the documents of this process share: the fonts' character
 * sets and the streams kept deflated (pdf_archive.c). At exit.
 */
void pdf_cleanup(void);
/* 1 while no libharu error has happened. */
int pdf_ok(const struct pdf_doc *p);
/* libharu's error code in a few English words; NULL: not a known code. */
const char *pdf_error_text(HPDF_STATUS code);

/*
 * Writes the document to path as an outfile (util.h): a temporary file
 * renamed into place, so path is either the old file or the complete new
 * one; "-" is standard output. Returns 0, or -1 with a diagnostic (also
 * for any earlier libharu error).
 */
int pdf_doc_save(struct pdf_doc *p, const char *path, struct diags *d);
/*
 * The document in memory instead: *buf (caller frees) of *len bytes.
 * name is what diagnostics call it. Returns 0, or -1 with a diagnostic.
 */
int pdf_doc_save_mem(struct pdf_doc *p, const char *name, unsigned char **buf,
    size_t *len, struct diags *d);

/*
 * Text is measured and drawn character by character through the face's
 * font; a character the face lacks is drawn with a system font that has
 * it (fontconfig), found and embedded on first need. One that no font
 * has (or beyond U+FFFF, which libharu cannot draw) is drawn as U+FFFD
 * and remembered for pdf_doc_warnings(), as is right-to-left text (drawn
 * left to right: letters are not reordered). libharu is handed at most a
 * few KiB at a time, far below its 65 535-byte string limit.
 */

/* Width of len bytes of UTF-8 text s, in points. */
float pdf_text_width(struct pdf_doc *p, enum pdf_face face, float size,
    const char *s, size_t len);
/*
 * Wraps UTF-8 text into lines of at most width points (replacing the
 * contents of out). Breaks at spaces and '\n'; a word wider than the line
 * is broken between characters, never inside one, with a hyphen (which
 * pdf_show_line() draws) when the break falls between two letters.
 */
void pdf_wrap(struct pdf_doc *p, enum pdf_face face, float size,
    float width, const char *text, struct pdf_lines *out);
void pdf_lines_free(struct pdf_lines *l);
/* Height text needs when wrapped to width. */
float pdf_text_height(struct pdf_doc *p, enum pdf_face face, float size,
    float width, const char *text);
/*
 * Draws text wrapped to width with its top at (x, top); returns the
 * height used. Does not move the cursor; starts the first page if there
 * is none yet, never another.
 */
float pdf_text_at(struct pdf_doc *p, enum pdf_face face, float size,
    float x, float top, float width, const char *text);
/*
 * Draws text wrapped to the content box from indent at the cursor and
 * moves the cursor below it; continues on a new page when a line does
 * not fit. Returns the height of all its lines.
 */
float pdf_flow(struct pdf_doc *p, enum pdf_face face, float size,
    float indent, const char *text);

/* One line: len bytes of s with its baseline at (x, y); no wrapping. */
void pdf_show(struct pdf_doc *p, enum pdf_face face, float size, float x,
    float y, const char *s, size_t len);
/*
 * One line centred on (cx, cy), turned degrees counter-clockwise: a mark
 * across the page such as a diagonal "CONCEPT".
 */
void pdf_show_turned(struct pdf_doc *p, enum pdf_face face, float size,
    float cx, float cy, float degrees, const char *s);
/* A wrapped line of text (from pdf_wrap) at (x, y), with its hyphen. */
void pdf_show_line(struct pdf_doc *p, enum pdf_face face, float size,
    float x, float y, const char *text, const struct pdf_line *l);

/*
 * text, shortened to one line of at most width points: cut at a
 * character boundary with "…" appended when it is longer, and at its
 * first '\n'. The caller frees the result.
 */
char *pdf_fit_line(struct pdf_doc *p, enum pdf_face face, float size,
    float width, const char *text);

/* Stands for "any right-to-left character" in pdf_locate_fn calls. */
#define PDF_RTL 0x110000u

/* Where a text came from, for a warning; all NULL/0 when unknown. */
struct pdf_where {
	const char *file;    /* input file, when known */
	long        line;    /* its line, when known */
	char       *what;    /* "the finding of 1.1.1 (approach 'X')", malloc'd */
};

/*
 * Finds the first text of the document that holds character c (PDF_RTL:
 * any right-to-left one; pdf_text_has() tests a text) and fills *w;
 * leaves *w alone when it cannot tell.
 */
typedef void (*pdf_locate_fn)(void *ctx, uint32_t c, struct pdf_where *w);
/* 1 when UTF-8 text s holds c (PDF_RTL: any right-to-left character). */
int pdf_text_has(const char *s, uint32_t c);
/*
 * Appends the warnings of the document saved at path: the characters no
 * font could draw, once, and that right-to-left text was drawn left to
 * right; each with where it came from, when locate (may be NULL) tells.
 */
void pdf_doc_warnings(const struct pdf_doc *p, const char *path,
    pdf_locate_fn locate, void *ctx, struct diags *d);

/*
 * A bookmark (outline entry) titled title (UTF-8) at the cursor on the
 * current page, at level 0 (top) or 1 (below the last level-0 one).
 * Viewers open the document with the bookmarks shown.
 */
void pdf_bookmark(struct pdf_doc *p, int level, const char *title);

/* Starts a new A4 page (with its page number); the cursor goes to top. */
void pdf_page_new(struct pdf_doc *p);
/*
 * Makes room for a block of height points: starts a new page when there
 * is no page yet or the block does not fit below the cursor. Returns 1
 * when it started a page.
 */
int pdf_need(struct pdf_doc *p, float height);
/* Moves the cursor down by dy points (up when negative). */
void pdf_skip(struct pdf_doc *p, float dy);

/* Sets the colour of the text drawn from now on. */
void pdf_set_color(struct pdf_doc *p, struct pdf_rgb c);
/* Sets the colour and width of boxes and rules drawn from now on. */
void pdf_set_stroke(struct pdf_doc *p, struct pdf_rgb c, float width);
/* Sets the hook called at the start of every page (NULL: none). */
void pdf_set_page_hook(struct pdf_doc *p, pdf_page_hook hook, void *ctx);
/* Filled rectangle (no outline) with its lower-left corner at (x, y). */
void pdf_fill(struct pdf_doc *p, float x, float y, float w, float h,
    struct pdf_rgb c);
/* Stroked rectangle with its lower-left corner at (x, y); y runs up. */
void pdf_box(struct pdf_doc *p, float x, float y, float w, float h);
/* Horizontal rule from x0 to x1 at y. */
void pdf_hline(struct pdf_doc *p, float x0, float x1, float y);

#endif
