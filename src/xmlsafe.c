/*
 * xmlsafe: hostile-input XML parsing and schema validation. See xmlsafe.h.
 */
#include "xmlsafe.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "util.h"

struct xmlsafe_schema {
	xmlDocPtr             doc;
	xmlSchemaPtr          schema;
};

/* What the parser callbacks report to, reached through ctxt->_private. */
struct parse_state {
	struct diags *d;
	const char   *name;
	int           refused;   /* a DOCTYPE was met: ignore what follows */
	int           errors;
	int           fatal;     /* a fatal error was reported */
};

/*
 * Every option that would read outside the buffer or expand entities stays
 * off: no NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE.
 *
 * The document is read as the UTF-8 it must be, whatever its declaration
 * says (IGNORE_ENC with "UTF-8" below): a file declaring ISO-8859-1 that
 * holds UTF-8 was decoded a second time, and 'Súdwest-Fryslân' stored as
 * 'SÃºdwest-FryslÃ¢n'. Bytes that are not UTF-8 are a parse error.
 */
static const int parse_options =
    XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
    XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC;

static xmlParserInputPtr
refuse_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/*
 * Entity lookups see only the five predefined entities (&amp; ...). A
 * DOCTYPE is refused in on_doctype(), but only while SAX is enabled:
 * after a fatal error before the document starts (<?xml version="2.0"?>)
 * libxml2 skips the internalSubset callback, and its "expat compatibility"
 * path declares the internal subset's entities in a fake document and
 * expands them anyway: an 800-byte billion laughs gave 360,000 messages,
 * 0.7 s and 44 MB (found by fuzz/fuzz_dossier). With these lookups no
 * declared entity is ever found, so none is expanded.
 */
static xmlEntityPtr
predefined_entity_only(void *ctx, const xmlChar *name)
{
	(void)ctx;
	return xmlGetPredefinedEntity(name);
}

static xmlEntityPtr
no_parameter_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	(void)name;
	return NULL;
}

/* libxml2 must not print on its own: everything goes through diags. */
static void
silent_generic_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void
xmlsafe_init(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse_entity_loader);
	xmlSetGenericErrorFunc(NULL, silent_generic_error);
}

void
xmlsafe_cleanup(void)
{
	xmlCleanupParser();
}

long
xmlsafe_line(const xmlNode *node)
{
	return node == NULL ? 0 : xmlGetLineNo(node);
}

static void
on_parse_error(void *userdata, xmlErrorPtr err)
{
	xmlParserCtxtPtr    ctxt = userdata;
	struct parse_state *st = ctxt->_private;

	if (st->refused || err == NULL || err->level == XML_ERR_WARNING)
		return;
	st->errors++;
	/*
	 * After a fatal error libxml2 goes on parsing to find more, one error
	 * per bad construct, most of them echoes of the first: only errors up
	 * to the first fatal one are kept (and diags caps those per file).
	 */
	if (st->fatal)
		return;
	if (err->level == XML_ERR_FATAL)
		st->fatal = 1;
	diags_add_text(st->d, st->name, err->line, err->message);
}

/*
 * Called at "<!DOCTYPE name ...>" before its internal subset is read, so
 * no entity declaration is ever parsed.
 */
static void
on_doctype(void *userdata, const xmlChar *name, const xmlChar *ext_id,
    const xmlChar *sys_id)
{
	xmlParserCtxtPtr    ctxt = userdata;
	struct parse_state *st = ctxt->_private;

	(void)name;
	(void)ext_id;
	(void)sys_id;
	if (!st->refused) {
		st->refused = 1;
		diags_add(st->d, st->name,
		    ctxt->input != NULL ? ctxt->input->line : 0, MSG_DOCTYPE);
	}
	xmlStopParser(ctxt);
}

xmlDocPtr
xmlsafe_read_memory(const char *buf, size_t len, const char *name,
    struct diags *d)
{
	struct parse_state st = { d, name, 0, 0, 0 };
	xmlParserCtxtPtr   ctxt;
	xmlDocPtr          doc;

