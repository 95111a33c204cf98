/*
 * pdf_archive: PDF/A-1b for the documents libharu 2.3.0 writes; see
 * pdf_archive.h for why libharu's own PDF/A calls are not used.
 */
#include "pdf_archive.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include "util.h"

/* CIDs of a font are its UTF-16 code units (Identity-H): the BMP. */
#define NCIDS 0x10000u

/* The output condition of the sRGB profile, as registered at the ICC. */
#define SRGB_NAME "sRGB IEC61966-2.1"

/* ---- fonts --------------------------------------------------------- */

/*
 * Sets bit cid of set (PDF order: the high bit of byte 0 is CID 0) for
 * every CID whose glyph is in the embedded font program: libharu maps
 * CIDs to glyphs with the CIDToGIDMap stream it wrote when the font was
 * loaded, and embeds only the glyphs it flagged as used (a subset), so a
 * CID is present when its glyph is flagged. Returns the highest such CID.
 */
static unsigned
present_cids(HPDF_FontAttr attr, unsigned char *set)
{
	HPDF_TTFontDefAttr def = (HPDF_TTFontDefAttr)attr->fontdef->attr;
	HPDF_Stream        s = attr->map_stream->stream;
	HPDF_UINT          i, n, len, k;
	HPDF_BYTE         *b;
	unsigned           cid = 0, top = 0, hi = 0, gid;
	int                odd = 0;

	set[0] = 0x80;   /* CID 0, .notdef: always embedded */
	n = HPDF_MemStream_GetBufCount(s);
	for (i = 0; i < n; i++) {
		b = HPDF_MemStream_GetBufPtr(s, i, &len);
		for (k = 0; b != NULL && k < len && cid < NCIDS; k++) {
			if (!odd) {
				hi = b[k];
				odd = 1;
				continue;
			}
			odd = 0;
			gid = hi << 8 | b[k];
			if (gid != 0 && gid < def->num_glyphs &&
			    def->glyph_tbl.flgs[gid]) {
				set[cid / 8] |= (unsigned char)(0x80u >> cid % 8);
				top = cid;
			}
			cid++;
		}
	}
	return top;
}

/*
 * libharu 2.3.0 writes the ToUnicode map of a UTF-8 TrueType font as a
 * CID map ("begincidrange", which pdftotext rejects with "Invalid
 * 'begincidrange' operator in ToUnicode CMap") and still does upstream,
 * so no newer libharu helps. The codes drawn are UTF-16 code units
 * (Identity-H), so the right map is the identity, written here as
 * bfranges of 256 codes (a range may not cross its last byte), only for
 * the blocks of 256 that hold a present CID, never for surrogates.
 */
