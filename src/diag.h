/*
 * diag: diagnostics collected by the stages and printed only by the CLI.
 *
 * Owns: the message table (every message the tool itself writes about an
 * input lives in diag.c, one line each) and the list type that stages fill.
 * Library code never prints and never exits: it appends here and returns a
 * status; main() prints "file:line: message" (or "stj: message") and picks
 * the exit code.
 */
#ifndef STJ_DIAG_H
#define STJ_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

enum msg {
	MSG_IO,              /* %s: strerror */
	MSG_TOO_BIG,         /* %zu: limit in bytes */
	MSG_NOMEM,
	MSG_DOCTYPE,         /* DOCTYPE refused */
	MSG_XML_EMPTY,
	MSG_SCHEMA_BAD,      /* %s: schema path */
	MSG_ROOT,            /* %s: expected root, %s: found */
	MSG_DUP_ID,          /* %s kind, %s id, %ld first line */
	MSG_ID_POSITION,     /* %s kind, %s id, %s expected */
	MSG_RULE_UNKNOWN,    /* %s rule, %s known list */
	MSG_RULE_ROLE,       /* %s rule, %s role */
	MSG_SCALE_UNKNOWN,   /* %s scale */
	MSG_SCALE_DUP_CODE,  /* %s code */
	MSG_ROLE_TWICE,      /* %s role */
	MSG_RENAME_SELF,     /* %s id */
	MSG_FW_DUPLICATE,    /* %s id, %s version, %s other file */
	MSG_FW_NOT_FOUND,    /* %s id */
	MSG_FW_NONE,         /* %s searched dirs */
	MSG_DB_NEWER,        /* %d found, %d supported */
	MSG_DB_FOREIGN,      /* not an stj database */
	MSG_CSV_FIELD_BIG,   /* %zu limit */
	MSG_CSV_UTF8,
	MSG_CSV_NUL,
	MSG_CSV_TOO_MANY,    /* %zu limit */
	MSG_CSV_UNTERMINATED,
	MSG_CSV_STRAY_QUOTE,
	MSG_ROUND_FRAMEWORK,   /* %s mun, %d year, %s have, %s id, %s ver */
	MSG_RESP_STORED,       /* %s org, %s appr, %s mun, %d year, %s src */
	MSG_TOO_MANY_GEMEENTE, /* %s appr, %s mun, %d year */
	MSG_TOO_MANY_PARTNERS, /* %s appr, %s mun, %d year */
	MSG_CSV_DUP_COLUMN,    /* %s header */
	MSG_UNKNOWN_INDICATOR, /* %s id, %s fw, %s version */
	MSG_CSV_MISSING_COLUMN,/* %s name */
	MSG_CSV_NO_INDICATORS,
	MSG_BAD_ANSWER,        /* %s text, %s indicator */
	MSG_NOT_ASKED,         /* %s indicator, %s role */
	MSG_CSV_RAGGED,        /* %zu fields, %zu header fields */
	MSG_EMPTY_FIELD,       /* %s column */
	MSG_BAD_ROUND,         /* %s text */
	MSG_BAD_ROLE,          /* %s text */
	MSG_FW_NOT_INSTALLED,  /* %s id, %s version */
	MSG_IMPORT_NOTHING,
	MSG_NO_MUNICIPALITY,   /* %s */
	MSG_NO_ROUND,          /* %s, %d */
	MSG_NO_APPROACH,       /* %s approach, %s mun, %d round */
	MSG_NO_OVERRIDE,       /* %s indicator, %s approach */
	MSG_BAD_VERDICT,       /* %s */
	MSG_NO_THEME,          /* %s */
	MSG_BAD_MERGE,         /* %s first, %s last */
	MSG_MERGE_OVERLAP,     /* %s indicator */
	MSG_ROUND_EXISTS,      /* %s mun, %d year */
	MSG_DB_BUSY,           /* %g seconds waited */
	MSG_TEMPLATE_MISSING,  /* %s kind, %s id */
	MSG_TEMPLATE_COLUMNS,  /* %s table, %zu found, %zu expected */
	MSG_TEMPLATE_WIDTH,    /* %s table, %.1f columns, %.1f content */
	/* -- step 8: output files -- */
	MSG_OUT_NOT_REGULAR,   /* an existing target we must not replace */
	MSG_OUT_WRITE,         /* %s: strerror */
	MSG_OUT_SAME_NAME,     /* %s mun, %d year, %s other mun, %d its year */
	MSG_OUT_NOT_WRITTEN,   /* %zu failed, %zu all, %s the list */
	MSG_OUT_WORKER,        /* %d signal */

