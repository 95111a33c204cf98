/*
 * names: how the names of municipalities, approaches and organisations are
 * stored and compared.
 *
 * Owns: the form a name is stored in, the key under which two spellings
 * of one name are the same name, and the suggestion for a name that
 * matches none. Pure functions on UTF-8 strings (libutf8proc); store.c
 * uses them for every name it stores or looks up, and any module may.
 */
#ifndef STJ_NAMES_H
#define STJ_NAMES_H

#include <stddef.h>

/*
 * The stored form of s: Unicode NFC, every run of white space (including
 * no-break and other Unicode spaces, tabs and newlines) one space, no
 * space at either end. New string; NULL when s is not valid UTF-8.
 */
char *names_normalise(const char *s);

/*
 * The key two spellings of one name share: the stored form, case-folded,
 * with typographic apostrophes (’ ‘ ʼ ` ´) as ', typographic double
 * quotes as ", dashes as -, and invisible characters (soft hyphen,
 * zero-width space) dropped. New string; NULL when s is not valid UTF-8.
 */
char *names_key(const char *s);

/* 1 when a and b are spellings of one name (equal keys), else 0. */
int names_equal(const char *a, const char *b);

/*
 * Which of the n candidates a user who typed typed most likely meant:
 * the closest by edit distance on the keys without accents, or one that
 * contains what was typed; -1 when none is reasonably close.
 */
long names_suggest(const char *typed, const char *const *candidates,
    size_t n);

#endif
