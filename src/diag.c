/*
 * diag: the message table and the diagnostics list. See diag.h.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* One line per message, in the order of enum msg. */
static const char *const msg_fmt[MSG__COUNT] = {
	[MSG_IO]             = "%s",
	[MSG_TOO_BIG]        = "file is larger than %zu bytes",
	[MSG_NOMEM]          = "out of memory",
	[MSG_DOCTYPE]        = "DOCTYPE declarations are not allowed (no DTDs, "
	                       "no entities): document refused",
	[MSG_XML_EMPTY]      = "document is empty",
	[MSG_SCHEMA_BAD]     = "cannot use schema %s",
	[MSG_ROOT]           = "root element is <%s>, expected <%s>",
	[MSG_DUP_ID]         = "duplicate %s id '%s' (first at line %ld)",
	[MSG_ID_POSITION]    = "%s id '%s' does not match its position: "
	                       "expected '%s'",
	[MSG_RULE_UNKNOWN]   = "unknown rule '%s' (known: %s)",
	[MSG_RULE_ROLE]      = "rule '%s' needs a question for role '%s'",
	[MSG_SCALE_UNKNOWN]  = "unknown scale '%s'",
	[MSG_SCALE_DUP_CODE] = "answer code '%s' appears twice in the scale",
	[MSG_ROLE_TWICE]     = "role '%s' is asked twice",
	[MSG_RENAME_SELF]    = "indicator '%s' cannot be renamed from itself",
	[MSG_FW_DUPLICATE]   = "framework %s version %s is also defined in %s",
	[MSG_FW_NOT_FOUND]   = "no framework '%s' installed",
	[MSG_FW_NONE]        = "no frameworks found in %s",
	[MSG_DB_NEWER]       = "database schema version %d is newer than this "
	                       "stj supports (%d)",
	[MSG_DB_FOREIGN]     = "not an stj database (application_id differs)",
	[MSG_CSV_FIELD_BIG]  = "field longer than %zu bytes",
	[MSG_CSV_UTF8]       = "not valid UTF-8 (save the file as UTF-8)",
	[MSG_CSV_NUL]        = "NUL byte in a field: this is no text file",
	[MSG_CSV_TOO_MANY]   = "more than %zu fields in one row",
	[MSG_CSV_UNTERMINATED] = "quoted field is not closed",
	[MSG_CSV_STRAY_QUOTE] = "stray '\"' in a field (quote the whole "
	                       "field and double the quote)",
	[MSG_ROUND_FRAMEWORK] = "%s round %d is on framework %s, not %s %s",
	[MSG_RESP_STORED]    = "'%s' has already answered for '%s' (%s %d), "
	                       "from %s; use --replace to replace it",
	[MSG_TOO_MANY_GEMEENTE] = "more than one gemeente respondent for "
	                       "'%s' (%s %d)",
	[MSG_TOO_MANY_PARTNERS] = "more than three netwerkpartners for "
	                       "'%s' (%s %d)",
	[MSG_CSV_DUP_COLUMN] = "column '%s' appears twice",
	[MSG_UNKNOWN_INDICATOR] = "unknown indicator '%s' (framework %s %s)",
	[MSG_CSV_MISSING_COLUMN] = "missing column '%s'",
	[MSG_CSV_NO_INDICATORS] = "no indicator columns in the header "
	                       "(headers start with an id such as 1.1.1)",
	[MSG_BAD_ANSWER]     = "'%s' is no answer for %s (ja, deels, nee, "
	                       "weet niet, n.v.t.)",
	[MSG_NOT_ASKED]      = "%s is not asked of a %s",
	[MSG_CSV_RAGGED]     = "row has %zu fields, the header has %zu",
	[MSG_EMPTY_FIELD]    = "'%s' is empty",
	[MSG_BAD_ROUND]      = "'%s' is no round (a year, 2000-2100)",
	[MSG_BAD_ROLE]       = "'%s' is no role (gemeente or netwerkpartner)",
	[MSG_FW_NOT_INSTALLED] = "framework %s version %s is not installed",
	[MSG_IMPORT_NOTHING] = "nothing was imported",
	[MSG_NO_MUNICIPALITY] = "no municipality '%s' in the database",
	[MSG_NO_ROUND]       = "'%s' has no round %d in the database",
	[MSG_NO_APPROACH]    = "no approach '%s' for %s %d",
	[MSG_NO_OVERRIDE]    = "%s of '%s' is not overridden: nothing to "
	                       "revert",
	[MSG_BAD_VERDICT]    = "'%s' is no verdict (V, X or -)",
	[MSG_NO_THEME]       = "no theme '%s' in the framework (give its "
	                       "number or name)",
	[MSG_BAD_MERGE]      = "%s-%s: a merge takes consecutive indicators "
	                       "of one criterion, first to last",
	[MSG_MERGE_OVERLAP]  = "%s is already part of a merge",
	[MSG_ROUND_EXISTS]   = "%s already has a round %d",
	[MSG_DB_BUSY]        = "database is busy: another program kept it "
	                       "locked for %g s (STJ_BUSY_TIMEOUT); nothing "
	                       "was changed, try again",
	[MSG_TEMPLATE_MISSING] = "no %s with id '%s' (the document needs it)",
	[MSG_TEMPLATE_COLUMNS] = "table '%s' has %zu columns, the document "
	                         "needs %zu",
	[MSG_TEMPLATE_WIDTH] = "table '%s': its columns need %.1f points, "
	                       "the page has %.1f between the margins",
	/* -- step 8: output files -- */

	/* -- step 8: input -- */

	/* -- step 8: names -- */

	/* -- step 8: database -- */

	/* -- step 8: audit and command line -- */
	[MSG_TEST_NOW_BAD]   = "STJ_TEST_NOW is not a time such as "
	                       "2013-06-01T00:00:00Z (it is for the tests only; "
	                       "unset it)",
	[MSG_TEXT_UTF8]      = "%s is not valid UTF-8",
	[MSG_TEXT_LINE_BREAK] = "%s holds a line break: give it on one line",
	[MSG_TEXT_CONTROL]   = "%s holds control character U+%04X: give "
	                       "plain text",
	[MSG_OVR_LINE_BIG]   = "line longer than %zu bytes",
	[MSG_OVR_NO_HEADER]  = "no header: the first line names the columns "
	                       "(gemeente, ronde, aanpak, indicator, reden and "
	                       "verdict, finding or letop)",
	[MSG_OVR_BAD_COLUMN] = "'%s' is no column of an overrides file "
	                       "(the first line names the columns: %s)",
	[MSG_OVR_NO_CHANGE_COLUMN] = "no column to change: the header needs "
	                       "verdict, finding or letop",
	[MSG_OVR_NOTHING]    = "nothing to change: verdict, finding and letop "
	                       "are empty",
	[MSG_OVR_NONE_APPLIED] = "%zu errors: no override was applied",

	/* -- step 8: rendering -- */

	/* -- step 8: tsv and tests -- */

};

