/*
 * cmd_state: "stj state" — the review state of a round (concept,
 * wederhoor, vastgesteld): shows it with its history, or changes it with
 * a reason (ops_state()).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ops.h"
#include "util.h"

static const char state_usage[] =
"usage: stj state --municipality M [--round Y]\n"
"       stj state --municipality M [--round Y] STATE --reason TEXT\n"
"           [--inspector NAME]\n"
"\n"
"Without STATE, prints the review state of the round and each change of\n"
"it. With STATE (concept, wederhoor or vastgesteld) changes it: concept\n"
"-> wederhoor -> vastgesteld, and back to an earlier state to reopen.\n"
"A vastgesteld round refuses every change until it is reopened. An\n"
"incomplete round (an approach without the gemeente's answers, a partner\n"
"of the dossier who did not answer) is vastgesteld only when the reason\n"
"names each gap. The round defaults to the latest. Logged in the audit\n"
"log.\n";

/* Writes s for a terminal, control characters escaped (util.h). */
static void
put_safe(const char *s)
{
	fput_escaped(stdout, s, strlen(s), 1);
}

static void
on_row(void *ctx, const struct store_history_row *r)
{
	(void)ctx;
	if (strcmp(r->field, "state") != 0)
		return;
	put_safe(r->at);
	fputs("  ", stdout);
	put_safe(r->who);
	fputs("  ", stdout);
	put_safe(r->old_value ? r->old_value : "?");
	fputs(" -> ", stdout);
	put_safe(r->new_value ? r->new_value : "?");
	fputs("  (", stdout);
	put_safe(r->reason);
	fputs(")\n", stdout);
}

/* The state of the round and the changes of it, oldest first. */
static int
show(const struct cli *cli, const char *mun, int round)
{
	struct diags  d;
	struct store *s;
	char         *fw = NULL, *version = NULL, *state = NULL, *since = NULL;
	int           rc = EXIT_ERROR;

	diags_init(&d);
	if ((s = store_open(cli->db, STORE_READ, &d)) != NULL &&
	    store_resolve_municipality(s, &mun, &d) == 0 &&
	    store_find_round(s, mun, &round, &fw, &version, &d) == 0 &&
	    store_round_state(s, mun, round, &state, &since, &d) == 0) {
		put_safe(mun);
		printf(" %d: %s\n", round, state);
		if (store_history(s, mun, round, on_row, NULL, &d) == 0)
			rc = EXIT_OK;
	}
	free(fw);
	free(version);
	free(state);
	free(since);
	store_close(s);
	cli_flush(&d);
	return rc;
}

/* Changes the state in one transaction and says what it did. */
static int
change(const struct cli *cli, struct store_change *c, const char *state)
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
	    ops_state((x = ops_new(s, &set)), c, state, OPS_ANY, &said,
	    &d) == 0) {
		put_safe(said);
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
cmd_state(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "round",        required_argument, NULL, 'y' },
		{ "reason",       required_argument, NULL, 'r' },
		{ "inspector",    required_argument, NULL, 'w' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_change c;
	struct actor        a;
	const char         *who = getenv("USER");
	char                at[32];
	int                 ch, rc;

	memset(&c, 0, sizeof(c));
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': c.key.municipality = optarg; break;
		case 'y':
			if (cli_parse_round(optarg, &c.key.round) == -1)
				return cli_usage_error("state ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'r': c.reason = optarg; break;
		case 'w': who = optarg; break;
		case 'h':
			fputs(state_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("state ", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (c.key.municipality == NULL || argc - optind > 1)
		return cli_usage_error("state ", "--municipality and at most "
		    "one STATE are required");
	if (optind == argc) {
		if (c.reason != NULL)
			return cli_usage_error("state ",
			    "--reason goes with a STATE");
		return show(cli, c.key.municipality, c.key.round);
	}
	if ((rc = cli_change_begin(&c, &a, who, at, "state ")) != 0)
		return rc;
	return change(cli, &c, argv[optind]);
}
