/*
 * main: global options, data-directory lookup and command dispatch.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>


#include "assess.h"
#include "assess_draft.h"
#include "cli.h"
#include "mapping.h"
#include "ops.h"
#include "pdf.h"
#include "round.h"
#include "util.h"
#include "xmlsafe.h"

#ifndef STJ_DATADIR
#define STJ_DATADIR "/usr/local/share/stj"
#endif
#ifndef STJ_VERSION
#define STJ_VERSION "0.1"
#endif

static const char usage_text[] =
"usage: stj [--db PATH] [--frameworks DIR]... COMMAND [options]\n"
"\n"
"Runs an STJ toetsingskader (GGSR) assessment: framework, questionnaires,\n"
"responses, verdicts and factsheets.\n"
"\n"
"Commands:\n"
"  framework validate FILE...      check framework files against the schema\n"
"  framework list                  list the installed frameworks\n"
"  framework show [ID[@VERSION]]   print a framework as a tree\n"
"  framework diff ID@VERSION ID@VERSION\n"
"                                  what changed between two versions\n"
"  questionnaire --role ROLE --format xml|csv|pdf|xlsx|lss -o FILE\n"
"           [--framework ID[@VERSION]]\n"
"                                  a blank questionnaire for one role\n"
"  import [--replace] [--dry-run] [--mapping FILE] FILE...\n"
"                                  import responses and dossiers (CSV,\n"
"                                  .xlsx, XML)\n"
"  status [--municipality NAME]    what is stored, who answered how much\n"
"  verdicts --municipality NAME [--round YEAR] [--findings]\n"
"           [--format text|tsv|csv|xlsx] [-o FILE]\n"
"                                  proposed verdicts per indicator (csv,\n"
"                                  xlsx: a sheet to edit for --file)\n"
"  override --municipality M [--round Y] --approach A --indicator ID\n"
"           [--verdict V|X|-] [--finding T] [--letop T|--no-letop]\n"
"           [--revert] --reason TEXT [--inspector NAME]\n"
"                                  the inspector changes a proposal\n"
"  override --file FILE.tsv|.csv|.xlsx [--inspector NAME]\n"
"                                  many changes, all or none\n"
"  history --municipality M [--round Y]   the audit log of changes\n"
"  merge --municipality M [--round Y] --approach A --indicators F-L\n"
"           [--unmerge] --reason TEXT\n"
"                                  one mark and one finding for several\n"
"  conclusions --municipality M [--round Y]\n"
"                                  per theme: Wat gaat goed? / Wat kan beter?\n"
"  conclusion --municipality M [--round Y] --approach A --theme ID\n"
"           [--goed T] [--beter T] [--revert] --reason TEXT\n"
"                                  the inspector writes a conclusion\n"
"  state --municipality M [--round Y] [STATE --reason TEXT]\n"
"                                  review state: concept, wederhoor,\n"
"                                  vastgesteld (without STATE: show it)\n"
"  dossier --municipality M [--round Y] [--approach A]\n"
"           (--context T | --intro T | --published DATE |\n"
"            --description T) --reason TEXT\n"
"                                  rewrite the dossier's context, its\n"
"                                  front-page introduction, publication\n"
"                                  date or an approach's description\n"
"  dossier --municipality M [--round Y] --add-approach A\n"
"           [--description T] [--partner ORG]... --reason TEXT\n"
"                                  add an approach with its partners\n"
"  factsheet --municipality M [--round Y] [-o FILE.pdf]\n"
"           [--self-assessment] [--format pdf|html]\n"
"  factsheet --all [--round Y] [--format pdf|html] -o DIR\n"
"                                  the factsheet PDF of a round, or\n"
"                                  its accessible HTML twin\n"
"  round new --municipality M --round Y [--from PREV]\n"
"           [--framework ID[@VERSION]]\n"
"                                  start a round, from the previous one\n"
"  progress --municipality M --from Y1 --to Y2\n"
"           [-o FILE.pdf | --format text|tsv]\n"
"                                  progress between two rounds\n"
;

/* In two parts: C11 promises string literals of 4095 bytes only. */
static const char usage_text2[] =
"  serve [--listen ADDR:PORT] [--threads N] [--public]\n"
"        [--tls-cert FILE --tls-key FILE] [--behind-proxy]\n"
"                                  the workbench in a browser: prints a\n"
"                                  one-time login URL (127.0.0.1:8080)\n"
"  user add|passwd|disable|enable|role|list [NAME] [--role R]\n"
"           [--municipality M]\n"
"                                  the accounts of stj serve\n"
"  invite --municipality M [--round Y] --approach A --role ROLE\n"
"         --organisation O [--email ADDR] [--expires DAYS]\n"
"                                  invite a respondent; prints the link\n"
"  invite --reissue ID | --revoke ID | --reopen ID --reason TEXT\n"
"  invitations --municipality M [--round Y] [--format csv|eml [-o F]\n"
"         | --smtp URL] [--remind] [--from ADDR]\n"
"                                  list invitations, or write or send\n"
"                                  their texts (each with a new link)\n"
"  respond --token T [--draft FILE.tsv] [--submit]\n"
"                                  answer through an invitation\n"
"  reaction --municipality M [--round Y] --approach A --indicator ID\n"
"         (--text T | --withdraw) [--who NAME]\n"
"                                  the municipality's reaction to a\n"
"                                  finding (round in wederhoor)\n"
"  note --municipality M [--round Y] --approach A --indicator ID\n"
"         (--text T | --withdraw) [--who NAME]\n"
"                                  its progress note on a verbeterpunt\n"
"                                  (X; round vastgesteld)\n"
"  backup FILE                     a checked copy of the database, also\n"
"                                  while stj serve runs\n"
"  mapping --suggest FILE [-o OUT] a mapping file for a survey export\n"
"                                  (Forms, Qualtrics, ...) to edit for\n"
"                                  import --mapping\n"
"\n"
"--round defaults to the latest round of the municipality (history: all).\n"
"\n"
"Global options:\n"
"  --db PATH          database file (default: $STJ_DB, else ./stj.db)\n"
"  --frameworks DIR   also load frameworks from DIR (repeatable; also\n"
"                     $STJ_FRAMEWORK_PATH, colon-separated)\n"
"  -h, --help         this help; 'stj COMMAND --help' for a command\n"
"  --version          print the version\n"
"\n"
"Environment: STJ_DB, STJ_DATADIR (framework/ and templates/),\n"
"STJ_FRAMEWORK_PATH, STJ_FONT_DIR, STJ_BUSY_TIMEOUT (ms),\n"
"SOURCE_DATE_EPOCH (the creation date inside PDFs; never the audit log's\n"
"time, which is the real clock), STJ_TEST_NOW (for the test suite only:\n"
"pins the audit clock, e.g. 2013-06-01T00:00:00Z), STJ_TEST_ACTOR (for\n"
"the test suite only: the CLI acts as ROLE:NAME[:MUNICIPALITY], e.g.\n"
"lezer:lea, to test the roles).\n"
"Exit status: 0 success, 1 error, 2 usage error.\n";

