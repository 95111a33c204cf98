/*
 * cmd_override: "stj override" (change any part of a proposal, with a
 * reason; or --revert; or a file of such changes) and "stj history" (the
 * audit log).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "csv.h"
#include "cli.h"
#include "ops.h"
#include "util.h"

static const char override_usage[] =
"usage: stj override --municipality M [--round Y] --approach A --indicator ID\n"
"           [--verdict V|X|-] [--finding TEXT] [--letop TEXT | --no-letop]\n"
"           [--revert] --reason TEXT [--inspector NAME]\n"
"\n"
"Changes the proposal for one approach and indicator, or returns to it\n"
"(--revert), and says in one line what changed. The round defaults to\n"
"the latest. --verdict takes V (also v or \xe2\x88\x9a), X (also x) or -.\n"
"The reason is required; every change is kept in the append-only audit\n"
"log ('stj history') with who, when, old and new value. The inspector\n"
"defaults to $USER. A reason and a name are one line of plain text.\n"
"\n"
"       stj override --file FILE.tsv [--inspector NAME]\n"
"\n"
"applies the overrides in FILE in one transaction: all or none. FILE is\n"
"tab-separated; its first line names the columns, in any order:\n"
"gemeente, ronde, aanpak, indicator, reden, and verdict, finding and/or\n"
"letop (an empty cell keeps what stands; letop '-' withdraws the LET OP).\n";

static const char history_usage[] =
"usage: stj history --municipality M [--round Y]\n"
"\n"
"Prints the audit log of every round (or of round Y): when, who, round,\n"
"approach, indicator, field, old and new value, and the reason. Control\n"
"characters are shown escaped (\\n, \\t, \\x1B), a backslash as \\\\.\n";

/*
 * Writes s for a terminal, escaped as a TSV cell is (util.h): an old
 * database may hold a reason written before control characters were
 * refused; raw, it would forge lines of the log or drive the terminal
 * (ESC sequences). The backslash is doubled, so the escapes read back.
 */
static void
put_safe(const char *s, FILE *f)
{
	fput_escaped(f, s, strlen(s), 1);
}

/* One override in its own transaction; prints what changed. */
static int
apply(const struct cli *cli, struct store_change *c)
{
	struct framework_set set;
	struct diags         d;
	struct store        *s;
	struct ops          *x = NULL;
	char                *said = NULL;
	int                  changed, rc = EXIT_ERROR;

	diags_init(&d);
	/* The frameworks load before a transaction holds the write lock. */
	cli_load_frameworks(cli, &set);
	if ((s = store_open(cli->db, STORE_WRITE, &d)) != NULL &&
	    ops_override((x = ops_new(s, &set)), c, OPS_ANY, &said, &changed,
	    &d) == 0) {
		put_safe(said, stdout);
		putchar('\n');
		rc = EXIT_OK;
	}
	ops_free(x);
	free(said);
	store_close(s);
	framework_set_free(&set);
	cli_flush(&d);
	return rc;
}

/* ---- override --file ------------------------------------------------ */

/* The columns of an overrides file; the first OC_REQUIRED are required. */
enum { OC_GEMEENTE, OC_RONDE, OC_AANPAK, OC_INDICATOR, OC_REDEN,
    OC_VERDICT, OC_FINDING, OC_LETOP, OC__COUNT };
#define OC_REQUIRED 5
#define OC_KNOWN "gemeente, ronde, aanpak, indicator, reden; verdict, " \
    "finding, letop"

static const char *const ocol_name[OC__COUNT] = {
	"gemeente", "ronde", "aanpak", "indicator", "reden", "verdict",
	"finding", "letop"
};

struct ovr_file {
	const char *path;
	FILE       *f;
	char       *buf;      /* the current line, without its line break */
	size_t      cap;
	ssize_t     len;
	long        line;
	int         col[OC__COUNT];   /* field of each column; -1: absent */
	size_t      ncols;            /* fields of the header */
	char      **fields;
};

