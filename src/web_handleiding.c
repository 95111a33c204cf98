/*
 * web_handleiding: GET /handleiding, the user guide doc/handleiding.md
 * (loaded with the templates, templates/web/handleiding.md links to it)
 * as a page. Markdown only as far as the guide uses it: headings,
 * paragraphs, lists, code blocks and images (<img> of
 * GET /handleiding/NAME.png, which serves the images the guide names and
 * no other file). Every piece of text goes through
 * web_render's escaping; the markup comes from templates/web/handleiding-*.
 * Inline marks (`code`, **bold**, [text](link)) are dropped to their
 * text: no markup of the guide's own ever reaches the page.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "web_int.h"

struct md {
	const struct web_templates *t;
	struct web_buf             *out;
	struct web_buf              para, li, items, code;
	int                         in_code;
};

/* The text of an inline span: `x` and **x** as x, [x](y) as x. */
static char *
plain(const char *s, size_t n)
{
	char       *o = xmalloc(n + 1), *p = o;
	const char *end = s + n, *close;

	while (s < end) {
		if (*s == '`' || (*s == '*' && s + 1 < end && s[1] == '*')) {
			s += *s == '`' ? 1 : 2;
			continue;
		}
		if (*s == ']' && s + 1 < end && s[1] == '(' &&
		    (close = memchr(s, ')', (size_t)(end - s))) != NULL) {
			s = close + 1;
			continue;
		}
		if (*s != '[')
			*p++ = *s;
		s++;
	}
	*p = '\0';
	return o;
}

static void
one(struct md *m, struct web_buf *to, enum web_tmpl id, const char *name,
    const char *text, const struct web_buf *html)
{
	struct web_var v[] = { { name, text, html } };

	web_render(to, m->t, id, v, 1);
}

