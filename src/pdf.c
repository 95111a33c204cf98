/*
 * pdf: the PDF layer over libharu. See pdf.h.
 *
 * Owns the font search, one document's libharu state and error record,
 * the fallback fonts for characters its faces lack (and the list of
 * those no font has), text measuring and wrapping in pieces libharu
 * accepts, A4 page flow and the atomic save. Error pattern (one for
 * the whole module): the libharu handler only records the first error;
 * every public function starts with a pdf_ok() check, so after an error
 * nothing more is asked of libharu except HPDF_Free().
 */
#include "pdf.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <hpdf_encoder.h>
#include <hpdf_pages.h>

#include <fontconfig/fontconfig.h>
#include <fontconfig/fcfreetype.h>
#include <utf8proc.h>

#include "pdf_archive.h"
#include "util.h"

/* Font size of the page number in the footer. */
#define FOOTER_SIZE  8.0f
/* Stroke width of boxes and rules. */
#define LINE_WIDTH   0.6f
/*
 * Most bytes handed to libharu in one call: far below its string limit
 * (HPDF_LIMIT_MAX_STRING_LEN, 65 535 bytes), which one long paragraph
 * (a toelichting may be 1 MiB) would pass.
 */
#define PIECE        4096
/* Characters below this have their widths remembered per font. */
#define WIDTH_CACHE  0x800
/* Most characters a warning lists, and most it says where they are. */
#define MAX_LISTED   10
#define MAX_WHERE    5
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

/* c's font directory, NULL when none is set. */
static const char *
font_dir(const struct pdf_config *c)
{
	return c != NULL && c->font_dir != NULL && *c->font_dir != '\0' ?
	    c->font_dir : NULL;
}