void
cli_flush(struct diags *d)
{
	fflush(stdout);
	diags_print(d, stderr);
	diags_free(d);
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("stj: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'stj %s--help'.\n", cmd ? cmd : "");
	return EXIT_USAGE;
}

int
cli_parse_format(const char *s, enum render_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = RENDER_TEXT;
	else if (strcmp(s, "tsv") == 0)
		*out = RENDER_TSV;
	else
		return -1;
	return 0;
}

struct phrases *
cli_phrases_load(const struct cli *cli, struct diags *d)
{
	char           *book, *xsd;
	struct phrases *ph;

	book = xasprintf("%s/templates/findings-nl.xml", cli->datadir);
	xsd = xasprintf("%s/templates/phrases.xsd", cli->datadir);
	ph = phrases_load(book, xsd, d);
	free(book);
	free(xsd);
	return ph;
}

int
cli_load_frameworks(const struct cli *cli, struct framework_set *set)
{
	struct diags d;
	int          rc;

	diags_init(&d);
	rc = framework_set_load(set, (const char *const *)cli->fwdirs,
	    cli->nfwdirs, cli->xsd, &d);
	cli_flush(&d);
	return rc;
}

/*
 * The audit clock, pinned by $STJ_TEST_NOW for the tests ("" when not):
 * set once in main() before any command runs.
 */
