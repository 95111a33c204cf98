/*
 * render: formatters. Each takes a const tree and writes one output
 * format; none changes what it is given.
 *
 * Owns: the plain-text and TSV views (what tests compare) and, later, the
 * PDF documents; never the wording of fixed texts (framework, templates/).
 */
#ifndef STJ_RENDER_H
#define STJ_RENDER_H

#include <stdio.h>

#include "framework.h"

enum render_format {
	RENDER_TEXT,
	RENDER_TSV
};

/*
 * Values that come from input (names, toelichtingen, findings) go out
 * through the two writers below, never through printf("%s") alone: a
 * tab, a newline or a terminal escape in a name must not split a TSV row
 * or reach the terminal (doc/formats.md, "Escaping").
 *
 * The kind of a TSV cell, decided per column by the writer of the table.
 */
enum render_cell {
	RENDER_CELL_CODE,   /* ids, codes and fixed words (V, X, -, voorstel):
	                       escaped only, so the contract stays exact */
	RENDER_CELL_TEXT    /* free text (names, findings, reasons): escaped,
	                       and a leading = + - @ TAB CR LF gets a ' */
};

/*
 * Writes s as one TSV cell: backslash, tab, newline and carriage return
 * as \\, \t, \n, \r (PostgreSQL COPY's text format), every other control
 * character (C0, DEL, C1) and every byte that is not UTF-8 as \xHH per
 * byte. A RENDER_CELL_TEXT cell that a spreadsheet would take for a
 * formula starts with a single quote (OWASP, "CSV Injection").
 */
void render_tsv_cell(FILE *f, const char *s, enum render_cell kind);
/*
 * Writes s for a terminal on one line: control characters (newline
 * included) and bytes that are not UTF-8 as \xHH (\t, \n, \r for those
 * three); a backslash stays as it is. Returns the characters written,
 * for padding. NULL writes nothing.
 */
size_t render_text(FILE *f, const char *s);
/*
 * Writes multi-line text for a terminal, each line after indent and
 * through render_text: a newline in the text can start a new line of
 * the block, never a line of its own at the left margin.
 */
void render_text_lines(FILE *f, const char *indent, const char *s);

/* "5 themes, 13 criteria, 30 indicators" */
void render_framework_counts(FILE *f, const struct framework *fw);
/*
 * The framework tree: theme, criterion and indicator with ids and texts;
 * with detail, also rules, questions per role and toelichting prompts.
 */
void render_framework_tree(FILE *f, const struct framework *fw,
    enum render_format fmt, int detail);
/* One line per installed framework: id, version, counts, file. */
void render_framework_list(FILE *f, const struct framework_set *set,
    enum render_format fmt);

#endif
