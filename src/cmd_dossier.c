/*
 * cmd_dossier: "stj dossier" — rewrites a dossier text as the factsheet
 * prints it: the round's context or an approach's description, with a
 * reason (ops_dossier_text()). Argument parsing only.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ops.h"
#include "util.h"

static const char dossier_usage[] =
"usage: stj dossier --municipality M [--round Y] --context TEXT\n"
"           --reason TEXT [--inspector NAME]\n"
"       stj dossier --municipality M [--round Y] --approach A\n"
"           --description TEXT --reason TEXT [--inspector NAME]\n"
"\n"
"Rewrites a text of the round's dossier, as the factsheet prints it: the\n"
"context of the round, or the description of one approach. The texts may\n"
"hold line breaks. A vastgesteld round refuses until it is reopened. The\n"
"round defaults to the latest. Logged in the audit log ('stj history').\n";

/* Writes the text in one transaction and says what it did. */
static int
rewrite(const struct cli *cli, struct store_change *c, const char *field,
    const char *text)
{
	struct framework_set set;
	struct diags         d;
	struct store        *s;
	struct ops          *x = NULL;
	char                *said = NULL;
	int                  rc = EXIT_ERROR;

	diags_init(&d);
	cli_load_frameworks(cli, &set);
	if ((s = store_open(cli->db, STORE_WRITE, &d)) != NULL &&
	    ops_dossier_text((x = ops_new(s, &set)), c, field, text, OPS_ANY,
	    &said, &d) == 0) {
		fput_escaped(stdout, said, strlen(said), 1);
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

int
cmd_dossier(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "round",        required_argument, NULL, 'y' },
		{ "approach",     required_argument, NULL, 'a' },
		{ "context",      required_argument, NULL, 'c' },
		{ "description",  required_argument, NULL, 'D' },
		{ "reason",       required_argument, NULL, 'r' },
		{ "inspector",    required_argument, NULL, 'w' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_change c;
	struct actor        a;
	const char         *context = NULL, *description = NULL;
	const char         *who = getenv("USER");
	char                at[32];
	int                 ch, rc;

	memset(&c, 0, sizeof(c));
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': c.key.municipality = optarg; break;
		case 'y':
			if (cli_parse_round(optarg, &c.key.round) == -1)
				return cli_usage_error("dossier ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'a': c.key.approach = optarg; break;
		case 'c': context = optarg; break;
		case 'D': description = optarg; break;
		case 'r': c.reason = optarg; break;
		case 'w': who = optarg; break;
		case 'h':
			fputs(dossier_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("dossier ", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (c.key.municipality == NULL || optind < argc ||
	    (context == NULL) == (description == NULL))
		return cli_usage_error("dossier ", "--municipality and one of "
		    "--context or --description are required");
	if (context != NULL && c.key.approach != NULL)
		return cli_usage_error("dossier ", "--context is the round's: "
		    "it takes no --approach");
	if (description != NULL && c.key.approach == NULL)
		return cli_usage_error("dossier ",
		    "--description needs --approach");
	if ((rc = cli_change_begin(&c, &a, who, at, "dossier ")) != 0)
		return rc;
	return rewrite(cli, &c, context != NULL ? "context" : "description",
	    context != NULL ? context : description);
}
