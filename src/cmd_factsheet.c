/*
 * cmd_factsheet: "stj factsheet --municipality M [--round Y] [-o FILE]"
 * and "stj factsheet --all [--round Y] -o DIR": the factsheet PDF of a
 * round, built from the final verdicts (overrides and merges applied),
 * the drafted or written findings and conclusions, and the dossier.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <utf8proc.h>

#include "assess_draft.h"
#include "cli.h"
#include "factsheet_html.h"
#include "report.h"
#include "store.h"
#include "util.h"

static const char factsheet_usage[] =
"usage: stj factsheet --municipality NAME [--round YEAR] [-o FILE.pdf]\n"
"                     [--self-assessment] [--format pdf|html]\n"
"       stj factsheet --all [--round YEAR] [-j N] [--format pdf|html] -o DIR\n"
"\n"
"Writes the factsheet of a municipality's round as PDF: the front page\n"
"with the GGSR definition and the context, then per approach who\n"
"answered, the description, the findings per theme (criteria,\n"
"indicators, the mark and the finding, LET OP remarks in bold) and the\n"
"conclusion. The verdicts, findings and conclusions are those that\n"
"stand: the inspector's where overridden, else the proposals. The same\n"
"database gives the same bytes (creation date: $SOURCE_DATE_EPOCH, else\n"
"when the round's data last changed).\n"
"\n"
"Options:\n"
"  --municipality NAME   the municipality\n"
"  --all                 every municipality with that round, one file\n"
"                        each in DIR: factsheet-NAME-YEAR.pdf; goes on\n"
"                        past a failure and lists what was not written\n"
"  --round YEAR          the round (default: the latest)\n"
"  --self-assessment     the municipality's own assessment: titled\n"
"                        Zelfevaluatie, its texts from\n"
"                        templates/texts-zelfevaluatie.xml, author the\n"
"                        municipality (default for a round whose dossier\n"
"                        says soort=\"zelfevaluatie\")\n"
"  -j, --jobs N          --all: write with N processes (1-64; default:\n"
"                        one per online processor), each with its own\n"
"                        database connection\n"
"  --format pdf|html     pdf (default), or html: the same factsheet as one\n"
"                        self-contained, accessible HTML file (headings,\n"
"                        tables with header cells, marks with a text,\n"
"                        a print stylesheet; nothing fetched, no script)\n"
"                        named factsheet-NAME-YEAR.html\n"
"  -o, --output PATH     the PDF (default: factsheet-NAME-YEAR.pdf; '-'\n"
"                        is standard output), or with --all the\n"
"                        directory (created if missing)\n"
"  -h, --help            this help\n";

/* What the factsheets of a run are built from. */
struct sources {
	const struct cli *cli;
	struct report     rep;     /* the store, frameworks, templates */
	int               quiet;   /* a worker: the parent names */
	int               html;    /* --format html */
};

/* ---- file names ---------------------------------------------------- */

/*
 * Room for NAME in "factsheet-NAME-YYYY.pdf" within NAME_MAX, the 255
 * bytes most file systems allow a file name: 255 - 10 - 9.
 */
#define NAME_ROOM    236
/* A shortened name ends in "~" and 8 hex digits of the whole name. */
#define HASH_LEN     9

/*
 * 1 when code point c, n bytes of UTF-8 (n < 0: no valid UTF-8), may not
 * stand in a file name as it is: what leaves the directory or confuses a
 * shell or another file system, '%' and '~' (they mark the escapes and
 * the shortening), control and format characters (a newline, a
 * right-to-left override that makes the name read differently).
 */
static int
must_escape(utf8proc_int32_t c, utf8proc_ssize_t n)
{
	utf8proc_category_t cat;

	if (n < 1)
		return 1;
	if (c < 0x80)
		return c < 0x20 || c == 0x7f || strchr("/\\:*?\"<>|%~", c);
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF ||
	    cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

/*
 * mun as it stands in a file name: each byte of a character that may not
 * stand there as %XX. The escape is reversible, so two names never give
 * the same file name ("Den/Bosch", "Den_Bosch", "Den:Bosch" give
 * Den%2FBosch, Den_Bosch, Den%3ABosch). Caller frees.
 */
static char *
escape_name(const char *mun)
{
	const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)mun;
	char                   *out = xmalloc(3 * strlen(mun) + 1), *q = out;
	utf8proc_int32_t        c;
	utf8proc_ssize_t        n, k;

	while (*s != '\0') {
		n = utf8proc_iterate(s, -1, &c);
		if (!must_escape(c, n)) {
			memcpy(q, s, (size_t)n);
			q += n;
			s += n;
			continue;
		}
		for (k = 0; k < (n < 1 ? 1 : n); k++)
			q += sprintf(q, "%%%02X", *s++);
	}
	*q = '\0';
	return out;
}

