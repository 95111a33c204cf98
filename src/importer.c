/*
 * importer: an import as one transaction (importer.h), the one library
 * path under "stj import" (cmd_import.c) and the web's Importeren page
 * (web_import.c). ingest reads and checks each file, store writes each
 * record; this module holds them together: the transaction, the report
 * of what was read, and the refusal when anything went wrong.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"   /* step 10: actor */
#include "importer.h"
#include "ingest.h"
#include "names.h"
#include "store.h"
#include "testhook.h"
#include "util.h"

/*
 * The distinct keys seen, for the report's counts: a hash set (open
 * addressing), as a national round at scale has tens of thousands of
 * approaches and every response adds its keys (a list searched from the
 * start made an import of 7 million answers 25 times slower).
 */
struct keyset {
	char  **v;      /* cap slots, NULL: free */
	size_t  cap;    /* 0 or a power of two */
	size_t  n;
};

struct run {
	struct store           *s;
	const struct importer_opts *o;
	struct importer_report *rep;
	struct diags           *d;
	size_t                  file;
	struct keyset           mun, rounds, approaches;
	size_t                  capv;   /* rep->v's room */
};

/* FNV-1a. */
static size_t
key_hash(const char *key)
{
	uint64_t h = 14695981039346656037u;

	for (; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211u;
	return (size_t)h;
}

/* The slot of key in v: where it is, or the free one where it goes. */
static char **
keyset_slot(char **v, size_t cap, const char *key)
{
	size_t i = key_hash(key) & (cap - 1);

	while (v[i] != NULL && strcmp(v[i], key) != 0)
		i = (i + 1) & (cap - 1);
	return &v[i];
}

/* At most half full, so that a probe ends soon. */
static void
keyset_grow(struct keyset *k)
{
	size_t cap = k->cap == 0 ? 64 : k->cap * 2, i;
	char **v = xcalloc(cap, sizeof(*v));

	for (i = 0; i < k->cap; i++)
		if (k->v[i] != NULL)
			*keyset_slot(v, cap, k->v[i]) = k->v[i];
	free(k->v);
	k->v = v;
	k->cap = cap;
}

/* Adds key (taken) unless present; the set counts names, not spellings. */
static void
keyset_add(struct keyset *k, char *key)
{
	char **slot;

	if ((k->n + 1) * 2 > k->cap)
		keyset_grow(k);
	slot = keyset_slot(k->v, k->cap, key);
	if (*slot != NULL) {
		free(key);
		return;
	}
	*slot = key;
	k->n++;
}

static void
keyset_free(struct keyset *k)
{
	size_t i;

	for (i = 0; i < k->cap; i++)
		free(k->v[i]);
	free(k->v);
}

/* names_key(), or the name itself for a name that is no UTF-8. */
static char *
key_of(const char *name)
{
	char *k = names_key(name);

	return k != NULL ? k : xstrdup(name);
}

/* Counts municipality, its round and (not NULL) an approach of it. */
static void
count(struct run *x, const char *municipality, int round,
    const char *approach)
{
	char *mk = key_of(municipality), *ak;

	keyset_add(&x->rounds, xasprintf("%s\n%d", mk, round));
	if (approach != NULL) {
		ak = key_of(approach);
		keyset_add(&x->approaches, xasprintf("%s\n%d\n%s", mk, round,
		    ak));
		free(ak);
	}
	keyset_add(&x->mun, mk);
}

static struct importer_item *
item_new(struct run *x)
{
	struct importer_report *rep = x->rep;
	struct importer_item   *it;

	/* Doubling: a national export has hundreds of thousands. */
	if (rep->n == x->capv) {
		x->capv = x->capv ? 2 * x->capv : 64;
		rep->v = xrealloc(rep->v, x->capv * sizeof(*rep->v));
	}
	it = &rep->v[rep->n++];
	memset(it, 0, sizeof(*it));
	it->file = x->file;
	return it;
}

/* The indicators r was asked and left unanswered, "1.1.1, 2.3.1". */
static char *
unanswered(const struct response *r, size_t *asked)
{
	const struct framework *fw = r->fw;
	char                   *out = NULL, *next;
	size_t                  i, j;

	*asked = 0;
	for (i = 0; i < fw->nindicators; i++) {
		const struct fw_indicator *ind = fw->indicators[i];
		int                        found = 0;
		if (ind->question[r->role] == NULL)
			continue;
		(*asked)++;
		for (j = 0; j < r->nanswers; j++)
			if (r->answers[j].indicator == ind &&
			    r->answers[j].value != ANSWER_NONE)
				found = 1;
		if (found)
			continue;
		next = out == NULL ? xstrdup(ind->id) :
		    xasprintf("%s, %s", out, ind->id);
		free(out);
		out = next;
	}
	return out;
}

static int
on_response(void *ctx, const struct response *r)
{
	struct run           *x = ctx;
	struct importer_item *it;
	size_t                j, answered = 0;

	if (store_put_response(x->s, r, x->o->replace, x->d) == -1)
		return -1;
	for (j = 0; j < r->nanswers; j++)
		answered += r->answers[j].value != ANSWER_NONE;
	x->rep->respondents++;
	x->rep->answers += answered;
	count(x, r->municipality, r->round, r->approach);
	it = item_new(x);
	it->municipality = xstrdup(r->municipality);
	it->round = r->round;
	it->approach = xstrdup(r->approach);
	it->role = (int)r->role;
	it->organisation = xstrdup(r->organisation);
	it->answered = answered;
	/* -- step 12: mapping -- toelichtingen counted, never lost. */
	for (j = 0; j < r->nanswers; j++)
		it->explained += r->answers[j].toelichting != NULL;
	it->unanswered = unanswered(r, &it->asked);
	return 0;
}

static int
on_dossier(void *ctx, const struct dossier *dx)
{
	struct run           *x = ctx;
	struct importer_item *it;
	size_t                i;

	if (store_put_dossier(x->s, dx, x->d) == -1)
		return -1;
	x->rep->dossiers++;
	count(x, dx->municipality, dx->round, NULL);
	for (i = 0; i < dx->napproaches; i++)
		count(x, dx->municipality, dx->round, dx->approaches[i].name);
	it = item_new(x);
	it->dossier = 1;
	it->municipality = xstrdup(dx->municipality);
	it->round = dx->round;
	it->napproaches = dx->napproaches;
	return 0;
}

/*
 * The actor's access to every round the files went into, as stored now
 * (within the transaction): the first refusal, counted as an error.
 */
static int
check_rounds(struct run *x)
{
	const char *mun;
	int         round;
	size_t      i;

	for (i = 0; i < x->rep->n; i++) {
		mun = x->rep->v[i].municipality;
		round = x->rep->v[i].round;
		/* A file holds a round's respondents together: ask once. */
		if (i > 0 && x->rep->v[i - 1].round == round &&
		    strcmp(x->rep->v[i - 1].municipality, mun) == 0)
			continue;
		if (actor_check(x->s, x->o->actor, ACT_IMPORT, &mun, &round,
		    x->d) == -1)
			return 1;
	}
	return 0;
}

/*
 * header with control characters (C0, DEL, C1) as '?': the dry run
 * prints it to a terminal, where they move the cursor or set the title.
 */
static char *
printable(const char *header)
{
	unsigned char *s = (unsigned char *)xstrdup(header), *p;

	for (p = s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			*p = '?';
		else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			p[0] = '?', p[1] = '?';
	return (char *)s;
}

/* -- step 12: mapping -- remembers what a CSV column meant. */
static void
on_column(void *ctx, size_t col, const char *header, const char *meaning)
{
	struct run             *x = ctx;
	struct importer_column *c;

	x->rep->cols = xrealloc(x->rep->cols,
	    (x->rep->ncols + 1) * sizeof(*x->rep->cols));
	c = &x->rep->cols[x->rep->ncols++];
	c->file = x->file;
	c->col = col;
	c->header = printable(header);
	c->meaning = xstrdup(meaning);
}

/* Every file through ingest into the open transaction; the error count. */
static int
ingest_all(struct run *x, const struct importer_file *files, size_t n,
    const struct ingest_opts *io)
{
	struct ingest_sink sink = { on_response, on_dossier, x, on_column };
	int                errors = 0;

	for (x->file = 0; x->file < n; x->file++) {
		const struct importer_file *f = &files[x->file];
		if (f->path != NULL)
			errors += ingest_file(f->path, io, &sink, x->d);
		else
			errors += ingest_memory(f->name, f->data, f->len, io,
			    &sink, x->d);
	}
	/* After every file: the dossier may come after the answers. */
	errors += store_check_names(x->s, x->d) == -1;
	/* step 10: actor. Only what was stored whole is checked. */
	return errors > 0 ? errors : check_rounds(x);
}

int
importer_run(struct store *s, const struct importer_opts *o,
    const struct importer_file *files, size_t n, struct importer_report *rep,
    struct diags *d)
{
	struct run         x;
	struct ingest_opts io;
	char              *rxsd, *dxsd;
	int                errors = 1;

	memset(rep, 0, sizeof(*rep));
	memset(&x, 0, sizeof(x));
	x.s = s;
	x.o = o;
	x.rep = rep;
	x.d = d;
	rxsd = xasprintf("%s/framework/stj-response.xsd", o->datadir);
	dxsd = xasprintf("%s/framework/stj-dossier.xsd", o->datadir);
	memset(&io, 0, sizeof(io));
	io.frameworks = o->set;
	io.response_xsd = rxsd;
	io.dossier_xsd = dxsd;
	io.csv_framework = o->csv_framework;
	io.seen = ingest_seen_new();
	io.mapping = o->mapping;   /* -- step 14: mapping file -- */
	/* A role that may import into no round reads no file. */
	if (actor_may_try(o->actor, ACT_IMPORT, d) == 0 &&
	    store_begin(s, d) == 0) {
		store_set_clock(s, o->at);
		errors = ingest_all(&x, files, n, &io);
		if (errors > 0 || o->dry_run)
			store_rollback(s);
		else {
			testhook_point("import-commit");
			errors = store_commit(s, d) == -1;
		}
		/* The connection may serve another request next (the web). */
		store_set_clock(s, NULL);
	}
	rep->municipalities = x.mun.n;
	rep->rounds = x.rounds.n;
	rep->approaches = x.approaches.n;
	if (errors > 0)
		diags_add(d, NULL, 0, MSG_IMPORT_NOTHING);
	keyset_free(&x.mun);
	keyset_free(&x.rounds);
	keyset_free(&x.approaches);
	ingest_seen_free(io.seen);
	free(rxsd);
	free(dxsd);
	return errors > 0 ? -1 : 0;
}

void
importer_report_free(struct importer_report *rep)
{
	size_t i;

	if (rep == NULL)
		return;
	for (i = 0; i < rep->n; i++) {
		free(rep->v[i].municipality);
		free(rep->v[i].approach);
		free(rep->v[i].organisation);
		free(rep->v[i].unanswered);
	}
	free(rep->v);
	for (i = 0; i < rep->ncols; i++) {
		free(rep->cols[i].header);
		free(rep->cols[i].meaning);
	}
	free(rep->cols);
	memset(rep, 0, sizeof(*rep));
}
