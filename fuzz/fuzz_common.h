/*
 * fuzz_common: helpers shared by the libFuzzer harnesses in fuzz/.
 *
 * Every harness is one translation unit linked with the src files it
 * needs (see fuzz/run.sh). They never write outside one private temporary
 * directory, made under $TMPDIR (default /tmp) at start-up and removed at
 * exit; fuzz/run.sh points TMPDIR at a scratch directory of its own, so
 * even a crashed run leaves nothing behind.
 *
 * The checkout (framework/, tests/fixtures/) is found at $STJ_FUZZ_ROOT,
 * else at FUZZ_ROOT, which run.sh compiles in as the absolute path.
 */
#ifndef STJ_FUZZ_COMMON_H
#define STJ_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "util.h"

#ifndef FUZZ_ROOT
#define FUZZ_ROOT "."
#endif

/* A broken invariant: print what and abort, so libFuzzer keeps the input. */
#define FUZZ_CHECK(cond) do {                                              \
	if (!(cond)) {                                                     \
		fprintf(stderr, "%s:%d: invariant failed: %s\n",          \
		    __FILE__, __LINE__, #cond);                             \
		abort();                                                   \
	}                                                                  \
} while (0)

/*
 * No amplification: at most one diagnostic per input byte (plus a few).
 * An 800-byte billion laughs behind <?xml version="2.0"?> once gave
 * 360,000 (see src/xmlsafe.c).
 */
#define FUZZ_CHECK_DIAG_BOUND(d, size) FUZZ_CHECK((d)->n <= 64 + (size))

static char *fuzz_tmpdir;
static FILE *fuzz_devnull;

static void
fuzz_tmp_cleanup(void)
{
	static const char *const names[] = { "input", "gen.csv", "gen.xml" };
	size_t i;
	char  *p;

	if (fuzz_tmpdir == NULL)
		return;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		p = xasprintf("%s/%s", fuzz_tmpdir, names[i]);
		unlink(p);
		free(p);
	}
	rmdir(fuzz_tmpdir);
	free(fuzz_tmpdir);
	fuzz_tmpdir = NULL;
	if (fuzz_devnull != NULL)
		fclose(fuzz_devnull);
	fuzz_devnull = NULL;
}

/* Makes the private temporary directory; once, from LLVMFuzzerInitialize. */
static void
fuzz_tmp_init(void)
{
	const char *base = getenv("TMPDIR");
	char       *t;

	if (base == NULL || *base == '\0')
		base = "/tmp";
	t = xasprintf("%s/stj-fuzz-XXXXXX", base);
	if (mkdtemp(t) == NULL) {
		perror(t);
		exit(1);
	}
	fuzz_tmpdir = t;
	if ((fuzz_devnull = fopen("/dev/null", "w")) == NULL) {
		perror("/dev/null");
		exit(1);
	}
	atexit(fuzz_tmp_cleanup);
}

/* Path of name inside the temporary directory (caller frees). */
static char *
fuzz_tmp_path(const char *name)
{
	return xasprintf("%s/%s", fuzz_tmpdir, name);
}

/* Writes data to path (in the temporary directory), truncating. */
static void
fuzz_write(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || (size > 0 && fwrite(data, 1, size, f) != size) ||
	    fclose(f) != 0) {
		perror(path);
		abort();
	}
}

/* Path of a file in the checkout (caller frees). */
static char *
fuzz_root_path(const char *rel)
{
	const char *root = getenv("STJ_FUZZ_ROOT");

	if (root == NULL || *root == '\0')
		root = FUZZ_ROOT;
	return xasprintf("%s/%s", root, rel);
}

/* Formats every diagnostic (to /dev/null), then frees them. */
static void
fuzz_diags_done(struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		FUZZ_CHECK(d->v[i].text != NULL);
	diags_print(d, fuzz_devnull);
	diags_free(d);
}

/* Fails unless the diagnostics are empty; prints them first. */
static void
fuzz_expect_no_diags(struct diags *d, const char *what)
{
	if (d->n == 0)
		return;
	fprintf(stderr, "%s: unexpected diagnostics:\n", what);
	diags_print(d, stderr);
	abort();
}

#endif
