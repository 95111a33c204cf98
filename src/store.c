/*
 * store: SQLite connection and schema. See store.h.
 */
#include "store.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "util.h"

struct store {
	sqlite3    *db;
	const char *path;
};

/*
 * Milliseconds a writer waits for another before reporting "database is
 * busy": long enough for an import of a national round to commit.
 */
enum { BUSY_TIMEOUT_MS = 10000 };

/* Schema of version 1; later versions append migrations, never edit. */
static const char *const schema_v1 =
    "CREATE TABLE meta ("
    "  key   TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ") STRICT;";

static int
db_error(struct store *s, struct diags *d)
{
	diags_add_text(d, s->path, 0, sqlite3_errmsg(s->db));
	return -1;
}

static int
exec(struct store *s, const char *sql, struct diags *d)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_error(s, d);
	return 0;
}

int
store_schema_version(struct store *s)
{
	sqlite3_stmt *st;
	int           v = 0;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int
migrate(struct store *s, struct diags *d)
{
	int v;

	if (exec(s, "BEGIN IMMEDIATE", d) == -1)
		return -1;
	if ((v = store_schema_version(s)) < 0)
		goto fail;
	if (v > STORE_SCHEMA_VERSION) {
		diags_add(d, s->path, 0, MSG_DB_NEWER, v, STORE_SCHEMA_VERSION);
		exec(s, "ROLLBACK", d);
		return -1;
	}
	if (v < 1 && exec(s, schema_v1, d) == -1)
		goto fail;
	if (v < STORE_SCHEMA_VERSION) {
		char *sql = xasprintf("PRAGMA user_version = %d",
		    STORE_SCHEMA_VERSION);
		int   rc = exec(s, sql, d);
		free(sql);
		if (rc == -1)
			goto fail;
	}
	return exec(s, "COMMIT", d);
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

struct store *
store_open(const char *path, struct diags *d)
{
	struct store *s = xcalloc(1, sizeof(*s));

	s->path = path;
	if (sqlite3_open_v2(path, &s->db,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		db_error(s, d);
		goto fail;
	}
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if (exec(s, "PRAGMA journal_mode = WAL", d) == -1 ||
	    exec(s, "PRAGMA foreign_keys = ON", d) == -1 ||
	    migrate(s, d) == -1)
		goto fail;
	return s;
fail:
	store_close(s);
	return NULL;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	sqlite3_close(s->db);
	free(s);
}