/* 1 when position i of an escaped name cuts a character or an escape. */
static int
inside(const char *e, size_t i)
{
	return ((unsigned char)e[i] & 0xC0) == 0x80 ||
	    (i >= 1 && e[i - 1] == '%') || (i >= 2 && e[i - 2] == '%');
}

/*
 * "factsheet-NAME-YEAR.pdf", NAME escaped (escape_name). A name too long
 * for a file name (NAME_MAX, 255 bytes) is cut between two characters
 * and ends in "~" and a hash of the whole name: "~" stands in no escaped
 * name, so a shortened name never equals a whole one; two shortened
 * names that share their start differ by the hash. The same name and
 * round always give the same file name. Caller frees.
 */
static char *
file_name(const char *mun, int round, int html)
{
	const char *ext = html ? "html" : "pdf";
	char    *e = escape_name(mun), *name;
	size_t   i = strlen(e);
	uint32_t h = 2166136261u;   /* FNV-1a */
	const unsigned char *s;

	if (i <= NAME_ROOM) {
		name = xasprintf("factsheet-%s-%d.%s", e, round, ext);
		free(e);
		return name;
	}
	for (s = (const unsigned char *)mun; *s != '\0'; s++)
		h = (h ^ *s) * 16777619u;
	for (i = NAME_ROOM - HASH_LEN; inside(e, i); i--)
		;
	name = xasprintf("factsheet-%.*s~%08" PRIx32 "-%d.%s", (int)i, e,
	    h, round, ext);
	free(e);
	return name;
}

/* ---- one factsheet -------------------------------------------------- */

static int
one(struct sources *src, const char *mun, int round, const char *out,
    const char *dir, struct diags *d)
{
	struct factsheet *fs;
	char             *name = NULL, *path;
	int               rc = -1;

	if ((fs = report_factsheet(&src->rep, mun, round, d)) == NULL)
		return -1;
	if (out != NULL && dir == NULL)
		path = xstrdup(out);
	else {
		name = file_name(mun, fs->round, src->html);
		path = dir ? xasprintf("%s/%s", dir, name) : xstrdup(name);
	}
	if ((src->html ? factsheet_html_write(&src->rep, fs, path, d) :
	    report_render(&src->rep, fs, path, d)) == 0) {
		if (!src->quiet && !outfile_is_stream(path))
			printf("%s\n", path);
		rc = 0;
	}
	free(name);
	free(path);
	factsheet_free(fs);
	return rc;
}

/* ---- every municipality: --all -------------------------------------- */

/* Where each factsheet of an --all run is. */
enum { TODO, WRITTEN, FAILED };

/*
 * The municipalities of an --all run, in name order, with their file
 * names. state is shared with the worker processes (an anonymous shared
 * mapping): each sets WRITTEN or FAILED for the ones it did, so the
 * parent knows which were written, whatever happened to a worker.
 */
struct names {
	char          **v, **file;
	int            *round;
	unsigned char  *state;
	size_t          n;
};

static void
on_municipality(void *ctx, const char *name, int round)
{
	struct names *m = ctx;

	m->v = xrealloc(m->v, (m->n + 1) * sizeof(char *));
	m->round = xrealloc(m->round, (m->n + 1) * sizeof(int));
	m->v[m->n] = xstrdup(name);
	m->round[m->n++] = round;
}

static void
names_free(struct names *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->v[i]);
		if (m->file != NULL)
			free(m->file[i]);
	}
	free(m->v);
	free(m->file);
	free(m->round);
	if (m->state != NULL)
		munmap(m->state, m->n);
}

/* A file name and whose it is, to sort by. */
struct owner {
	const char *file;
	size_t      i;
};

static int
by_file(const void *a, const void *b)
{
	const struct owner *x = a, *y = b;
	int                 c = strcmp(x->file, y->file);

	return c != 0 ? c : (x->i > y->i) - (x->i < y->i);
}

