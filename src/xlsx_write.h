/*
 * xlsx_write: the workbooks stj writes (libxlsxwriter): the questionnaire
 * to fill in and the inspector's table of verdicts.
 *
 * Owns: the layout of those sheets. Writes through outfile (util.h), so a
 * workbook appears whole or not at all, like every other output.
 * libxlsxwriter writes to a file name only: the workbook is made in a
 * private temporary file first and copied into the outfile.
 */
#ifndef STJ_XLSX_WRITE_H
#define STJ_XLSX_WRITE_H

#include <stddef.h>

#include "diag.h"
#include "framework.h"

struct texts;

/* Loads templates/texts-xlsx.xml from datadir; NULL on error. */
struct texts *xlsx_texts_load(const char *datadir, struct diags *d);

/*
 * The questionnaire for role r as one workbook, sheet XLSX_FORM_SHEET
 * (xlsx.h): title and instructions, the gemeente/aanpak/ronde/organisatie
 * cells to fill (rol filled in), then per theme its heading and per
 * question the indicator id (column A), the wording (B), the answer (C:
 * a drop-down of the question's scale) and, where asked, the toelichting
 * (D). Only C and D cells to fill are unlocked; the sheet is protected
 * (without a password: against accidents, not against edits). 0, or -1
 * after a diagnostic (path untouched).
 */
int xlsx_write_questionnaire(const struct framework *fw, enum role r,
    const struct texts *t, const char *path, struct diags *d);

/*
 * A plain table: one sheet called sheet, row 1 the ncols header cells
 * (bold, frozen), then nrows rows of ncols cells each (cells[row * ncols +
 * col]; NULL or "" an empty cell). Columns whose unlocked[col] is set are
 * meant to be edited; the sheet is not protected (an inspector sorts and
 * filters). 0, or -1 after a diagnostic.
 */
int xlsx_write_table(const char *path, const char *sheet, size_t ncols,
    const char *const *header, const char *const *cells, size_t nrows,
    const double *widths, struct diags *d);

#endif
