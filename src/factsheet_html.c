/*
 * factsheet_html: the factsheet as accessible HTML. See factsheet_html.h.
 *
 * The document follows the PDF section for section (factsheet.c): the
 * front page, then per approach who answered, the description, the
 * findings (a table per theme) and the conclusion (a table per theme).
 * Every fixed word comes from the same texts-SET.xml as the PDF's; the
 * markup from templates/factsheet/; every value from the model goes
 * through html_text(), the one escaping writer of this file.
 */
#include "factsheet_html.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <utf8proc.h>

#include "util.h"

/* The fragments in templates/factsheet/. */
enum frag {
	F_DOCUMENT, F_CSS, F_CONCEPT, F_VOORBLAD, F_VASTGESTELD, F_CONTEXT,
	F_ALINEA, F_ITEM, F_LINK, F_AANPAK, F_RESPONDENTEN, F_BESCHRIJVING,
	F_BEVINDINGEN, F_CRITERIUM, F_RIJ_EERSTE, F_RIJ, F_TEKEN_V, F_TEKEN_X,
	F_TEKEN_NVT, F_LETOP, F_CONCLUSIE, F_LIJST,
	F_GEPUBLICEERD, F_VOET,   /* -- step 11: layout -- */
	F__COUNT
};

static const char *const frag_file[F__COUNT] = {
	[F_DOCUMENT]     = "document.html",
	[F_CSS]          = "factsheet.css",
	[F_CONCEPT]      = "concept.html",
	[F_VOORBLAD]     = "voorblad.html",
	[F_VASTGESTELD]  = "vastgesteld.html",
	[F_CONTEXT]      = "context.html",
	[F_ALINEA]       = "alinea.html",
	[F_ITEM]         = "item.html",
	[F_LINK]         = "link.html",
	[F_AANPAK]       = "aanpak.html",
	[F_RESPONDENTEN] = "respondenten.html",
	[F_BESCHRIJVING] = "beschrijving.html",
	[F_BEVINDINGEN]  = "bevindingen.html",
	[F_CRITERIUM]    = "criterium.html",
	[F_RIJ_EERSTE]   = "rij-eerste.html",
	[F_RIJ]          = "rij.html",
	[F_TEKEN_V]      = "teken-V.html",
	[F_TEKEN_X]      = "teken-X.html",
	[F_TEKEN_NVT]    = "teken-nvt.html",
	[F_LETOP]        = "letop.html",
	[F_CONCLUSIE]    = "conclusie.html",
	[F_LIJST]        = "lijst.html",
	[F_GEPUBLICEERD] = "gepubliceerd.html",
	[F_VOET]         = "voet.html",
};

/* A fragment is a few hundred bytes; a bigger file is a mistake. */
#define FRAG_MAX (64 * 1024)

/* A growing string. */
struct hbuf {
	char  *p;
	size_t n, cap;
};

/* A {{name}} of a fragment: text is escaped, html (already markup) not. */
struct hvar {
	const char        *name;
	const char        *text;
	const struct hbuf *html;
};

/* One document being written. */
struct hdoc {
	char                     *frag[F__COUNT];
	const struct texts       *t;
	const struct factsheet   *fs;
};

#define NVARS(v) (sizeof(v) / sizeof((v)[0]))

