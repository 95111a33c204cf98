/*
 * backup: a consistent copy of the database while others use it.
 */
#ifndef STJ_BACKUP_H
#define STJ_BACKUP_H

#include "diag.h"

struct store;

/*
 * Copies the database of s (opened STORE_READ: its snapshot is what is
 * copied) to dest with SQLite's online backup API, so stj serve and
 * imports may go on writing meanwhile (WAL). The copy is written beside
 * dest under a temporary name, checked (integrity_check, our
 * application_id) and only then renamed to dest: a failed backup never
 * leaves a half copy under dest, nor removes an older backup there.
 * Refuses a dest that is the database itself. 0, or -1 with a diagnostic.
 */
int store_backup(struct store *s, const char *db_path, const char *dest,
    struct diags *d);

#endif
