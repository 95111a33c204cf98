/*
 * ovrfile: reading a file of overrides and applying it through ops.h.
 *
 * The file is tab-separated; its first line names the columns, in any
 * order and any case: gemeente, ronde, aanpak, indicator, reden (all
 * required) and verdict, finding and/or letop (at least one). An empty
 * cell keeps what stands; letop "-" withdraws the LET OP. A cell may be
 * in double quotes, as a spreadsheet saves one.
 *
 * -- step 12: xlsx -- The file may also be CSV (no tab in its first
 * line; csv.h) or an .xlsx workbook (xlsx.h: its first sheet), rows then
 * named by their line or row number. The columns tekst, voorstel, huidig
 * and bevinding (what stj verdicts --format csv|xlsx writes to read) are
 * read past, and a row without a reden is taken when it changes nothing:
 * the export reads back unedited as no change at all (rolled back).
 */
#ifndef STJ_OVRFILE_H
#define STJ_OVRFILE_H

#include <stddef.h>

#include "diag.h"

struct ops;

struct actor;

/*
 * Applies every row of the file at path in one transaction, as actor at
 * time at (the front end's clock): all rows or none. The header is read
 * before the transaction begins. *applied counts rows that changed
 * something, *unchanged rows already in place. -1 after diagnostics at
 * path:line (then nothing changed).
 */
int ovrfile_apply(struct ops *x, const char *path, const struct actor *actor,
    const char *at, size_t *applied, size_t *unchanged, struct diags *d);

#endif