void
diags_init(struct diags *d)
{
	memset(d, 0, sizeof(*d));
}

void
diags_free(struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].text);
	}
	free(d->v);
	diags_init(d);
}

/* Takes ownership of text. */
static void
append(struct diags *d, const char *file, long line, char *text)
{
	size_t len = strlen(text);

	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
		text[--len] = '\0';
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = xrealloc(d->v, d->cap * sizeof(*d->v));
	}
	d->v[d->n].file = file == NULL ? NULL : xstrdup(file);
	d->v[d->n].line = line;
	d->v[d->n].text = text;
	d->n++;
}

void
diags_vadd(struct diags *d, const char *file, long line, enum msg id,
    va_list ap)
{
	va_list ap2;
	char   *text;
	int     n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, msg_fmt[id], ap);
	if (n < 0) {
		va_end(ap2);
		return;
	}
	text = xmalloc((size_t)n + 1);
	vsnprintf(text, (size_t)n + 1, msg_fmt[id], ap2);
	va_end(ap2);
	append(d, file, line, text);
}

void
diags_add(struct diags *d, const char *file, long line, enum msg id, ...)
{
	va_list ap;

	va_start(ap, id);
	diags_vadd(d, file, line, id, ap);
	va_end(ap);
}

void
diags_add_text(struct diags *d, const char *file, long line, const char *text)
{
	append(d, file, line, xstrdup(text == NULL ? "(no message)" : text));
}

void
diags_print(const struct diags *d, FILE *f)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		if (g->file != NULL && g->line > 0)
			fprintf(f, "%s:%ld: %s\n", g->file, g->line, g->text);
		else if (g->file != NULL)
			fprintf(f, "%s: %s\n", g->file, g->text);
		else
			fprintf(f, "stj: %s\n", g->text);
	}
}
