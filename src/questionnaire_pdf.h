/*
 * questionnaire_pdf: the printable blank questionnaire for one role.
 *
 * Owns: the paper layout of a questionnaire (title, fill-in block,
 * instruction, per theme and criterion the questions asked of the role
 * with tick boxes and lines for the toelichting). Reads the framework
 * tree; draws only through pdf.h.
 */
#ifndef STJ_QUESTIONNAIRE_PDF_H
#define STJ_QUESTIONNAIRE_PDF_H

#include "diag.h"
#include "framework.h"
#include "template.h"

/* Loads templates/texts-vragenlijst.xml from datadir; NULL on error. */
struct texts *questionnaire_texts_load(const char *datadir,
    struct diags *d);

/*
 * Writes the questionnaire for role as an A4 PDF at path (atomically:
 * path is untouched on failure), its fixed texts from t. The same
 * framework gives the same bytes; config (NULL: none) is the front
 * end's font directory. Returns 0, or -1 after appending diagnostics to d.
 */
int questionnaire_write_pdf(const struct framework *fw, enum role role,
    const struct texts *t, const struct pdf_config *config, const char *path,
    struct diags *d);

#endif
