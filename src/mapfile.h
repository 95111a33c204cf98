/*
 * mapfile: the mapping file of "stj import --mapping FILE" and what
 * "stj mapping --suggest" writes (step 14; format in doc/formats.md).
 *
 * Owns: parsing a mapping (every error as FILE:LINE, all of them listed),
 * matching a column header against its rules, its answer words and
 * constants, and the suggestion for a new export. A line-based text an
 * inspector edits by hand:
 *
 *   kolom "Gemeente" -> gemeente
 *   kolom /^Vraag ([0-9]+\.[0-9]+\.[0-9]+)/ -> antwoord $1
 *   kolom "Toelichting bij vraag 1.1.1" -> toelichting 1.1.1
 *   negeer "Begintijd"
 *   antwoord "Helemaal mee eens" -> ja
 *   constant ronde = 2025
 *
 * A quoted header is compared as names are (case, runs of white space,
 * typographic quotes and dashes ignored); a /pattern/ is a POSIX
 * extended regular expression (regex.h), case-insensitive, whose groups
 * the target names as $1..$9. Globs were simpler but cannot hand the
 * indicator id inside a title to the target, which is what one line for
 * a whole survey needs.
 */
#ifndef STJ_MAPFILE_H
#define STJ_MAPFILE_H

#include <stdio.h>

#include "csv.h"
#include "diag.h"
#include "framework.h"
#include "response.h"

/* The respondent fields, in ingest.c's column order. */
enum map_field { MF_GEMEENTE, MF_AANPAK, MF_RONDE, MF_ROL, MF_ORGANISATIE,
    MF__COUNT };

extern const char *const map_field_names[MF__COUNT];

enum map_kind { MK_FIELD, MK_ANSWER, MK_TOELICHTING, MK_IGNORE };

/* What one rule says about a header that matched it. */
struct map_hit {
	enum map_kind  kind;
	enum map_field field;     /* MK_FIELD */
	char           id[32];    /* MK_ANSWER, MK_TOELICHTING */
	long           line;      /* of the rule in the mapping file */
};

struct mapfile;

/*
 * Reads the mapping at path, checking indicator ids named outright
 * against fw. NULL after every problem is appended to d as path:line.
 */
struct mapfile *mapfile_load(const char *path, const struct framework *fw,
    struct diags *d);
/* mapfile_free(NULL) is a no-op. */
void mapfile_free(struct mapfile *m);
/* The file name, as diagnostics and the dry run name it. */
const char *mapfile_path(const struct mapfile *m);
/* 1 and *out filled when a rule (the first in the file) takes header. */
int mapfile_column(const struct mapfile *m, const char *header,
    struct map_hit *out);
/* The answer the file's "antwoord" lines give text; ANSWER__COUNT: none. */
enum answer mapfile_answer(const struct mapfile *m, const char *text);
/* The constant for field f, or NULL; *line where it is set. */
const char *mapfile_constant(const struct mapfile *m, enum map_field f,
    long *line);

/* ---- the suggestion ------------------------------------------------- */

struct map_suggest;

struct map_suggest *map_suggest_new(void);
void map_suggest_free(struct map_suggest *s);
/*
 * Column col (0-based) of the export: its header (and Qualtrics' question
 * text alt, or NULL) and what the importer's own recognition makes of it:
 * kind, field or indicator, why ("Microsoft Forms", "geraden uit de
 * formulering"), or unplaced (placed 0; -1: it looks like an answer or
 * a toelichting, why says so).
 */
void map_suggest_column(struct map_suggest *s, size_t col, const char *header,
    const char *alt, int placed, enum map_kind kind, enum map_field field,
    const char *id, const char *why);
/* How many columns it was told of (0: no CSV or .xlsx was read). */
size_t map_suggest_columns(const struct map_suggest *s);
/* A cell of an answer column: its distinct texts are collected. */
void map_suggest_cell(struct map_suggest *s, size_t col, const char *text);
/* Writes the mapping to edit; from names the export in its comments. */
void map_suggest_write(const struct map_suggest *s, const char *from,
    FILE *f);

#endif
