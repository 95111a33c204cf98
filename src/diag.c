/*
 * diag: the message table and the diagnostics list. See diag.h.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
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
	[MSG_OUT_NOT_REGULAR] = "not a regular file",
	[MSG_OUT_WRITE]      = "cannot write: %s",
	[MSG_OUT_SAME_NAME]  = "'%s' %d has the same file name as '%s' %d: "
	                       "not written",
	[MSG_OUT_NOT_WRITTEN] = "%zu of %zu factsheets not written: %s",
	[MSG_OUT_WORKER]     = "a worker process was killed (signal %d)",

	/* -- step 8: input -- */
	[MSG_MORE_ERRORS]    = "\u2026 and %zu more errors in %s",
	[MSG_UTF16_NO_BOM]   = "file is UTF-16 without a byte-order mark: "
	                       "save it as UTF-8",
	[MSG_UTF16_BAD]      = "file starts as UTF-16 but is not valid UTF-16 "
	                       "(save it as UTF-8)",
	[MSG_CSV_AMBIGUOUS]  = "column '%s': neither the answer nor the "
	                       "toelichting of %s (a toelichting column is "
	                       "named exactly '%s toelichting')",
	[MSG_RESP_TWICE]     = "'%s' answers twice for '%s' (%s %d) in one "
	                       "import (first at line %ld)",
	[MSG_RESP_TWICE_FILE] = "'%s' answers twice for '%s' (%s %d) in one "
	                       "import (first at %s:%ld)",
	[MSG_NAME_CONTROL]   = "%s contains a control character (%s): a name "
	                       "holds no tabs, line breaks or control "
	                       "characters",
	[MSG_TEXT_CONTROL]   = "%s contains a control character (%s): a text "
	                       "keeps line breaks and tabs, no other control "
	                       "characters",

	/* -- step 8: names -- */
	[MSG_NAME_MATCHED]   = "'%s' matched the stored '%s'",
	[MSG_NAME_UTF8]      = "%s name is not valid UTF-8",
	[MSG_NAME_BLANK]     = "%s name is empty (only white space)",
	[MSG_NO_MUNICIPALITY_HINT] = "no municipality '%s' in the database, "
	                       "did you mean '%s'?",
	[MSG_NO_APPROACH_HINT] = "no approach '%s' for %s %d, did you mean "
	                       "'%s'?",
	[MSG_DOSSIER_NO_APPROACH] = "no approach '%s' in the dossier of %s %d "
	                       "(the dossier names: %s)",
	[MSG_DOSSIER_NO_PARTNER] = "'%s' is not a netwerkpartner of '%s' in "
	                       "the dossier of %s %d (the dossier names: %s)",

	/* -- step 8: database -- */
	[MSG_DB_MISSING]     = "no such database",
	[MSG_DB_FOREIGN_TABLES] = "not an stj database (it holds another "
	                       "program's tables): left as it is",
	[MSG_DB_EMPTY]       = "empty database: nothing has been imported "
	                       "into it",
	[MSG_DB_READONLY]    = "database is read-only: nothing can be stored "
	                       "in it (check the permissions of the file and "
	                       "its directory)",
	[MSG_DB_UPGRADE]     = "database is from an older stj and must be "
	                       "upgraded, which needs write access: run stj "
	                       "once where the file can be written",
	[MSG_DB_WAL_READONLY] = "cannot read this database here: it is in WAL "
	                       "mode, and SQLite must create %s-shm beside it "
	                       "in a directory you cannot write; copy it to a "
	                       "writable directory, or take it out of WAL mode "
	                       "(sqlite3 FILE 'PRAGMA journal_mode = DELETE')",

	/* -- step 8: audit and command line -- */
	[MSG_TEST_NOW_BAD]   = "STJ_TEST_NOW is not a time such as "
	                       "2013-06-01T00:00:00Z (it is for the tests only; "
	                       "unset it)",
	[MSG_TEXT_UTF8]      = "%s is not valid UTF-8",
	[MSG_TEXT_LINE_BREAK] = "%s holds a line break: give it on one line",
	[MSG_ARG_CONTROL]    = "%s holds control character U+%04X: give "
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
	[MSG_PDF_GLYPHS]     = "%s: cannot draw %s: no font on this system "
	                       "has %s",
	[MSG_PDF_RTL]        = "%s: right-to-left text (Arabic, Hebrew) is "
	                       "drawn left to right: its letters read in "
	                       "reverse",
	[MSG_PDF_WHERE]      = "%s is in %s",

	/* -- step 8: tsv and tests -- */

	/* -- step 9: library layer -- */
	[MSG_OPS_NO_REASON]  = "a reason is required: every change says why",
	[MSG_OPS_LETOP_BOTH] = "a LET OP cannot be written and withdrawn at "
	                       "once",
	[MSG_OPS_REVERT_ALONE] = "a revert takes no other change",
	[MSG_OPS_NOTHING]    = "nothing to change",
	[MSG_OPS_STALE]      = "%s was changed by %s at %s after this change "
	                       "was prepared: reload it and try again",

	/* -- step 9: web -- */
	[MSG_WEB_LISTEN_BAD] = "--listen '%s' is not ADDRESS:PORT (such as "
	                       "127.0.0.1:8080 or [::1]:8080)",
	[MSG_WEB_NOT_LOOPBACK] = "--listen %s is not a loopback address: "
	                       "other computers could open the inspection; "
	                       "give --public to allow that",
	[MSG_WEB_PUBLIC_TLS] = "--public needs TLS (--tls-cert FILE --tls-key "
	                       "FILE) or --behind-proxy (a proxy on this "
	                       "computer that terminates TLS)",
	[MSG_WEB_START]      = "cannot listen on %s: %s",
	[MSG_WEB_CRYPTO]     = "libsodium cannot be initialised: no random "
	                       "numbers for the login token",
	[MSG_WEB_TEMPLATE]   = "cannot read web template: %s",
	[MSG_WEB_TEXT_BAD]   = "not a line 'NAME<TAB>TEXT'",

	/* -- step 9: review states -- */
	[MSG_STATE_UNKNOWN]  = "'%s' is no review state: concept, wederhoor "
	                       "or vastgesteld",
	[MSG_STATE_SAME]     = "%s %d is %s already",
	[MSG_STATE_SKIP]     = "%s %d is concept: it goes to wederhoor before "
	                       "it is vastgesteld",
	[MSG_STATE_LOCKED]   = "%s %d is vastgesteld: nothing in it changes "
	                       "until it is reopened ('stj state "
	                       "--municipality \"%s\" --round %d concept "
	                       "--reason ...')",
	[MSG_STATE_GAP_NONE] = "approach '%s': nobody answered",
	[MSG_STATE_GAP_GEM]  = "approach '%s': the gemeente did not answer",
	[MSG_STATE_GAP_PARTNER] = "approach '%s': partner '%s' did not answer",
	[MSG_STATE_INCOMPLETE] = "%s %d is incomplete (%zu gaps above): it "
	                       "can be vastgesteld only with a reason that "
	                       "names each (the approach, or the partner)",

	/* -- step 9: web import and factsheet -- */

	/* -- step 9: web review -- */
	[MSG_OPS_DESC_APPROACH] = "a description is an approach's: name the "
	                       "approach",

	/* -- step 9: web server -- */
	[MSG_WEB_PROXY_LOOPBACK] = "--behind-proxy listens on a loopback "
	                       "address only (the proxy on this computer "
	                       "forwards to it), not on %s",
	[MSG_WEB_TLS_NONE]   = "this libmicrohttpd was built without TLS: "
	                       "use --behind-proxy with a proxy that "
	                       "terminates TLS",
	[MSG_WEB_TLS_CERT]   = "not a PEM certificate (-----BEGIN "
	                       "CERTIFICATE-----; GnuTLS: %s)",
	[MSG_WEB_TLS_KEY]    = "not a PEM private key (-----BEGIN PRIVATE "
	                       "KEY-----; GnuTLS: %s)",
	[MSG_WEB_TLS_KEY_PASS] = "the private key is encrypted: stj serve "
	                       "takes it without a passphrase (a file only "
	                       "its user can read)",
	[MSG_WEB_TLS_MISMATCH] = "not the private key of the certificate %s",
	[MSG_WEB_TLS_EXPIRED] = "the certificate expired on %s",
	[MSG_WEB_TLS_START]  = "cannot serve HTTPS on %s with this "
	                       "certificate and key",

	/* -- step 10: accounts -- */
	[MSG_ACCOUNT_EXISTS] = "there is an account '%s' already",
	[MSG_ACCOUNT_NONE]   = "no account '%s'",
	[MSG_ACCOUNT_NONE_HINT] = "no account '%s', did you mean '%s'?",
	[MSG_ACCOUNT_ROLE]   = "'%s' is no role: beheerder, inspecteur, "
	                       "gemeente or lezer",
	[MSG_ACCOUNT_NEEDS_MUN] = "a gemeente account belongs to one "
	                       "municipality: name it (--municipality)",
	[MSG_ACCOUNT_MUN_ONLY] = "only a gemeente account belongs to a "
	                       "municipality, not a %s",
	[MSG_ACCOUNT_NAME_LONG] = "an account name has at most %d characters",
	[MSG_ACCOUNT_SAME]   = "account '%s' is %s already",
	[MSG_ACCOUNT_CRYPTO] = "libsodium cannot be initialised: no password "
	                       "hashing",
	[MSG_ACCOUNT_HASH]   = "cannot hash the password: Argon2id needs "
	                       "%zu MiB of memory",
	[MSG_PASSWORD_SHORT] = "a password has at least %d characters (this "
	                       "one has %zu); a few words make a good one",
	[MSG_PASSWORD_LONG]  = "a password has at most %d characters",
	[MSG_PASSWORD_NAME]  = "the password is the account's name: choose "
	                       "another",
	[MSG_PASSWORD_MISMATCH] = "the two passwords differ: nothing changed",
	[MSG_PASSWORD_NONE]  = "no password: give it on standard input (one "
	                       "line)",
	[MSG_PASSWORD_TTY]   = "cannot read the password from the terminal: %s",

	/* -- step 10: invitations -- */
	/* -- step 10: approach -- */
	[MSG_APPROACH_EXISTS] = "approach '%s' is already in %s %d",
	[MSG_OPS_APPROACH_NAME] = "name the new approach",
	[MSG_OPS_PARTNERS_MAX] = "an approach has at most three network "
	                       "partners",
	/* -- step 10: reactions -- */
	[MSG_REACT_STATE]    = "%s %d is %s: the municipality reacts to the "
	                       "findings only while the round is in wederhoor",
	[MSG_REACT_GROUP]    = "'%s' is no merged group of '%s' (%s %d)",
	[MSG_REACT_NONE]     = "%s: there is nothing to withdraw",
	[MSG_NOTE_STATE]     = "%s %d is %s: progress notes are written for "
	                       "a vastgesteld round only",
	[MSG_NOTE_NOT_X]     = "%s is no verbeterpunt of '%s' in %s %d (its "
	                       "verdict is %c): a progress note is written per "
	                       "verbeterpunt (X)",
	[MSG_INV_NO_ID]      = "no invitation %lld",
	[MSG_INV_UNKNOWN]    = "unknown invitation link (a link that was "
	                       "re-issued no longer works)",
	[MSG_INV_EXPIRED]    = "the invitation expired at %s",
	[MSG_INV_REVOKED]    = "the invitation was revoked at %s",
	[MSG_INV_DONE]       = "the answers were submitted at %s: they can "
	                       "no longer be changed",
	[MSG_INV_TWICE]      = "'%s' is already invited for '%s' (%s %d): "
	                       "invitation %lld",
	[MSG_INV_IS_SUBMITTED] = "invitation %lld was submitted: reopen it "
	                       "first (stj invite --reopen)",
	[MSG_INV_NOT_SUBMITTED] = "invitation %lld was not submitted: nothing "
	                       "to reopen",
	[MSG_INV_IS_REVOKED] = "invitation %lld is already revoked",
	[MSG_INV_EMAIL]      = "'%s' is not an e-mail address",
	[MSG_INV_NO_EMAIL]   = "invitation %lld (%s) has no e-mail address: "
	                       "not sent",
	[MSG_INV_SMTP]       = "sending to %s failed: %s",
	[MSG_INV_TEMPLATE]   = "%s: %s",
	[MSG_INV_ANSWERED]   = "'%s' has already answered for '%s' (%s %d)",
	[MSG_INV_DRAFT_LINE] = "expected INDICATOR, a tab, the answer and "
	                       "optionally a tab and the toelichting",
	/* -- step 11: html -- */
	[MSG_FS_HTML_TEMPLATE] = "cannot read factsheet template: %s",
	[MSG_FS_HTML_PROGRESS] = "a progress report is written as PDF only",
	/* -- step 12: lss -- */
	[MSG_LS_CODE]        = "indicator %s has no LimeSurvey question code of "
	                       "its own (%s)",
	[MSG_LS_BAD_CODE]    = "column '%s' is no question of framework %s %s",

	/* -- step 10: actor -- */
	[MSG_ACCESS_NO_ACTOR] = "a change needs the account that makes it: "
	                       "none was given",
	[MSG_ACCESS_DENIED]  = "%s '%s' may not %s",

	/* -- step 12: xlsx -- */
	[MSG_XLSX_NOT_ZIP]   = "not an .xlsx workbook: %s",
	[MSG_XLSX_ENTRY_NAME] = "workbook entry '%s' has an absolute or '..' "
	                       "name: workbook refused",
	[MSG_XLSX_ENTRY_BIG] = "workbook entry '%s' inflates to more than %zu "
	                       "bytes: workbook refused",
	[MSG_XLSX_RATIO]     = "workbook entry '%s' inflates to more than %d "
	                       "times its compressed size (a zip bomb?): "
	                       "workbook refused",
	[MSG_XLSX_TOTAL]     = "the workbook inflates to more than %zu bytes: "
	                       "workbook refused",
	[MSG_XLSX_MISSING]   = "not an .xlsx workbook: no %s",
	[MSG_XLSX_NO_SHEET]  = "the workbook has no sheet",
	[MSG_XLSX_ROWS]      = "sheet '%s' has more than %ld rows: workbook "
	                       "refused",
	[MSG_XLSX_CELL_REF]  = "bad cell reference '%s'",
	[MSG_XLSX_ORDER]     = "cell %s is out of order",
	[MSG_XLSX_SST]       = "shared string %s does not exist",
	[MSG_XLSX_FORM_BIG]  = "the questionnaire's cells hold more than %zu "
	                       "bytes",
	[MSG_XLSX_WRITE]     = "cannot write the workbook: %s",
	[MSG_XLSX_BEYOND]    = "cell %s has a value but its column no header",
	[MSG_XLSX_ROW_OPEN]  = "row %ld does not end before the next row "
	                       "starts: workbook refused",
	[MSG_OVR_GOED_BETER] = "goed and beter are a theme's conclusion: give "
	                       "the theme's id as the indicator",
	[MSG_OVR_THEME_ROW]  = "theme %s takes goed and beter (its "
	                       "conclusion), not verdict, finding or letop",

	/* -- step 11: voice -- */
	[MSG_OPS_NEEDS_FINDING] = "%s: the mark %c goes against the proposal "
	                       "(%c) and needs a finding that says why; the "
	                       "drafted one argues for the proposal",

	/* -- step 11: layout -- */
	[MSG_OPS_PUBLISHED]  = "'%s' is no publication date: write YYYY-MM "
	                       "or YYYY-MM-DD (e.g. 2013-11)",
	/* -- step 13: docs -- */
	[MSG_BACKUP_SELF]    = "this is the database itself: a backup must "
	                       "go to another file",
	[MSG_BACKUP_FAILED]  = "backup failed: %s",
	[MSG_BACKUP_CHECK]   = "the copy fails its check (integrity_check, "
	                       "application_id): not kept",
	/* -- step 12: mapping -- */
	[MSG_MAP_UNMAPPED]   = "column %zu '%s' looks like an answer or a "
	                       "toelichting but maps to nothing (name it "
	                       "'1.1.1' or '1.1.1 toelichting', or map or "
	                       "ignore it: stj import --mapping)",
	[MSG_CSV_DUP_INDICATOR] = "indicator %s has a second %s column "
	                       "(column %zu '%s')",
	/* -- issue 18: framework versions -- */
	[MSG_MAP_NO_INDICATOR] = "%s: %s %s has no indicator %s",
	[MSG_MAP_TWICE]      = "indicator %s of %s is named twice in the "
	                       "mapping (also on line %ld)",
	[MSG_MAP_DROPPED_KEPT] = "dropped %s: this version still has an "
	                       "indicator %s (say where it went with "
	                       "renamed-from, split or merge instead)",
	[MSG_MAP_SELF]       = "a mapping from %s, the framework itself",
	[MSG_DIFF_ORDER]     = "framework diff compares an earlier version with "
	                       "a later one (the later one's mapping says what "
	                       "changed): give %s@%s first",
	/* -- step 14: mapping file -- */
	[MSG_MAPF_UNTERMINATED] = "unterminated %s",
	[MSG_MAPF_EXPECT]    = "expected %s after %s",
	[MSG_MAPF_TRAILING]  = "unexpected '%s' at the end of the line",
	[MSG_MAPF_GROUP]     = "'%s' names a group the pattern does not have",
	[MSG_MAPF_ID]        = "'%s' is no indicator id (write 1.1.1, or $1 "
	                       "for a group of the pattern)",
	[MSG_MAPF_TARGET]    = "'%s' is no target (gemeente, aanpak, ronde, "
	                       "rol, organisatie, antwoord ID, toelichting ID)",
	[MSG_MAPF_REGEX]     = "bad pattern /%s/: %s",
	[MSG_MAPF_ANSWER]    = "'%s' is no answer (ja, deels, nee, weet niet, "
	                       "n.v.t.)",
	[MSG_MAPF_FIELD]     = "'%s' is no field for a constant (gemeente, "
	                       "aanpak, ronde, rol, organisatie)",
	[MSG_MAPF_TWICE]     = "constant %s given twice (first at line %ld)",
	[MSG_MAPF_KEYWORD]   = "'%s': a line is kolom, negeer, antwoord or "
	                       "constant",
	[MSG_MAPF_CONST_COLUMN] = "constant %s, but column %zu '%s' maps to "
	                       "it too: remove one of them",
	[MSG_MAPF_WORDS]     = "'%s': a line is an answer text, a tab and ja, "
	                       "deels, nee, weet niet or n.v.t.",
	[MSG_MAPF_NO_EXPORT] = "no CSV or .xlsx export: nothing to suggest",
	[MSG_CSV_NOT_SUBMITTED] = "a response that was not submitted ('%s' "
	                       "is empty): export completed responses only, "
	                       "or remove the row",
	[MSG_CSV_NOT_FINISHED] = "a response that was not finished (Finished "
	                       "is '%s'): export finished responses only, or "
	                       "remove the row",
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
	free(d->cap_file);
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