	/* -- step 8: input -- */
	MSG_MORE_ERRORS,       /* %zu dropped, %s file */
	MSG_UTF16_NO_BOM,
	MSG_UTF16_BAD,
	MSG_CSV_AMBIGUOUS,     /* %s header, %s indicator */
	MSG_RESP_TWICE,        /* %s org, %s appr, %s mun, %d year, %ld line */
	MSG_RESP_TWICE_FILE,   /* the same, %s file, %ld line */
	MSG_NAME_CONTROL,      /* %s what, %s code point */
	MSG_TEXT_CONTROL,      /* %s what, %s code point */

	/* -- step 8: names -- */
	MSG_NAME_MATCHED,      /* %s as given, %s as stored */
	MSG_NAME_UTF8,         /* %s kind of name */
	MSG_NAME_BLANK,        /* %s kind of name */
	MSG_NO_MUNICIPALITY_HINT, /* %s typed, %s suggestion */
	MSG_NO_APPROACH_HINT,  /* %s appr, %s mun, %d round, %s suggestion */
	MSG_DOSSIER_NO_APPROACH, /* %s appr, %s mun, %d round, %s names */
	MSG_DOSSIER_NO_PARTNER,  /* %s org, %s appr, %s mun, %d round, %s names */

	/* -- step 8: database -- */
	MSG_DB_MISSING,        /* no such database file */
	MSG_DB_FOREIGN_TABLES, /* no application_id, another program's tables */
	MSG_DB_EMPTY,          /* read from a database nothing was stored in */
	MSG_DB_READONLY,       /* a writer on a file it cannot write */
	MSG_DB_UPGRADE,        /* a reader on an older schema it cannot write */
	MSG_DB_WAL_READONLY,   /* %s path: WAL needs PATH-shm */

	/* -- step 8: audit and command line -- */
	MSG_TEST_NOW_BAD,      /* STJ_TEST_NOW malformed */
	MSG_TEXT_UTF8,         /* %s what */
	MSG_TEXT_LINE_BREAK,   /* %s what */
	MSG_ARG_CONTROL,       /* %s what, %04X code point */
	MSG_OVR_LINE_BIG,      /* %zu limit */
	MSG_OVR_NO_HEADER,
	MSG_OVR_BAD_COLUMN,    /* %s header, %s known */
	MSG_OVR_NO_CHANGE_COLUMN,
	MSG_OVR_NOTHING,
	MSG_OVR_NONE_APPLIED,  /* %zu errors */

	/* -- step 8: rendering -- */
	MSG_PDF_GLYPHS,        /* %s pdf, %s "U+1F600 (😀), …", %s it/them */
	MSG_PDF_RTL,           /* %s pdf */
	MSG_PDF_WHERE,         /* %s "U+1F600 (😀)", %s where it is */

	/* -- step 8: tsv and tests -- */

	/* -- step 9: library layer -- */
	MSG_OPS_NO_REASON,     /* a change without a reason */
	MSG_OPS_LETOP_BOTH,    /* a LET OP written and withdrawn at once */
	MSG_OPS_REVERT_ALONE,  /* a revert with a change beside it */
	MSG_OPS_NOTHING,       /* a change that names nothing to change */
	MSG_OPS_STALE,         /* %s what, %s who, %s when */

	/* -- step 9: web -- */
	MSG_WEB_LISTEN_BAD,    /* %s the --listen value */
	MSG_WEB_NOT_LOOPBACK,  /* %s the --listen value */
	MSG_WEB_PUBLIC_TLS,
	MSG_WEB_START,         /* %s address, %s why */
	MSG_WEB_CRYPTO,
	MSG_WEB_TEMPLATE,      /* %s why */
	MSG_WEB_TEXT_BAD,

	/* -- step 9: review states -- */
	MSG_STATE_UNKNOWN,     /* %s the state typed */
	MSG_STATE_SAME,        /* %s mun, %d round, %s state */
	MSG_STATE_SKIP,        /* %s mun, %d round */
	MSG_STATE_LOCKED,      /* %s mun, %d round, %s mun, %d round */
	MSG_STATE_GAP_NONE,    /* %s approach: nobody answered */
	MSG_STATE_GAP_GEM,     /* %s approach: no gemeente */
	MSG_STATE_GAP_PARTNER, /* %s approach, %s partner */
	MSG_STATE_INCOMPLETE,  /* %s mun, %d round, %zu gaps */

	/* -- step 9: web import and factsheet -- */

	/* -- step 9: web review -- */
	MSG_OPS_DESC_APPROACH,   /* a description without its approach */

