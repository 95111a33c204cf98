/*
 * pdf: the PDF layer over libharu. See pdf.h.
 *
 * Owns the font search, one document's libharu state and error record,
 * text wrapping, A4 page flow and the atomic save. Error pattern (one for
 * the whole module): the libharu handler only records the first error;
 * every public function starts with a pdf_ok() check, so after an error
 * nothing more is asked of libharu except HPDF_Free().
 */
#include "pdf.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>

#include "util.h"

/* Font size of the page number in the footer. */
#define FOOTER_SIZE  8.0f
/* Stroke width of boxes and rules. */
#define LINE_WIDTH   0.6f
/* Wider than any page: "measure all of it". */
#define NO_LIMIT     1.0e9f
/* Latest creation date a PDF date string can hold (9999-12-31). */
#define MAX_EPOCH    253402300799LL

/* File names in $STJ_FONT_DIR and the known directories. */
static const char *const face_file[PDF__NFACES] = {
	[PDF_REGULAR] = "DejaVuSans.ttf",
	[PDF_BOLD]    = "DejaVuSans-Bold.ttf",
};

/* What fontconfig is asked for, and the name used in messages. */
static const char *const face_pattern[PDF__NFACES] = {
	[PDF_REGULAR] = "DejaVu Sans",
	[PDF_BOLD]    = "DejaVu Sans:bold",
};

/* Where distributions put DejaVu when fontconfig cannot say. */
static const char *const known_dirs[] = {
	"/usr/share/fonts/truetype/dejavu",       /* Debian, Ubuntu */
	"/usr/share/fonts/dejavu-sans-fonts",     /* Fedora */
	"/usr/share/fonts/dejavu",
	"/usr/share/fonts/TTF",                   /* Arch */
	"/usr/local/share/fonts/dejavu",
};

/* ---- font discovery ---------------------------------------------- */

/* dir/FILE for face when readable, else NULL. */
static char *
font_in_dir(const char *dir, enum pdf_face face)
{
	char *path = xasprintf("%s/%s", dir, face_file[face]);

	if (access(path, R_OK) == 0)
		return path;
	free(path);
	return NULL;
}

/* libharu loads TrueType only; fontconfig may offer .otf or Type 1. */
static int
is_ttf(const char *file)
{
	size_t len = strlen(file);

	return len > 4 && strcasecmp(file + len - 4, ".ttf") == 0;
}

/*
 * FcFontMatch always answers with its best substitute, so the match is
 * only taken when it really is upright DejaVu Sans of the right weight.
 */
static int
is_dejavu(FcPattern *m, enum pdf_face face)
{
	FcChar8 *family;
	int      weight, slant;

	if (FcPatternGetString(m, FC_FAMILY, 0, &family) != FcResultMatch ||
	    strcmp((const char *)family, "DejaVu Sans") != 0)
		return 0;
	if (FcPatternGetInteger(m, FC_WEIGHT, 0, &weight) != FcResultMatch ||
	    (weight >= FC_WEIGHT_BOLD) != (face == PDF_BOLD))
		return 0;
	return FcPatternGetInteger(m, FC_SLANT, 0, &slant) == FcResultMatch &&
	    slant == FC_SLANT_ROMAN;
}