#define NO_SUMMARY SIZE_MAX

/*
 * The summary line of the file being capped, rewritten in place for each
 * dropped diagnostic: its buffer has room for any count, so a million
 * dropped lines cost a million short formats and no allocation.
 */
static void
cap_summary(struct diags *d)
{
	const char *fmt = msg_fmt[MSG_MORE_ERRORS];
	size_t      size = strlen(fmt) + strlen(d->cap_file) + 24;

	if (d->cap_summary == NO_SUMMARY) {
		d->cap_summary = d->n;
		append(d, NULL, 0, xcalloc(1, size));
	}
	snprintf(d->v[d->cap_summary].text, size, fmt, d->cap_dropped,
	    d->cap_file);
}

/*
 * The per-file cap: 1 when file already has DIAGS_MAX_PER_FILE
 * diagnostics, and this one is only counted in its summary line. The
 * count is kept for the file last added to; coming back to an earlier
 * file recounts it (and a second summary line may follow).
 */
static int
capped(struct diags *d, const char *file)
{
	size_t i;

	if (file == NULL)
		return 0;
	if (d->cap_file == NULL || strcmp(d->cap_file, file) != 0) {
		free(d->cap_file);
		d->cap_file = xstrdup(file);
		d->cap_kept = 0;
		d->cap_dropped = 0;
		d->cap_summary = NO_SUMMARY;
		for (i = 0; i < d->n; i++)
			d->cap_kept += d->v[i].file != NULL &&
			    strcmp(d->v[i].file, file) == 0;
	}
	if (d->cap_kept < DIAGS_MAX_PER_FILE) {
		d->cap_kept++;
		return 0;
	}
	d->cap_dropped++;
	cap_summary(d);
	return 1;
}

void
diags_vadd(struct diags *d, const char *file, long line, enum msg id,
    va_list ap)
{
	va_list ap2;
	char   *text;
	int     n;

	if (capped(d, file))
		return;
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
	if (capped(d, file))
		return;
	append(d, file, line, xstrdup(text == NULL ? "(no message)" : text));
}

/*
 * Prints s escaped: a message quotes names and texts from the input, and
 * a control character in them must not reach the terminal (an escape
 * sequence can rewrite the screen or the clipboard) nor split the line.
 */
static void
put(FILE *f, const char *s)
{
	fput_escaped(f, s, strlen(s), 0);
}

void
diags_print(const struct diags *d, FILE *f)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];

		if (g->file != NULL) {
			put(f, g->file);
			if (g->line > 0)
				fprintf(f, ":%ld", g->line);
		} else
			fputs("stj", f);
		fputs(": ", f);
		put(f, g->text);
		fputc('\n', f);
	}
}