/* One face through the search order; cfg is loaded on first need. */
static char *
font_find(enum pdf_face face, const struct pdf_config *c, FcConfig **cfg,
    int *cfg_tried)
{
	const char *env = font_dir(c);
	char       *path = NULL;
	size_t      i;

	if (env != NULL)
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
pdf_fonts_find(struct pdf_fonts *f, const struct pdf_config *c,
    struct diags *d)
{
	FcConfig *cfg = NULL;
	char     *msg;
	int       face, tried = 0, rc = 0;

	memset(f, 0, sizeof(*f));
	for (face = 0; face < PDF__NFACES; face++) {
		f->file[face] = font_find((enum pdf_face)face, c, &cfg,
		    &tried);
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
    const struct pdf_config *c, struct diags *d)
{
	static const char *const shipped[PDF__NFACES] = {
		[PDF_REGULAR] = "DejaVuSans-STJ.ttf",
		[PDF_BOLD]    = "DejaVuSans-Bold-STJ.ttf",
	};
	int face;

	memset(f, 0, sizeof(*f));
	if (font_dir(c) == NULL && dir != NULL) {
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
	return pdf_fonts_find(f, c, d);
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

/*
 * libharu's error codes (hpdf_error.h) in words, so a message says what
 * went wrong; the code is printed beside it for a bug report.
 */
static const struct {
	HPDF_STATUS code;
	const char *text;
} hpdf_errors[] = {
	{ HPDF_ARRAY_COUNT_ERR, "too many array items" },
	{ HPDF_ARRAY_ITEM_NOT_FOUND, "array item not found" },
	{ HPDF_ARRAY_ITEM_UNEXPECTED_TYPE, "array item of unexpected type" },
	{ HPDF_BINARY_LENGTH_ERR, "binary data too long" },
	{ HPDF_CANNOT_GET_PALLET, "cannot get the image palette" },
	{ HPDF_DICT_COUNT_ERR, "too many dictionary items" },
	{ HPDF_DICT_ITEM_NOT_FOUND, "dictionary item not found" },
	{ HPDF_DICT_ITEM_UNEXPECTED_TYPE,
	  "dictionary item of unexpected type" },
	{ HPDF_DICT_STREAM_LENGTH_NOT_FOUND, "stream length not found" },
	{ HPDF_DOC_ENCRYPTDICT_NOT_FOUND, "encryption dictionary not found" },
	{ HPDF_DOC_INVALID_OBJECT, "invalid document object" },
	{ HPDF_DUPLICATE_REGISTRATION, "font or encoding registered twice" },
	{ HPDF_EXCEED_JWW_CODE_NUM_LIMIT, "too many line-breaking codes" },
	{ HPDF_ENCRYPT_INVALID_PASSWORD, "invalid password" },
	{ HPDF_ERR_UNKNOWN_CLASS, "unknown object class" },
	{ HPDF_EXCEED_GSTATE_LIMIT, "graphics states nested too deep" },
	{ HPDF_FAILD_TO_ALLOC_MEM, "out of memory" },
	{ HPDF_FILE_IO_ERROR, "file read or write failed" },
	{ HPDF_FILE_OPEN_ERROR, "cannot open file" },
	{ HPDF_FONT_EXISTS, "font loaded twice" },
	{ HPDF_FONT_INVALID_WIDTHS_TABLE, "font has an invalid widths table" },
	{ HPDF_INVALID_AFM_HEADER, "invalid AFM font header" },
	{ HPDF_INVALID_ANNOTATION, "invalid annotation" },
	{ HPDF_INVALID_BIT_PER_COMPONENT, "invalid bits per colour component" },
	{ HPDF_INVALID_CHAR_MATRICS_DATA, "invalid font metrics" },
	{ HPDF_INVALID_COLOR_SPACE, "invalid colour space" },
	{ HPDF_INVALID_COMPRESSION_MODE, "invalid compression mode" },
	{ HPDF_INVALID_DATE_TIME, "invalid date" },
	{ HPDF_INVALID_DESTINATION, "invalid destination" },
	{ HPDF_INVALID_DOCUMENT, "invalid document" },
	{ HPDF_INVALID_DOCUMENT_STATE, "operation not allowed now" },
	{ HPDF_INVALID_ENCODER, "invalid text encoder" },
	{ HPDF_INVALID_ENCODER_TYPE, "encoding does not suit this font" },
	{ HPDF_INVALID_ENCODING_NAME, "unknown encoding name" },
	{ HPDF_INVALID_ENCRYPT_KEY_LEN, "invalid encryption key length" },
	{ HPDF_INVALID_FONTDEF_DATA, "invalid font data" },
	{ HPDF_INVALID_FONTDEF_TYPE, "unsupported font type" },
	{ HPDF_INVALID_FONT_NAME, "unknown font name" },
	{ HPDF_INVALID_IMAGE, "invalid image" },
	{ HPDF_INVALID_JPEG_DATA, "invalid JPEG data" },
	{ HPDF_INVALID_N_DATA, "cannot read a number" },
	{ HPDF_INVALID_OBJECT, "invalid object" },
	{ HPDF_INVALID_OBJ_ID, "invalid object id" },
	{ HPDF_INVALID_OPERATION, "invalid operation" },
	{ HPDF_INVALID_OUTLINE, "invalid outline" },
	{ HPDF_INVALID_PAGE, "invalid page" },
	{ HPDF_INVALID_PAGES, "invalid page tree" },
	{ HPDF_INVALID_PARAMETER, "invalid parameter" },
	{ HPDF_INVALID_PNG_IMAGE, "invalid PNG image" },
	{ HPDF_INVALID_STREAM, "invalid stream" },
	{ HPDF_MISSING_FILE_NAME_ENTRY, "file name missing" },
	{ HPDF_INVALID_TTC_FILE, "invalid TrueType collection" },
	{ HPDF_INVALID_TTC_INDEX, "no such font in the TrueType collection" },
	{ HPDF_INVALID_WX_DATA, "invalid glyph width data" },
	{ HPDF_ITEM_NOT_FOUND, "item not found" },
	{ HPDF_LIBPNG_ERROR, "libpng failed" },
	{ HPDF_NAME_INVALID_VALUE, "invalid name" },
	{ HPDF_NAME_OUT_OF_RANGE, "name too long" },
	{ HPDF_PAGE_INVALID_PARAM_COUNT, "wrong number of page parameters" },
	{ HPDF_PAGES_MISSING_KIDS_ENTRY, "page tree has no pages" },
	{ HPDF_PAGE_CANNOT_FIND_OBJECT, "page object not found" },
	{ HPDF_PAGE_CANNOT_GET_ROOT_PAGES, "page tree has no root" },
	{ HPDF_PAGE_CANNOT_RESTORE_GSTATE, "no graphics state to restore" },
	{ HPDF_PAGE_CANNOT_SET_PARENT, "cannot attach the page" },
	{ HPDF_PAGE_FONT_NOT_FOUND, "no font set on the page" },
	{ HPDF_PAGE_INVALID_FONT, "invalid font" },
	{ HPDF_PAGE_INVALID_FONT_SIZE, "invalid font size" },
	{ HPDF_PAGE_INVALID_GMODE, "drawing call out of order" },
	{ HPDF_PAGE_INVALID_INDEX, "invalid page index" },
	{ HPDF_PAGE_INVALID_ROTATE_VALUE, "invalid page rotation" },
	{ HPDF_PAGE_INVALID_SIZE, "invalid page size" },
	{ HPDF_PAGE_INVALID_XOBJECT, "invalid image object" },
	{ HPDF_PAGE_OUT_OF_RANGE, "page number out of range" },
	{ HPDF_REAL_OUT_OF_RANGE, "number out of range" },
	{ HPDF_STREAM_EOF, "unexpected end of stream" },
	{ HPDF_STREAM_READLN_CONTINUE, "stream line too long" },
	{ HPDF_STRING_OUT_OF_RANGE, "text longer than 65535 bytes" },
	{ HPDF_THIS_FUNC_WAS_SKIPPED, "call skipped after an earlier error" },
	{ HPDF_TTF_CANNOT_EMBEDDING_FONT, "font licence forbids embedding" },
	{ HPDF_TTF_INVALID_CMAP, "font has no usable character map" },
	{ HPDF_TTF_INVALID_FOMAT, "not a TrueType font file" },
	{ HPDF_TTF_MISSING_TABLE, "font file lacks a required table" },
	{ HPDF_UNSUPPORTED_FONT_TYPE, "unsupported font type" },
	{ HPDF_UNSUPPORTED_FUNC, "unsupported function" },
	{ HPDF_UNSUPPORTED_JPEG_FORMAT, "unsupported JPEG format" },
	{ HPDF_UNSUPPORTED_TYPE1_FONT, "unsupported Type 1 font" },
	{ HPDF_XREF_COUNT_ERR, "too many objects" },
	{ HPDF_ZLIB_ERROR, "compression (zlib) failed" },
	{ HPDF_INVALID_PAGE_INDEX, "invalid page index" },
	{ HPDF_INVALID_URI, "invalid URI" },
	{ HPDF_PAGE_LAYOUT_OUT_OF_RANGE, "invalid page layout" },
	{ HPDF_PAGE_MODE_OUT_OF_RANGE, "invalid page mode" },
	{ HPDF_PAGE_NUM_STYLE_OUT_OF_RANGE, "invalid page number style" },
	{ HPDF_ANNOT_INVALID_ICON, "invalid annotation icon" },
	{ HPDF_ANNOT_INVALID_BORDER_STYLE, "invalid annotation border" },
	{ HPDF_PAGE_INVALID_DIRECTION, "invalid page direction" },
	{ HPDF_INVALID_FONT, "invalid font" },
	{ HPDF_PAGE_INSUFFICIENT_SPACE, "text does not fit its box" },
	{ HPDF_PAGE_INVALID_DISPLAY_TIME, "invalid display time" },
	{ HPDF_PAGE_INVALID_TRANSITION_TIME, "invalid transition time" },
	{ HPDF_INVALID_PAGE_SLIDESHOW_TYPE, "invalid slide show type" },
	{ HPDF_EXT_GSTATE_OUT_OF_RANGE, "graphics state value out of range" },
	{ HPDF_INVALID_EXT_GSTATE, "invalid graphics state" },
	{ HPDF_EXT_GSTATE_READ_ONLY, "graphics state is read-only" },
	{ HPDF_INVALID_U3D_DATA, "invalid U3D data" },
	{ HPDF_NAME_CANNOT_GET_NAMES, "cannot get the names dictionary" },
	{ HPDF_INVALID_ICC_COMPONENT_NUM, "invalid ICC colour components" },
};

/* The words for libharu error code, or NULL for an unknown code. */
const char *
pdf_error_text(HPDF_STATUS code)
{
	size_t i;

	for (i = 0; i < sizeof(hpdf_errors) / sizeof(hpdf_errors[0]); i++)
		if (hpdf_errors[i].code == code)
			return hpdf_errors[i].text;
	return NULL;
}

/* "what: libharu error 0xNNNN (...)" for the recorded error. */
static void
report(struct diags *d, const char *file, const struct pdf_doc *p,
    const char *what)
{
	const char *words = pdf_error_text(p->error);
	char       *msg;

	/* Some failures (a truncated font, say) set no error at all. */
	if (p->error == 0)
		msg = xasprintf("%s: libharu failed without an error code",
		    what);
	/* File errors carry errno as their detail. */
	else if (p->error == HPDF_FILE_IO_ERROR ||
	    p->error == HPDF_FILE_OPEN_ERROR)
		msg = xasprintf("%s: %s: %s (libharu error 0x%04X)", what,
		    words, strerror((int)p->detail), (unsigned)p->error);
	else if (words != NULL)
		msg = xasprintf("%s: %s (libharu error 0x%04X, detail %u)",
		    what, words, (unsigned)p->error, (unsigned)p->detail);
	else
		msg = xasprintf("%s: libharu error 0x%04X (detail %u)", what,
		    (unsigned)p->error, (unsigned)p->detail);
	diags_add_text(d, file, 0, msg);
	free(msg);
}

/* ---- characters and fonts ---------------------------------------- */

/*
 * The fonts a document draws with: its two faces, then the fallbacks
 * found for characters the faces lack. Every character is measured and
 * drawn through this table, so what is measured is what is drawn.
 */
struct slot {
	HPDF_Font  font;
	FcCharSet *cs;      /* its characters; NULL: unknown, take all */
	char      *file;    /* a fallback's file; NULL for the faces */
	int        bold;
	int        width[WIDTH_CACHE];   /* 1/1000 em; -1: not asked yet */
};

struct pdf_glyphs {
	struct slot *slot;      /* [0, PDF__NFACES): the faces */
	size_t       nslots;
	FcConfig    *fc;        /* loaded on the first missing character */
	int          fc_tried;
	FcCharSet   *none;      /* characters no font on the system has */
	uint32_t    *missing;   /* the same, in the order first met */
	size_t       nmissing;
	int          rtl;       /* right-to-left text was laid out */
};

/* One character as it is drawn. */
struct glyph {
	size_t len;     /* its bytes in the text */
	size_t slot;    /* the font that draws it */
	int    subst;   /* no font has it: drawn as U+FFFD */
	float  w;       /* width in points */
};

/*
 * The character sets of the font files read so far, by path, size and
 * time of change: every document asks for the same two faces, and
 * FreeType reads the whole file to answer. Shared by the web server's
 * threads; freed by pdf_cleanup().
 */
#define CHARSET_SLOTS 8

static struct {
	char      *file;
	off_t      size;
	time_t     mtime;
	FcCharSet *cs;
} charsets[CHARSET_SLOTS];
static size_t          charsets_next;   /* the slot to fill next */
static pthread_mutex_t charsets_lock = PTHREAD_MUTEX_INITIALIZER;

static FcCharSet *
query_charset(const char *file)
{
	FcPattern *pat;
	FcCharSet *cs, *out = NULL;
	int        count;

	pat = FcFreeTypeQuery((const FcChar8 *)file, 0, NULL, &count);
	if (pat == NULL)
		return NULL;
	if (FcPatternGetCharSet(pat, FC_CHARSET, 0, &cs) == FcResultMatch)
		out = FcCharSetCopy(cs);
	FcPatternDestroy(pat);
	return out;
}

/* The characters file has (its cmap), or NULL when it cannot tell. */
static FcCharSet *
file_charset(const char *file)
{
	struct stat st;
	FcCharSet  *cs = NULL;
	size_t      i;

	if (stat(file, &st) == -1)
		return NULL;
	pthread_mutex_lock(&charsets_lock);
	for (i = 0; i < CHARSET_SLOTS && cs == NULL; i++)
		if (charsets[i].file != NULL &&
		    strcmp(charsets[i].file, file) == 0 &&
		    charsets[i].size == st.st_size &&
		    charsets[i].mtime == st.st_mtime)
			cs = FcCharSetCopy(charsets[i].cs);
	if (cs == NULL && (cs = query_charset(file)) != NULL) {
		i = charsets_next++ % CHARSET_SLOTS;
		free(charsets[i].file);
		if (charsets[i].cs != NULL)
			FcCharSetDestroy(charsets[i].cs);
		charsets[i].file = xstrdup(file);
		charsets[i].size = st.st_size;
		charsets[i].mtime = st.st_mtime;
		charsets[i].cs = FcCharSetCopy(cs);
	}
	pthread_mutex_unlock(&charsets_lock);
	return cs;
}

void
pdf_cleanup(void)
{
	size_t i;

	pthread_mutex_lock(&charsets_lock);
	for (i = 0; i < CHARSET_SLOTS; i++) {
		free(charsets[i].file);
		if (charsets[i].cs != NULL)
			FcCharSetDestroy(charsets[i].cs);
		charsets[i].file = NULL;
		charsets[i].cs = NULL;
	}
	pthread_mutex_unlock(&charsets_lock);
	pdf_archive_cleanup();
}

static struct slot *
slot_add(struct pdf_glyphs *g, HPDF_Font font, FcCharSet *cs,
    const char *file, int bold)
{
	struct slot *sl;

	g->slot = xrealloc(g->slot, (g->nslots + 1) * sizeof(*g->slot));
	sl = &g->slot[g->nslots++];
	sl->font = font;
	sl->cs = cs;
	sl->file = file ? xstrdup(file) : NULL;
	sl->bold = bold;
	memset(sl->width, 0xff, sizeof(sl->width));   /* all -1 */
	return sl;
}

/* The faces' slots, with their characters; load_font() sets the fonts. */
static struct pdf_glyphs *
glyphs_new(const struct pdf_fonts *files)
{
	struct pdf_glyphs *g = xcalloc(1, sizeof(*g));
	int                face;

	for (face = 0; face < PDF__NFACES; face++)
		(void)slot_add(g, NULL, file_charset(files->file[face]), NULL,
		    face == PDF_BOLD);
	g->none = FcCharSetCreate();
	return g;
}

static void
glyphs_free(struct pdf_glyphs *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->nslots; i++) {
		if (g->slot[i].cs != NULL)
			FcCharSetDestroy(g->slot[i].cs);
		free(g->slot[i].file);
	}
	free(g->slot);
	if (g->none != NULL)
		FcCharSetDestroy(g->none);
	if (g->fc != NULL)
		FcConfigDestroy(g->fc);
	free(g->missing);
	free(g);
}

static int
slot_has(const struct slot *sl, uint32_t c)
{
	return sl->cs == NULL || FcCharSetHasChar(sl->cs, c);
}

/*
 * A TrueType file that has c, upright, of the weight asked for when
 * there is a choice, near DejaVu Sans in look; NULL when there is none.
 * Only what libharu can load: a .ttf file, the first font in it.
 */
static char *
fontconfig_find(FcConfig *cfg, uint32_t c, int bold)
{
	FcPattern *pat = FcPatternCreate(), *m;
	FcCharSet *cs = FcCharSetCreate(), *has;
	FcFontSet *set;
	FcResult   res;
	FcChar8   *file, *format;
	char      *out = NULL;
	int        i, index;

	FcCharSetAddChar(cs, c);
	FcPatternAddCharSet(pat, FC_CHARSET, cs);
	FcCharSetDestroy(cs);
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"DejaVu Sans");
	FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD :
	    FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT, FC_SLANT_ROMAN);
	FcConfigSubstitute(cfg, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	set = FcFontSort(cfg, pat, FcFalse, NULL, &res);
	FcPatternDestroy(pat);
	for (i = 0; set != NULL && out == NULL && i < set->nfont; i++) {
		m = set->fonts[i];
		if (FcPatternGetCharSet(m, FC_CHARSET, 0, &has) ==
		    FcResultMatch && FcCharSetHasChar(has, c) &&
		    FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch &&
		    FcPatternGetInteger(m, FC_INDEX, 0, &index) ==
		    FcResultMatch && index == 0 &&
		    FcPatternGetString(m, FC_FONTFORMAT, 0, &format) ==
		    FcResultMatch &&
		    strcmp((const char *)format, "TrueType") == 0 &&
		    is_ttf((const char *)file) &&
		    access((const char *)file, R_OK) == 0)
			out = xstrdup((const char *)file);
	}
	if (set != NULL)
		FcFontSetDestroy(set);
	return out;
}

/*
 * Loads file as a fallback font; its slot, or 0 when libharu refuses
 * it (then the document carries on without it: the error is cleared).
 */
static size_t
fallback_load(struct pdf_doc *p, const char *file, int bold)
{
	struct pdf_glyphs *g = p->glyphs;
	const char        *name;
	HPDF_Font          font = NULL;
	size_t             i;

	for (i = 0; i < g->nslots; i++)
		if (g->slot[i].file != NULL &&
		    strcmp(g->slot[i].file, file) == 0)
			return 0;   /* loaded, and it lacks the character */
	name = HPDF_LoadTTFontFromFile(p->pdf, file, HPDF_TRUE);
	if (name != NULL && pdf_ok(p))
		font = HPDF_GetFont(p->pdf, name, "UTF-8");
	if (!pdf_ok(p) || font == NULL) {
		HPDF_ResetError(p->pdf);
		p->error = 0;
		p->detail = 0;
		return 0;
	}
	(void)slot_add(g, font, file_charset(file), file, bold);
	return g->nslots - 1;
}

/* The slot of a system font that has c, loaded on first need; 0: none. */
static size_t
fallback(struct pdf_doc *p, enum pdf_face face, uint32_t c)
{
	struct pdf_glyphs *g = p->glyphs;
	char              *file;
	size_t             i, k;

	/* The same weight first, then any. */
	for (k = 0; k < 2; k++)
		for (i = PDF__NFACES; i < g->nslots; i++)
			if ((k == 1 || g->slot[i].bold == (face == PDF_BOLD)) &&
			    slot_has(&g->slot[i], c))
				return i;
	if (FcCharSetHasChar(g->none, c) || !pdf_ok(p))
		return 0;
	if (!g->fc_tried) {
		g->fc_tried = 1;
		g->fc = FcInitLoadConfigAndFonts();
	}
	i = 0;
	if (g->fc != NULL &&
	    (file = fontconfig_find(g->fc, c, face == PDF_BOLD)) != NULL) {
		i = fallback_load(p, file, face == PDF_BOLD);
		free(file);
	}
	if (i == 0)
		FcCharSetAddChar(g->none, c);
	return i;
}

static void
missed(struct pdf_glyphs *g, uint32_t c)
{
	size_t i;

	for (i = 0; i < g->nmissing; i++)
		if (g->missing[i] == c)
			return;
	g->missing = xrealloc(g->missing, (g->nmissing + 1) *
	    sizeof(*g->missing));
	g->missing[g->nmissing++] = c;
}

static int
is_rtl(uint32_t c)
{
	utf8proc_propval_t b;

	if (c > 0x10FFFF)
		return 0;
	b = utf8proc_get_property((utf8proc_int32_t)c)->bidi_class;
	return b == UTF8PROC_BIDI_CLASS_R || b == UTF8PROC_BIDI_CLASS_AL;
}

/*
 * The slot that draws c in face; *subst set when none can (c is then
 * drawn as U+FFFD in face and remembered for the warning).
 */
static size_t
slot_for(struct pdf_doc *p, enum pdf_face face, uint32_t c, int *subst)
{
	size_t i;

	*subst = 0;
	/* Control characters are layout, never glyphs: drawn as before. */
	if (c < 0x20 || c == 0x7F)
		return face;
	/* libharu's UTF-8 encoder stops at U+FFFF, whatever the font has. */
	if (c <= 0xFFFF && slot_has(&p->glyphs->slot[face], c))
		return face;
	if (c <= 0xFFFF && (i = fallback(p, face, c)) != 0)
		return i;
	missed(p->glyphs, c);
	*subst = 1;
	return face;
}

static const char replacement[] = "\xEF\xBF\xBD";   /* U+FFFD */

/* Width of the character s[0, n) = c in slot sl, in points. */
static float
char_width(struct slot *sl, float size, uint32_t c)
{
	int units;

	if (c < WIDTH_CACHE && sl->width[c] >= 0)
		units = sl->width[c];
	else {
		/*
		 * Asking libharu also marks the glyph for the embedded
		 * subset. Beyond the BMP it draws a space (show_literal).
		 */
		units = HPDF_Font_GetUnicodeWidth(sl->font,
		    c > 0xFFFF ? 0x20 : (HPDF_UNICODE)c);
		if (c < WIDTH_CACHE)
			sl->width[c] = units;
	}
	/* As HPDF_Font_MeasureText adds them up, so lines break the same. */
	return (float)((double)units * size / 1000);
}

/* The character at s (len > 0): its bytes, font and width. */
static void
next_glyph(struct pdf_doc *p, enum pdf_face face, float size, const char *s,
    size_t len, struct glyph *g)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n;

	n = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)(len < 4 ? len : 4), &c);
	g->len = n > 0 ? (size_t)n : 1;
	g->slot = face;
	g->subst = 1;   /* a stray byte: not text, nothing to report */
	if (n > 0)
		g->slot = slot_for(p, face, (uint32_t)c, &g->subst);
	if (n > 0 && !g->subst && is_rtl((uint32_t)c))
		p->glyphs->rtl = 1;
	if (g->subst)
		g->w = char_width(&p->glyphs->slot[face], size, 0xFFFD);
	else
		g->w = char_width(&p->glyphs->slot[g->slot], size,
		    (uint32_t)c);
}