static char *
font_from_fontconfig(FcConfig *cfg, enum pdf_face face)
{
	FcPattern *pat, *m;
	FcResult   res;
	FcChar8   *file;
	char      *out = NULL;

	pat = FcNameParse((const FcChar8 *)face_pattern[face]);
	if (pat == NULL)
		return NULL;
	FcConfigSubstitute(cfg, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	m = FcFontMatch(cfg, pat, &res);
	FcPatternDestroy(pat);
	if (m == NULL)
		return NULL;
	if (is_dejavu(m, face) &&
	    FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch &&
	    is_ttf((const char *)file) && access((const char *)file, R_OK) == 0)
		out = xstrdup((const char *)file);
	FcPatternDestroy(m);
	return out;
}

/* One face through the search order; cfg is loaded on first need. */
static char *
font_find(enum pdf_face face, FcConfig **cfg, int *cfg_tried)
{
	const char *env = getenv("STJ_FONT_DIR");
	char       *path = NULL;
	size_t      i;

	if (env != NULL && *env != '\0')
		path = font_in_dir(env, face);
	if (path == NULL && !*cfg_tried) {
		/* A private configuration, so nothing of it outlives us. */
		*cfg = FcInitLoadConfigAndFonts();
		*cfg_tried = 1;
	}
	if (path == NULL && *cfg != NULL)
		path = font_from_fontconfig(*cfg, face);
	for (i = 0; path == NULL && i < sizeof(known_dirs) /
	    sizeof(known_dirs[0]); i++)
		path = font_in_dir(known_dirs[i], face);
	return path;
}

int
pdf_fonts_find(struct pdf_fonts *f, struct diags *d)
{
	FcConfig *cfg = NULL;
	char     *msg;
	int       face, tried = 0, rc = 0;

	memset(f, 0, sizeof(*f));
	for (face = 0; face < PDF__NFACES; face++) {
		f->file[face] = font_find((enum pdf_face)face, &cfg, &tried);
		if (f->file[face] != NULL)
			continue;
		msg = xasprintf("font %s not found: install fonts-dejavu-core "
		    "or set STJ_FONT_DIR to a directory holding %s",
		    face_pattern[face], face_file[face]);
		diags_add_text(d, NULL, 0, msg);
		free(msg);
		rc = -1;
	}
	if (cfg != NULL)
		FcConfigDestroy(cfg);
	if (rc == -1)
		pdf_fonts_free(f);
	return rc;
}

/*
 * The code points fonts/DejaVuSans-STJ.ttf holds: the ranges it was cut
 * with (fonts/README.md). Keep the two lists the same.
 */
static const struct { uint32_t lo, hi; } subset_ranges[] = {
	{ 0x0020, 0x007E }, { 0x00A0, 0x017F }, { 0x0192, 0x0192 },
	{ 0x02C6, 0x02C7 }, { 0x02D8, 0x02DD }, { 0x2010, 0x2027 },
	{ 0x2030, 0x203A }, { 0x20AC, 0x20AC }, { 0x2122, 0x2122 },
	{ 0x2190, 0x2193 }, { 0x2212, 0x2212 }, { 0x221A, 0x221A },
	{ 0x2713, 0x2714 }, { 0x2717, 0x2717 }, { 0xFFFD, 0xFFFD },
};

static int
in_subset(uint32_t c)
{
	size_t i;

	/* Line breaks and tabs are layout, never drawn as glyphs. */
	if (c == '\n' || c == '\t' || c == '\r')
		return 1;
	for (i = 0; i < sizeof(subset_ranges) / sizeof(subset_ranges[0]); i++)
		if (c >= subset_ranges[i].lo && c <= subset_ranges[i].hi)
			return 1;
	return 0;
}

int
pdf_text_covered(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t             c;
	int                  n;

	while (p != NULL && *p != '\0') {
		if (*p < 0x80) {
			c = *p;
			n = 1;
		} else if ((*p & 0xE0) == 0xC0) {
			c = *p & 0x1F;
			n = 2;
		} else if ((*p & 0xF0) == 0xE0) {
			c = *p & 0x0F;
			n = 3;
		} else
			return 0;   /* beyond the BMP: libharu cannot draw it */
		for (int k = 1; k < n; k++) {
			if ((p[k] & 0xC0) != 0x80)
				return 0;
			c = (c << 6) | (p[k] & 0x3F);
		}
		if (!in_subset(c))
			return 0;
		p += n;
	}
	return 1;
}

int
pdf_fonts_find_shipped(struct pdf_fonts *f, const char *dir,
    struct diags *d)
{
	static const char *const shipped[PDF__NFACES] = {
		[PDF_REGULAR] = "DejaVuSans-STJ.ttf",
		[PDF_BOLD]    = "DejaVuSans-Bold-STJ.ttf",
	};
	const char *env = getenv("STJ_FONT_DIR");
	int         face;

	memset(f, 0, sizeof(*f));
	if ((env == NULL || *env == '\0') && dir != NULL) {
		for (face = 0; face < PDF__NFACES; face++) {
			f->file[face] = xasprintf("%s/%s", dir, shipped[face]);
			if (access(f->file[face], R_OK) != 0)
				break;
		}
		if (face == PDF__NFACES) {
			f->subset = 1;
			return 0;
		}
		pdf_fonts_free(f);
	}
	return pdf_fonts_find(f, d);
}

void
pdf_fonts_free(struct pdf_fonts *f)
{
	int face;

	for (face = 0; face < PDF__NFACES; face++) {
		free(f->file[face]);
		f->file[face] = NULL;
	}
	f->subset = 0;
}

/* ---- errors ------------------------------------------------------ */

/* Records the first error only: later ones are its consequences. */
static void HPDF_STDCALL
on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	struct pdf_doc *p = data;

	if (p->error == 0) {
		p->error = error;
		p->detail = detail;
	}
}

