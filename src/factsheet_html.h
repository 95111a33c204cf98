/*
 * factsheet_html: the factsheet as one self-contained, accessible HTML
 * file, the twin of the PDF (factsheet.c). libharu cannot write a tagged
 * PDF, so this is the version a screen reader or a government publication
 * site takes: semantic headings, tables with captions and header scopes,
 * lang="nl", marks with a text beside them, a print stylesheet; nothing
 * fetched, no script.
 *
 * Owns: the HTML and CSS fragments in templates/factsheet/ (loaded per
 * document) and the one escaping writer every value goes through. The
 * model is the PDF's (struct factsheet, built by report_factsheet()), and
 * so is the wording (texts-SET.xml through report_templates()): nothing is
 * computed here that the PDF does not print.
 */
#ifndef STJ_FACTSHEET_HTML_H
#define STJ_FACTSHEET_HTML_H

#include <stddef.h>

#include "diag.h"
#include "factsheet.h"
#include "report.h"

/*
 * Writes fs (a factsheet, not a progress report) as HTML to path, an
 * outfile (util.h: a temporary name renamed into place, "-" is standard
 * output). Returns 0, or -1 with diagnostics and no file at path.
 */
int factsheet_html_write(struct report *r, const struct factsheet *fs,
    const char *path, struct diags *d);
/*
 * The same into memory: *buf (caller frees) of *len bytes. *style_hash,
 * when not NULL, gets the base64 SHA-256 of the inline stylesheet (for a
 * Content-Security-Policy that allows exactly that style; caller frees).
 */
int factsheet_html_mem(struct report *r, const struct factsheet *fs,
    char **buf, size_t *len, char **style_hash, struct diags *d);

#endif