/* Next line into of->buf: 1, 0 at the end, -1 on a read error. */
static int
read_line(struct ovr_file *of, struct diags *d)
{
	errno = 0;
	if ((of->len = getline(&of->buf, &of->cap, of->f)) == -1) {
		if (ferror(of->f)) {
			diags_add(d, of->path, of->line + 1, MSG_IO,
			    strerror(errno ? errno : EIO));
			return -1;
		}
		return 0;
	}
	of->line++;
	if (of->len > 0 && of->buf[of->len - 1] == '\n')
		of->buf[--of->len] = '\0';
	if (of->len > 0 && of->buf[of->len - 1] == '\r')
		of->buf[--of->len] = '\0';
	/* A spreadsheet's UTF-8 export may start with a byte order mark. */
	if (of->line == 1 && strncmp(of->buf, "\xef\xbb\xbf", 3) == 0) {
		memmove(of->buf, of->buf + 3, (size_t)of->len - 2);
		of->len -= 3;
	}
	return 1;
}

/* The line as text: -1 after a diagnostic at its line. */
static int
line_check(const struct ovr_file *of, struct diags *d)
{
	if ((size_t)of->len > CSV_MAX_FIELD) {
		diags_add(d, of->path, of->line, MSG_OVR_LINE_BIG,
		    (size_t)CSV_MAX_FIELD);
		return -1;
	}
	if (memchr(of->buf, '\0', (size_t)of->len) != NULL) {
		diags_add(d, of->path, of->line, MSG_CSV_NUL);
		return -1;
	}
	if (!utf8_valid(of->buf, (size_t)of->len)) {
		diags_add(d, of->path, of->line, MSG_CSV_UTF8);
		return -1;
	}
	return 0;
}

/* Splits the line at tabs into of->fields (up to max); the full count. */
static size_t
split_tabs(struct ovr_file *of, size_t max)
{
	char  *p = of->buf, *tab;
	size_t n = 0;

	for (;;) {
		tab = strchr(p, '\t');
		if (tab != NULL)
			*tab = '\0';
		if (n < max)
			of->fields[n] = p;
		n++;
		if (tab == NULL)
			return n;
		p = tab + 1;
	}
}

/*
 * A cell as meant: spaces around it trimmed, and a cell in double quotes
 * (as a spreadsheet saves one that holds a quote) unquoted with its
 * doubled quotes made single. NULL for a quote that does not close.
 */
static char *
cell_text(char *s)
{
	char  *end, *r, *w;
	size_t len;

	s += strspn(s, " ");
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		s[--len] = '\0';
	if (s[0] != '"')
		return s;
	end = s + len - 1;
	if (len < 2 || *end != '"')
		return NULL;
	*end = '\0';
	for (r = w = s + 1; *r != '\0'; r++) {
		if (*r == '"' && *++r != '"')
			return NULL;
		*w++ = *r;
	}
	*w = '\0';
	return s + 1;
}

/* Which column name names; OC__COUNT for none. */
static size_t
column_of(const char *name)
{
	size_t k;

	for (k = 0; name != NULL && k < OC__COUNT; k++)
		if (strcasecmp(name, ocol_name[k]) == 0)
			return k;
	return OC__COUNT;
}

/* Which field holds which column; -1 after errors. */
static int
header_columns(struct ovr_file *of, struct diags *d)
{
	size_t i, k;
	int    errors = 0;

	for (i = 0; i < of->ncols; i++) {
		k = column_of(of->fields[i]);
		if (of->fields[i] == NULL)
			diags_add(d, of->path, 1, MSG_CSV_STRAY_QUOTE);
		else if (k == OC__COUNT)
			diags_add(d, of->path, 1, MSG_OVR_BAD_COLUMN,
			    of->fields[i], OC_KNOWN);
		else if (of->col[k] != -1)
			diags_add(d, of->path, 1, MSG_CSV_DUP_COLUMN,
			    of->fields[i]);
		else {
			of->col[k] = (int)i;
			continue;
		}
		errors++;
	}
	for (k = 0; errors == 0 && k < OC_REQUIRED; k++)
		if (of->col[k] == -1) {
			diags_add(d, of->path, 1, MSG_CSV_MISSING_COLUMN,
			    ocol_name[k]);
			errors++;
		}
	if (errors == 0 && of->col[OC_VERDICT] == -1 &&
	    of->col[OC_FINDING] == -1 && of->col[OC_LETOP] == -1) {
		diags_add(d, of->path, 1, MSG_OVR_NO_CHANGE_COLUMN);
		errors++;
	}
	return errors ? -1 : 0;
}