/* ---- document ---------------------------------------------------- */

/*
 * The creation date: c's date_epoch ($SOURCE_DATE_EPOCH) when set
 * (reproducible builds),
 * else fallback. libharu adds no date or ID of its own, so the same input
 * gives the same bytes.
 */
static int
creation_date(time_t fallback, const struct pdf_config *c, HPDF_Date *out,
    struct diags *d)
{
	const char *env = c != NULL ? c->date_epoch : NULL;
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

/*
 * The encoder the faces are made with. With libharu's "UTF-8" encoder,
 * making a font looks up all 65536 codes in the font's cmap for its
 * CIDToGIDMap, in every document, for each face: a tenth of the time of
 * `factsheet --all`. This one lists only the characters the faces have,
 * and libharu looks up those. Its codes are, as UTF-8's, the characters'
 * UTF-16 code units (Identity-H), so the map, what show_literal draws
 * and the ToUnicode map (pdf_archive.c) stay as they were. It only makes
 * the fonts: text is measured by char_width and written by show_literal,
 * never through an encoder.
 */
#define FACE_ENCODER "STJ-Identity-H"

static HPDF_STATUS
face_encoder_init(HPDF_Encoder e)
{
	HPDF_CMapEncoderAttr a;
	HPDF_STATUS          ret;

	if ((ret = HPDF_CMapEncoder_InitAttr(e)) != HPDF_OK)
		return ret;
	a = (HPDF_CMapEncoderAttr)e->attr;
	snprintf(a->registry, sizeof(a->registry), "Adobe");
	snprintf(a->ordering, sizeof(a->ordering), "Identity-H");
	a->suppliment = 0;
	a->writing_mode = HPDF_WMODE_HORIZONTAL;
	e->type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
	return HPDF_OK;
}

/* Code c draws CID c, which is character c. */
static void
face_encoder_add(HPDF_CMapEncoderAttr a, FcChar32 c)
{
	a->cid_map[c & 0xFF][c >> 8] = (HPDF_UINT16)c;
	a->unicode_map[c & 0xFF][c >> 8] = (HPDF_UNICODE)c;
}

/* Adds the BMP characters of cs; returns the highest. */
static FcChar32
face_encoder_fill(HPDF_CMapEncoderAttr a, const FcCharSet *cs)
{
	FcChar32 map[FC_CHARSET_MAP_SIZE], next, base, c, top = 0;
	unsigned w, b;

	for (base = FcCharSetFirstPage(cs, map, &next);
	    base != FC_CHARSET_DONE && base <= 0xFFFF;
	    base = FcCharSetNextPage(cs, map, &next))
		for (w = 0; w < FC_CHARSET_MAP_SIZE; w++)
			for (b = 0; b < 32; b++) {
				c = base + w * 32 + b;
				if (!(map[w] >> b & 1) || c == 0 || c > 0xFFFF)
					continue;
				face_encoder_add(a, c);
				if (c > top)
					top = c;
			}
	return top;
}

/*
 * The encoder for the faces, registered with the document: its name, or
 * "UTF-8" when a face's characters are unknown (fontconfig could not
 * read the file).
 */
static const char *
face_encoder(struct pdf_doc *p)
{
	HPDF_Encoder e;
	FcChar32     top = 0, t;
	int          face;

	for (face = 0; face < PDF__NFACES; face++)
		if (p->glyphs->slot[face].cs == NULL)
			return "UTF-8";
	e = HPDF_CMapEncoder_New(p->pdf->mmgr, (char *)FACE_ENCODER,
	    face_encoder_init);
	if (e == NULL || HPDF_Doc_RegisterEncoder(p->pdf, e) != HPDF_OK ||
	    (e = HPDF_GetEncoder(p->pdf, FACE_ENCODER)) == NULL)
		return "UTF-8";
	for (face = 0; face < PDF__NFACES; face++)
		if ((t = face_encoder_fill((HPDF_CMapEncoderAttr)e->attr,
		    p->glyphs->slot[face].cs)) > top)
			top = t;
	/*
	 * libharu's map and widths stop one short of the highest code it
	 * is given: one more, which the faces lack (a GID 0 entry).
	 */
	if (top < 0xFFFF)
		face_encoder_add((HPDF_CMapEncoderAttr)e->attr, top + 1);
	return FACE_ENCODER;
}

static int
load_font(struct pdf_doc *p, enum pdf_face face, const char *file,
    const char *encoder, struct diags *d)
{
	const char *name;

	if (!pdf_ok(p))
		return -1;
	name = HPDF_LoadTTFontFromFile(p->pdf, file, HPDF_TRUE);
	if (name != NULL && pdf_ok(p))
		p->font[face] = HPDF_GetFont(p->pdf, name, encoder);
	if (pdf_ok(p) && p->font[face] != NULL) {
		p->glyphs->slot[face].font = p->font[face];
		return 0;
	}
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
	if (info->subject != NULL)
		HPDF_SetInfoAttr(p->pdf, HPDF_INFO_SUBJECT, info->subject);
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
	const char      *encoder = NULL;
	int              face, rc = 0;

	if (creation_date(info->date, info->config, &date, d) == -1)
		return NULL;
	memset(&fonts, 0, sizeof(fonts));
	if (info->fonts == NULL && pdf_fonts_find(&fonts, info->config, d) == -1)
		return NULL;
	files = info->fonts != NULL ? info->fonts : &fonts;
	p = xcalloc(1, sizeof(*p));
	set_geometry(p, &info->geometry);
	p->line_width = LINE_WIDTH;
	if (info->page_label != NULL)
		p->page_label = xstrdup(info->page_label);
	p->lang = xstrdup(info->lang != NULL ? info->lang : PDF_LANG);
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
	if (rc == 0) {
		p->glyphs = glyphs_new(files);
		encoder = face_encoder(p);
	}
	for (face = 0; rc == 0 && face < PDF__NFACES; face++)
		rc = load_font(p, (enum pdf_face)face, files->file[face],
		    encoder, d);
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
	glyphs_free(p->glyphs);
	free(p->page_label);
	free(p->lang);
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

	/* PDF/A additions once: a second save must not add them again. */
	if (!p->finished) {
		p->finished = 1;
		if (failed(p, pdf_archive_finish(p->pdf, p->lang)))
			return NULL;
	}
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

int
pdf_doc_save_mem(struct pdf_doc *p, const char *name, unsigned char **buf,
    size_t *len, struct diags *d)
{
	*len = 0;
	if (!pdf_ok(p) || (*buf = serialize(p, len)) == NULL) {
		*buf = NULL;
		report(d, name, p, "cannot write PDF");
		return -1;
	}
	return 0;
}

/* ---- measuring and wrapping -------------------------------------- */

/*
 * Bytes of s[0, len) that fit in width, whole characters only; with
 * words set up to the last space before the first character that does
 * not fit (0 when even the first word does not), as libharu's
 * HPDF_Font_MeasureText with word wrap would, but in any length.
 */
static size_t
fit(struct pdf_doc *p, enum pdf_face face, float size, float width,
    const char *s, size_t len, int words)
{
	struct glyph g;
	size_t       i = 0, last = 0;
	float        w = 0;

	while (i < len && pdf_ok(p)) {
		if (s[i] == ' ')
			last = i + 1;
		next_glyph(p, face, size, s + i, len - i, &g);
		w += g.w;
		if (w > width)
			return words ? last : i;
		i += g.len;
	}
	return len;
}

float
pdf_text_width(struct pdf_doc *p, enum pdf_face face, float size,
    const char *s, size_t len)
{
	struct glyph g;
	size_t       i = 0;
	float        w = 0;

	while (i < len && pdf_ok(p)) {
		next_glyph(p, face, size, s + i, len - i, &g);
		w += g.w;
		i += g.len;
	}
	return w;
}

char *
pdf_fit_line(struct pdf_doc *p, enum pdf_face face, float size, float width,
    const char *text)
{
	static const char ellipsis[] = "\xE2\x80\xA6";   /* … */
	size_t len = strcspn(text, "\n"), n;

	if (text[len] == '\0' &&
	    pdf_text_width(p, face, size, text, len) <= width)
		return xstrdup(text);
	n = fit(p, face, size, width - pdf_text_width(p, face, size, ellipsis,
	    strlen(ellipsis)), text, len, 0);
	while (n > 0 && text[n - 1] == ' ')
		n--;
	return xasprintf("%.*s%s", (int)n, text, ellipsis);
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
	float  hw = pdf_text_width(p, face, size, "-", 1);

	*hyphen = 0;
	if ((n = fit(p, face, size, width, s, len, 1)) > 0)
		return n;
	/*
	 * The first word alone is too wide: break it between characters,
	 * leaving room for a hyphen.
	 */
	n = fit(p, face, size, width - hw, s, len, 0);
	if (n >= len)
		return len;
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

/* ---- warnings ---------------------------------------------------- */

int
pdf_text_has(const char *s, uint32_t c)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t        x;
	utf8proc_ssize_t        n;

	while (u != NULL && *u != '\0') {
		n = utf8proc_iterate(u, -1, &x);
		if (n <= 0) {
			u++;
			continue;
		}
		if (c == PDF_RTL ? is_rtl((uint32_t)x) : (uint32_t)x == c)
			return 1;
		u += n;
	}
	return 0;
}

/*
 * "U+1F600 (😀)": the character itself only when it is visible, so no
 * control or format character reaches the terminal.
 */
static char *
char_name(uint32_t c)
{
	utf8proc_uint8_t   buf[8];
	utf8proc_ssize_t   n;
	utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)c);

