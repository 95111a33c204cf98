/*
 * xmlsafe: the only way the tool reads XML.
 *
 * Owns: parsing with a hostile-input policy and XML Schema validation.
 * Every XML input (framework, responses, dossier, templates) goes through
 * xmlsafe_read_file(), which
 *   - reads the file itself (size-capped) and parses it from memory, so
 *     libxml2 never opens a file or URL on its own;
 *   - never substitutes entities, loads a DTD or processes XInclude, and
 *     does not lift libxml2's size limits (no XML_PARSE_HUGE);
 *   - reads the document as UTF-8 whatever its encoding declaration says
 *     (bytes that are not UTF-8 are a parse error), so nothing is ever
 *     decoded twice;
 *   - refuses any document with a DOCTYPE, at the DOCTYPE, before any
 *     entity is declared. Debian 12's libxml2 2.9.14 has neither
 *     XML_PARSE_NO_XXE nor an amplification limit; a document without a
 *     DOCTYPE cannot declare, and so cannot expand, an entity.
 * xmlsafe_init() also installs an external-entity loader that refuses every
 * request, so a path we did not think of still reads nothing.
 */
#ifndef STJ_XMLSAFE_H
#define STJ_XMLSAFE_H

#include <libxml/tree.h>

#include "diag.h"

/* Largest XML file accepted, in bytes. */
#define XMLSAFE_MAX_BYTES ((size_t)64 * 1024 * 1024)

struct xmlsafe_schema;

/* Once per process, before any parsing. */
void xmlsafe_init(void);
/* At exit, so leak checkers see libxml2's globals freed. */
void xmlsafe_cleanup(void);

/*
 * Parses path. Returns the document (free with xmlFreeDoc) or NULL after
 * appending "path:line: ..." diagnostics to d.
 */
xmlDocPtr xmlsafe_read_file(const char *path, struct diags *d);
/* The same for a buffer; name is used in diagnostics and as the base URL. */
xmlDocPtr xmlsafe_read_memory(const char *buf, size_t len, const char *name,
    struct diags *d);

/* Loads and compiles an XSD file; NULL with diagnostics on failure. */
struct xmlsafe_schema *xmlsafe_schema_load(const char *path, struct diags *d);
void xmlsafe_schema_free(struct xmlsafe_schema *s);
/*
 * Validates doc against s; every violation becomes "name:line: message".
 * Returns 0 when valid, -1 otherwise.
 */
int xmlsafe_validate(struct xmlsafe_schema *s, xmlDocPtr doc,
    const char *name, struct diags *d);

/* Line of node in its source (0 when unknown). */
long xmlsafe_line(const xmlNode *node);

/* -- step 12: xlsx -- */
/*
 * Streaming (SAX) parsing under the same policy: no DOCTYPE, no entity
 * but the five predefined ones, nothing read from outside the chunks, no
 * XML_PARSE_HUGE. For documents too large to hold as a tree (a
 * spreadsheet's sheet): the callbacks see elements by local name
 * (namespace prefixes dropped) and text in pieces; memory stays that of
 * the parser. attrs are NULL-terminated name, value pairs (values
 * borrowed for the call).
 */
struct xmlsafe_sax {
	void  (*start)(void *ctx, const char *name, const char *const *attrs);
	void  (*end)(void *ctx, const char *name);
	void  (*text)(void *ctx, const char *s, size_t len);
	void   *ctx;
};

struct xmlsafe_push;

/* name is used in diagnostics. NULL only when out of memory (diagnosed). */
struct xmlsafe_push *xmlsafe_push_new(const struct xmlsafe_sax *h,
    const char *name, struct diags *d);
/*
 * Parses the next len bytes (last: the end of the document). -1 after a
 * diagnostic or once xmlsafe_push_stop() was called; nothing more is
 * parsed then.
 */
int xmlsafe_push_feed(struct xmlsafe_push *p, const char *buf, size_t len,
    int last);
/* From a callback: stop parsing (the caller has diagnosed why). */
void xmlsafe_push_stop(struct xmlsafe_push *p);
/* The line the parser is at (for a callback's diagnostics). */
long xmlsafe_push_line(const struct xmlsafe_push *p);
/* xmlsafe_push_free(NULL) is a no-op. */
void xmlsafe_push_free(struct xmlsafe_push *p);

#endif
