/*
 * xlsx: reading the rows of one sheet of an .xlsx workbook, part of the
 * ingest stage.
 *
 * Owns: the zip container (libzip, read in memory: no entry is ever
 * written to disk, so an entry named "../x" reaches nothing; such names
 * are refused all the same), the hostile-input caps on it, and turning a
 * sheet's XML (read by xmlsafe's streaming parser: no DOCTYPE, no
 * entities, no network) into the records the CSV reader makes, so that
 * ingest reads a workbook by the very rules it reads a CSV file by.
 *
 * Which sheet: the one named XLSX_FORM_SHEET (a questionnaire stj wrote,
 * read as a form: column A names the field or indicator, C holds the
 * answer, D the toelichting; it becomes one header record and one
 * respondent), else the first sheet, read as a survey export: its first
 * row with a value is the header. Cells: shared strings, inline strings
 * (rich text runs joined, phonetic runs skipped), numbers as written,
 * booleans as TRUE/FALSE, a formula's cached value (never evaluated; none
 * cached: empty). Skipped (empty) cells are empty fields; a row is padded
 * to the header's width.
 *
 * Diagnostics: a cell's problems as "FILE.xlsx:ROW:" (the row number the
 * spreadsheet shows, as a CSV file's line), the workbook's as
 * "FILE.xlsx:", the XML inside a part as "FILE.xlsx:PART:LINE:".
 */
#ifndef STJ_XLSX_H
#define STJ_XLSX_H

#include <stddef.h>

#include "csv.h"
#include "diag.h"

/* Limits against hostile workbooks; a filled-in questionnaire or a
 * municipality's survey export is far below them. */
#define XLSX_MAX_FILE   ((size_t)50 * 1024 * 1024)   /* the .xlsx itself */
#define XLSX_MAX_ENTRY  ((size_t)64 * 1024 * 1024)   /* one part, inflated */
#define XLSX_MAX_TOTAL  ((size_t)128 * 1024 * 1024)  /* all parts read */
#define XLSX_MAX_RATIO  200      /* inflated / compressed, per part ... */
#define XLSX_RATIO_FREE ((size_t)1024 * 1024)  /* ... above this size */
#define XLSX_MAX_ROWS   100000L  /* rows of a sheet (by row number) */
#define XLSX_MAX_FORM   ((size_t)16 * 1024 * 1024)  /* a form's cells */

/* The sheet a questionnaire stj writes has, and the reader looks for. */
#define XLSX_FORM_SHEET "Vragenlijst"

/* 1 when the n bytes at head start like a zip file (an .xlsx). */
int xlsx_sniff(const void *head, size_t n);

/*
 * Where each record goes; rec and its texts are the callee's to change
 * (not keep) until it returns. A non-zero return stops reading.
 */
typedef int (*xlsx_record_fn)(void *ctx, struct csv_record *rec);

/*
 * Reads the workbook in data[0..len), called name in diagnostics, and
 * hands the chosen sheet's records to fn. Returns the number of errors
 * (0: every record was handed over); a refused workbook has handed over
 * nothing when the refusal concerns the container or the caps checked
 * before the sheet, and the caller's transaction must roll back what it
 * stored otherwise (ingest's importer does).
 */
int xlsx_read(const char *name, const void *data, size_t len,
    xlsx_record_fn fn, void *ctx, struct diags *d);

#endif