int
pdf_ok(const struct pdf_doc *p)
{
	return p != NULL && p->pdf != NULL && p->error == 0;
}

/* "what: libharu error 0xNNNN (...)" for the recorded error. */
static void
report(struct diags *d, const char *file, const struct pdf_doc *p,
    const char *what)
{
	char *msg;

	/* Some failures (a truncated font, say) set no error at all. */
	if (p->error == 0)
		msg = xasprintf("%s: libharu failed without an error code",
		    what);
	/* File errors carry errno as their detail. */
	else if (p->error == HPDF_FILE_IO_ERROR ||
	    p->error == HPDF_FILE_OPEN_ERROR)
		msg = xasprintf("%s: libharu error 0x%04X (%s)", what,
		    (unsigned)p->error, strerror((int)p->detail));
	else
		msg = xasprintf("%s: libharu error 0x%04X (detail %u)", what,
		    (unsigned)p->error, (unsigned)p->detail);
	diags_add_text(d, file, 0, msg);
	free(msg);
}

/* ---- document ---------------------------------------------------- */

/*
 * The creation date: $SOURCE_DATE_EPOCH when set (reproducible builds),
 * else fallback. libharu adds no date or ID of its own, so the same input
 * gives the same bytes.
 */
static int
creation_date(time_t fallback, HPDF_Date *out, struct diags *d)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	time_t      t = fallback;
	struct tm   tm;
	long long   v;
	char       *end;

	if (env != NULL && *env != '\0') {
		errno = 0;
		v = strtoll(env, &end, 10);
		if (!isdigit((unsigned char)env[0]) || *end != '\0' ||
		    errno != 0 || v > MAX_EPOCH) {
			diags_add_text(d, NULL, 0, "SOURCE_DATE_EPOCH is not a "
			    "number of seconds since 1970");
			return -1;
		}
		t = (time_t)v;
	}
	if (t < 0 || (long long)t > MAX_EPOCH || gmtime_r(&t, &tm) == NULL) {
		diags_add_text(d, NULL, 0, "PDF creation date out of range");
		return -1;
	}
	memset(out, 0, sizeof(*out));
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	out->hour = tm.tm_hour;
	out->minutes = tm.tm_min;
	out->seconds = tm.tm_sec;
	out->ind = 'Z';
	return 0;
}

static int
load_font(struct pdf_doc *p, enum pdf_face face, const char *file,
    struct diags *d)
{
	const char *name;

	if (!pdf_ok(p))
		return -1;
	name = HPDF_LoadTTFontFromFile(p->pdf, file, HPDF_TRUE);
	if (name != NULL && pdf_ok(p))
		p->font[face] = HPDF_GetFont(p->pdf, name, "UTF-8");
	if (pdf_ok(p) && p->font[face] != NULL)
		return 0;
	if (p->error == 0)
		diags_add_text(d, file, 0,
		    "cannot load font: not a usable TrueType file");
	else
		report(d, file, p, "cannot load font");
	return -1;
}

