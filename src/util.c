/*
 * util: arena allocator and file reading. See util.h.
 */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

#include "diag.h"
#include "testhook.h"

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

/*
 * The process umask, read once. /proc shows it without changing it;
 * umask() can only read it by setting it, process-wide state another
 * thread could see half-changed, so that is only the fallback. stj never
 * changes its umask, so the first value stays right.
 */
static mode_t
process_umask(void)
{
	static int    known;
	static mode_t mask;
	char          line[128], *end;
	unsigned long m;
	FILE         *f;

	if (known)
		return mask;
	if ((f = fopen("/proc/self/status", "r")) != NULL) {
		while (!known && fgets(line, sizeof(line), f) != NULL)
			if (strncmp(line, "Umask:", 6) == 0) {
				m = strtoul(line + 6, &end, 8);
				known = end != line + 6 && m <= 0777;
				mask = (mode_t)m;
			}
		fclose(f);
	}
	if (!known) {
		mask = umask(022);
		umask(mask);
		known = 1;
	}
	return mask;
}

/* A stream: written into, never replaced. */
static int
is_stream(mode_t mode)
{
	return S_ISCHR(mode) || S_ISFIFO(mode);
}

static int
io_error(struct diags *d, const char *path, int err)
{
	diags_add(d, path, 0, MSG_OUT_WRITE, strerror(err));
	return -1;
}

static void
outfile_free(struct outfile *o)
{
	free(o->path);
	free(o->tmp);
	o->path = o->tmp = NULL;
	o->f = NULL;
}

/*
 * Opens the stream at path for writing. fstat after open: what path
 * names may have changed since it was looked at.
 */
static int
open_stream(struct outfile *o, struct diags *d)
{
	struct stat st;
	int         fd, err;

	if ((fd = open(o->path, O_WRONLY | O_NOCTTY | O_CLOEXEC)) == -1)
		return io_error(d, o->path, errno);
	if (fstat(fd, &st) == -1 || !is_stream(st.st_mode)) {
		close(fd);
		diags_add(d, o->path, 0, MSG_OUT_NOT_REGULAR);
		return -1;
	}
	if ((o->f = fdopen(fd, "wb")) == NULL) {
		err = errno;
		close(fd);
		return io_error(d, o->path, err);
	}
	return 0;
}

/*
 * A new temporary file beside path. Its name is short, so that a path
 * as long as a file name may be still has room for it. mkstemp makes it
 * 0600; it gets the mode a newly created file would have.
 */
static int
open_temp(struct outfile *o, struct diags *d)
{
	const char *slash = strrchr(o->path, '/');
	int         fd, dirlen = slash ? (int)(slash - o->path + 1) : 0;
	int         err;

	o->tmp = xasprintf("%.*s.stj.tmp.XXXXXX", dirlen, o->path);
	if ((fd = mkstemp(o->tmp)) == -1)
		return io_error(d, o->path, errno);
	if (fchmod(fd, 0666 & ~process_umask()) == -1 ||
	    (o->f = fdopen(fd, "wb")) == NULL) {
		err = errno;
		close(fd);
		unlink(o->tmp);
		return io_error(d, o->path, err);
	}
	return 0;
}

int
outfile_open(struct outfile *o, const char *path, struct diags *d)
{
	struct stat st;
	int         rc;

	memset(o, 0, sizeof(*o));
	o->path = xstrdup(path);
	if (strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	if (lstat(path, &st) == 0) {
		/* A symlink counts as what it points to only if a stream. */
		if (S_ISLNK(st.st_mode) && (stat(path, &st) == -1 ||
		    !is_stream(st.st_mode)))
			st.st_mode = S_IFLNK;
		if (is_stream(st.st_mode))
			rc = open_stream(o, d);
		else if (S_ISREG(st.st_mode))
			rc = open_temp(o, d);
		else {
			diags_add(d, path, 0, MSG_OUT_NOT_REGULAR);
			rc = -1;
		}
	} else if (errno == ENOENT)
		rc = open_temp(o, d);
	else
		rc = io_error(d, path, errno);
	if (rc == -1)
		outfile_free(o);
	return rc;
}

/*
 * The rename. path is looked at again first: something put there while
 * we wrote (a symlink, a device) is not replaced either.
 */
static int
put_in_place(struct outfile *o, struct diags *d)
{
	struct stat st;

	if (lstat(o->path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diags_add(d, o->path, 0, MSG_OUT_NOT_REGULAR);
		return -1;
	}
	testhook_point("output-commit");
	if (rename(o->tmp, o->path) == -1)
		return io_error(d, o->path, errno);
	return 0;
}

int
outfile_commit(struct outfile *o, struct diags *d)
{
	int err = 0, rc;

	errno = 0;
	/* fsync: after a crash path holds the old or the new file. */
	if (fflush(o->f) != 0 || ferror(o->f) ||
	    (o->tmp != NULL && fsync(fileno(o->f)) == -1))
		err = errno ? errno : EIO;
	if (o->f != stdout && fclose(o->f) != 0 && err == 0)
		err = errno ? errno : EIO;
	if (err != 0)
		rc = io_error(d, o->path, err);
	else
		rc = o->tmp != NULL ? put_in_place(o, d) : 0;
	if (rc == -1 && o->tmp != NULL)
		unlink(o->tmp);
	outfile_free(o);
	return rc;
}

void
outfile_abort(struct outfile *o)
{
	if (o->f != stdout)
		fclose(o->f);
	if (o->tmp != NULL)
		unlink(o->tmp);
	outfile_free(o);
}

int
outfile_is_stream(const char *path)
{
	struct stat st;

	return strcmp(path, "-") == 0 ||
	    (stat(path, &st) == 0 && is_stream(st.st_mode));
}

/* ---- escaped output (see util.h) ---------------------------------- */

/* Writes byte c as \t, \n, \r or \xHH; returns the characters written. */
static size_t
put_byte_escape(FILE *f, unsigned char c)
{
	switch (c) {
	case '\t': fputs("\\t", f); return 2;
	case '\n': fputs("\\n", f); return 2;
	case '\r': fputs("\\r", f); return 2;
	default:   fprintf(f, "\\x%02x", c); return 4;
	}
}

size_t
fput_escaped(FILE *f, const char *s, size_t len, int tsv)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t        left = (utf8proc_ssize_t)len, n, i;
	utf8proc_int32_t        cp;
	size_t                  cols = 0;

	for (; left > 0; p += n, left -= n) {
		n = utf8proc_iterate(p, left, &cp);
		if (n < 0) {
			n = 1;
			cols += put_byte_escape(f, *p);
		} else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
			for (i = 0; i < n; i++)
				cols += put_byte_escape(f, p[i]);
		} else if (tsv && cp == '\\') {
			fputs("\\\\", f);
			cols += 2;
		} else {
			fwrite(p, 1, (size_t)n, f);
			cols++;
		}
	}
	return cols;
}

long
text_control(const char *s, const char *allowed)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t        n;
	utf8proc_int32_t        cp;

	for (; *p != '\0'; p += n) {
		if ((n = utf8proc_iterate(p, -1, &cp)) < 0)
			return -1;
		if ((cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) &&
		    strchr(allowed, (int)cp) == NULL)
			return cp;
	}
	return 0;
}