	if (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF ||
	    cat == UTF8PROC_CATEGORY_CS || cat == UTF8PROC_CATEGORY_CO ||
	    cat == UTF8PROC_CATEGORY_CN || cat == UTF8PROC_CATEGORY_ZL ||
	    cat == UTF8PROC_CATEGORY_ZP || cat == UTF8PROC_CATEGORY_MN ||
	    cat == UTF8PROC_CATEGORY_ME)
		return xasprintf("U+%04X", (unsigned)c);
	n = utf8proc_encode_char((utf8proc_int32_t)c, buf);
	return xasprintf("U+%04X (%.*s)", (unsigned)c, (int)n, buf);
}

/* "NAME is in WHERE", at the input's file:line when locate knows it. */
static void
say_where(pdf_locate_fn locate, void *ctx, uint32_t c, const char *name,
    const char *path, struct diags *d)
{
	struct pdf_where w;

	if (locate == NULL)
		return;
	memset(&w, 0, sizeof(w));
	locate(ctx, c, &w);
	if (w.what != NULL)
		diags_add(d, w.file ? w.file : path, w.file ? w.line : 0,
		    MSG_PDF_WHERE, name, w.what);
	free(w.what);
}

void
pdf_doc_warnings(const struct pdf_doc *p, const char *path,
    pdf_locate_fn locate, void *ctx, struct diags *d)
{
	const struct pdf_glyphs *g = p->glyphs;
	char                    *list = NULL, *name, *more;
	size_t                   i;

	if (g == NULL)
		return;
	for (i = 0; i < g->nmissing && i < MAX_LISTED; i++) {
		name = char_name(g->missing[i]);
		more = xasprintf("%s%s%s", list ? list : "", list ? ", " : "",
		    name);
		free(list);
		free(name);
		list = more;
	}
	if (g->nmissing > MAX_LISTED) {
		more = xasprintf("%s and %zu more", list,
		    g->nmissing - MAX_LISTED);
		free(list);
		list = more;
	}
	if (list != NULL)
		diags_add(d, NULL, 0, MSG_PDF_GLYPHS, path, list,
		    g->nmissing == 1 ? "it" : "them");
	free(list);
	for (i = 0; i < g->nmissing && i < MAX_WHERE; i++) {
		name = char_name(g->missing[i]);
		say_where(locate, ctx, g->missing[i], name, path, d);
		free(name);
	}
	if (g->rtl) {
		diags_add(d, NULL, 0, MSG_PDF_RTL, path);
		say_where(locate, ctx, PDF_RTL, "right-to-left text", path, d);
	}
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
/*
 * The run of characters at s[0, len) drawn with one font in one call:
 * its bytes (at most PIECE), slot, width, and whether it is U+FFFDs.
 */
static size_t
run(struct pdf_doc *p, enum pdf_face face, float size, const char *s,
    size_t len, struct glyph *r, size_t *nchars)
{
	struct glyph g;
	size_t       n = 0;

	next_glyph(p, face, size, s, len, r);
	*nchars = 1;
	n = r->len;
	while (n < len && n < PIECE) {
		next_glyph(p, face, size, s + n, len - n, &g);
		if (g.slot != r->slot || g.subst != r->subst)
			break;
		r->w += g.w;
		n += g.len;
		(*nchars)++;
	}
	return n;
}

/*
 * Appends code unit u to a literal string: UTF-16BE, escaping the bytes
 * a literal string cannot hold as they are (a bare CR or LF would be read
 * as LF, parentheses and backslash are syntax).
 */
static size_t
put_unit(char *out, unsigned u)
{
	unsigned char b[2] = { (unsigned char)(u >> 8), (unsigned char)u };
	size_t        n = 0;
	int           i;

	for (i = 0; i < 2; i++) {
		switch (b[i]) {
		case '(': case ')': case '\\':
			out[n++] = '\\';
			out[n++] = (char)b[i];
			break;
		case '\r':
			out[n++] = '\\';
			out[n++] = 'r';
			break;
		case '\n':
			out[n++] = '\\';
			out[n++] = 'n';
			break;
		default:
			out[n++] = (char)b[i];
		}
	}
	return n;
}

/*
 * "(text) Tj" in the page's content stream, for the font set: what
 * HPDF_Page_ShowText writes, as a literal string instead of hex. Hex
 * doubles the bytes that are deflated for every page, and ShowText
 * measures the text again; run() has measured it already (char_width,
 * which is also what marks the glyphs libharu embeds). text is valid UTF-8 (run() made it so); as libharu's own UTF-8
 * encoder does, a character beyond the BMP becomes a space (Identity-H
 * codes are 16 bits).
 */
static void
show_literal(struct pdf_doc *p, HPDF_Page pg, const char *text)
{
	HPDF_Stream      s = ((HPDF_PageAttr)pg->attr)->stream;
	size_t           len = strlen(text), off = 0, n = 0;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	char            *out = xmalloc(len * 4 + 8);

	out[n++] = '(';
	while (off < len) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)text + off,
		    (utf8proc_ssize_t)(len - off), &c);
		if (k <= 0)
			break;
		n += put_unit(out + n, c > 0xFFFF ? 0x20u : (unsigned)c);
		off += (size_t)k;
	}
	memcpy(out + n, ") Tj\012", 5);
	n += 5;
	(void)failed(p, HPDF_Stream_Write(s, (const HPDF_BYTE *)out,
	    (HPDF_UINT)n));
	free(out);
}

