/*
 * backup: see backup.h.
 */
#include "backup.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"
#include "util.h"

/* The database itself, or its -wal or -shm file, is no place for a copy:
 * compared by device and inode, so another name for it (a link, "./")
 * is refused too. A dest that does not exist yet cannot be either. */
static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int
is_database(const char *db, const char *dest)
{
	char *wal = xasprintf("%s-wal", db), *shm = xasprintf("%s-shm", db);
	int   r = same_file(db, dest) || same_file(wal, dest) ||
	    same_file(shm, dest);

	free(wal);
	free(shm);
	return r;
}

static int
copy_error(sqlite3 *db, const char *path, struct diags *d)
{
	diags_add(d, path, 0, MSG_BACKUP_FAILED, sqlite3_errmsg(db));
	return -1;
}

/* The copy in one step (-1): one read transaction on the source, so the
 * copy is one committed state however much is written meanwhile. */
static int
copy_pages(sqlite3 *src, sqlite3 *dst, const char *tmp, struct diags *d)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int             rc;

	if (b == NULL)
		return copy_error(dst, tmp, d);
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return copy_error(dst, tmp, d);
	return 0;
}

static int
query_text_is(sqlite3 *db, const char *sql, const char *want)
{
	sqlite3_stmt *st;
	int           ok;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	ok = sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0) != NULL &&
	    strcmp((const char *)sqlite3_column_text(st, 0), want) == 0 &&
	    sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	return ok;
}

/*
 * The copy as a file of its own: rollback journal instead of WAL (so it
 * is one file, and nothing is left in a -wal beside the temporary name
 * when it is renamed; stj switches it back to WAL on first open), then
 * checked as a restore would need it.
 */
static int
check_copy(sqlite3 *dst, const char *tmp, struct diags *d)
{
	char id[32];

	snprintf(id, sizeof(id), "%d", STORE_APPLICATION_ID);
	if (!query_text_is(dst, "PRAGMA journal_mode = DELETE", "delete"))
		return copy_error(dst, tmp, d);
	if (!query_text_is(dst, "PRAGMA integrity_check", "ok") ||
	    !query_text_is(dst, "PRAGMA application_id", id)) {
		diags_add(d, tmp, 0, MSG_BACKUP_CHECK);
		return -1;
	}
	return 0;
}

/* A new empty file beside dest (so the rename stays on one file system). */
static char *
temp_beside(const char *dest, struct diags *d)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", dest);
	int   fd = mkstemp(tmp);

	if (fd == -1) {
		diags_add(d, dest, 0, MSG_IO, strerror(errno));
		free(tmp);
		return NULL;
	}
	close(fd);
	return tmp;
}

int
store_backup(struct store *s, const char *db_path, const char *dest,
    struct diags *d)
{
	sqlite3 *dst = NULL;
	char    *tmp;
	int      rc = -1;

	if (is_database(db_path, dest)) {
		diags_add(d, dest, 0, MSG_BACKUP_SELF);
		return -1;
	}
	if ((tmp = temp_beside(dest, d)) == NULL)
		return -1;
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK)
		(void)copy_error(dst, tmp, d);
	else if (copy_pages(store_sqlite(s), dst, tmp, d) == 0 &&
	    check_copy(dst, tmp, d) == 0)
		rc = 0;
	/* Closed before the rename: the copy is complete on disk. */
	if (sqlite3_close(dst) != SQLITE_OK && rc == 0)
		rc = copy_error(dst, tmp, d);
	if (rc == 0 && rename(tmp, dest) == -1) {
		diags_add(d, dest, 0, MSG_IO, strerror(errno));
		rc = -1;
	}
	if (rc == -1)
		(void)unlink(tmp);
	free(tmp);
	return rc;
}
