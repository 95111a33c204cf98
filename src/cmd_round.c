/*
 * cmd_round: "stj round new --municipality M --round Y [--from PREV]
 * [--framework ID[@VERSION]]": starts a round, empty or with the previous
 * round's dossier, approaches and partners.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "cli.h"
#include "store.h"

static const char round_usage[] =
"usage: stj round new --municipality NAME --round YEAR [--from YEAR]\n"
"                     [--framework ID[@VERSION]]\n"
"\n"
"Starts a round of a municipality on a framework version (default:\n"
"stj-ggsr@2013; --framework stj-ggsr@2015 for the 2015 revision, or\n"
"stj-ggsr for the newest installed). The round keeps that version: its\n"
"questionnaires, imports and factsheet use its wording. With --from it\n"
"takes over that round's context, kind\n"
"(inspection or self-assessment), approaches with their descriptions and\n"
"network partners; answers, verdicts and conclusions start empty.\n";

/*
 * The round, started in the open transaction, and the actor's check on
 * it as stored (step 10: actor): the local inspecteur ($USER) may.
 */
static int
start(struct store *s, const struct framework *fw, const char *mun,
    int year, int from, struct diags *d)
{
	struct actor a;
	const char  *m = mun;
	int          y = year;

	cli_actor_inspector(&a, getenv("USER"));
	if (store_round_new(s, fw, mun, year, from, d) == -1)
		return -1;
	return actor_check(s, &a, ACT_ROUND_NEW, &m, &y, d);
}

static int
round_new(const struct cli *cli, const char *mun, int year, int from,
    const char *fwspec)
{
	struct framework_set    set;
	const struct framework *fw;
	struct diags            d;
	struct store           *s = NULL;
	char                    at[32];
	int                     rc = EXIT_ERROR;

	diags_init(&d);
	cli_load_frameworks(cli, &set);
	if ((fw = framework_set_find(&set, fwspec)) == NULL)
		diags_add(&d, NULL, 0, MSG_FW_NOT_FOUND, fwspec);
	else if ((s = store_open(cli->db, STORE_CREATE, &d)) != NULL) {
		cli_timestamp(at);
		store_set_clock(s, at);
		if (store_begin(s, &d) == 0 && store_finish(s,
		    start(s, fw, mun, year, from, &d), &d) == 0 &&
		    store_resolve_municipality(s, &mun, &d) == 0) {
			printf("%s %d on %s %s%s\n", mun, year, fw->id,
			    fw->version, from ? " (from the previous round)" :
			    "");
			rc = EXIT_OK;
		}
	}
	store_close(s);
	cli_flush(&d);
	framework_set_free(&set);
	return rc;
}

int
cmd_round(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "round",        required_argument, NULL, 'y' },
		{ "from",         required_argument, NULL, 'f' },
		{ "framework",    required_argument, NULL, 'F' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *mun = NULL, *fwspec = CLI_DEFAULT_FRAMEWORK;
	int         ch, year = 0, from = 0;

	if (argc > 1 && strcmp(argv[1], "new") == 0) {
		argc--;
		argv++;
	} else if (argc < 2 || (strcmp(argv[1], "--help") != 0 &&
	    strcmp(argv[1], "-h") != 0))
		return cli_usage_error("round ", "the subcommand is 'new'");
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': mun = optarg; break;
		case 'F': fwspec = optarg; break;
		case 'y':
		case 'f':
			if (cli_parse_round(optarg, ch == 'y' ? &year :
			    &from) == -1)
				return cli_usage_error("round ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'h':
			fputs(round_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("round ", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (mun == NULL || year == 0 || optind < argc)
		return cli_usage_error("round ",
		    "--municipality and --round are required");
	if (from == year)
		return cli_usage_error("round ",
		    "--from must name another round");
	return round_new(cli, mun, year, from, fwspec);
}