static void
put(struct hbuf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
hbuf_free(struct hbuf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

/*
 * The one escaping writer of the HTML factsheet. The web layer has its
 * own (web_html.c), but the library must not depend on the web front
 * end, and this one does more: a document saved to disk is read by
 * validators and archives, so besides the five characters that can end
 * a text or a quoted attribute value it writes a control character
 * (other than tab and newline) or a byte that is not UTF-8 as U+FFFD,
 * which HTML forbids as it is.
 */
static void
html_text(struct hbuf *b, const char *s)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t        c;
	utf8proc_ssize_t        n;
	const char             *e;

	while (*u != '\0') {
		n = utf8proc_iterate(u, -1, &c);
		if (n < 1) {
			put(b, "\xEF\xBF\xBD", 3);
			u++;
			continue;
		}
		switch (c) {
		case '&':  e = "&amp;"; break;
		case '<':  e = "&lt;"; break;
		case '>':  e = "&gt;"; break;
		case '"':  e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		default:
			e = (c < 0x20 && c != '\t' && c != '\n') ||
			    (c >= 0x7f && c < 0xa0) ? "\xEF\xBF\xBD" : NULL;
		}
		if (e != NULL)
			put(b, e, strlen(e));
		else
			put(b, (const char *)u, (size_t)n);
		u += n;
	}
}

/* Fragment f with each {{name}} of vars filled in; unknown names: "". */
static void
fill(struct hbuf *out, const struct hdoc *h, enum frag f,
    const struct hvar *vars, size_t nvars)
{
	const char *s = h->frag[f], *open, *close;
	size_t      i, len;

	while ((open = strstr(s, "{{")) != NULL &&
	    (close = strstr(open + 2, "}}")) != NULL) {
		put(out, s, (size_t)(open - s));
		len = (size_t)(close - open - 2);
		for (i = 0; i < nvars; i++) {
			if (strlen(vars[i].name) != len ||
			    memcmp(vars[i].name, open + 2, len) != 0)
				continue;
			if (vars[i].text != NULL)
				html_text(out, vars[i].text);
			else if (vars[i].html != NULL && vars[i].html->p != NULL)
				put(out, vars[i].html->p, vars[i].html->n);
			break;
		}
		s = close + 2;
	}
	put(out, s, strlen(s));
}

/* One fragment with one escaped value, appended to out. */
static void
fill1(struct hbuf *out, const struct hdoc *h, enum frag f, const char *name,
    const char *text)
{
	const struct hvar v[] = { { name, text, NULL } };

	fill(out, h, f, v, 1);
}

/* A text of the templates with the usual placeholders. New string. */
static char *
text(const struct hdoc *h, const char *id, const char *aanpak)
{
	char round[16];

	snprintf(round, sizeof(round), "%d", h->fs->round);
	return texts_get(h->t, id, "gemeente", h->fs->municipality, "ronde",
	    round, "aanpak", aanpak, (const char *)NULL);
}

/* Paragraphs split by "\n\n", each in F_ALINEA. */
static void
paragraphs(struct hbuf *out, const struct hdoc *h, const char *s)
{
	const char *end;
	char       *one;

	while (s != NULL && *s != '\0') {
		end = strstr(s, "\n\n");
		one = end ? xasprintf("%.*s", (int)(end - s), s) : xstrdup(s);
		fill1(out, h, F_ALINEA, "tekst", one);
		free(one);
		s = end ? end + 2 : NULL;
	}
}

/* A template text as paragraphs. */
static void
fixed_paragraphs(struct hbuf *out, const struct hdoc *h, const char *id,
    const char *aanpak)
{
	char *s = text(h, id, aanpak);

	paragraphs(out, h, s);
	free(s);
}

/* ---- front page ---------------------------------------------------- */

/* "Vastgesteld op D-M-YYYY", as the PDF's front page has it. */
static void
fixed_on(struct hbuf *out, const struct hdoc *h)
{
	char *s, date[16];
	int   y, m, d;

	if (h->fs->fixed_on == NULL ||
	    sscanf(h->fs->fixed_on, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return;
	snprintf(date, sizeof(date), "%d-%d-%d", d, m, y);
	s = texts_get(h->t, "vastgesteld-op", "datum", date,
	    (const char *)NULL);
	fill1(out, h, F_VASTGESTELD, "tekst", s);
	free(s);
}

/* The number of approaches as a word ("getallen"), as the PDF says it. */
static char *
approaches_sentence(const struct hdoc *h)
{
	char       *numbers, *tok, *save = NULL, *s, digits[24];
	const char *word = NULL;
	size_t      k = 2, n = h->fs->napproaches;

	numbers = texts_get(h->t, "getallen", (const char *)NULL);
	for (tok = strtok_r(numbers, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save), k++)
		if (k == n)
			word = tok;
	snprintf(digits, sizeof(digits), "%zu", n);
	s = texts_get(h->t, n == 1 ? "aanpakken-een" : "aanpakken", "aantal",
	    word ? word : digits, (const char *)NULL);
	free(numbers);
	return s;
}

/*
 * The publication date (fragment frag: the front page's, or the footer
 * "Uitkomsten toezichtonderzoek X - Samenwerkend Toezicht Jeugd November
 * 2013" as the PDF's pages have it, without a page number): {{datum}}
 * as printed, {{iso}} for <time datetime>, {{voet}} the footer's text.
 * Nothing when the round has no publication date.
 */
static void
published(struct hbuf *out, const struct hdoc *h, enum frag frag)
{
	char *date = factsheet_published_text(h->t, h->fs->published);
	char *voet, iso[8];
	int   y, m;

	if (date == NULL)
		return;
	(void)sscanf(h->fs->published, "%4d-%2d", &y, &m);
	snprintf(iso, sizeof(iso), "%04d-%02d", y, m);
	voet = text(h, "voet", NULL);
	{
		const struct hvar v[] = { { "datum", date, NULL },
		    { "iso", iso, NULL }, { "voet", voet, NULL } };
		fill(out, h, frag, v, NVARS(v));
	}
	free(voet);
	free(date);
}

static void
front_page(struct hbuf *out, const struct hdoc *h)
{
	const struct factsheet *fs = h->fs;
	const struct framework *fw = fs->fw;
	struct hbuf vast = { 0 }, def = { 0 }, terms = { 0 }, ctx = { 0 };
	struct hbuf list = { 0 }, intro = { 0 }, body = { 0 }, pub = { 0 };
	char       *titel = text(h, "titel", NULL), *kop = text(h, "kop", NULL);
	char       *ronde = text(h, "ronde", NULL), *zin, *s, id[32];
	size_t      i;

	fixed_on(&vast, h);
	for (i = 0; fw != NULL && i < fw->ndefinition; i++)
		fill1(&def, h, F_ALINEA, "tekst", fw->definition[i]);
	for (i = 0; fw != NULL && i < fw->nitems; i++) {
		s = texts_get(h->t, "definitie-item", "term", fw->items[i].term,
		    "tekst", fw->items[i].text, (const char *)NULL);
		fill1(&terms, h, F_ITEM, "tekst", s);
		free(s);
	}
	if (fs->context != NULL) {
		s = text(h, "context-kop", NULL);
		paragraphs(&body, h, fs->context);
		{
			const struct hvar v[] = { { "kop", s, NULL },
			    { "tekst", NULL, &body } };
			fill(&ctx, h, F_CONTEXT, v, NVARS(v));
		}
		free(s);
	}
	for (i = 0; i < fs->napproaches; i++) {
		snprintf(id, sizeof(id), "aanpak-%zu", i + 1);
		{
			const struct hvar v[] = { { "id", id, NULL },
			    { "tekst", fs->approaches[i].name, NULL } };
			fill(&list, h, F_LINK, v, NVARS(v));
		}
	}
	zin = approaches_sentence(h);
	/* The round's own introduction is data (no placeholders), as in
	 * the PDF; else the templates' year-neutral one. */
	if (fs->intro != NULL)
		paragraphs(&intro, h, fs->intro);
	else
		fixed_paragraphs(&intro, h, "inleiding", NULL);
	published(&pub, h, F_GEPUBLICEERD);
	{
		const struct hvar v[] = {
			{ "titel", titel, NULL }, { "kop", kop, NULL },
			{ "ronde", ronde, NULL }, { "vastgesteld", NULL, &vast },
			{ "gepubliceerd", NULL, &pub },
			{ "definitie", NULL, &def }, { "termen", NULL, &terms },
			{ "context", NULL, &ctx },
			{ "aanpakken-zin", zin, NULL },
			{ "aanpakken", NULL, &list },
			{ "inleiding", NULL, &intro },
		};
		fill(out, h, F_VOORBLAD, v, NVARS(v));
	}
	free(titel);
	free(kop);
	free(ronde);
	free(zin);
	hbuf_free(&vast);
	hbuf_free(&def);
	hbuf_free(&terms);
	hbuf_free(&ctx);
	hbuf_free(&list);
	hbuf_free(&intro);
	hbuf_free(&body);
	hbuf_free(&pub);
}

/* ---- findings ------------------------------------------------------ */

static void
mark(struct hbuf *out, const struct hdoc *h, char m)
{
	char *s = texts_get(h->t, m == 'V' ? "teken-V" : m == 'X' ?
	    "teken-X" : "teken-nvt", (const char *)NULL);

	fill1(out, h, m == 'V' ? F_TEKEN_V : m == 'X' ? F_TEKEN_X :
	    F_TEKEN_NVT, "teken", s);
	free(s);
}

/*
 * The finding: each line a paragraph; a line that is or contains a
 * "LET OP:" remark starts the remark in a paragraph of its own, in bold.
 * The same split as the PDF's findings column (factsheet.c,
 * finding_cell()), so both print the same paragraphs.
 */
static void
finding(struct hbuf *out, const struct hdoc *h, const char *s)
{
	char       *letop = texts_get(h->t, "letop", (const char *)NULL);
	const char *nl, *hit;
	char       *line;
	size_t      len, ll = strlen(letop);

	while (s != NULL && *s != '\0') {
		nl = strchr(s, '\n');
		len = nl ? (size_t)(nl - s) : strlen(s);
		hit = ll > 0 ? strstr(s, letop) : NULL;
		if (hit != NULL && hit > s && (size_t)(hit - s) < len)
			len = (size_t)(hit - s);
		line = xasprintf("%.*s", (int)len, s);
		if (*line != '\0')
			fill1(out, h, ll > 0 && strncmp(line, letop, ll) == 0 ?
			    F_LETOP : F_ALINEA, "tekst", line);
		free(line);
		s += len;
		if (*s == '\n')
			s++;
	}
	free(letop);
}

static void
criterion(struct hbuf *out, const struct hdoc *h, const struct fs_criterion *c)
{
	struct hbuf rows = { 0 }, ind = { 0 }, mk = { 0 }, fd = { 0 };
	char        n[24];
	size_t      k, i;

	snprintf(n, sizeof(n), "%zu", c->nrows);
	for (k = 0; k < c->nrows; k++) {
		const struct fs_row *row = &c->rows[k];
		for (i = 0; i < row->nindicators; i++)
			fill1(&ind, h, F_ALINEA, "tekst", row->indicators[i]);
		mark(&mk, h, row->mark);
		finding(&fd, h, row->finding);
		{
			const struct hvar v[] = {
				{ "aantal", n, NULL },
				{ "criterium", c->text, NULL },
				{ "indicatoren", NULL, &ind },
				{ "teken", NULL, &mk },
				{ "bevinding", NULL, &fd },
			};
			fill(&rows, h, k == 0 ? F_RIJ_EERSTE : F_RIJ, v,
			    NVARS(v));
		}
		ind.n = mk.n = fd.n = 0;
	}
	{
		const struct hvar v[] = { { "rijen", NULL, &rows } };
		fill(out, h, F_CRITERIUM, v, NVARS(v));
	}
	hbuf_free(&rows);
	hbuf_free(&ind);
	hbuf_free(&mk);
	hbuf_free(&fd);
}

static void
findings_table(struct hbuf *out, const struct hdoc *h,
    const struct fs_theme *th, const char *id)
{
	static const char *const cols[] = { "kolom-criteria",
	    "kolom-indicatoren", "kolom-teken", "kolom-bevindingen" };
	struct hbuf crit = { 0 };
	char       *label[4];
	size_t      i;

	for (i = 0; i < 4; i++)
		label[i] = text(h, cols[i], NULL);
	for (i = 0; i < th->ncriteria; i++)
		criterion(&crit, h, &th->criteria[i]);
	{
		const struct hvar v[] = {
			{ "id", id, NULL }, { "thema", th->name, NULL },
			{ cols[0], label[0], NULL }, { cols[1], label[1], NULL },
			{ cols[2], label[2], NULL }, { cols[3], label[3], NULL },
			{ "criteria", NULL, &crit },
		};
		fill(out, h, F_BEVINDINGEN, v, NVARS(v));
	}
	for (i = 0; i < 4; i++)
		free(label[i]);
	hbuf_free(&crit);
}

/* ---- conclusion ---------------------------------------------------- */

/* One item a line, as a list; nothing for no lines. */
static void
items(struct hbuf *out, const struct hdoc *h, const char *s)
{
	struct hbuf li = { 0 };
	const char *nl;
	char       *line;

	for (; s != NULL && *s != '\0'; s = nl ? nl + 1 : NULL) {
		nl = strchr(s, '\n');
		line = xasprintf("%.*s", nl ? (int)(nl - s) : (int)strlen(s), s);
		if (*line != '\0')
			fill1(&li, h, F_ITEM, "tekst", line);
		free(line);
		if (nl == NULL)
			break;
	}
	if (li.n > 0) {
		const struct hvar v[] = { { "items", NULL, &li } };
		fill(out, h, F_LIJST, v, NVARS(v));
	}
	hbuf_free(&li);
}

static void
conclusion_table(struct hbuf *out, const struct hdoc *h,
    const struct fs_theme *th, const char *id)
{
	struct hbuf goed = { 0 }, beter = { 0 };
	char       *gk = text(h, "goed", NULL), *bk = text(h, "beter", NULL);

	items(&goed, h, th->goed);
	items(&beter, h, th->beter);
	{
		const struct hvar v[] = {
			{ "id", id, NULL }, { "thema", th->name, NULL },
			{ "goed-kop", gk, NULL }, { "beter-kop", bk, NULL },
			{ "goed", NULL, &goed }, { "beter", NULL, &beter },
		};
		fill(out, h, F_CONCLUSIE, v, NVARS(v));
	}
	free(gk);
	free(bk);
	hbuf_free(&goed);
	hbuf_free(&beter);
}

/* ---- an approach --------------------------------------------------- */

static void
respondents(struct hbuf *out, const struct hdoc *h,
    const struct fs_approach *a)
{
	struct hbuf intro = { 0 }, list = { 0 }, slot = { 0 };
	size_t      i;

	if (a->npartners == 0) {
		fixed_paragraphs(out, h, "respondenten-geen", a->name);
		return;
	}
	fixed_paragraphs(&intro, h, "respondenten", a->name);
	for (i = 0; i < a->npartners; i++)
		fill1(&list, h, F_ITEM, "tekst", a->partners[i]);
	fixed_paragraphs(&slot, h, "respondenten-slot", a->name);
	{
		const struct hvar v[] = { { "tekst", NULL, &intro },
		    { "partners", NULL, &list }, { "slot", NULL, &slot } };
		fill(out, h, F_RESPONDENTEN, v, NVARS(v));
	}
	hbuf_free(&intro);
	hbuf_free(&list);
	hbuf_free(&slot);
}

static void
description(struct hbuf *out, const struct hdoc *h,
    const struct fs_approach *a)
{
	struct hbuf body = { 0 };
	char       *kop;

	if (a->description == NULL)
		return;
	kop = text(h, "beschrijving-kop", a->name);
	paragraphs(&body, h, a->description);
	{
		const struct hvar v[] = { { "kop", kop, NULL },
		    { "tekst", NULL, &body } };
		fill(out, h, F_BESCHRIJVING, v, NVARS(v));
	}
	free(kop);
	hbuf_free(&body);
}

static void
approach(struct hbuf *out, const struct hdoc *h, const struct fs_approach *a,
    size_t no)
{
	struct hbuf resp = { 0 }, desc = { 0 }, bintro = { 0 }, themes = { 0 };
	struct hbuf uitleg = { 0 }, tables = { 0 }, cintro = { 0 };
	struct hbuf concl = { 0 };
	char        id[32], tid[80], *s, *kop, *bkop, *ckop;
	size_t      i;

	snprintf(id, sizeof(id), "aanpak-%zu", no);
	respondents(&resp, h, a);
	description(&desc, h, a);
	fixed_paragraphs(&bintro, h, "bevindingen-inleiding", a->name);
	for (i = 0; i < a->nthemes; i++) {
		s = texts_get(h->t, "thema", "naam", a->themes[i].name,
		    "stelling", a->themes[i].statement, (const char *)NULL);
		fill1(&themes, h, F_ITEM, "tekst", s);
		free(s);
	}
	fixed_paragraphs(&uitleg, h, "bevindingen-uitleg", a->name);
	fixed_paragraphs(&cintro, h, "conclusie-inleiding", a->name);
	for (i = 0; i < a->nthemes; i++) {
		snprintf(tid, sizeof(tid), "%s-bevindingen-%zu", id, i + 1);
		findings_table(&tables, h, &a->themes[i], tid);
		snprintf(tid, sizeof(tid), "%s-conclusie-%zu", id, i + 1);
		conclusion_table(&concl, h, &a->themes[i], tid);
	}
	kop = text(h, "aanpak-kop", a->name);
	bkop = text(h, "bevindingen-kop", a->name);
	ckop = text(h, "conclusie-kop", a->name);
	{
		const struct hvar v[] = {
			{ "id", id, NULL }, { "kop", kop, NULL },
			{ "naam", a->name, NULL },
			{ "respondenten", NULL, &resp },
			{ "beschrijving", NULL, &desc },
			{ "bevindingen-kop", bkop, NULL },
			{ "bevindingen-inleiding", NULL, &bintro },
			{ "themas", NULL, &themes },
			{ "uitleg", NULL, &uitleg },
			{ "tabellen", NULL, &tables },
			{ "conclusie-kop", ckop, NULL },
			{ "conclusie-inleiding", NULL, &cintro },
			{ "conclusies", NULL, &concl },
		};
		fill(out, h, F_AANPAK, v, NVARS(v));
	}
	free(kop);
	free(bkop);
	free(ckop);
	hbuf_free(&resp);
	hbuf_free(&desc);
	hbuf_free(&bintro);
	hbuf_free(&themes);
	hbuf_free(&uitleg);
	hbuf_free(&tables);
	hbuf_free(&cintro);
	hbuf_free(&concl);
}

/* ---- the document -------------------------------------------------- */

static void
frags_free(struct hdoc *h)
{
	size_t i;

	for (i = 0; i < F__COUNT; i++)
		free(h->frag[i]);
}

static int
frags_load(struct hdoc *h, const char *datadir, struct diags *d)
{
	char  *path;
	size_t i, len;

	for (i = 0; i < F__COUNT; i++) {
		path = xasprintf("%s/templates/factsheet/%s", datadir,
		    frag_file[i]);
		if (file_read_all(path, FRAG_MAX, &h->frag[i], &len) == -1) {
			diags_add(d, path, 0, MSG_FS_HTML_TEMPLATE,
			    strerror(errno));
			free(path);
			frags_free(h);
			return -1;
		}
		free(path);
	}
	return 0;
}

/* The base64 SHA-256 of the stylesheet as written (CSP 'sha256-...'). */
static char *
style_digest(const struct hdoc *h)
{
	unsigned char md[crypto_hash_sha256_BYTES];
	size_t        n = sodium_base64_ENCODED_LEN(sizeof(md),
	                  sodium_base64_VARIANT_ORIGINAL);
	char         *out = xmalloc(n);

	crypto_hash_sha256(md, (const unsigned char *)h->frag[F_CSS],
	    strlen(h->frag[F_CSS]));
	sodium_bin2base64(out, n, md, sizeof(md),
	    sodium_base64_VARIANT_ORIGINAL);
	return out;
}

/* The whole document into out; -1 with diagnostics. */
static int
document(struct report *r, const struct factsheet *fs, struct hbuf *out,
    char **style_hash, struct diags *d)
{
	struct factsheet_templates *tpl;
	struct hdoc  h;
	struct hbuf  css = { 0 }, concept = { 0 }, front = { 0 }, body = { 0 };
	struct hbuf  voet = { 0 };
	char         round[16], *title, *author, *s;
	size_t       i;

	if (fs->from_round != 0) {
		diags_add(d, NULL, 0, MSG_FS_HTML_PROGRESS);
		return -1;
	}
	if ((tpl = report_templates(r, fs->municipality, fs->round,
	    d)) == NULL)
		return -1;
	memset(&h, 0, sizeof(h));
	if (frags_load(&h, r->datadir, d) == -1)
		return -1;
	h.t = tpl->texts;
	h.fs = fs;
	/* The stylesheet is markup of ours, written as it is. */
	put(&css, h.frag[F_CSS], strlen(h.frag[F_CSS]));
	if (fs->concept) {
		s = texts_get(h.t, "concept", (const char *)NULL);
		fill1(&concept, &h, F_CONCEPT, "tekst", s);
		free(s);
	}
	front_page(&front, &h);
	for (i = 0; i < fs->napproaches; i++)
		approach(&body, &h, &fs->approaches[i], i + 1);
	published(&voet, &h, F_VOET);
	snprintf(round, sizeof(round), "%d", fs->round);
	title = texts_get(h.t, "pdf-titel", "gemeente", fs->municipality,
	    "ronde", round, (const char *)NULL);
	author = texts_get_author(h.t, "gemeente", fs->municipality,
	    (const char *)NULL);
	{
		const struct hvar v[] = {
			{ "titel", title, NULL }, { "auteur", author, NULL },
			{ "stijl", NULL, &css }, { "concept", NULL, &concept },
			{ "voorblad", NULL, &front },
			{ "aanpakken", NULL, &body }, { "voet", NULL, &voet },
		};
		fill(out, &h, F_DOCUMENT, v, NVARS(v));
	}
	if (style_hash != NULL)
		*style_hash = style_digest(&h);
	free(title);
	free(author);
	hbuf_free(&css);
	hbuf_free(&concept);
	hbuf_free(&front);
	hbuf_free(&body);
	hbuf_free(&voet);
	frags_free(&h);
	return 0;
}

int
factsheet_html_mem(struct report *r, const struct factsheet *fs,
    char **buf, size_t *len, char **style_hash, struct diags *d)
{
	struct hbuf out = { 0 };

	if (document(r, fs, &out, style_hash, d) == -1) {
		hbuf_free(&out);
		return -1;
	}
	*buf = out.p;
	*len = out.n;
	return 0;
}

int
factsheet_html_write(struct report *r, const struct factsheet *fs,
    const char *path, struct diags *d)
{
	struct outfile of;
	struct hbuf    out = { 0 };
	int            rc = -1;

	if (document(r, fs, &out, NULL, d) == -1)
		return -1;
	if (outfile_open(&of, path, d) == 0) {
		if (fwrite(out.p, 1, out.n, of.f) != out.n) {
			diags_add(d, path, 0, MSG_IO, strerror(errno));
			outfile_abort(&of);
		} else
			rc = outfile_commit(&of, d);
	}
	hbuf_free(&out);
	return rc;
}