void
pdf_show(struct pdf_doc *p, enum pdf_face face, float size, float x, float y,
    const char *s, size_t len)
{
	HPDF_Page    pg;
	struct glyph r;
	size_t       off = 0, n, k, nchars;
	char        *buf;

	if (len == 0 || (pg = page(p)) == NULL)
		return;
	HPDF_Page_SetRGBFill(pg, p->color.r, p->color.g, p->color.b);
	while (off < len && pdf_ok(p)) {
		n = run(p, face, size, s + off, len - off, &r, &nchars);
		/* HPDF_Page_TextOut wants a C string. */
		if (r.subst) {
			buf = xmalloc(nchars * 3 + 1);
			for (k = 0; k < nchars; k++)
				memcpy(buf + 3 * k, replacement, 3);
			buf[nchars * 3] = '\0';
		} else {
			buf = xmalloc(n + 1);
			memcpy(buf, s + off, n);
			buf[n] = '\0';
		}
		HPDF_Page_BeginText(pg);
		HPDF_Page_SetFontAndSize(pg, p->glyphs->slot[r.slot].font,
		    size);
		HPDF_Page_MoveTextPos(pg, x, y);
		if (pdf_ok(p))
			show_literal(p, pg, buf);
		HPDF_Page_EndText(pg);
		free(buf);
		x += r.w;
		off += n;
	}
}

