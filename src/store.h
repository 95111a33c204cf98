/*
 * store: the SQLite database.
 *
 * Owns: the connection, the schema and its migrations, and every SQL
 * statement the tool runs (all prepared, all parameters bound). Other
 * modules hand it plain structs and never see sqlite3 types.
 */
#ifndef STJ_STORE_H
#define STJ_STORE_H

#include "diag.h"

struct store;

/* Schema version this build creates and expects. */
#define STORE_SCHEMA_VERSION 1

/*
 * Opens (creating when absent) the database at path, in WAL mode with a
 * busy timeout, and brings its schema to STORE_SCHEMA_VERSION. NULL with a
 * diagnostic on failure, including a database made by a newer stj.
 */
struct store *store_open(const char *path, struct diags *d);
void store_close(struct store *s);
/* The schema version recorded in the database. */
int store_schema_version(struct store *s);

#endif