	/* -- step 9: web server -- */
	MSG_WEB_PROXY_LOOPBACK, /* %s the --listen value */
	MSG_WEB_TLS_NONE,      /* libmicrohttpd built without TLS */
	MSG_WEB_TLS_CERT,      /* %s why (on the certificate file) */
	MSG_WEB_TLS_KEY,       /* %s why (on the key file) */
	MSG_WEB_TLS_KEY_PASS,  /* an encrypted key (on the key file) */
	MSG_WEB_TLS_MISMATCH,  /* %s the certificate file (on the key file) */
	MSG_WEB_TLS_EXPIRED,   /* %s date (on the certificate file) */
	MSG_WEB_TLS_START,     /* %s address: TLS refused at start */

	/* -- step 10: accounts -- */
	MSG_ACCOUNT_EXISTS,    /* %s the stored name */
	MSG_ACCOUNT_NONE,      /* %s name */
	MSG_ACCOUNT_NONE_HINT, /* %s name, %s suggestion */
	MSG_ACCOUNT_ROLE,      /* %s the role typed */
	MSG_ACCOUNT_NEEDS_MUN, /* a gemeente account without municipality */
	MSG_ACCOUNT_MUN_ONLY,  /* %s role: a municipality for another role */
	MSG_ACCOUNT_NAME_LONG, /* %d limit */
	MSG_ACCOUNT_SAME,      /* %s name, %s "disabled"/"enabled" */
	MSG_ACCOUNT_CRYPTO,    /* libsodium does not start */
	MSG_ACCOUNT_HASH,      /* %zu MiB: crypto_pwhash_str failed */
	MSG_PASSWORD_SHORT,    /* %d minimum, %zu given */
	MSG_PASSWORD_LONG,     /* %d maximum */
	MSG_PASSWORD_NAME,     /* the password is the account's name */
	MSG_PASSWORD_MISMATCH, /* the two typed differ */
	MSG_PASSWORD_NONE,     /* nothing on standard input */
	MSG_PASSWORD_TTY,      /* %s: strerror of the terminal */

	/* -- step 10: invitations -- */
	/* -- step 10: approach -- */
	MSG_APPROACH_EXISTS,   /* %s appr, %s mun, %d round */
	MSG_OPS_APPROACH_NAME, /* a new approach without its name */
	MSG_OPS_PARTNERS_MAX,  /* more than three partners */
	/* -- step 10: reactions -- */
	MSG_REACT_STATE,       /* %s mun, %d round, %s state */
	MSG_REACT_GROUP,       /* %s key, %s appr, %s mun, %d round */
	MSG_REACT_NONE,        /* %s what: nothing to withdraw */
	MSG_NOTE_STATE,        /* %s mun, %d round, %s state */
	MSG_NOTE_NOT_X,        /* %s ind, %s appr, %s mun, %d round, %c mark */
	MSG_INV_NO_ID,         /* %lld id */
	MSG_INV_UNKNOWN,       /* a token that opens nothing */
	MSG_INV_EXPIRED,       /* %s when */
	MSG_INV_REVOKED,       /* %s when */
	MSG_INV_DONE,          /* %s when */
	MSG_INV_TWICE,         /* %s org, %s appr, %s mun, %d round, %lld id */
	MSG_INV_IS_SUBMITTED,  /* %lld id */
	MSG_INV_NOT_SUBMITTED, /* %lld id */
	MSG_INV_IS_REVOKED,    /* %lld id */
	MSG_INV_EMAIL,         /* %s address */
	MSG_INV_NO_EMAIL,      /* %lld id, %s org */
	MSG_INV_SMTP,          /* %s recipient, %s why */
	MSG_INV_TEMPLATE,      /* %s path, %s why */
	MSG_INV_ANSWERED,      /* %s org, %s appr, %s mun, %d round */
	MSG_INV_DRAFT_LINE,    /* a line of a draft file that is no answer */
	/* -- step 11: html -- */
	MSG_FS_HTML_TEMPLATE,  /* %s why */
	MSG_FS_HTML_PROGRESS,  /* a progress report has no HTML form */
	/* -- step 12: lss -- */
	MSG_LS_CODE,           /* %s id, %s other id */
	MSG_LS_BAD_CODE,       /* %s column, %s fw, %s version */

	/* -- step 10: actor -- */
	MSG_ACCESS_NO_ACTOR,   /* a change without an actor (a caller's bug) */
	MSG_ACCESS_DENIED,     /* %s role, %s name, %s what it may not do */

