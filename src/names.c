/*
 * names: stored form, matching key and suggestions for names. See names.h.
 *
 * Everything goes through libutf8proc: decompose (with the options that
 * fold case, lump look-alike punctuation or strip accents) into code
 * points, adjust those, and re-encode (composing to NFC). The buffers
 * come from xmalloc, so running out of memory aborts as everywhere else
 * and NULL means only "not valid UTF-8".
 */
#include "names.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util.h"

/* Code points of a name the suggestion compares at most (edit distance
 * is quadratic; nobody mistypes a name that long). */
enum { SUGGEST_MAX = 256 };

/*
 * Typographic apostrophes and quotes that utf8proc's LUMP leaves alone,
 * as the straight ones: "Bemoeizorg 't Súdwesthûs" typed on a keyboard
 * is "Bemoeizorg ’t Súdwesthûs" from a word processor.
 */
static utf8proc_int32_t
straight_quotes(utf8proc_int32_t c, void *data)
{
	(void)data;
	switch (c) {
	case 0x0060: case 0x00b4: case 0x02bc: case 0x2018: case 0x2019:
	case 0x201a: case 0x201b: case 0x2032:
		return '\'';
	case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
		return '"';
	default:
		return c;
	}
}

/*
 * s decomposed with opts into code points (new array, *n of them), or
 * NULL when s is not valid UTF-8. The array has room for re-encoding.
 */
static utf8proc_int32_t *
decode(const char *s, utf8proc_option_t opts, utf8proc_custom_func fn,
    utf8proc_ssize_t *n)
{
	const utf8proc_uint8_t *in = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t       *cp;
	utf8proc_ssize_t        len;

	opts |= UTF8PROC_NULLTERM | UTF8PROC_STABLE;
	if ((len = utf8proc_decompose_custom(in, 0, NULL, 0, opts, fn,
	    NULL)) < 0)
		return NULL;
	/* utf8proc_reencode writes UTF-8 over the array, plus a NUL. */
	cp = xmalloc((size_t)len * sizeof(*cp) + 1);
	if ((*n = utf8proc_decompose_custom(in, 0, cp, len, opts, fn,
	    NULL)) != len) {
		free(cp);
		return NULL;
	}
	return cp;
}

/* Re-encodes cp (n code points, from decode) as a UTF-8 string in place. */
static char *
encode(utf8proc_int32_t *cp, utf8proc_ssize_t n, utf8proc_option_t opts)
{
	if (utf8proc_reencode(cp, n, opts | UTF8PROC_STABLE) < 0) {
		free(cp);
		return NULL;
	}
	return (char *)cp;
}

static int
is_space(utf8proc_int32_t c)
{
	return (c >= 0x09 && c <= 0x0d) || c == 0x85 || c == 0x2028 ||
	    c == 0x2029 || utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

char *
names_normalise(const char *s)
{
	utf8proc_int32_t *cp;
	utf8proc_ssize_t  n, i, out = 0;

	if ((cp = decode(s, UTF8PROC_COMPOSE, NULL, &n)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (!is_space(cp[i]))
			cp[out++] = cp[i];
		else if (out > 0 && cp[out - 1] != ' ')
			cp[out++] = ' ';
	}
	if (out > 0 && cp[out - 1] == ' ')
		out--;
	return encode(cp, out, UTF8PROC_COMPOSE);
}

/* The key of s, with accents stripped as well when loose. */
static char *
key(const char *s, int loose)
{
	utf8proc_option_t opts = UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
	    UTF8PROC_LUMP | UTF8PROC_IGNORE;
	utf8proc_int32_t *cp;
	utf8proc_ssize_t  n;
	char             *norm;

	if (loose)
		opts |= UTF8PROC_STRIPMARK;
	if ((norm = names_normalise(s)) == NULL)
		return NULL;
	cp = decode(norm, opts, straight_quotes, &n);
	free(norm);
	return cp == NULL ? NULL : encode(cp, n, opts);
}

char *
names_key(const char *s)
{
	return key(s, 0);
}

int
names_equal(const char *a, const char *b)
{
	char *ka = names_key(a), *kb = names_key(b);
	int   eq = ka != NULL && kb != NULL && strcmp(ka, kb) == 0;

	free(ka);
	free(kb);
	return eq;
}

/* Decodes UTF-8 s into out (at most SUGGEST_MAX); returns how many. */
static size_t
code_points(const char *s, utf8proc_int32_t *out)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t        len;
	size_t                  n = 0;

	while (*p != '\0' && n < SUGGEST_MAX &&
	    (len = utf8proc_iterate(p, -1, &out[n])) > 0) {
		p += len;
		n++;
	}
	return n;
}

/* Levenshtein distance of a and b (insert, delete, substitute: 1 each). */
static size_t
distance(const utf8proc_int32_t *a, size_t na, const utf8proc_int32_t *b,
    size_t nb)
{
	size_t row[SUGGEST_MAX + 1], i, j, diag, up;

	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; i <= na; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= nb; j++) {
			up = row[j];
			row[j] = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < row[j])
				row[j] = up + 1;
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			diag = up;
		}
	}
	return row[nb];
}

/*
 * How far typed (loose key t, nt code points) is from candidate c: its
 * edit distance when close enough to suggest (at most a quarter of the
 * shorter name, at least one edit; or c contains the typed name of four
 * or more characters), else SIZE_MAX.
 */
static size_t
closeness(const char *t, const utf8proc_int32_t *tcp, size_t nt,
    const char *c)
{
	utf8proc_int32_t ccp[SUGGEST_MAX];
	size_t           nc = code_points(c, ccp), d, limit;

	d = distance(tcp, nt, ccp, nc);
	limit = (nt < nc ? nt : nc) / 4;
	if (d <= (limit > 0 ? limit : 1) || (nt >= 4 && strstr(c, t) != NULL))
		return d;
	return (size_t)-1;
}

long
names_suggest(const char *typed, const char *const *candidates, size_t n)
{
	utf8proc_int32_t tcp[SUGGEST_MAX];
	char            *t = key(typed, 1), *c;
	size_t           nt, i, d, best_d = (size_t)-1;
	long             best = -1;

	if (t == NULL)
		return -1;
	nt = code_points(t, tcp);
	for (i = 0; i < n; i++) {
		if ((c = key(candidates[i], 1)) == NULL)
			continue;
		if ((d = closeness(t, tcp, nt, c)) < best_d) {
			best_d = d;
			best = (long)i;
		}
		free(c);
	}
	free(t);
	return best;
}
