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