/*
 * The file name of each municipality, and the shared state. Two names
 * can only share a file name when both were shortened and their hashes
 * collide: then the first in name order is written and the others fail,
 * so no factsheet ever overwrites another of the same run.
 */
static int
names_prepare(struct names *m, int html, struct diags *d)
{
	struct owner *by;
	size_t        i, k;

	m->state = mmap(NULL, m->n, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (m->state == MAP_FAILED) {
		m->state = NULL;
		diags_add(d, NULL, 0, MSG_IO, strerror(errno));
		return -1;
	}
	memset(m->state, TODO, m->n);
	m->file = xcalloc(m->n, sizeof(char *));
	by = xcalloc(m->n, sizeof(*by));
	for (i = 0; i < m->n; i++) {
		m->file[i] = file_name(m->v[i], m->round[i], html);
		by[i].file = m->file[i];
		by[i].i = i;
	}
	qsort(by, m->n, sizeof(*by), by_file);
	for (i = k = 0; i < m->n; i++) {
		if (strcmp(by[i].file, by[k].file) != 0)
			k = i;
		else if (i != k) {
			diags_add(d, NULL, 0, MSG_OUT_SAME_NAME, m->v[by[i].i],
			    m->round[by[i].i], m->v[by[k].i], m->round[by[k].i]);
			m->state[by[i].i] = FAILED;
		}
	}
	free(by);
	return 0;
}

/*
 * Writes the factsheets i = first, first + step, ... of m, on past a
 * failure: one municipality's problem stops no other's factsheet.
 * Returns -1 when one failed.
 */
static int
share(struct sources *src, const struct names *m, size_t first, size_t step,
    const char *dir, struct diags *d)
{
	size_t i;
	int    rc = 0;

	for (i = first; i < m->n; i += step) {
		if (m->state[i] != TODO)
			continue;
		if (one(src, m->v[i], m->round[i], NULL, dir, d) == 0)
			m->state[i] = WRITTEN;
		else {
			m->state[i] = FAILED;
			rc = -1;
		}
	}
	return rc;
}

/*
 * jobs worker processes, each with its own database connection (SQLite
 * connections must not cross a fork), writing every jobs-th factsheet.
 * A worker returns up through the command like a normal run, so it frees
 * what it inherited, prints its own diagnostics and exits; the parent
 * waits for all and then names the files written, in order.
 */
static int
in_parallel(struct sources *src, const struct names *m, int jobs,
    const char *dir, struct diags *d)
{
	pid_t *pids = xcalloc((size_t)jobs, sizeof(pid_t));
	size_t w, i;
	int    status, rc = 0;

	store_close(src->rep.store);
	src->rep.store = NULL;
	fflush(stdout);
	fflush(stderr);
	for (w = 0; w < (size_t)jobs; w++) {
		if ((pids[w] = fork()) == -1) {
			diags_add(d, NULL, 0, MSG_IO, strerror(errno));
			rc = -1;
			break;
		}
		if (pids[w] == 0) {
			free(pids);
			/* The parent says what it found before the fork. */
			diags_free(d);
			src->quiet = 1;
			if ((src->rep.store = store_open(src->cli->db,
			    STORE_READ, d)) == NULL)
				return -1;
			return share(src, m, w, (size_t)jobs, dir, d);
		}
	}
	for (i = 0; i < w; i++)
		if (waitpid(pids[i], &status, 0) != -1 &&
		    WIFSIGNALED(status))
			diags_add(d, NULL, 0, MSG_OUT_WORKER,
			    WTERMSIG(status));
	free(pids);
	for (i = 0; i < m->n; i++)
		if (m->state[i] == WRITTEN)
			printf("%s/%s\n", dir, m->file[i]);
	return rc;
}

/*
 * One line naming every municipality whose factsheet was not written
 * (the reasons were said above it). -1 when there was one.
 */
static int
not_written(const struct names *m, struct diags *d)
{
	char  *list = xstrdup(""), *more;
	size_t i, nfailed = 0;

	for (i = 0; i < m->n; i++) {
		if (m->state[i] == WRITTEN)
			continue;
		more = xasprintf("%s%s'%s' %d", list, nfailed ? ", " : "",
		    m->v[i], m->round[i]);
		free(list);
		list = more;
		nfailed++;
	}
	if (nfailed > 0)
		diags_add(d, NULL, 0, MSG_OUT_NOT_WRITTEN, nfailed, m->n, list);
	free(list);
	return nfailed > 0 ? -1 : 0;
}

/*
 * --all's default: one worker per online processor, because writing a
 * factsheet is CPU-bound (libharu and zlib) and the workers share
 * nothing but the read-only database. Capped at -j's own range.
 */
static int
default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

static int
all(struct sources *src, int round, const char *dir, int jobs,
    struct diags *d)
{
	struct names m;
	pid_t        parent = getpid();
	int          rc;

	memset(&m, 0, sizeof(m));
	if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
		diags_add(d, dir, 0, MSG_IO, strerror(errno));
		return -1;
	}
	if (store_municipalities(src->rep.store, round, on_municipality, &m,
	    d) == -1 || (m.n > 0 && names_prepare(&m, src->html, d) == -1))
		rc = -1;
	else if (m.n == 0)
		rc = 0;
	else {
		rc = jobs > 1 && m.n > 1 ? in_parallel(src, &m,
		    jobs < (int)m.n ? jobs : (int)m.n, dir, d) :
		    share(src, &m, 0, 1, dir, d);
		/* The parent sums up; a worker only says its own. */
		if (getpid() == parent && not_written(&m, d) == -1)
			rc = -1;
	}
	names_free(&m);
	return rc;
}