void
pdf_show_turned(struct pdf_doc *p, enum pdf_face face, float size, float cx,
    float cy, float degrees, const char *s)
{
	HPDF_Page pg;
	double    a = degrees * M_PI / 180;
	float     w = pdf_text_width(p, face, size, s, strlen(s));

	if ((pg = page(p)) == NULL)
		return;
	/* Turned about its centre: the line is drawn at the origin of a
	 * coordinate system moved to (cx, cy) and rotated. */
	HPDF_Page_GSave(pg);
	HPDF_Page_Concat(pg, (float)cos(a), (float)sin(a), (float)-sin(a),
	    (float)cos(a), cx, cy);
	pdf_show(p, face, size, -w / 2, -size / 3, s, strlen(s));
	HPDF_Page_GRestore(pg);
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

/* -- step 11: pdf -- */
void
pdf_bookmark(struct pdf_doc *p, int level, const char *title)
{
	HPDF_Outline      parent, o;
	HPDF_Destination  dst;

	if (!pdf_ok(p) || level < 0 || level >= PDF_OUTLINE_DEPTH ||
	    (level > 0 && p->outline[level - 1] == NULL))
		return;
	if (p->page == NULL)
		pdf_page_new(p);
	parent = level > 0 ? p->outline[level - 1] : NULL;
	/* The current encoder is UTF-8 (setup): titles as Unicode text. */
	o = HPDF_CreateOutline(p->pdf, parent, title,
	    HPDF_GetCurrentEncoder(p->pdf));
	dst = o != NULL ? HPDF_Page_CreateDestination(p->page) : NULL;
	if (dst == NULL)
		return;
	/* FitH: to the heading, page width; XYZ would force a zoom. */
	HPDF_Destination_SetFitH(dst, p->y);
	HPDF_Outline_SetDestination(o, dst);
	HPDF_Outline_SetOpened(o, HPDF_TRUE);
	/* libharu marks items /Type /Outlines, which only the root is. */
	HPDF_Dict_RemoveElement(o, "Type");
	if (level == 0 && p->outline[0] == NULL)
		HPDF_SetPageMode(p->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	p->outline[level] = o;
	if (level + 1 < PDF_OUTLINE_DEPTH)
		p->outline[level + 1] = NULL;
}
