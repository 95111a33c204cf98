/*
 * cmd_merge: "stj merge" — consecutive indicators of one criterion share
 * one mark and one finding, as the factsheets print them (e.g. 3.1.4-3.1.7).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ops.h"
#include "util.h"

static const char merge_usage[] =
"usage: stj merge --municipality M [--round Y] --approach A\n"
"           --indicators FIRST-LAST [--unmerge] --reason TEXT\n"
"           [--inspector NAME]\n"
"\n"
"Merges consecutive indicators of one criterion into one mark and one\n"
"finding (X when any of them is X), or splits them again (--unmerge),\n"
"and says what it did. The round defaults to the latest. Logged in the\n"
"audit log.\n";

/* Merges (or splits) in one transaction and says what it did. */
static int
merge(const struct cli *cli, struct store_change *c, const char *range)
{
	struct framework_set set;
	struct diags         d;
	struct store        *s;
	struct ops          *x = NULL;
	char                 first[16], last[16], *said = NULL;
	const char          *dash = strchr(range, '-');
	int                  rc = EXIT_ERROR;

	if (dash == NULL || (size_t)(dash - range) >= sizeof(first) ||
	    strlen(dash + 1) >= sizeof(last))
		return cli_usage_error("merge ",
		    "--indicators is FIRST-LAST, e.g. 3.1.4-3.1.7");
	snprintf(first, sizeof(first), "%.*s", (int)(dash - range), range);
	snprintf(last, sizeof(last), "%s", dash + 1);
	diags_init(&d);
	cli_load_frameworks(cli, &set);
	if ((s = store_open(cli->db, STORE_WRITE, &d)) != NULL &&
	    ops_merge((x = ops_new(s, &set)), c, first, last, OPS_ANY, &said,
	    &d) == 0) {
		printf("%s\n", said);
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
cmd_merge(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "round",        required_argument, NULL, 'y' },
		{ "approach",     required_argument, NULL, 'a' },
		{ "indicators",   required_argument, NULL, 'i' },
		{ "unmerge",      no_argument,       NULL, 'U' },
		{ "reason",       required_argument, NULL, 'r' },
		{ "inspector",    required_argument, NULL, 'w' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_change c;
	struct actor        a;
	const char         *range = NULL, *who = getenv("USER");
	char                at[32];
	int                 ch, rc;

	memset(&c, 0, sizeof(c));
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': c.key.municipality = optarg; break;
		case 'y':
			if (cli_parse_round(optarg, &c.key.round) == -1)
				return cli_usage_error("merge ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'a': c.key.approach = optarg; break;
		case 'i': range = optarg; break;
		case 'U': c.revert = 1; break;
		case 'r': c.reason = optarg; break;
		case 'w': who = optarg; break;
		case 'h':
			fputs(merge_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("merge ", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (!c.key.municipality || !c.key.approach || range == NULL ||
	    optind < argc)
		return cli_usage_error("merge ", "--municipality, "
		    "--approach and --indicators are required");
	if ((rc = cli_change_begin(&c, &a, who, at, "merge ")) != 0)
		return rc;
	return merge(cli, &c, range);
}
