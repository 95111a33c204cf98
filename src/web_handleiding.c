/*
 * web_handleiding: GET /handleiding, the user guide doc/handleiding.md
 * (loaded with the templates, templates/web/handleiding.md links to it)
 * as a page. Markdown only as far as the guide uses it: headings,
 * paragraphs, lists, code blocks and images (shown by their text: the
 * screenshots are not served). Every piece of text goes through
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

static void
line(struct md *m, const char *s, size_t n)
{
	const char *close;
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
	} else if (n > 4 && memcmp(s, "![", 2) == 0 &&
	    (close = memchr(s, ']', n)) != NULL) {
		flush(m);
		t = plain(s + 2, (size_t)(close - s - 2));
		one(m, m->out, TMPL_HD_FIG, "tekst", t, NULL);
		free(t);
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