/*
 * Reads the header, line 1. A first line that names no column at all is
 * data: the header is missing (it used to be skipped unread, and with it
 * the first override).
 */
static int
read_header(struct ovr_file *of, struct diags *d)
{
	size_t i, n, known = 0;
	int    rc;

	if ((rc = read_line(of, d)) == -1)
		return -1;
	if (rc == 0 || of->buf[strspn(of->buf, " \t")] == '\0') {
		diags_add(d, of->path, of->line, MSG_OVR_NO_HEADER);
		return -1;
	}
	if (line_check(of, d) == -1)
		return -1;
	for (n = 1, i = 0; of->buf[i] != '\0'; i++)
		n += of->buf[i] == '\t';
	of->fields = xcalloc(n, sizeof(*of->fields));
	of->ncols = split_tabs(of, n);
	for (i = 0; i < n; i++) {
		of->fields[i] = cell_text(of->fields[i]);
		known += column_of(of->fields[i]) != OC__COUNT;
	}
	if (known == 0) {
		diags_add(d, of->path, 1, MSG_OVR_NO_HEADER);
		return -1;
	}
	for (i = 0; i < OC__COUNT; i++)
		of->col[i] = -1;
	return header_columns(of, d);
}

/* Column k of the current row: its text, "" when absent. */
static const char *
cell(const struct ovr_file *of, int k)
{
	return of->col[k] == -1 ? "" : of->fields[of->col[k]];
}

/* The reason, finding and LET OP of a row: checked text or NULL. */
static int
row_texts(const struct ovr_file *of, struct store_change *c,
    struct diags *d)
{
	const char *reden = cell(of, OC_REDEN), *letop = cell(of, OC_LETOP);

	if (*reden == '\0') {
		diags_add(d, of->path, of->line, MSG_EMPTY_FIELD, "reden");
		return -1;
	}
	if (ops_text_check("'reden'", reden, 0, of->path, of->line, d) == -1 ||
	    ops_text_check("'finding'", cell(of, OC_FINDING), 0, of->path,
	    of->line, d) == -1 ||
	    ops_text_check("'letop'", letop, 0, of->path, of->line, d) == -1)
		return -1;
	c->reason = reden;
	c->finding = *cell(of, OC_FINDING) ? cell(of, OC_FINDING) : NULL;
	c->no_letop = strcmp(letop, "-") == 0;
	c->letop = *letop && !c->no_letop ? letop : NULL;
	return 0;
}

/* The current row as a change (strings in of->buf). -1 after errors. */
static int
read_row(struct ovr_file *of, struct store_change *c, struct diags *d)
{
	const char *verdict;
	size_t      n = split_tabs(of, of->ncols), k;

	memset(c, 0, sizeof(*c));
	if (n != of->ncols) {
		diags_add(d, of->path, of->line, MSG_CSV_RAGGED, n, of->ncols);
		return -1;
	}
	for (k = 0; k < n; k++)
		if ((of->fields[k] = cell_text(of->fields[k])) == NULL) {
			diags_add(d, of->path, of->line, MSG_CSV_STRAY_QUOTE);
			return -1;
		}
	for (k = 0; k < OC_REQUIRED; k++)
		if (k != OC_REDEN && *cell(of, (int)k) == '\0') {
			diags_add(d, of->path, of->line, MSG_EMPTY_FIELD,
			    ocol_name[k]);
			return -1;
		}
	c->key.municipality = cell(of, OC_GEMEENTE);
	c->key.approach = cell(of, OC_AANPAK);
	c->key.indicator = cell(of, OC_INDICATOR);
	if (cli_parse_round(cell(of, OC_RONDE), &c->key.round) == -1) {
		diags_add(d, of->path, of->line, MSG_BAD_ROUND,
		    cell(of, OC_RONDE));
		return -1;
	}
	verdict = cell(of, OC_VERDICT);
	if (*verdict != '\0' && (c->verdict = cli_parse_verdict(verdict)) ==
	    NULL) {
		diags_add(d, of->path, of->line, MSG_BAD_VERDICT, verdict);
		return -1;
	}
	if (row_texts(of, c, d) == -1)
		return -1;
	if (c->verdict == NULL && c->finding == NULL && c->letop == NULL &&
	    !c->no_letop) {
		diags_add(d, of->path, of->line, MSG_OVR_NOTHING);
		return -1;
	}
	return 0;
}

