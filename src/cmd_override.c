/*
 * cmd_override: "stj override" (change any part of a proposal, with a
 * reason; or --revert; or a file of such changes) and "stj history" (the
 * audit log).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ops.h"
#include "ovrfile.h"
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
"A verdict against the proposal needs a finding that says why.\n"
"\n"
"       stj override --file FILE.tsv|.csv|.xlsx [--inspector NAME]\n"
"\n"
"applies the overrides in FILE in one transaction: all or none. FILE is\n"
"tab-separated, CSV (',' or ';') or an .xlsx workbook (its first sheet);\n"
"its first line names the columns, in any order:\n"
"gemeente, ronde, aanpak, indicator, reden, and verdict, finding and/or\n"
"letop (an empty cell keeps what stands; letop '-' withdraws the LET OP).\n"
"The columns tekst, voorstel, huidig and bevinding are read past: the\n"
"sheet 'stj verdicts --format csv|xlsx' writes reads back as it is, and\n"
"a row without a reden must change nothing (a row edited needs one).\n";

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

/* "stj override --file": the file is read and applied by ovrfile.c. */
static int
apply_file(const struct cli *cli, const char *path, const char *who)
{
	struct actor         a;
	struct framework_set set;
	struct diags         d;
	struct store        *s;
	struct ops          *x = NULL;
	char                 at[32];
	size_t               applied, unchanged;
	int                  rc = EXIT_ERROR;

	diags_init(&d);
	cli_timestamp(at);
	cli_actor_inspector(&a, who);
	/* The frameworks load before the batch holds the write lock. */
	cli_load_frameworks(cli, &set);
	if ((s = store_open(cli->db, STORE_WRITE, &d)) != NULL &&
	    ovrfile_apply((x = ops_new(s, &set)), path, &a, at, &applied,
	    &unchanged, &d) == 0) {
		report_applied(path, applied, unchanged);
		rc = EXIT_OK;
	}
	ops_free(x);
	store_close(s);
	framework_set_free(&set);
	cli_flush(&d);
	return rc;
}

/* ---- the command ---------------------------------------------------- */

/* Checks the options of one change; EXIT_USAGE after the message. */
static int
check_change(struct store_change *c, struct actor *a, const char *who,
    char at[32], int argc, char **argv)
{
	int rc;

	if (!c->key.municipality || !c->key.approach || !c->key.indicator)
		return cli_usage_error("override ", "--municipality, "
		    "--approach and --indicator are required");
	if ((rc = cli_change_begin(c, a, who, at, "override ")) != 0)
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
	struct actor        a;
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
		return apply_file(cli, file, who);
	}
	if ((rc = check_change(&c, &a, who, at, argc, argv)) != 0)
		return rc;
	return apply(cli, &c);
}

static void
on_history(void *ctx, const struct store_history_row *r)
{
	/* step 10: reactions: a reaction or note that is not, is no proposal;
	 * nor is an approach before it was added */
	const char *none = strcmp(r->field, "reaction") == 0 ||
	    strcmp(r->field, "note") == 0 ||
	    strcmp(r->field, "approach") == 0 ? "-" : "voorstel";

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
	put_safe(r->old_value ? r->old_value : none, stdout);
	fputs(" -> ", stdout);
	put_safe(r->new_value ? r->new_value : none, stdout);
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