	/* -- step 12: xlsx -- */
	MSG_XLSX_NOT_ZIP,      /* %s: libzip's reason */
	MSG_XLSX_ENTRY_NAME,   /* %s entry name */
	MSG_XLSX_ENTRY_BIG,    /* %s entry, %zu limit */
	MSG_XLSX_RATIO,        /* %s entry, %d ratio */
	MSG_XLSX_TOTAL,        /* %zu limit */
	MSG_XLSX_MISSING,      /* %s part */
	MSG_XLSX_NO_SHEET,     /* the workbook lists no sheet */
	MSG_XLSX_ROWS,         /* %s sheet, %ld limit */
	MSG_XLSX_CELL_REF,     /* %s reference */
	MSG_XLSX_ORDER,        /* %s reference: not after the one before */
	MSG_XLSX_SST,          /* %s index */
	MSG_XLSX_FORM_BIG,     /* %zu limit */
	MSG_XLSX_WRITE,        /* %s: libxlsxwriter's reason */
	MSG_XLSX_BEYOND,       /* %s reference: a value without a header */
	MSG_XLSX_ROW_OPEN,     /* %ld the row that did not end */
	MSG_OVR_GOED_BETER,    /* goed/beter on an indicator's row */
	MSG_OVR_THEME_ROW,     /* %s theme: verdict/finding/letop on it */

	/* -- step 11: voice -- */
	MSG_OPS_NEEDS_FINDING, /* %s ind, %c mark, %c proposal */

	/* -- step 11: layout -- */
	MSG_OPS_PUBLISHED,     /* %s date: no YYYY-MM[-DD] */
	/* -- step 13: docs -- */
	MSG_BACKUP_SELF,       /* dest is the database itself */
	MSG_BACKUP_FAILED,     /* %s sqlite's why */
	MSG_BACKUP_CHECK,      /* the copy fails integrity_check or is not ours */
	/* -- step 12: mapping -- */
	MSG_MAP_UNMAPPED,      /* %zu column, %s header */
	MSG_CSV_DUP_INDICATOR, /* %s indicator, %s what, %zu col, %s header */
	/* -- step 14: mapping file -- */
	MSG_MAPF_UNTERMINATED, /* %s what */
	MSG_MAPF_EXPECT,       /* %s expected, %s after */
	MSG_MAPF_TRAILING,     /* %s rest of line */
	MSG_MAPF_GROUP,        /* %s $N */
	MSG_MAPF_ID,           /* %s id */
	MSG_MAPF_TARGET,       /* %s target */
	MSG_MAPF_REGEX,        /* %s pattern, %s why */
	MSG_MAPF_ANSWER,       /* %s answer */
	MSG_MAPF_FIELD,        /* %s field */
	MSG_MAPF_TWICE,        /* %s field, %ld first line */
	MSG_MAPF_KEYWORD,      /* %s word */
	MSG_MAPF_CONST_COLUMN, /* %s field, %zu col, %s header */
	MSG_MAPF_WORDS,        /* %s line of the answer-word table */
	MSG_MAPF_NO_EXPORT,    /* suggest: no CSV or .xlsx */

	/* -- issue 18: framework versions -- */
	MSG_MAP_NO_INDICATOR,  /* %s what, %s fw id, %s version, %s ind */
	MSG_MAP_TWICE,         /* %s ind, %s from, %ld line */
	MSG_MAP_DROPPED_KEPT,  /* %s ind */
	MSG_MAP_SELF,          /* %s ref */
	MSG_DIFF_ORDER,        /* %s id, %s version: the earlier one */

	/* a survey tool's row of a response that was not completed */
	MSG_CSV_NOT_SUBMITTED, /* %s column */
	MSG_CSV_NOT_FINISHED,  /* %s value */

	MSG__COUNT
};

struct diag {
	char *file;   /* NULL when no file is involved */
	long  line;   /* 0 when unknown */
	char *text;
};

/*
 * At most this many diagnostics are kept per input file; the rest are
 * counted into one "... and N more errors in FILE" line, so a hostile file
 * with a million bad cells costs a million counts, not a million lines.
 */
#define DIAGS_MAX_PER_FILE 100

struct diags {
	struct diag *v;
	size_t       n, cap;
	/* The per-file cap: the file last added to, its count, its summary. */
	char        *cap_file;
	size_t       cap_kept, cap_dropped, cap_summary;
};

void diags_init(struct diags *d);
void diags_free(struct diags *d);
/*
 * Appends message id formatted with its arguments (see enum msg). Past
 * DIAGS_MAX_PER_FILE for one file, it is counted instead (see above).
 */
void diags_add(struct diags *d, const char *file, long line, enum msg id, ...);
void diags_vadd(struct diags *d, const char *file, long line, enum msg id,
    va_list ap);
/* Appends text as is (trailing newlines dropped): for libxml2's own words. */
void diags_add_text(struct diags *d, const char *file, long line,
    const char *text);
/* Prints every diagnostic as "file:line: text" (or "stj: text"). */
void diags_print(const struct diags *d, FILE *f);

#endif