/* Moves the messages of one row to d, at the row's file:line. */
static void
at_line(struct diags *one, struct diags *d, const char *path, long line)
{
	size_t i;

	for (i = 0; i < one->n; i++)
		diags_add_text(d, one->v[i].file ? one->v[i].file : path,
		    one->v[i].file ? one->v[i].line : line, one->v[i].text);
	diags_free(one);
}

/* Applies every row of of; counts rows that changed and that did not. */
static size_t
apply_rows(struct ops *x, struct ovr_file *of, const char *who,
    const char *at, size_t *applied, size_t *unchanged, struct diags *d)
{
	struct store_change c;
	struct diags        one;
	char               *said;
	size_t              errors = 0;
	int                 rc, changed;

	while ((rc = read_line(of, d)) == 1) {
		if (of->buf[strspn(of->buf, " \t")] == '\0')
			continue;   /* a blank line holds no override */
		diags_init(&one);
		if (line_check(of, &one) == -1 || read_row(of, &c, &one) == -1) {
			errors++;
		} else {
			c.who = who;
			c.at = at;
			if (ops_override(x, &c, OPS_ANY, &said, &changed,
			    &one) == -1)
				errors++;
			else if (changed)
				(*applied)++;
			else
				(*unchanged)++;
			free(said);
		}
		at_line(&one, d, of->path, of->line);
	}
	return errors + (rc == -1);
}

/* "applied 4 overrides from FILE; 2 were already in place" */
static void
report_applied(const char *path, size_t applied, size_t unchanged)
{
	printf("applied %zu override%s from ", applied,
	    applied == 1 ? "" : "s");
	put_safe(path, stdout);
	if (unchanged > 0)
		printf("; %zu %s already in place", unchanged,
		    unchanged == 1 ? "was" : "were");
	putchar('\n');
}

static int
apply_file(const struct cli *cli, const char *path, const char *who)
{
	struct framework_set set;
	struct ovr_file      of;
	struct diags         d;
	struct store        *s = NULL;
	struct ops          *x;
	char                 at[32];
	size_t               errors = 0, applied = 0, unchanged = 0;
	int                  rc = EXIT_ERROR;

	diags_init(&d);
	memset(&of, 0, sizeof(of));
	of.path = path;
	cli_timestamp(at);
	if ((of.f = fopen(path, "r")) == NULL) {
		diags_add(&d, path, 0, MSG_IO, strerror(errno));
		goto out;
	}
	if (read_header(&of, &d) == -1 ||
	    (s = store_open(cli->db, STORE_WRITE, &d)) == NULL)
		goto out;
	/* The frameworks load before the batch holds the write lock. */
	cli_load_frameworks(cli, &set);
	x = ops_new(s, &set);
	if (ops_batch_begin(x, &d) == 0) {
		errors = apply_rows(x, &of, who, at, &applied, &unchanged, &d);
		if (errors > 0)
			diags_add(&d, path, 0, MSG_OVR_NONE_APPLIED, errors);
		if (ops_batch_end(x, errors == 0 ? 0 : -1, &d) == 0) {
			report_applied(path, applied, unchanged);
			rc = EXIT_OK;
		}
	}
	ops_free(x);
	framework_set_free(&set);
out:
	if (of.f != NULL)
		fclose(of.f);
	free(of.buf);
	free(of.fields);
	store_close(s);
	cli_flush(&d);
	return rc;
}

/* ---- the command ---------------------------------------------------- */

/* Checks the options of one change; EXIT_USAGE after the message. */
static int
check_change(struct store_change *c, const char *who, char at[32], int argc,
    char **argv)
{
	int rc;

	if (!c->key.municipality || !c->key.approach || !c->key.indicator)
		return cli_usage_error("override ", "--municipality, "
		    "--approach and --indicator are required");
	if ((rc = cli_change_begin(c, who, at, "override ")) != 0)
		return rc;
	if (c->letop != NULL && c->no_letop)
		return cli_usage_error("override ",
		    "--letop and --no-letop exclude each other");
	if (c->revert == (c->verdict || c->finding || c->letop || c->no_letop))
		return cli_usage_error("override ", c->revert ?
		    "--revert takes no other change" :
		    "nothing to change: give --verdict, --finding, --letop, "
		    "--no-letop or --revert");
	if (optind < argc)
		return cli_usage_error("override ", "unexpected '%s'",
		    argv[optind]);
	return 0;
}

