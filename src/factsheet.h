/*
 * factsheet: the published document of one municipality's round, as a
 * plain tree, and its rendering to PDF.
 *
 * Owns: struct factsheet (what the document says: built by the caller
 * from the assessed round, read-only here) and its layout on pages:
 * front page, per approach the description, the findings tables and the
 * conclusions, running headers, continuation headings and repeated
 * table headers. Wording and sizes come from templates/ (see template.h);
 * this module holds neither.
 */
#ifndef STJ_FACTSHEET_H
#define STJ_FACTSHEET_H

#include <stddef.h>
#include <time.h>

#include "diag.h"
#include "framework.h"
#include "template.h"

/* One mark and one finding: an indicator, or several merged ones. */
struct fs_row {
	const char **indicators;   /* their texts */
	size_t       nindicators;
	char         mark;         /* 'V', 'X' or '-' */
	const char  *finding;      /* lines; a line may be a LET OP remark */
	/* Progress report: */
	char         prev_mark;    /* the earlier round's; 0: none (nieuw) */
	const char  *progress;     /* status, LET OP change, the note */
};

struct fs_criterion {
	const char    *text;
	struct fs_row *rows;
	size_t         nrows;
};

struct fs_theme {
	const char          *name, *statement;
	struct fs_criterion *criteria;
	size_t               ncriteria;
	const char          *goed, *beter;   /* conclusion, one item a line */
};

struct fs_approach {
	const char      *name;
	const char      *description;   /* paragraphs split by "\n\n"; NULL */
	const char     **partners;      /* network partners who answered */
	size_t           npartners;
	struct fs_theme *themes;
	size_t           nthemes;
};

/* Progress report: a theme's verbeterpunten then and now. */
struct fs_count {
	const char *theme;
	int         then, now;
};

/* Progress report: one of the earlier round's verbeterpunten. */
struct fs_point {
	const char *approach, *indicator, *status;
};

struct factsheet {
	const char               *municipality;
	int                       round;
	int                       from_round;   /* progress report; else 0 */
	/* -- step 13: progress -- */
	int                       respondents, responded;  /* later round */
	struct fs_count          *counts;       /* progress: per theme */
	size_t                    ncounts;
	struct fs_point          *points;       /* progress: verbeterpunten */
	size_t                    npoints;
	time_t                    date;         /* creation date */
	const struct framework   *fw;           /* definition box */
	const char               *context;      /* NULL: none */
	/* -- step 11: layout -- the round's own front-page introduction
	 * (paragraphs split by "\n\n"; NULL: the templates' year-neutral
	 * one) and publication date ("YYYY-MM[-DD]"; NULL: none). */
	const char               *intro;
	const char               *published;
	struct fs_approach       *approaches;
	size_t                    napproaches;
	struct arena             *arena;        /* owns what the builder adds */
	/* Review state (factsheet_set_state): a concept carries "CONCEPT"
	 * across every page; a vastgesteld one the date it was. */
	int                       concept;
	const char               *fixed_on;     /* "YYYY-MM-DD"; NULL: none */
};

/* An empty factsheet with its arena; free with factsheet_free(). */
struct factsheet *factsheet_new(void);
/*
 * The review state of the round (store_round_state()): anything but
 * "vastgesteld" is a concept; since is when it was entered (ISO 8601).
 */
void factsheet_set_state(struct factsheet *fs, const char *state,
    const char *since);
void factsheet_free(struct factsheet *fs);

/* The templates a factsheet is drawn with, and its font files. */
struct factsheet_templates {
	struct texts     *texts;
	struct layout     layout;
	struct pdf_fonts  fonts;   /* found once: the shipped subset if any */
	struct pdf_fonts  full;    /* the system's, for text beyond it */
	int               full_tried;
	const struct pdf_config *config;   /* the front end's; may be NULL */
};

/*
 * Loads templates/texts-SET.xml and templates/factsheet-layout.xml from
 * datadir (SET: "stj" for an inspection) and finds the fonts. Returns 0,
 * or -1 with diagnostics.
 */
int factsheet_templates_load(struct factsheet_templates *t,
    const char *datadir, const char *set, const struct pdf_config *config,
    struct diags *d);
void factsheet_templates_free(struct factsheet_templates *t);

/*
 * Renders fs to path (temporary file, then rename): a factsheet, or with
 * from_round set the progress report (summary, then per approach the
 * findings tables with the marks then and now and the progress column). Returns 0, or -1 with
 * a diagnostic and no file at path.
 */
int factsheet_render(const struct factsheet *fs,
    struct factsheet_templates *t, const char *path, struct diags *d);
/*
 * The same into memory: *buf (caller frees) of *len bytes; name is what
 * diagnostics call the document. Returns 0, or -1 with diagnostics.
 */
int factsheet_render_mem(const struct factsheet *fs,
    struct factsheet_templates *t, const char *name, unsigned char **buf,
    size_t *len, struct diags *d);

/* -- step 11: layout -- */
/*
 * The publication date as the published factsheets print it, "November
 * 2013" (month names from the texts' "maanden"), for the PDF and its HTML
 * twin alike; NULL when date is NULL or no YYYY-MM[-DD]. New string.
 */
char *factsheet_published_text(const struct texts *t, const char *date);

#endif