static char test_now[32];

/*
 * Reads $STJ_TEST_NOW: unset or empty, or an exact ISO 8601 UTC time
 * (2013-06-01T00:00:00Z) that exists. The round trip through timegm()
 * refuses 2013-02-30 and any other spelling. -1 when it is none.
 */
static int
test_clock_init(void)
{
	const char *env = getenv("STJ_TEST_NOW");
	struct tm   tm;
	time_t      t;
	char        back[32];
	int         n = -1;

	if (env == NULL || *env == '\0')
		return 0;
	memset(&tm, 0, sizeof(tm));
	if (sscanf(env, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec,
	    &n) != 6 || n < 0 || env[n] != '\0')
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	if ((t = timegm(&tm)) == (time_t)-1 || gmtime_r(&t, &tm) == NULL ||
	    strftime(back, sizeof(back), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0 ||
	    strcmp(back, env) != 0)
		return -1;
	memcpy(test_now, back, sizeof(test_now));
	return 0;
}

/*
 * Not $SOURCE_DATE_EPOCH: that variable exists to make output files
 * reproducible (pdf.c reads it for creation dates), and when it leaked
 * into the audit log an inherited value backdated every change.
 */
void
cli_timestamp(char out[32])
{
	time_t    t;
	struct tm tm;

	if (test_now[0] != '\0') {
		memcpy(out, test_now, sizeof(test_now));
		return;
	}
	/* Cannot fail before the year 10000; never print stale memory. */
	if ((t = time(NULL)) == (time_t)-1 || gmtime_r(&t, &tm) == NULL ||
	    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		out[0] = '\0';
}

int
cli_usage_msg(const char *cmd, enum msg id, ...)
{
	struct diags d;
	va_list      ap;
	int          rc;

	diags_init(&d);
	va_start(ap, id);
	diags_vadd(&d, NULL, 0, id, ap);
	va_end(ap);
	rc = cli_usage_error(cmd, "%s", d.n ? d.v[0].text : "");
	diags_free(&d);
	return rc;
}

const char *
cli_parse_verdict(const char *s)
{
	return verdict_parse(s);
}

int
cli_text_arg(const char *cmd, const char *what, const char *s,
    int multiline)
{
	struct diags d;

	if (s == NULL)
		return 0;
	diags_init(&d);
	if (ops_text_check(what, s, multiline, NULL, 0, &d) == 0)
		return 0;
	cli_usage_error(cmd, "%s", d.v[0].text);
	diags_free(&d);
	return EXIT_USAGE;
}

/*
 * $STJ_TEST_ACTOR, for the test suite only: "ROLE:NAME[:MUNICIPALITY]"
 * replaces the CLI's actor, so a CLI test reaches the library's refusals
 * of every role. It can only narrow what the file's owner may do. The
 * strings live in a static copy (one actor per process).
 */
void
cli_test_actor(struct actor *a)
{
	static char  buf[256];
	const char  *env = getenv("STJ_TEST_ACTOR");
	char        *name, *mun;
	enum access_role role;

	if (env == NULL || *env == '\0' || strlen(env) >= sizeof(buf))
		return;
	memcpy(buf, env, strlen(env) + 1);
	if ((name = strchr(buf, ':')) == NULL)
		return;
	*name++ = '\0';
	if ((mun = strchr(name, ':')) != NULL)
		*mun++ = '\0';
	if (access_role_parse(buf, &role) == -1)
		return;
	a->role = role;
	a->name = name;
	a->municipality = mun;
}

void
cli_actor_inspector(struct actor *a, const char *who)
{
	memset(a, 0, sizeof(*a));
	a->name = who != NULL && *who ? who : "onbekend";
	a->role = ACCESS_INSPECTEUR;
	cli_test_actor(a);
}

int
cli_change_begin(struct store_change *c, struct actor *a, const char *who,
    char at[32], const char *cmd)
{
	int rc;

	if (c->reason == NULL ||
	    strspn(c->reason, " \t\n") == strlen(c->reason))
		return cli_usage_error(cmd, "--reason is required");
	/* A line break in a reason or name would forge lines in history. */
	if ((rc = cli_text_arg(cmd, "--reason", c->reason, 0)) != 0 ||
	    (rc = cli_text_arg(cmd, "--inspector", who, 0)) != 0 ||
	    (rc = cli_text_arg(cmd, "--finding", c->finding, 1)) != 0 ||
	    (rc = cli_text_arg(cmd, "--letop", c->letop, 1)) != 0)
		return rc;
	cli_timestamp(at);
	c->at = at;
	cli_actor_inspector(a, who);
	c->actor = a;
	return 0;
}

int
cli_parse_round(const char *s, int *out)
{
	return round_parse_year(s, out);
}

static int
is_file(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/*
 * Where framework/ and templates/ are: $STJ_DATADIR; else beside the
 * binary (a build tree); else ../share/stj from the binary (an install
 * under any PREFIX); else the compiled-in default. Looking beside the
 * binary first means ./stj in a checkout never picks up an older install.
 */
static char *
find_datadir(void)
{
	const char *env = getenv("STJ_DATADIR");
	char        exe[4096], *slash, *p;
	ssize_t     n;

	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		p = xasprintf("%s/framework/stj-framework.xsd", exe);
		if (is_file(p)) {
			free(p);
			return xstrdup(exe);
		}
		free(p);
		p = xasprintf("%s/../share/stj/framework/stj-framework.xsd",
		    exe);
		if (is_file(p)) {
			char *dir, *real;
			free(p);
			dir = xasprintf("%s/../share/stj", exe);
			if ((real = realpath(dir, NULL)) == NULL)
				return dir;
			free(dir);
			return real;
		}
		free(p);
	}
	return xstrdup(STJ_DATADIR);
}

static void
add_fwdir(struct cli *cli, const char *dir, size_t len)
{
	if (len == 0)
		return;
	cli->fwdirs = xrealloc(cli->fwdirs,
	    (cli->nfwdirs + 1) * sizeof(*cli->fwdirs));
	cli->fwdirs[cli->nfwdirs++] = xasprintf("%.*s", (int)len, dir);
}

static void
add_fwpath(struct cli *cli, const char *path)
{
	const char *colon;

	for (; (colon = strchr(path, ':')) != NULL; path = colon + 1)
		add_fwdir(cli, path, (size_t)(colon - path));
	add_fwdir(cli, path, strlen(path));
}

static void
cli_free(struct cli *cli)
{
	size_t i;

	for (i = 0; i < cli->nfwdirs; i++)
		free(cli->fwdirs[i]);
	free(cli->fwdirs);
	free(cli->datadir);
	free(cli->xsd);
}

static const struct command {
	const char *name;
	int       (*run)(const struct cli *, int, char **);
} commands[] = {
	{ "framework", cmd_framework },
	{ "import",    cmd_import },
	{ "status",    cmd_status },
	{ "questionnaire", cmd_questionnaire },
	{ "verdicts",  cmd_verdicts },
	{ "override",  cmd_override },
	{ "history",   cmd_history },
	{ "conclusion", cmd_conclusion },
	{ "conclusions", cmd_conclusion },
	{ "merge",     cmd_merge },
	{ "factsheet", cmd_factsheet },
	{ "round",     cmd_round },
	{ "progress",  cmd_progress },
	{ "serve",     cmd_serve },
	{ "state",     cmd_state },
	/* -- step 9: web import and factsheet -- */
	/* -- step 9: web review -- */
	{ "dossier",   cmd_dossier },
	/* -- step 9: web server -- */
	/* -- step 10: accounts -- */
	{ "user",      cmd_user },
	/* -- step 10: invitations -- */
	/* -- step 10: reactions -- */
	{ "reaction",  cmd_reaction },
	{ "note",      cmd_note },
	{ "invite",    cmd_invite },
	{ "invitations", cmd_invitations },
	{ "respond",   cmd_respond },
	/* -- step 13: docs -- */
	{ "backup",    cmd_backup },
	/* -- step 14: mapping file -- */
	{ "mapping",   cmd_mapping },
};

/* -- step 14: mapping file -- templates/antwoorden.txt, once. */
static int
load_words(const struct cli *cli)
{
	struct diags d;
	char        *path = xasprintf("%s/templates/antwoorden.txt",
	    cli->datadir);
	int          rc;

	diags_init(&d);
	rc = mapping_words_load(path, &d);
	cli_flush(&d);
	free(path);
	return rc;
}

static int
dispatch(struct cli *cli, int argc, char **argv)
{
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			return commands[i].run(cli, argc, argv);
	return cli_usage_error(NULL, "unknown command '%s'", argv[0]);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "db",         required_argument, NULL, 'd' },
		{ "frameworks", required_argument, NULL, 'F' },
		{ "help",       no_argument,       NULL, 'h' },
		{ "version",    no_argument,       NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli  cli;
	const char *env;
	char      **extra = NULL, *bundled;
	size_t      nextra = 0, i;
	int         ch, rc, first;

	memset(&cli, 0, sizeof(cli));
	cli.db = (env = getenv("STJ_DB")) != NULL && *env ? env : "stj.db";
	/* Read once here: the library reads no environment. */
	cli.pdf.font_dir = getenv("STJ_FONT_DIR");
	cli.pdf.date_epoch = getenv("SOURCE_DATE_EPOCH");
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			cli.db = optarg;
			break;
		case 'F':
			extra = xrealloc(extra, (nextra + 1) * sizeof(*extra));
			extra[nextra++] = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			fputs(usage_text2, stdout);
			free(extra);
			return EXIT_OK;
		case 'V':
			printf("stj %s\n", STJ_VERSION);
			free(extra);
			return EXIT_OK;
		default:
			free(extra);
			return cli_usage_error(NULL, "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind >= argc) {
		free(extra);
		fputs(usage_text, stderr);
		fputs(usage_text2, stderr);
		return EXIT_USAGE;
	}
	first = optind;
	cli.datadir = find_datadir();
	cli.xsd = xasprintf("%s/framework/stj-framework.xsd", cli.datadir);
	bundled = xasprintf("%s/framework", cli.datadir);
	add_fwdir(&cli, bundled, strlen(bundled));
	free(bundled);
	for (i = 0; i < nextra; i++)
		add_fwdir(&cli, extra[i], strlen(extra[i]));
	free(extra);
	if ((env = getenv("STJ_FRAMEWORK_PATH")) != NULL)
		add_fwpath(&cli, env);

	if (test_clock_init() == -1) {
		cli_free(&cli);
		return cli_usage_msg(NULL, MSG_TEST_NOW_BAD);
	}
	xmlsafe_init();
	/* -- step 14: mapping file -- answer words are data. */
	if (load_words(&cli) == -1) {
		xmlsafe_cleanup();
		cli_free(&cli);
		return EXIT_ERROR;
	}
	/* Commands run getopt on their own argv; 0 makes glibc start over. */
	optind = 0;
	rc = dispatch(&cli, argc - first, argv + first);
	pdf_cleanup();
	mapping_words_free();
	xmlsafe_cleanup();
	cli_free(&cli);
	return rc;
}