	if (len > XMLSAFE_MAX_BYTES || len > (size_t)INT32_MAX) {
		diags_add(d, name, 0, MSG_TOO_BIG, XMLSAFE_MAX_BYTES);
		return NULL;
	}
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		diags_add(d, name, 0, MSG_NOMEM);
		return NULL;
	}
	ctxt->_private = &st;
	ctxt->sax->serror = on_parse_error;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->getEntity = predefined_entity_only;
	ctxt->sax->getParameterEntity = no_parameter_entity;
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, "UTF-8",
	    parse_options);
	if (doc != NULL && (st.refused || st.errors > 0 ||
	    doc->intSubset != NULL || doc->extSubset != NULL)) {
		if (!st.refused && st.errors == 0)
			diags_add(d, name, 0, MSG_DOCTYPE);
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL && !st.refused && st.errors == 0)
		diags_add(d, name, 0, MSG_XML_EMPTY);
	if (doc != NULL && xmlDocGetRootElement(doc) == NULL) {
		diags_add(d, name, 0, MSG_XML_EMPTY);
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

xmlDocPtr
xmlsafe_read_file(const char *path, struct diags *d)
{
	xmlDocPtr doc;
	char     *buf;
	size_t    len;

	if (file_read_all(path, XMLSAFE_MAX_BYTES, &buf, &len) == -1) {
		if (errno == EFBIG)
			diags_add(d, path, 0, MSG_TOO_BIG, XMLSAFE_MAX_BYTES);
		else
			diags_add(d, path, 0, MSG_IO, strerror(errno));
		return NULL;
	}
	doc = xmlsafe_read_memory(buf, len, path, d);
	free(buf);
	return doc;
}

/* Collects schema (and schema-parser) errors as "name:line: message". */
struct valid_state {
	struct diags *d;
	const char   *name;
	int           errors;
};

static void
on_valid_error(void *userdata, xmlErrorPtr err)
{
	struct valid_state *st = userdata;

	if (err == NULL || err->level == XML_ERR_WARNING)
		return;
	/*
	 * One per invalid node: a 4 MB dossier of <p/> gave a million; diags
	 * keeps DIAGS_MAX_PER_FILE of them and counts the rest.
	 */
	st->errors++;
	diags_add_text(st->d, st->name, err->line, err->message);
}

struct xmlsafe_schema *
xmlsafe_schema_load(const char *path, struct diags *d)
{
	struct valid_state     st = { d, path, 0 };
	struct xmlsafe_schema *s;
	xmlSchemaParserCtxtPtr pctxt;

	s = xcalloc(1, sizeof(*s));
	if ((s->doc = xmlsafe_read_file(path, d)) == NULL)
		goto fail;
	if ((pctxt = xmlSchemaNewDocParserCtxt(s->doc)) == NULL)
		goto fail;
	xmlSchemaSetParserStructuredErrors(pctxt, on_valid_error, &st);
	s->schema = xmlSchemaParse(pctxt);
	xmlSchemaFreeParserCtxt(pctxt);
	if (s->schema == NULL)
		goto fail;
	return s;
fail:
	diags_add(d, path, 0, MSG_SCHEMA_BAD, path);
	xmlsafe_schema_free(s);
	return NULL;
}

void
xmlsafe_schema_free(struct xmlsafe_schema *s)
{
	if (s == NULL)
		return;
	xmlSchemaFree(s->schema);
	xmlFreeDoc(s->doc);
	free(s);
}

int
xmlsafe_validate(struct xmlsafe_schema *s, xmlDocPtr doc, const char *name,
    struct diags *d)
{
	struct valid_state    st = { d, name, 0 };
	xmlSchemaValidCtxtPtr vctxt;
	const xmlChar        *url;
	int                   rc;

	if ((vctxt = xmlSchemaNewValidCtxt(s->schema)) == NULL) {
		diags_add(d, name, 0, MSG_NOMEM);
		return -1;
	}
	xmlSchemaSetValidStructuredErrors(vctxt, on_valid_error, &st);
	/*
	 * For every error on a node of a document with a URL, libxml2
	 * 2.9.14's __xmlRaiseError walks back over all preceding nodes
	 * looking for XInclude markers: quadratic. 40,000 invalid <p/> took
	 * 2 s, a 4 MB dossier of them over 10 minutes (xmllint alike; found
	 * with fuzz/fuzz_dossier). Messages use name and the node's line, not
	 * the URL, so it is hidden while validating.
	 */
	url = doc->URL;
	doc->URL = NULL;
	rc = xmlSchemaValidateDoc(vctxt, doc);
	doc->URL = url;
	xmlSchemaFreeValidCtxt(vctxt);
	if (rc != 0 && st.errors == 0)
		diags_add(d, name, 0, MSG_SCHEMA_BAD, name);
	return rc == 0 ? 0 : -1;
}

/* -- step 12: xlsx -- */

struct xmlsafe_push {
	struct parse_state st;      /* first: reached as ctxt->_private */
	struct xmlsafe_sax h;
	xmlParserCtxtPtr   ctxt;
	xmlSAXHandler      sax;
	int                stopped;
	int                started;  /* a root element was seen */
};

/* Local names only: "x:row" and "row" are the same element. */
static void
push_start(void *userdata, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
    int ndefaulted, const xmlChar **attrs)
{
	xmlParserCtxtPtr     ctxt = userdata;
	struct xmlsafe_push *p = ctxt->_private;
	/* Enough for any element of a sheet; more attributes are dropped. */
	enum { MAX_ATTRS = 16 };
	const char *av[2 * MAX_ATTRS + 1];
	char       *vals[MAX_ATTRS];
	int         i, n = nattrs < MAX_ATTRS ? nattrs : MAX_ATTRS;

	(void)prefix;
	(void)uri;
	(void)nns;
	(void)ns;
	(void)ndefaulted;
	p->started = 1;
	if (p->stopped || p->st.refused || p->h.start == NULL)
		return;
	/* Each attribute: local name, prefix, URI, value start, value end. */
	for (i = 0; i < n; i++) {
		size_t len = (size_t)(attrs[5 * i + 4] - attrs[5 * i + 3]);
		vals[i] = xmalloc(len + 1);
		memcpy(vals[i], attrs[5 * i + 3], len);
		vals[i][len] = '\0';
		av[2 * i] = (const char *)attrs[5 * i];
		av[2 * i + 1] = vals[i];
	}
	av[2 * n] = NULL;
	p->h.start(p->h.ctx, (const char *)local, av);
	for (i = 0; i < n; i++)
		free(vals[i]);
}

static void
push_end(void *userdata, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri)
{
	xmlParserCtxtPtr     ctxt = userdata;
	struct xmlsafe_push *p = ctxt->_private;

	(void)prefix;
	(void)uri;
	if (!p->stopped && !p->st.refused && p->h.end != NULL)
		p->h.end(p->h.ctx, (const char *)local);
}

static void
push_text(void *userdata, const xmlChar *s, int len)
{
	xmlParserCtxtPtr     ctxt = userdata;
	struct xmlsafe_push *p = ctxt->_private;

	if (!p->stopped && !p->st.refused && p->h.text != NULL && len > 0)
		p->h.text(p->h.ctx, (const char *)s, (size_t)len);
}

struct xmlsafe_push *
xmlsafe_push_new(const struct xmlsafe_sax *h, const char *name,
    struct diags *d)
{
	struct xmlsafe_push *p = xcalloc(1, sizeof(*p));

	p->st.d = d;
	p->st.name = name;
	p->h = *h;
	/* No DOM callbacks at all: nothing is built, only these are called. */
	p->sax.initialized = XML_SAX2_MAGIC;
	p->sax.startElementNs = push_start;
	p->sax.endElementNs = push_end;
	p->sax.characters = push_text;
	p->sax.cdataBlock = push_text;
	p->sax.serror = on_parse_error;
	p->sax.internalSubset = on_doctype;
	p->sax.getEntity = predefined_entity_only;
	p->sax.getParameterEntity = no_parameter_entity;
	p->ctxt = xmlCreatePushParserCtxt(&p->sax, NULL, NULL, 0, name);
	if (p->ctxt == NULL) {
		diags_add(d, name, 0, MSG_NOMEM);
		free(p);
		return NULL;
	}
	/* on_parse_error and on_doctype find their state at _private. */
	p->ctxt->_private = p;
	xmlCtxtUseOptions(p->ctxt, parse_options);
	/* The push parser learns no encoding from a declaration this way. */
	xmlSwitchEncoding(p->ctxt, XML_CHAR_ENCODING_UTF8);
	return p;
}

int
xmlsafe_push_feed(struct xmlsafe_push *p, const char *buf, size_t len,
    int last)
{
	/* At most 1 MiB per call: xmlParseChunk takes an int. */
	enum { STEP = 1 << 20 };
	size_t n;

	do {
		n = len < STEP ? len : STEP;
		if (p->stopped || p->st.refused || p->st.fatal)
			return -1;
		xmlParseChunk(p->ctxt, buf, (int)n, last && n == len);
		buf += n;
		len -= n;
	} while (len > 0);
	if (p->stopped || p->st.refused || p->st.errors > 0)
		return -1;
	if (last && !p->started) {
		diags_add(p->st.d, p->st.name, 0, MSG_XML_EMPTY);
		return -1;
	}
	return 0;
}

void
xmlsafe_push_stop(struct xmlsafe_push *p)
{
	p->stopped = 1;
	xmlStopParser(p->ctxt);
}

long
xmlsafe_push_line(const struct xmlsafe_push *p)
{
	return p->ctxt->input != NULL ? p->ctxt->input->line : 0;
}

void
xmlsafe_push_free(struct xmlsafe_push *p)
{
	if (p == NULL)
		return;
	xmlFreeParserCtxt(p->ctxt);
	free(p);
}
