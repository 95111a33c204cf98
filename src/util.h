/*
 * util: small generic helpers shared by every stage.
 *
 * Owns: the string arena (many small strings freed at once, so a loaded tree
 * needs one _free call) and whole-file reading with a size cap. No stage
 * state lives here; any module may include this header.
 */
#ifndef STJ_UTIL_H
#define STJ_UTIL_H

#include <stddef.h>
#include <stdio.h>

/*
 * Out of memory is not an input error a user can fix: like mandoc's
 * mandoc_malloc(), these print "stj: out of memory" and abort(), so no
 * caller needs a NULL check for memory.
 */
void *xmalloc(size_t n) __attribute__((returns_nonnull));
void *xcalloc(size_t n, size_t size) __attribute__((returns_nonnull));
void *xrealloc(void *p, size_t n) __attribute__((returns_nonnull));
char *xstrdup(const char *s) __attribute__((returns_nonnull));
/* Formatted string in new memory (caller frees). */
char *xasprintf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), returns_nonnull));

struct arena;

/* A new empty arena. */
struct arena *arena_new(void);
/* Frees every block the arena handed out. arena_free(NULL) is a no-op. */
void arena_free(struct arena *a);
/* n bytes, zeroed, aligned for any type. */
void *arena_alloc(struct arena *a, size_t n);
/* Copy of s (NULL stays NULL). */
char *arena_strdup(struct arena *a, const char *s);
/*
 * Copy of s with every run of white space folded into one space and the
 * ends trimmed: XML text wrapped over several lines reads as one line.
 */
char *arena_strdup_collapsed(struct arena *a, const char *s);

/*
 * Reads the whole file at path into a NUL-terminated malloc'd buffer
 * (caller frees). Files over max bytes are refused. Returns 0 on success;
 * on failure returns -1 with errno set (EFBIG when over max).
 */
int file_read_all(const char *path, size_t max, char **out, size_t *len);
/*
 * The same for a stream already opened and possibly already read from
 * (a pipe, standard input): the buffer holds the n bytes at head, then
 * what is left of f. Never seeks; f is not closed.
 */
int file_read_rest(FILE *f, const void *head, size_t n, size_t max,
    char **out, size_t *len);

struct diags;

/*
 * An output file. A new or regular file is written under a temporary
 * name made by mkstemp in the same directory and renamed into place on
 * commit, so a crash or an error never leaves a half-written file at
 * path, and a file left by a killed run blocks nothing. "-" is standard
 * output. A character device or FIFO at path (also behind a symlink, as
 * /dev/stdout is) is written into directly: nothing is ever renamed over
 * it. Anything else at path (a directory, a symlink to a file or to
 * nothing, a socket) is refused "not a regular file": a symlink is never
 * replaced, nor followed to a file.
 */
struct outfile {
	FILE *f;
	char *path;
	char *tmp;    /* NULL when writing into path (or stdout) directly */
};

/* Returns 0, or -1 with a diagnostic on path. */
int outfile_open(struct outfile *o, const char *path, struct diags *d);
/*
 * Flushes and closes (stdout: flushes), then renames into place. Returns
 * 0, or -1 with a diagnostic on path (the temporary file is removed).
 */
int outfile_commit(struct outfile *o, struct diags *d);
/* Closes and removes the temporary file. */
void outfile_abort(struct outfile *o);
/*
 * 1 when writing to path writes a stream, not a file: "-", a character
 * device or a FIFO. A command then prints nothing about it on stdout,
 * which may be that very stream.
 */
int outfile_is_stream(const char *path);

/*
 * The one escaping loop behind every output of input values (render.c's
 * TSV and text writers, diagnostics): the len bytes of s with control
 * characters (C0, DEL and C1) and bytes that are not UTF-8 written as
 * \xHH (\t, \n, \r for those three), and with tsv also the backslash
 * as \\ (so the escapes can be undone). Returns the characters written.
 */
size_t fput_escaped(FILE *f, const char *s, size_t len, int tsv);

/*
 * The first control character (C0, DEL or C1) in s that allowed, a string
 * of ASCII control characters such as "\n\t", does not list: its code
 * point; 0 when there is none; -1 when s is not UTF-8. Names, texts and
 * reasons are checked with it (each with its own allowed set): written to
 * a terminal a control character moves the cursor or sets the clipboard,
 * and a tab or line break splits a TSV row or a line of the audit log.
 */
long text_control(const char *s, const char *allowed);

#endif