static int
factsheet(const struct cli *cli, const char *mun, int round, const char *out,
    int self, int jobs, int html)
{
	struct framework_set set;
	struct sources       src;
	struct diags         d;
	struct phrases      *ph;
	struct store        *s = NULL;
	int                  rc = EXIT_ERROR;

	diags_init(&d);
	cli_load_frameworks(cli, &set);
	if ((ph = cli_phrases_load(cli, &d)) != NULL)
		s = store_open(cli->db, STORE_READ, &d);
	src.cli = cli;
	src.quiet = 0;
	src.html = html;
	report_init(&src.rep, s, &set, ph, cli->datadir, &cli->pdf,
	    self);
	if (s != NULL && store_resolve_municipality(s, &mun, &d) == 0 &&
	    (mun == NULL ? all(&src, round, out, jobs, &d) :
	    one(&src, mun, round, out, NULL, &d)) == 0)
		rc = EXIT_OK;
	/* A worker's connection is its own: src.rep.store, not s. */
	store_close(src.rep.store);
	report_free(&src.rep);
	phrases_free(ph);
	cli_flush(&d);
	framework_set_free(&set);
	return rc;
}

int
cmd_factsheet(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "all",          no_argument,       NULL, 'A' },
		{ "round",        required_argument, NULL, 'y' },
		{ "output",       required_argument, NULL, 'o' },
		{ "self-assessment", no_argument,    NULL, 'S' },
		{ "jobs",         required_argument, NULL, 'j' },
		{ "format",       required_argument, NULL, 'F' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *mun = NULL, *out = NULL;
	int         ch, every = 0, round = 0, self = 0, html = 0;
	int         jobs = default_jobs();
	char       *end;

	while ((ch = getopt_long(argc, argv, "ho:j:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': mun = optarg; break;
		case 'A': every = 1; break;
		case 'o': out = optarg; break;
		case 'S': self = 1; break;
		case 'F':
			if (strcmp(optarg, "pdf") != 0 &&
			    strcmp(optarg, "html") != 0)
				return cli_usage_error("factsheet ",
				    "--format takes pdf or html, not '%s'",
				    optarg);
			html = strcmp(optarg, "html") == 0;
			break;
		case 'j':
			jobs = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || jobs < 1 || jobs > 64)
				return cli_usage_error("factsheet ",
				    "-j takes 1 to 64 processes");
			break;
		case 'y':
			if (cli_parse_round(optarg, &round) == -1)
				return cli_usage_error("factsheet ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'h':
			fputs(factsheet_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("factsheet ",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("factsheet ", "unexpected argument "
		    "'%s'", argv[optind]);
	if ((mun == NULL) == !every)
		return cli_usage_error("factsheet ",
		    "give --municipality NAME or --all");
	if (every && (out == NULL || strcmp(out, "-") == 0))
		return cli_usage_error("factsheet ",
		    "--all needs -o DIR");
	return factsheet(cli, every ? NULL : mun, round, out, self, jobs,
	    html);
}
