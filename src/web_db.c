/*
 * web_db: the database connections of stj serve. Each worker thread of
 * the pool keeps its own: one that reads and one that writes, each
 * opened at the thread's first request that needs it and closed when the
 * thread ends (the daemon stops). A connection is never shared between
 * threads, so SQLite needs no connection mutex (store.c opens them
 * NOMUTEX). Each request that reads gets a fresh snapshot; a write
 * request's changes are each one transaction of ops.c, as on the CLI.
 * Only web_pages.c (web_open, web_close) calls this.
 */
#include <pthread.h>
#include <stdlib.h>

#include "store.h"
#include "util.h"
#include "web_int.h"

struct web_db {
	const char    *path;
	pthread_key_t  key;      /* a thread's struct slot */
};

/* One worker thread's connections: [0] reads, [1] writes. */
struct slot {
	struct store *s[2];
	int           busy[2];  /* handed out and not yet given back */
};

/* Runs as a worker thread ends: its connections go with it. */
static void
slot_free(void *p)
{
	struct slot *t = p;

	store_close(t->s[0]);
	store_close(t->s[1]);
	free(t);
}

struct web_db *
web_db_new(const char *path)
{
	struct web_db *db = xcalloc(1, sizeof(*db));

	db->path = path;
	if (pthread_key_create(&db->key, slot_free) != 0)
		abort();          /* only when the process has no keys left */
	return db;
}

void
web_db_free(struct web_db *db)
{
	if (db == NULL)
		return;
	pthread_key_delete(db->key);
	free(db);
}

static struct slot *
slot_get(struct web_db *db)
{
	struct slot *t = pthread_getspecific(db->key);

	if (t == NULL) {
		t = xcalloc(1, sizeof(*t));
		pthread_setspecific(db->key, t);
	}
	return t;
}

/* A new connection, its first use begun (STORE_READ: in its snapshot). */
static struct store *
db_connect(const struct web_db *db, int w, struct diags *d)
{
	struct store *s = store_open(db->path, w ? STORE_WRITE : STORE_READ,
	    d);

	if (s != NULL && w && store_begin_read(s, d) == -1) {
		store_close(s);
		return NULL;
	}
	return s;
}

struct store *
web_db_open(struct web_db *db, int write, struct diags *d)
{
	struct slot *t = slot_get(db);
	int          w = write != 0;

	/* A second open in one request gets a connection of its own. */
	if (t->busy[w])
		return db_connect(db, w, d);
	if (t->s[w] == NULL) {
		if ((t->s[w] = db_connect(db, w, d)) == NULL)
			return NULL;
	} else if (store_begin_read(t->s[w], d) == -1) {
		if (store_end_read(t->s[w]) == -1) {
			store_close(t->s[w]);
			t->s[w] = NULL;
		}
		return NULL;
	}
	t->busy[w] = 1;
	return t->s[w];
}

void
web_db_close(struct web_db *db, struct store *s)
{
	struct slot *t = pthread_getspecific(db->key);
	int          w;

	if (s == NULL)
		return;
	for (w = 0; w < 2; w++)
		if (t != NULL && t->s[w] == s) {
			t->busy[w] = 0;
			/* After a fatal error the next request starts anew. */
			if (store_end_read(s) == -1) {
				store_close(s);
				t->s[w] = NULL;
			}
			return;
		}
	store_close(s);
}
