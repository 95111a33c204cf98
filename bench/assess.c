/*
 * assess: the assess stage alone, in one process: for every municipality
 * of a database, its round's proposals for every approach and indicator
 * and the drafted findings (what "stj verdicts --findings" computes),
 * without printing. usage: assess DB DATADIR; prints
 * "MUNICIPALITIES SECONDS".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assess_draft.h"
#include "round.h"
#include "store.h"
#include "util.h"
#include "xmlsafe.h"

struct names {
	char **v;
	size_t n;
};

static void
on_mun(void *ctx, const char *name, int round)
{
	struct names *m = ctx;

	(void)round;
	m->v = xrealloc(m->v, (m->n + 1) * sizeof(char *));
	m->v[m->n++] = xstrdup(name);
}

int
main(int argc, char **argv)
{
	struct framework_set set;
	struct names         m = { NULL, 0 };
	struct diags         d;
	struct store        *s;
	struct phrases      *ph;
	struct timespec      t0, t1;
	const char          *dirs[1];
	char                *fw, *xsd, *book, *pxsd, *f;
	size_t               i, a, k, sink = 0;

	if (argc != 3) {
		fputs("usage: assess DB DATADIR\n", stderr);
		return 2;
	}
	xmlsafe_init();
	diags_init(&d);
	fw = xasprintf("%s/framework", argv[2]);
	xsd = xasprintf("%s/framework/stj-framework.xsd", argv[2]);
	book = xasprintf("%s/templates/findings-nl.xml", argv[2]);
	pxsd = xasprintf("%s/templates/phrases.xsd", argv[2]);
	dirs[0] = fw;
	if (framework_set_load(&set, dirs, 1, xsd, &d) == -1 ||
	    (ph = phrases_load(book, pxsd, &d)) == NULL ||
	    (s = store_open(argv[1], STORE_READ, &d)) == NULL ||
	    store_municipalities(s, 0, on_mun, &m, &d) == -1) {
		diags_print(&d, stderr);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < m.n; i++) {
		struct round_view v;
		memset(&v, 0, sizeof(v));
		if (round_view_load(&v, &set, s, m.v[i], 0, &d) == -1)
			return 1;
		for (a = 0; a < v.n; a++)
			for (k = 0; k < v.fw->nindicators; k++) {
				f = round_finding(ph, &v, &v.approaches[a], k);
				sink += strlen(f);
				free(f);
			}
		round_view_free(&v);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%zu %.3f\n", m.n, (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	for (i = 0; i < m.n; i++)
		free(m.v[i]);
	free(m.v);
	store_close(s);
	phrases_free(ph);
	framework_set_free(&set);
	free(fw);
	free(xsd);
	free(book);
	free(pxsd);
	xmlsafe_cleanup();
	return sink == 0;
}
