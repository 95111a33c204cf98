/*
 * util: arena allocator and file reading. See util.h.
 */
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testhook.h"

/* The process umask; umask() can only be read by setting it. */
static mode_t
current_umask(void)
{
	mode_t m = umask(022);

	umask(m);
	return m;
}

static void
out_of_memory(void)
{
	fputs("stj: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		out_of_memory();
	return p;
}

char *
xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		out_of_memory();
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char   *p;
	int     n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		out_of_memory();
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/*
 * Blocks are chained; a request larger than the default block size gets a
 * block of its own, so no request ever fails for being big.
 */
struct block {
	struct block *next;
	size_t        used, size;
	max_align_t   data[];
};

struct arena {
	struct block *head;
};

enum { BLOCK_SIZE = 16384 };

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void
arena_free(struct arena *a)
{
	struct block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void *
arena_alloc(struct arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	struct block *b;
	size_t        size;
	void         *p;

	n = (n + align - 1) / align * align;
	if (n == 0)
		n = align;
	b = a->head;
	if (b == NULL || b->size - b->used < n) {
		size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
		if (size > SIZE_MAX - sizeof(*b))
			out_of_memory();
		b = xmalloc(sizeof(*b) + size);
		b->used = 0;
		b->size = size;
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	size_t n;
	char  *p;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	p = arena_alloc(a, n);
	memcpy(p, s, n);
	return p;
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char *
arena_strdup_collapsed(struct arena *a, const char *s)
{
	char *p, *q;
	int   pending = 0;

	if (s == NULL)
		return NULL;
	p = arena_alloc(a, strlen(s) + 1);
	for (q = p; *s != '\0'; s++) {
		if (is_space((unsigned char)*s)) {
			pending = q != p;
			continue;
		}
		if (pending)
			*q++ = ' ';
		pending = 0;
		*q++ = *s;
	}
	*q = '\0';
	return p;
}

int
file_read_rest(FILE *f, const void *head, size_t n, size_t max, char **out,
    size_t *len)
{
	char  *buf;
	size_t cap, got;
	int    saved;

	*out = NULL;
	*len = 0;
	if (n > max) {
		errno = EFBIG;
		return -1;
	}
	cap = n > 65536 ? n : 65536;
	buf = xmalloc(cap + 1);
	if (n > 0)
		memcpy(buf, head, n);
	/* fread() on a pipe returns short only at the end or on an error. */
	for (;;) {
		if (cap - n < 8192) {
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n > max) {
			errno = EFBIG;
			goto fail;
		}
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		errno = errno ? errno : EIO;
		goto fail;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
fail:
	saved = errno;
	free(buf);
	errno = saved;
	return -1;
}

int
file_read_all(const char *path, size_t max, char **out, size_t *len)
{
	FILE *f;
	int   rc, saved;

	*out = NULL;
	*len = 0;
	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	rc = file_read_rest(f, NULL, 0, max, out, len);
	saved = errno;
	fclose(f);
	errno = saved;
	return rc;
}

int
outfile_open(struct outfile *o, const char *path)
{
	int fd;

	o->path = xstrdup(path);
	o->tmp = xasprintf("%s.tmp.XXXXXX", path);
	o->f = NULL;
	if ((fd = mkstemp(o->tmp)) == -1 ||
	    (o->f = fdopen(fd, "wb")) == NULL) {
		int saved = errno;
		if (fd != -1) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->path);
		free(o->tmp);
		errno = saved;
		return -1;
	}
	return 0;
}

int
outfile_commit(struct outfile *o)
{
	int rc = 0, saved = 0;

	if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0) {
		saved = errno ? errno : EIO;
		rc = -1;
	}
	if (fclose(o->f) != 0 && rc == 0) {
		saved = errno;
		rc = -1;
	}
	/* mkstemp creates 0600; an output is an ordinary file. */
	if (rc == 0)
		chmod(o->tmp, 0644 & ~current_umask());
	if (rc == 0)
		testhook_point("output-commit");
	if (rc == 0 && rename(o->tmp, o->path) != 0) {
		saved = errno;
		rc = -1;
	}
	if (rc == -1)
		unlink(o->tmp);
	free(o->path);
	free(o->tmp);
	errno = saved;
	return rc;
}

void
outfile_abort(struct outfile *o)
{
	fclose(o->f);
	unlink(o->tmp);
	free(o->path);
	free(o->tmp);
}
