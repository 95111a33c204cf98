/*
 * react: the municipality's reactions and progress notes as stored. See
 * react.h. Statements are prepared per call: a reaction is written by a
 * person at a time, never in bulk.
 */
#include "react.h"

#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util.h"

static sqlite3_stmt *
prep(struct store *s, const char *sql, struct diags *d)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(store_sqlite(s), sql, -1, &st, NULL) !=
	    SQLITE_OK) {
		store_sqlite_error(s, d);
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

static void
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* Steps and finalizes a statement that returns no rows. */
static int
run(struct store *s, sqlite3_stmt *st, struct diags *d)
{
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : store_sqlite_error(s, d);
	sqlite3_finalize(st);
	return rc;
}

/* The id of c's approach in *id (0: none); -1 on error. */
static int
approach_id(struct store *s, const struct store_key *k, long long *id,
    struct diags *d)
{
	sqlite3_stmt *st = prep(s, "SELECT a.id FROM approach a"
	    " JOIN round r ON r.id = a.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2 AND a.name = ?3", d);
	int           rc;

	*id = 0;
	if (st == NULL)
		return -1;
	bind_text(st, 1, k->municipality);
	sqlite3_bind_int(st, 2, k->round);
	bind_text(st, 3, k->approach);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    store_sqlite_error(s, d);
	sqlite3_finalize(st);
	return rc;
}

/* The SQL of field: read, write, withdraw (?1 approach, ?2 indicator). */
struct table_sql {
	const char *field, *get, *put, *del, *reason;
};

static const struct table_sql tables[] = {
	{ "reaction",
	  "SELECT text FROM reaction WHERE approach_id = ?1 AND indicator = ?2",
	  "INSERT OR REPLACE INTO reaction (approach_id, indicator, text, who,"
	  " at) VALUES (?1, ?2, ?3, ?4, ?5)",
	  "DELETE FROM reaction WHERE approach_id = ?1 AND indicator = ?2",
	  "hoor en wederhoor" },
	{ "note",
	  "SELECT text FROM progress_note WHERE approach_id = ?1"
	  " AND indicator = ?2",
	  /* who and at: the audit row's (a <voortgang> import has none) */
	  "INSERT OR REPLACE INTO progress_note (approach_id, indicator, text)"
	  " VALUES (?1, ?2, ?3)",
	  "DELETE FROM progress_note WHERE approach_id = ?1 AND indicator = ?2",
	  "voortgang" },
};

static const struct table_sql *
table_of(const char *field)
{
	size_t i;

	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (strcmp(tables[i].field, field) == 0)
			return &tables[i];
	return NULL;
}

/* The text stored for (id, indicator) in *old (NULL: none). */
static int
get_old(struct store *s, const struct table_sql *t, long long id,
    const char *indicator, char **old, struct diags *d)
{
	sqlite3_stmt *st = prep(s, t->get, d);
	int           rc;

	*old = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, indicator);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*old = xstrdup((const char *)sqlite3_column_text(st, 0));
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    store_sqlite_error(s, d);
	sqlite3_finalize(st);
	return rc;
}

static int
audit(struct store *s, const struct store_change *c, long long id,
    const struct table_sql *t, const char *old, const char *text,
    struct diags *d)
{
	sqlite3_stmt *st = prep(s, "INSERT INTO audit_log (at, who, round_id,"
	    " approach_id, indicator, field, old_value, new_value, reason)"
	    " VALUES (?1, ?2, (SELECT round_id FROM approach WHERE id = ?3),"
	    " ?3, ?4, ?5, ?6, ?7, ?8)", d);

	if (st == NULL)
		return -1;
	bind_text(st, 1, c->at ? c->at : "");
	bind_text(st, 2, c->who ? c->who : "onbekend");
	sqlite3_bind_int64(st, 3, id);
	bind_text(st, 4, c->key.indicator);
	bind_text(st, 5, t->field);
	bind_text(st, 6, old);
	bind_text(st, 7, text);
	bind_text(st, 8, c->reason && *c->reason ? c->reason : t->reason);
	return run(s, st, d);
}

static int
write_text(struct store *s, const struct store_change *c, long long id,
    const struct table_sql *t, const char *text, struct diags *d)
{
	sqlite3_stmt *st = prep(s, text ? t->put : t->del, d);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, c->key.indicator);
	if (text != NULL) {
		bind_text(st, 3, text);
		if (sqlite3_bind_parameter_count(st) >= 5) {
			bind_text(st, 4, c->who ? c->who : "onbekend");
			bind_text(st, 5, c->at ? c->at : "");
		}
	}
	return run(s, st, d);
}

int
react_put(struct store *s, const struct store_change *c, const char *field,
    const char *text, char **old, struct diags *d)
{
	const struct table_sql *t = table_of(field);
	long long               id;

	*old = NULL;
	if (t == NULL || approach_id(s, &c->key, &id, d) == -1)
		return -1;
	if (id == 0) {
		diags_add(d, NULL, 0, MSG_NO_APPROACH, c->key.approach,
		    c->key.municipality, c->key.round);
		return -1;
	}
	if (get_old(s, t, id, c->key.indicator, old, d) == -1)
		return -1;
	if (text == NULL ? *old == NULL :
	    *old != NULL && strcmp(*old, text) == 0)
		return 1;
	if (write_text(s, c, id, t, text, d) == -1 ||
	    audit(s, c, id, t, *old, text, d) == -1)
		return -1;
	return 0;
}

int
react_list(struct store *s, const char *municipality, int round,
    void (*row)(void *, const struct react_row *), void *ctx,
    struct diags *d)
{
	sqlite3_stmt   *st = prep(s, "SELECT a.name, x.indicator, x.text,"
	    " x.who, x.at FROM reaction x JOIN approach a ON a.id = x.approach_id"
	    " JOIN round r ON r.id = a.round_id"
	    " JOIN municipality m ON m.id = r.municipality_id"
	    " WHERE m.name = ?1 AND r.year = ?2 ORDER BY a.id, x.indicator", d);
	struct react_row x;
	int              rc;

	if (st == NULL)
		return -1;
	bind_text(st, 1, municipality);
	sqlite3_bind_int(st, 2, round);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		x.approach = (const char *)sqlite3_column_text(st, 0);
		x.indicator = (const char *)sqlite3_column_text(st, 1);
		x.text = (const char *)sqlite3_column_text(st, 2);
		x.who = (const char *)sqlite3_column_text(st, 3);
		x.at = (const char *)sqlite3_column_text(st, 4);
		row(ctx, &x);
	}
	rc = rc == SQLITE_DONE ? 0 : store_sqlite_error(s, d);
	sqlite3_finalize(st);
	return rc;
}