int
cmd_override(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "round",        required_argument, NULL, 'y' },
		{ "approach",     required_argument, NULL, 'a' },
		{ "indicator",    required_argument, NULL, 'i' },
		{ "verdict",      required_argument, NULL, 'v' },
		{ "finding",      required_argument, NULL, 'f' },
		{ "letop",        required_argument, NULL, 'l' },
		{ "no-letop",     no_argument,       NULL, 'L' },
		{ "revert",       no_argument,       NULL, 'R' },
		{ "reason",       required_argument, NULL, 'r' },
		{ "inspector",    required_argument, NULL, 'w' },
		{ "file",         required_argument, NULL, 'F' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_change c;
	const char         *who = getenv("USER"), *file = NULL;
	char                at[32];
	int                 ch, rc;

	memset(&c, 0, sizeof(c));
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': c.key.municipality = optarg; break;
		case 'y':
			if (cli_parse_round(optarg, &c.key.round) == -1)
				return cli_usage_error("override ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'a': c.key.approach = optarg; break;
		case 'i': c.key.indicator = optarg; break;
		case 'v':
			if ((c.verdict = cli_parse_verdict(optarg)) == NULL)
				return cli_usage_error("override ",
				    "--verdict is V (or v, \xe2\x88\x9a), "
				    "X (or x) or -");
			break;
		case 'f': c.finding = optarg; break;
		case 'l': c.letop = optarg; break;
		case 'L': c.no_letop = 1; break;
		case 'R': c.revert = 1; break;
		case 'r': c.reason = optarg; break;
		case 'w': who = optarg; break;
		case 'F': file = optarg; break;
		case 'h':
			fputs(override_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("override ",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (file != NULL) {
		if (optind < argc || c.key.municipality || c.reason)
			return cli_usage_error("override ",
			    "--file takes no other change");
		if ((rc = cli_text_arg("override ", "--inspector", who, 0)) != 0)
			return rc;
		return apply_file(cli, file, who != NULL && *who ? who :
		    "onbekend");
	}
	if ((rc = check_change(&c, who, at, argc, argv)) != 0)
		return rc;
	return apply(cli, &c);
}

static void
on_history(void *ctx, const struct store_history_row *r)
{
	(void)ctx;
	put_safe(r->at, stdout);
	fputs("  ", stdout);
	put_safe(r->who, stdout);
	printf("  %d  ", r->round);
	put_safe(r->approach, stdout);
	fputs("  ", stdout);
	put_safe(r->indicator, stdout);
	fputs("  ", stdout);
	put_safe(r->field, stdout);
	fputs(": ", stdout);
	put_safe(r->old_value ? r->old_value : "voorstel", stdout);
	fputs(" -> ", stdout);
	put_safe(r->new_value ? r->new_value : "voorstel", stdout);
	fputs("  (", stdout);
	put_safe(r->reason, stdout);
	fputs(")\n", stdout);
}

int
cmd_history(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "round",        required_argument, NULL, 'y' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct diags  d;
	struct store *s;
	const char   *mun = NULL;
	int           ch, round = 0, rc = EXIT_ERROR;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': mun = optarg; break;
		case 'y':
			if (cli_parse_round(optarg, &round) == -1)
				return cli_usage_error("history ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'h':
			fputs(history_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("history ",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (mun == NULL || optind < argc)
		return cli_usage_error("history ", "--municipality is required");
	diags_init(&d);
	if ((s = store_open(cli->db, STORE_READ, &d)) != NULL &&
	    store_resolve_municipality(s, &mun, &d) == 0 &&
	    store_history(s, mun, round, on_history, NULL, &d) == 0)
		rc = EXIT_OK;
	store_close(s);
	cli_flush(&d);
	return rc;
}