static HPDF_STATUS
write_tounicode(HPDF_Dict cmap, const unsigned char *set)
{
	HPDF_Stream s = cmap->stream;
	HPDF_STATUS ret = HPDF_OK;
	unsigned    block, nblocks = 0, done = 0, chunk;
	char        line[64];
	int         used[256];

	for (block = 0; block < 256; block++) {
		used[block] = 0;
		for (chunk = 0; chunk < 32; chunk++)
			if (set[block * 32 + chunk] != 0)
				used[block] = 1;
		if (block >= 0xD8 && block <= 0xDF)
			used[block] = 0;
		nblocks += (unsigned)used[block];
	}
	HPDF_MemStream_FreeData(s);
	/* A ToUnicode stream is a plain stream, not a CMap resource. */
	HPDF_Dict_RemoveElement(cmap, "Type");
	HPDF_Dict_RemoveElement(cmap, "CMapName");
	HPDF_Dict_RemoveElement(cmap, "CIDSystemInfo");
	HPDF_Dict_RemoveElement(cmap, "WMode");
	ret += HPDF_Stream_WriteStr(s,
	    "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\n"
	    "begincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	/* At most 100 entries per bfrange block (PDF 32000-1, 9.10.3). */
	for (block = 0; block < 256; block++) {
		if (!used[block])
			continue;
		if (done % 100 == 0) {
			chunk = nblocks - done < 100 ? nblocks - done : 100;
			snprintf(line, sizeof(line), "%u beginbfrange\n", chunk);
			ret += HPDF_Stream_WriteStr(s, line);
		}
		snprintf(line, sizeof(line), "<%02X00> <%02XFF> <%02X00>\n",
		    block, block, block);
		ret += HPDF_Stream_WriteStr(s, line);
		if (++done % 100 == 0 || done == nblocks)
			ret += HPDF_Stream_WriteStr(s, "endbfrange\n");
	}
	ret += HPDF_Stream_WriteStr(s,
	    "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\n"
	    "end\nend\n");
	return ret;
}

/* ---- streams deflated once ------------------------------------------ */

/*
 * Every document embeds, per face, the same CIDToGIDMap (libharu maps
 * all 65536 codes: 128 KB) and mostly one of a few glyph subsets, and
 * libharu deflates them again for each: a sixth of the time of
 * `factsheet --all`. Such a stream is deflated here instead, once per
 * process for each distinct content, and handed to libharu already
 * compressed. A cache of the last MEMO_SLOTS contents, shared by the web
 * server's threads (hence the lock); its memory is released by
 * pdf_archive_cleanup().
 */
#define MEMO_SLOTS 64

struct memo {
	unsigned char *raw;     /* the content; NULL: a free slot */
	size_t         rawlen;
	unsigned char *z;       /* the same, deflated */
	size_t         zlen;
	unsigned long  used;    /* when last used, for eviction */
};

static struct memo     memo[MEMO_SLOTS];
static unsigned long   memo_clock;
static pthread_mutex_t memo_lock = PTHREAD_MUTEX_INITIALIZER;

/* The content of a memory stream, as one block the caller frees. */
static unsigned char *
stream_bytes(HPDF_Stream s, size_t *len)
{
	HPDF_UINT      i, n = HPDF_MemStream_GetBufCount(s), blen;
	HPDF_BYTE     *b;
	unsigned char *out = xmalloc(s->size > 0 ? s->size : 1);
	size_t         off = 0;

	for (i = 0; i < n && off < s->size; i++) {
		b = HPDF_MemStream_GetBufPtr(s, i, &blen);
		if (b == NULL)
			break;
		if (blen > s->size - off)
			blen = (HPDF_UINT)(s->size - off);
		memcpy(out + off, b, blen);
		off += blen;
	}
	*len = off;
	return out;
}

/* The slot holding raw, or a new one for it (evicting the oldest). */
static struct memo *
memo_slot(const unsigned char *raw, size_t len)
{
	struct memo *m, *old = &memo[0];
	size_t       i;

	for (i = 0; i < MEMO_SLOTS; i++) {
		m = &memo[i];
		if (m->raw != NULL && m->rawlen == len &&
		    memcmp(m->raw, raw, len) == 0)
			return m;
		if (m->raw == NULL || (old->raw != NULL && m->used < old->used))
			old = m;
	}
	free(old->raw);
	free(old->z);
	memset(old, 0, sizeof(*old));
	return old;
}

/* Fills the new slot m with raw (taken over) and its deflated form. */
static int
memo_fill(struct memo *m, unsigned char *raw, size_t len)
{
	uLongf zlen = compressBound((uLong)len);

	m->z = xmalloc(zlen);
	if (compress2(m->z, &zlen, raw, (uLong)len, Z_DEFAULT_COMPRESSION) !=
	    Z_OK) {
		free(m->z);
		m->z = NULL;
		free(raw);
		return -1;
	}
	m->raw = raw;
	m->rawlen = len;
	m->zlen = zlen;
	return 0;
}

/* libharu writes no Filter key for an unfiltered stream: write it here. */
static HPDF_STATUS
write_flate_key(HPDF_Dict obj, HPDF_Stream out)
{
	(void)obj;
	return HPDF_Stream_WriteStr(out, "/Filter [ /FlateDecode ]\012");
}

/*
 * Replaces the content of stream dictionary d with its deflated form and
 * marks it FlateDecode, so libharu writes it as it is.
 */
static HPDF_STATUS
deflate_once(HPDF_Dict d)
{
	unsigned char *raw;
	size_t         len;
	struct memo   *m;
	HPDF_STATUS    ret = HPDF_OK;

	if (d == NULL || d->stream == NULL)
		return HPDF_OK;
	raw = stream_bytes(d->stream, &len);
	pthread_mutex_lock(&memo_lock);
	m = memo_slot(raw, len);
	if (m->raw != NULL)
		free(raw);
	else if (memo_fill(m, raw, len) == -1)
		ret = HPDF_ZLIB_ERROR;
	if (ret == HPDF_OK) {
		m->used = ++memo_clock;
		HPDF_MemStream_FreeData(d->stream);
		ret = HPDF_Stream_Write(d->stream, m->z, (HPDF_UINT)m->zlen);
	}
	pthread_mutex_unlock(&memo_lock);
	if (ret == HPDF_OK) {
		d->filter = HPDF_STREAM_FILTER_NONE;
		d->write_fn = write_flate_key;
	}
	return ret;
}

void
pdf_archive_cleanup(void)
{
	size_t i;

	pthread_mutex_lock(&memo_lock);
	for (i = 0; i < MEMO_SLOTS; i++) {
		free(memo[i].raw);
		free(memo[i].z);
		memset(&memo[i], 0, sizeof(memo[i]));
	}
	pthread_mutex_unlock(&memo_lock);
}

/*
 * One embedded TrueType font: its descriptor made now (libharu makes it,
 * with the embedded subset, on first write; the glyphs are final here),
 * then the CIDSet PDF/A-1 asks of a subset font, and the ToUnicode map.
 */
static HPDF_STATUS
finish_font(HPDF_Doc pdf, HPDF_Font font)
{
	HPDF_FontAttr  attr = (HPDF_FontAttr)font->attr;
	HPDF_Dict      cidset;
	unsigned char *set;
	unsigned       top;
	HPDF_STATUS    ret;

	if (attr->type != HPDF_FONT_TYPE0_TT || attr->map_stream == NULL ||
	    attr->cmap_stream == NULL || font->before_write_fn == NULL)
		return HPDF_OK;
	if ((ret = font->before_write_fn(font)) != HPDF_OK)
		return ret;
	if (attr->fontdef->descriptor == NULL)
		return HPDF_INVALID_FONTDEF_DATA;
	set = HPDF_GetMem(pdf->mmgr, NCIDS / 8);
	if (set == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	memset(set, 0, NCIDS / 8);
	top = present_cids(attr, set);
	ret = write_tounicode(attr->cmap_stream, set);
	if (ret == HPDF_OK &&
	    HPDF_Dict_GetItem(attr->fontdef->descriptor, "CIDSet",
	    HPDF_OCLASS_DICT) == NULL) {
		cidset = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
		if (cidset == NULL)
			ret = HPDF_FAILD_TO_ALLOC_MEM;
		else {
			cidset->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
			ret += HPDF_Stream_Write(cidset->stream, set, top / 8 + 1);
			ret += HPDF_Dict_Add(attr->fontdef->descriptor, "CIDSet",
			    cidset);
		}
	}
	HPDF_FreeMem(pdf->mmgr, set);
	/*
	 * libharu sets the filter of the map and the ToUnicode stream from
	 * the font's when it writes the font: none, as they are deflated.
	 */
	if (ret == HPDF_OK) {
		font->filter = HPDF_STREAM_FILTER_NONE;
		ret = deflate_once(attr->map_stream);
	}
	if (ret == HPDF_OK)
		ret = deflate_once(attr->cmap_stream);
	if (ret == HPDF_OK)
		ret = deflate_once(HPDF_Dict_GetItem(attr->fontdef->descriptor,
		    "FontFile2", HPDF_OCLASS_DICT));
	return ret;
}

/* ---- XMP metadata -------------------------------------------------- */

/* Writes to the XMP stream and hashes what it writes (for the /ID). */
struct xmp {
	HPDF_Stream  s;
	HPDF_MD5_CTX md5;
	HPDF_STATUS  ret;
};

static void
put(struct xmp *x, const char *text, size_t len)
{
	x->ret += HPDF_Stream_Write(x->s, (const HPDF_BYTE *)text,
	    (HPDF_UINT)len);
	HPDF_MD5Update(&x->md5, (const HPDF_BYTE *)text, (HPDF_UINT32)len);
}

static void
puts_(struct xmp *x, const char *text)
{
	put(x, text, strlen(text));
}

/* text as XML character data. */
static void
put_escaped(struct xmp *x, const char *text)
{
	const char *p;

	for (p = text; *p != '\0'; p++) {
		const char *e = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" :
		    *p == '>' ? "&gt;" : *p == '"' ? "&quot;" : NULL;

		if (e == NULL)
			continue;
		put(x, text, (size_t)(p - text));
		puts_(x, e);
		text = p + 1;
	}
	puts_(x, text);
}

/* <tag><rdf:KIND><rdf:li ...>value</rdf:li></rdf:KIND></tag> */
static void
put_list(struct xmp *x, const char *tag, const char *kind, const char *li,
    const char *value)
{
	char buf[160];

	if (value == NULL)
		return;
	snprintf(buf, sizeof(buf), "<%s><rdf:%s><rdf:li%s>", tag, kind, li);
	puts_(x, buf);
	put_escaped(x, value);
	snprintf(buf, sizeof(buf), "</rdf:li></rdf:%s></%s>\n", kind, tag);
	puts_(x, buf);
}

static void
put_simple(struct xmp *x, const char *tag, const char *value)
{
	char buf[64];

	if (value == NULL)
		return;
	snprintf(buf, sizeof(buf), "<%s>", tag);
	puts_(x, buf);
	put_escaped(x, value);
	snprintf(buf, sizeof(buf), "</%s>\n", tag);
	puts_(x, buf);
}

/*
 * The information dictionary's date "D:YYYYMMDDHHmmSS" with "Z" or
 * "+HH'mm'" as XMP wants it, "YYYY-MM-DDTHH:mm:SS" with "Z" or "+HH:mm";
 * NULL when d is not in that form.
 */
static const char *
xmp_date(const char *d, char *out, size_t size)
{
	size_t i;

	if (d == NULL || strncmp(d, "D:", 2) != 0 || strlen(d) < 16)
		return NULL;
	for (i = 2; i < 16; i++)
		if (d[i] < '0' || d[i] > '9')
			return NULL;
	if (d[16] == 'Z' || d[16] == '\0')
		snprintf(out, size, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", d + 2,
		    d + 6, d + 8, d + 10, d + 12, d + 14);
	else if ((d[16] == '+' || d[16] == '-') && strlen(d) >= 22)
		snprintf(out, size, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2s%c%.2s:%.2s",
		    d + 2, d + 6, d + 8, d + 10, d + 12, d + 14, d[16], d + 17,
		    d + 20);
	else
		return NULL;
	return out;
}

/*
 * The XMP packet: the document information again (PDF/A-1 wants both to
 * agree), the language, and the PDF/A identification (part 1, level B).
 */
static void
write_xmp(HPDF_Doc pdf, struct xmp *x, const char *lang)
{
	char date[40];

	puts_(x, "<?xpacket begin=\"\xEF\xBB\xBF\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf="
	    "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\"\n"
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
	puts_(x, "<dc:format>application/pdf</dc:format>\n");
	put_list(x, "dc:title", "Alt", " xml:lang=\"x-default\"",
	    HPDF_GetInfoAttr(pdf, HPDF_INFO_TITLE));
	put_list(x, "dc:creator", "Seq", "",
	    HPDF_GetInfoAttr(pdf, HPDF_INFO_AUTHOR));
	put_list(x, "dc:description", "Alt", " xml:lang=\"x-default\"",
	    HPDF_GetInfoAttr(pdf, HPDF_INFO_SUBJECT));
	put_list(x, "dc:language", "Bag", "", lang);
	put_simple(x, "xmp:CreatorTool",
	    HPDF_GetInfoAttr(pdf, HPDF_INFO_CREATOR));
	put_simple(x, "xmp:CreateDate", xmp_date(HPDF_GetInfoAttr(pdf,
	    HPDF_INFO_CREATION_DATE), date, sizeof(date)));
	put_simple(x, "xmp:ModifyDate", xmp_date(HPDF_GetInfoAttr(pdf,
	    HPDF_INFO_MOD_DATE), date, sizeof(date)));
	put_simple(x, "pdf:Producer", HPDF_GetInfoAttr(pdf,
	    HPDF_INFO_PRODUCER));
	put_simple(x, "pdf:Keywords", HPDF_GetInfoAttr(pdf,
	    HPDF_INFO_KEYWORDS));
	puts_(x, "<pdfaid:part>1</pdfaid:part>\n"
	    "<pdfaid:conformance>B</pdfaid:conformance>\n"
	    "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>");
}

/* The metadata stream (uncompressed, as PDF/A-1 requires) and the /ID. */
static HPDF_STATUS
add_metadata(HPDF_Doc pdf, const char *lang)
{
	struct xmp x;
	HPDF_Dict  meta;
	HPDF_Array id;
	HPDF_BYTE  digest[HPDF_MD5_KEY_LEN];

	if ((meta = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	meta->filter = HPDF_STREAM_FILTER_NONE;
	x.s = meta->stream;
	x.ret = HPDF_OK;
	HPDF_MD5Init(&x.md5);
	write_xmp(pdf, &x, lang);
	HPDF_MD5Final(digest, &x.md5);
	x.ret += HPDF_Dict_AddName(meta, "Type", "Metadata");
	x.ret += HPDF_Dict_AddName(meta, "Subtype", "XML");
	x.ret += HPDF_Dict_Add(pdf->catalog, "Metadata", meta);
	/*
	 * PDF/A wants a file identifier. A hash of the metadata (title,
	 * author, subject, date) keeps the output reproducible, unlike
	 * libharu's HPDF_PDFA_GenerateID (a hash of the current time).
	 */
	if ((id = HPDF_Array_New(pdf->mmgr)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	x.ret += HPDF_Dict_Add(pdf->trailer, "ID", id);
	x.ret += HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, digest,
	    HPDF_MD5_KEY_LEN));
	x.ret += HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, digest,
	    HPDF_MD5_KEY_LEN));
	return x.ret;
}

/* ---- output intent -------------------------------------------------- */

/* Every colour is DeviceRGB: PDF/A-1 asks for an RGB output intent. */
static HPDF_STATUS
add_output_intent(HPDF_Doc pdf)
{
	HPDF_Dict   icc, intent;
	HPDF_Array  intents;
	HPDF_STATUS ret = HPDF_OK;

	if ((icc = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) == NULL ||
	    (intent = HPDF_Dict_New(pdf->mmgr)) == NULL ||
	    (intents = HPDF_Array_New(pdf->mmgr)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	ret += HPDF_Dict_AddNumber(icc, "N", 3);
	ret += HPDF_Stream_Write(icc->stream, pdf_srgb_icc,
	    (HPDF_UINT)pdf_srgb_icc_len);
	if (ret == HPDF_OK)
		ret = deflate_once(icc);
	ret += HPDF_Dict_AddName(intent, "Type", "OutputIntent");
	ret += HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
	ret += HPDF_Dict_Add(intent, "OutputConditionIdentifier",
	    HPDF_String_New(pdf->mmgr, SRGB_NAME, NULL));
	ret += HPDF_Dict_Add(intent, "Info",
	    HPDF_String_New(pdf->mmgr, SRGB_NAME, NULL));
	ret += HPDF_Dict_Add(intent, "DestOutputProfile", icc);
	ret += HPDF_Array_Add(intents, intent);
	ret += HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);
	return ret;
}

/* ---- the document --------------------------------------------------- */

HPDF_STATUS
pdf_archive_finish(HPDF_Doc pdf, const char *lang)
{
	HPDF_STATUS ret = HPDF_OK;
	HPDF_UINT   i;

	/* XMP metadata and output intents are PDF 1.4. */
	pdf->pdf_version = HPDF_VER_14;
	for (i = 0; ret == HPDF_OK && i < pdf->font_mgr->count; i++)
		ret = finish_font(pdf, HPDF_List_ItemAt(pdf->font_mgr, i));
	if (ret == HPDF_OK && lang != NULL)
		ret = HPDF_Dict_Add(pdf->catalog, "Lang",
		    HPDF_String_New(pdf->mmgr, lang, NULL));
	if (ret == HPDF_OK)
		ret = add_output_intent(pdf);
	if (ret == HPDF_OK)
		ret = add_metadata(pdf, lang);
	return ret;
}
