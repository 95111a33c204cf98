/*
 * store_int: for the modules that own tables of their own beside store.c
 * (invite.c: the invitations). Not for anyone else: every other module
 * reaches the database through store.h and never sees sqlite3 types.
 */
#ifndef STJ_STORE_INT_H
#define STJ_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

/* "STJ1": marks the file as ours, so we never migrate someone else's
 * (and backup.c checks its copies by it). */
#define STORE_APPLICATION_ID 0x53544a31

/* The connection of s (its functions, e.g. stj_name_key, registered). */
sqlite3 *store_sqlite(struct store *s);
/* Reports the connection's last error at the database's path; -1. */
int store_sqlite_error(struct store *s, struct diags *d);

#endif