static void
add_text(struct web_buf *b, const char *s, size_t n)
{
	b->p = xrealloc(b->p, b->n + n + 2);
	if (b->n > 0)
		b->p[b->n++] = ' ';
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void flush_li(struct md *m);

/*
 * An image line "![alt](target)" of n bytes at s: alt and target as
 * spans of s; 0, or -1 when the line is none.
 */
static int
image_line(const char *s, size_t n, const char **alt, size_t *nalt,
    const char **target, size_t *ntarget)
{
	const char *close, *end;

	if (n < 5 || memcmp(s, "![", 2) != 0 ||
	    (close = memchr(s, ']', n)) == NULL)
		return -1;
	*alt = s + 2;
	*nalt = (size_t)(close - s - 2);
	*target = "";
	*ntarget = 0;
	if ((size_t)(close - s) + 1 < n && close[1] == '(' &&
	    (end = memchr(close, ')', n - (size_t)(close - s))) != NULL) {
		*target = close + 2;
		*ntarget = (size_t)(end - close - 2);
	}
	return 0;
}

/* Ends the paragraph or list under way. */
static void
flush(struct md *m)
{
	char *t;

	if (m->para.n > 0) {
		t = plain(m->para.p, m->para.n);
		one(m, m->out, TMPL_HD_P, "tekst", t, NULL);
		free(t);
		m->para.n = 0;
	}
	flush_li(m);
	if (m->items.n > 0) {
		one(m, m->out, TMPL_HD_UL, "items", NULL, &m->items);
		m->items.n = 0;
	}
}

static void
code_line(struct md *m, const char *s, size_t n)
{
	m->code.p = xrealloc(m->code.p, m->code.n + n + 2);
	memcpy(m->code.p + m->code.n, s, n);
	m->code.n += n;
	m->code.p[m->code.n++] = '\n';
	m->code.p[m->code.n] = '\0';
}

static void
fence(struct md *m)
{
	if (m->in_code) {
		/* The test marks ("# test: run") are for the test only. */
		one(m, m->out, TMPL_HD_PRE, "tekst",
		    m->code.p != NULL ? m->code.p : "", NULL);
		m->code.n = 0;
		if (m->code.p != NULL)
			m->code.p[0] = '\0';
	} else
		flush(m);
	m->in_code = !m->in_code;
}

/* The list item under way into the list. */
static void
flush_li(struct md *m)
{
	char *t;

	if (m->li.n == 0)
		return;
	t = plain(m->li.p, m->li.n);
	one(m, &m->items, TMPL_HD_LI, "tekst", t, NULL);
	free(t);
	m->li.n = 0;
}

static void
item(struct md *m, const char *s, size_t n)
{
	if (m->para.n > 0) {
		char *p = plain(m->para.p, m->para.n);

		one(m, m->out, TMPL_HD_P, "tekst", p, NULL);
		free(p);
		m->para.n = 0;
	}
	flush_li(m);
	add_text(&m->li, s, n);
}

/* An image: its text as alt, served by GET /handleiding/TARGET. */
static void
image(struct md *m, const char *alt, size_t nalt, const char *target,
    size_t ntarget)
{
	char *t = plain(alt, nalt), *src = xmalloc(ntarget + 1);

	memcpy(src, target, ntarget);
	src[ntarget] = '\0';
	{
		struct web_var v[] = {
			{ "tekst", t, NULL },
			{ "bron", src, NULL },
		};
		web_render(m->out, m->t, TMPL_HD_FIG, v, 2);
	}
	free(src);
	free(t);
}

static void
line(struct md *m, const char *s, size_t n)
{
	const char *alt, *target;
	size_t      nalt, ntarget;
	char       *t;

	if (n >= 3 && memcmp(s, "```", 3) == 0)
		fence(m);
	else if (m->in_code) {
		if (!(n == 11 && memcmp(s, "# test: run", 11) == 0) &&
		    !(n > 13 && memcmp(s, "# test: skip ", 13) == 0))
			code_line(m, s, n);
	} else if (n == 0)
		flush(m);
	else if (s[0] == '#') {
		size_t lvl = strspn(s, "#");

		flush(m);
		t = plain(s + lvl, n - lvl);
		one(m, m->out, lvl == 1 ? TMPL_HD_H1 : TMPL_HD_H2, "tekst",
		    t[0] == ' ' ? t + 1 : t, NULL);
		free(t);
	} else if (image_line(s, n, &alt, &nalt, &target, &ntarget) == 0) {
		flush(m);
		image(m, alt, nalt, target, ntarget);
	} else if (n > 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		item(m, s + 2, n - 2);
	else if (m->li.n > 0 && s[0] == ' ')
		add_text(&m->li, s + strspn(s, " "), n - strspn(s, " "));
	else
		add_text(&m->para, s, n);
}

void
web_page_handleiding(const struct web_request *q, struct web_response *r)
{
	const struct web_buf *md = web_template(q->ctx->tmpl,
	    TMPL_HANDLEIDING_MD);
	struct web_buf        body = { 0 }, page = { 0 };
	struct md             m;
	const char           *s = md->p != NULL ? md->p : "", *nl;

	memset(&m, 0, sizeof(m));
	m.t = q->ctx->tmpl;
	m.out = &body;
	for (; *s != '\0'; s = *nl != '\0' ? nl + 1 : nl) {
		if ((nl = strchr(s, '\n')) == NULL)
			nl = s + strlen(s);
		line(&m, s, (size_t)(nl - s));
	}
	flush(&m);
	one(&m, &page, TMPL_HANDLEIDING, "inhoud", NULL, &body);
	web_page(q, r, 200, web_text(q->ctx->tmpl, "handleiding.titel"),
	    &page);
	web_buf_free(&body);
	web_buf_free(&page);
	web_buf_free(&m.para);
	web_buf_free(&m.li);
	web_buf_free(&m.items);
	web_buf_free(&m.code);
}

/*
 * Whether the guide shows image name: a line "![...](name)". Only those
 * are served: the name's form (web_route.c) keeps it a file name, this
 * keeps it one of the guide's.
 */
static int
guide_names(const char *md, const char *name)
{
	const char *s = md, *nl, *alt, *target;
	size_t      nalt, ntarget;

	for (; *s != '\0'; s = *nl != '\0' ? nl + 1 : nl) {
		if ((nl = strchr(s, '\n')) == NULL)
			nl = s + strlen(s);
		if (image_line(s, (size_t)(nl - s), &alt, &nalt, &target,
		    &ntarget) == 0 && ntarget == strlen(name) &&
		    memcmp(target, name, ntarget) == 0)
			return 1;
	}
	return 0;
}

/* The guide's screenshots are small; a bigger file is a mistake. */
#define IMAGE_MAX (2 * 1024 * 1024)

void
web_page_handleiding_png(const struct web_request *q, struct web_response *r)
{
	const struct web_buf *md = web_template(q->ctx->tmpl,
	    TMPL_HANDLEIDING_MD);
	const char           *name = q->field[KEY_AFBEELDING];
	char                 *path, *data;
	size_t                len;

	if (name == NULL || md->p == NULL || !guide_names(md->p, name)) {
		web_page_error(q, r, 404);
		return;
	}
	/* Beside the guide: templates/web/NAME links to doc/NAME (make
	 * install copies it there). */
	path = xasprintf("%s/templates/web/%s", q->ctx->cfg->datadir, name);
	if (file_read_all(path, IMAGE_MAX, &data, &len) == -1) {
		free(path);
		web_page_error(q, r, 404);
		return;
	}
	free(path);
	r->body.p = data;
	r->body.n = r->body.cap = len;
	r->type = "image/png";
	/* Behind the session, as the guide is: the browser may keep it, no
	 * shared cache. */
	r->cache = "private, max-age=3600";
	r->cacheable = 1;
	r->status = 200;
}