/* Settings that must precede the first font and page (see the notes). */
static void
setup(struct pdf_doc *p, const struct pdf_info *info, const HPDF_Date *date)
{
	HPDF_SetCompressionMode(p->pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(p->pdf);
	/* Without it the info strings come out garbled. */
	HPDF_SetCurrentEncoder(p->pdf, "UTF-8");
	if (info->title != NULL)
		HPDF_SetInfoAttr(p->pdf, HPDF_INFO_TITLE, info->title);
	if (info->author != NULL)
		HPDF_SetInfoAttr(p->pdf, HPDF_INFO_AUTHOR, info->author);
	HPDF_SetInfoAttr(p->pdf, HPDF_INFO_CREATOR, "stj");
	HPDF_SetInfoDateAttr(p->pdf, HPDF_INFO_CREATION_DATE, *date);
}

/* Page size and content box; zeros (no geometry given) mean A4. */
static void
set_geometry(struct pdf_doc *p, const struct pdf_geometry *g)
{
	int a4 = g->width <= 0 || g->height <= 0;

	p->width = a4 ? PDF_A4_WIDTH : g->width;
	p->height = a4 ? PDF_A4_HEIGHT : g->height;
	p->left = a4 ? PDF_MARGIN : g->left;
	p->right = p->width - (a4 ? PDF_MARGIN : g->right);
	p->top = p->height - (a4 ? PDF_MARGIN : g->top);
	p->bottom = a4 ? PDF_MARGIN : g->bottom;
	p->y = p->top;
}

struct pdf_doc *
pdf_doc_new(const struct pdf_info *info, struct diags *d)
{
	const struct pdf_fonts *files;
	struct pdf_fonts fonts;
	struct pdf_doc  *p;
	HPDF_Date        date;
	int              face, rc = 0;

	if (creation_date(info->date, &date, d) == -1)
		return NULL;
	memset(&fonts, 0, sizeof(fonts));
	if (info->fonts == NULL && pdf_fonts_find(&fonts, d) == -1)
		return NULL;
	files = info->fonts != NULL ? info->fonts : &fonts;
	p = xcalloc(1, sizeof(*p));
	set_geometry(p, &info->geometry);
	p->line_width = LINE_WIDTH;
	if (info->page_label != NULL)
		p->page_label = xstrdup(info->page_label);
	if ((p->pdf = HPDF_New(on_error, p)) == NULL) {
		diags_add_text(d, NULL, 0, "cannot create a PDF document");
		rc = -1;
	} else {
		setup(p, info, &date);
		if (!pdf_ok(p)) {
			report(d, NULL, p, "cannot set up the PDF document");
			rc = -1;
		}
	}
	for (face = 0; rc == 0 && face < PDF__NFACES; face++)
		rc = load_font(p, (enum pdf_face)face, files->file[face], d);
	pdf_fonts_free(&fonts);
	if (rc == -1) {
		pdf_doc_free(p);
		return NULL;
	}
	return p;
}

void
pdf_doc_free(struct pdf_doc *p)
{
	if (p == NULL)
		return;
	if (p->pdf != NULL)
		HPDF_Free(p->pdf);
	free(p->page_label);
	free(p);
}

/* ---- saving ------------------------------------------------------ */

/*
 * 1 when a call that returned st failed. Some libharu calls return an
 * error without calling the handler: record those too.
 */
static int
failed(struct pdf_doc *p, HPDF_STATUS st)
{
	if (st != HPDF_OK && p->error == 0)
		p->error = st;
	return !pdf_ok(p);
}

/* The whole document in memory (caller frees), or NULL on error. */
static unsigned char *
serialize(struct pdf_doc *p, size_t *len)
{
	unsigned char *buf;
	HPDF_UINT32    size;

	/*
	 * ResetStream: libharu 2.3.0 leaves the read position of an earlier
	 * save pointing into freed memory; rewind before reading.
	 */
	if (failed(p, HPDF_SaveToStream(p->pdf)) ||
	    failed(p, HPDF_ResetStream(p->pdf)))
		return NULL;
	size = HPDF_GetStreamSize(p->pdf);
	buf = xmalloc(size);
	if (failed(p, HPDF_ReadFromStream(p->pdf, buf, &size))) {
		free(buf);
		return NULL;
	}
	*len = size;
	return buf;
}

int
pdf_doc_save(struct pdf_doc *p, const char *path, struct diags *d)
{
	struct outfile o;
	unsigned char *buf;
	size_t         len = 0;
	int            rc = -1;

	if (!pdf_ok(p) || (buf = serialize(p, &len)) == NULL) {
		report(d, path, p, "cannot write PDF");
		return -1;
	}
	/* A short write shows in the stream's error flag at commit. */
	if (outfile_open(&o, path, d) == 0) {
		(void)fwrite(buf, 1, len, o.f);
		rc = outfile_commit(&o, d);
	}
	free(buf);
	return rc;
}

/* ---- measuring and wrapping -------------------------------------- */

/*
 * HPDF_Font_MeasureText on the first len bytes of s: how many bytes fit
 * in width (with wordwrap: up to the last space that fits), and in *w
 * the width of what fits.
 */
static size_t
measure(struct pdf_doc *p, enum pdf_face face, float size, float width,
    const char *s, size_t len, int wordwrap, float *w)
{
	HPDF_REAL real = 0;
	HPDF_UINT n;

	*w = 0;
	if (!pdf_ok(p))
		return 0;
	/* A prefix is measured the same; lines are far shorter anyway. */
	if (len > UINT_MAX / 2)
		len = UINT_MAX / 2;
	n = HPDF_Font_MeasureText(p->font[face], (const HPDF_BYTE *)s,
	    (HPDF_UINT)len, width, size, 0, 0,
	    wordwrap ? HPDF_TRUE : HPDF_FALSE, &real);
	*w = real;
	return n;
}

float
pdf_text_width(struct pdf_doc *p, enum pdf_face face, float size,
    const char *s, size_t len)
{
	float w;

	(void)measure(p, face, size, NO_LIMIT, s, len, 0, &w);
	return w;
}

/* Bytes in the UTF-8 sequence that starts s (1 for a stray byte). */
static size_t
utf8_seq_len(const char *s, size_t len)
{
	size_t n = 1;

	while (n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

/* A letter or digit: any byte of a non-ASCII character counts as one. */
static int
word_byte(char c)
{
	return isalnum((unsigned char)c) || (unsigned char)c >= 0x80;
}

/*
 * Bytes of s (len > 0, no leading space, no '\n') that make the next line,
 * trailing spaces included; always at least one character, so wrapping
 * ends even when nothing fits. *hyphen is set when a word is broken
 * between two letters.
 */
static size_t
line_len(struct pdf_doc *p, enum pdf_face face, float size, float width,
    const char *s, size_t len, int *hyphen)
{
	size_t n;
	float  w, hw = pdf_text_width(p, face, size, "-", 1);

	*hyphen = 0;
	if ((n = measure(p, face, size, width, s, len, 1, &w)) > 0)
		return n;
	/*
	 * The first word alone is too wide: break it between characters,
	 * leaving room for a hyphen. Without wordwrap libharu may stop
	 * inside a UTF-8 sequence, so back off to the start of that
	 * character.
	 */
	n = measure(p, face, size, width - hw, s, len, 0, &w);
	if (n >= len)
		return len;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	if (n == 0)
		return utf8_seq_len(s, len);
	*hyphen = word_byte(s[n - 1]) && word_byte(s[n]);
	return n;
}

static void
lines_push(struct pdf_lines *l, size_t off, size_t len, float width,
    int hyphen)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n].off = off;
	l->v[l->n].len = len;
	l->v[l->n].width = width;
	l->v[l->n].hyphen = hyphen;
	l->n++;
}

/* Wraps text[off, end), which holds no '\n'; an empty one is one line. */
static void
wrap_paragraph(struct pdf_doc *p, enum pdf_face face, float size,
    float width, const char *text, size_t off, size_t end,
    struct pdf_lines *out)
{
	size_t n, k, first = out->n;
	int    hyphen;

	for (;;) {
		while (off < end && text[off] == ' ')
			off++;
		if (off == end)
			break;
		n = line_len(p, face, size, width, text + off, end - off,
		    &hyphen);
		for (k = n; k > 0 && text[off + k - 1] == ' '; k--)
			continue;
		lines_push(out, off, k,
		    pdf_text_width(p, face, size, text + off, k), hyphen);
		off += n;
	}
	if (out->n == first)
		lines_push(out, off, 0, 0, 0);
}

void
pdf_wrap(struct pdf_doc *p, enum pdf_face face, float size, float width,
    const char *text, struct pdf_lines *out)
{
	size_t off = 0, end;

	out->n = 0;
	if (!pdf_ok(p))
		return;
	while (text[off] != '\0') {
		end = off + strcspn(text + off, "\n");
		wrap_paragraph(p, face, size, width, text, off, end, out);
		off = text[end] == '\n' ? end + 1 : end;
	}
}

void
pdf_lines_free(struct pdf_lines *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

float
pdf_text_height(struct pdf_doc *p, enum pdf_face face, float size,
    float width, const char *text)
{
	struct pdf_lines l = { NULL, 0, 0 };
	float            h;

	pdf_wrap(p, face, size, width, text, &l);
	h = (float)l.n * size * PDF_LEADING;
	pdf_lines_free(&l);
	return h;
}

/* ---- pages and drawing ------------------------------------------- */

/* The page to draw on: the first one is started on demand. */
static HPDF_Page
page(struct pdf_doc *p)
{
	if (pdf_ok(p) && p->page == NULL)
		pdf_page_new(p);
	return pdf_ok(p) ? p->page : NULL;
}

/*
 * One line of text with its baseline at y. The first baseline sits one
 * font size below the top of a line: PDF_LEADING leaves the rest of the
 * line for descenders.
 */
void
pdf_show(struct pdf_doc *p, enum pdf_face face, float size, float x, float y,
    const char *s, size_t len)
{
	HPDF_Page pg;
	char     *buf;

	if (len == 0 || (pg = page(p)) == NULL)
		return;
	/* HPDF_Page_TextOut wants a C string. */
	buf = xmalloc(len + 1);
	memcpy(buf, s, len);
	buf[len] = '\0';
	HPDF_Page_SetRGBFill(pg, p->color.r, p->color.g, p->color.b);
	HPDF_Page_BeginText(pg);
	HPDF_Page_SetFontAndSize(pg, p->font[face], size);
	HPDF_Page_TextOut(pg, x, y, buf);
	HPDF_Page_EndText(pg);
	free(buf);
}

float
pdf_text_at(struct pdf_doc *p, enum pdf_face face, float size, float x,
    float top, float width, const char *text)
{
	struct pdf_lines l = { NULL, 0, 0 };
	float            lead = size * PDF_LEADING;
	size_t           i;

	pdf_wrap(p, face, size, width, text, &l);
	for (i = 0; i < l.n; i++)
		pdf_show_line(p, face, size, x, top - (float)i * lead - size,
		    text, &l.v[i]);
	pdf_lines_free(&l);
	return (float)i * lead;
}

float
pdf_flow(struct pdf_doc *p, enum pdf_face face, float size, float indent,
    const char *text)
{
	struct pdf_lines l = { NULL, 0, 0 };
	float            lead = size * PDF_LEADING, x = p->left + indent;
	size_t           i;

	pdf_wrap(p, face, size, p->right - x, text, &l);
	for (i = 0; i < l.n && pdf_ok(p); i++) {
		(void)pdf_need(p, lead);
		pdf_show_line(p, face, size, x, p->y - size, text, &l.v[i]);
		p->y -= lead;
	}
	pdf_lines_free(&l);
	return (float)i * lead;
}

void
pdf_show_line(struct pdf_doc *p, enum pdf_face face, float size, float x,
    float y, const char *text, const struct pdf_line *l)
{
	pdf_show(p, face, size, x, y, text + l->off, l->len);
	if (l->hyphen)
		pdf_show(p, face, size, x + l->width, y, "-", 1);
}

/* "LABEL N" centred in the bottom margin. */
static void
footer(struct pdf_doc *p)
{
	struct pdf_rgb saved = p->color;
	char          *s;
	float          w;

	if (p->page_label == NULL)
		return;
	s = xasprintf("%s %u", p->page_label, p->npages);
	w = pdf_text_width(p, PDF_REGULAR, FOOTER_SIZE, s, strlen(s));
	p->color = (struct pdf_rgb){ 0, 0, 0 };
	pdf_show(p, PDF_REGULAR, FOOTER_SIZE, (p->width - w) / 2,
	    p->bottom / 2, s, strlen(s));
	p->color = saved;
	free(s);
}

void
pdf_page_new(struct pdf_doc *p)
{
	if (!pdf_ok(p))
		return;
	p->page = HPDF_AddPage(p->pdf);
	if (!pdf_ok(p) || p->page == NULL)
		return;
	HPDF_Page_SetWidth(p->page, p->width);
	HPDF_Page_SetHeight(p->page, p->height);
	p->npages++;
	p->y = p->top;
	footer(p);
	if (p->on_page != NULL)
		p->on_page(p, p->on_page_ctx);
}

void
pdf_set_color(struct pdf_doc *p, struct pdf_rgb c)
{
	p->color = c;
}

void
pdf_set_stroke(struct pdf_doc *p, struct pdf_rgb c, float width)
{
	p->stroke = c;
	p->line_width = width;
}

void
pdf_set_page_hook(struct pdf_doc *p, pdf_page_hook hook, void *ctx)
{
	p->on_page = hook;
	p->on_page_ctx = ctx;
}

void
pdf_fill(struct pdf_doc *p, float x, float y, float w, float h,
    struct pdf_rgb c)
{
	HPDF_Page pg = page(p);

	if (pg == NULL)
		return;
	HPDF_Page_SetRGBFill(pg, c.r, c.g, c.b);
	HPDF_Page_Rectangle(pg, x, y, w, h);
	HPDF_Page_Fill(pg);
}

int
pdf_need(struct pdf_doc *p, float height)
{
	if (!pdf_ok(p))
		return 0;
	/* At the top of a page a taller block cannot fit anywhere else. */
	if (p->page != NULL &&
	    (p->y - height >= p->bottom || p->y >= p->top))
		return 0;
	pdf_page_new(p);
	return 1;
}

void
pdf_skip(struct pdf_doc *p, float dy)
{
	if (pdf_ok(p))
		p->y -= dy;
}

void
pdf_box(struct pdf_doc *p, float x, float y, float w, float h)
{
	HPDF_Page pg = page(p);

	if (pg == NULL)
		return;
	HPDF_Page_SetRGBStroke(pg, p->stroke.r, p->stroke.g, p->stroke.b);
	HPDF_Page_SetLineWidth(pg, p->line_width);
	HPDF_Page_Rectangle(pg, x, y, w, h);
	HPDF_Page_Stroke(pg);
}

void
pdf_hline(struct pdf_doc *p, float x0, float x1, float y)
{
	HPDF_Page pg = page(p);

	if (pg == NULL)
		return;
	HPDF_Page_SetRGBStroke(pg, p->stroke.r, p->stroke.g, p->stroke.b);
	HPDF_Page_SetLineWidth(pg, p->line_width);
	HPDF_Page_MoveTo(pg, x0, y);
	HPDF_Page_LineTo(pg, x1, y);
	HPDF_Page_Stroke(pg);
}
