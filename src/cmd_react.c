/*
 * cmd_react: the municipality's word beside the inspectorate's (step 10:
 * reactions). "stj reaction": its reaction to a finding of a round in
 * wederhoor (hoor en wederhoor, ops_reaction()); "stj note": its progress
 * note on a verbeterpunt of a vastgesteld round (ops_progress_note()).
 * Argument parsing only.
 *
 * Step 10: actor. Both record the municipality's word received another
 * way (a letter, a mail): the shell user types it in on the
 * municipality's behalf, so the CLI acts as a gemeente of the round's
 * municipality (--municipality), named "NAME namens gemeente" (NAME:
 * --who or $USER). The library's roles apply as on the web: a reaction
 * only in wederhoor, a note only when vastgesteld.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ops.h"
#include "util.h"

static const char reaction_usage[] =
"usage: stj reaction --municipality M [--round Y] --approach A\n"
"           --indicator ID (--text TEXT | --withdraw) [--who NAME]\n"
"\n"
"Hoor en wederhoor: writes the municipality's reaction to one finding\n"
"(an indicator, or a merged group 'FIRST-LAST'; an indicator of a group\n"
"stands for its group) while the round is in wederhoor; refused in\n"
"concept and vastgesteld. The text may hold line breaks; --withdraw (or\n"
"an empty text) takes it back. The round defaults to the latest. Logged\n"
"in the audit log ('stj history', field reaction) as 'NAME namens\n"
"gemeente': the command acts for the municipality (NAME: --who, else\n"
"$USER), with its role.\n";

static const char note_usage[] =
"usage: stj note --municipality M [--round Y] --approach A\n"
"           --indicator ID (--text TEXT | --withdraw) [--who NAME]\n"
"\n"
"Writes the municipality's progress note on a verbeterpunt: an indicator\n"
"whose verdict is X in a vastgesteld round. 'stj progress' from that\n"
"round shows it beside the status, as a <voortgang> note of the later\n"
"round's dossier. --withdraw (or an empty text) takes it back. Logged in\n"
"the audit log ('stj history', field note) as 'NAME namens gemeente':\n"
"the command acts for the municipality (NAME: --who, else $USER), with\n"
"its role.\n";

typedef int (*write_fn)(struct ops *, struct store_change *, const char *,
    long long, char **, struct diags *);

/* Writes the text in one transaction and says what it did. */
static int
write_word(const struct cli *cli, write_fn fn, struct store_change *c,
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
	    fn((x = ops_new(s, &set)), c, text, OPS_ANY, &said, &d) == 0) {
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

static int
run(const struct cli *cli, int argc, char **argv, const char *cmd,
    const char *usage, write_fn fn)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "round",        required_argument, NULL, 'y' },
		{ "approach",     required_argument, NULL, 'a' },
		{ "indicator",    required_argument, NULL, 'i' },
		{ "text",         required_argument, NULL, 't' },
		{ "withdraw",     no_argument,       NULL, 'W' },
		{ "who",          required_argument, NULL, 'w' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_change c;
	struct actor        a;
	const char         *text = NULL, *who = getenv("USER");
	char                at[32], *name;
	int                 ch, rc, withdraw = 0;

	memset(&c, 0, sizeof(c));
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': c.key.municipality = optarg; break;
		case 'y':
			if (cli_parse_round(optarg, &c.key.round) == -1)
				return cli_usage_error(cmd,
				    "'%s' is no round (a year)", optarg);
			break;
		case 'a': c.key.approach = optarg; break;
		case 'i': c.key.indicator = optarg; break;
		case 't': text = optarg; break;
		case 'W': withdraw = 1; break;
		case 'w': who = optarg; break;
		case 'h':
			fputs(usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error(cmd, "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (c.key.municipality == NULL || c.key.approach == NULL ||
	    c.key.indicator == NULL || optind < argc ||
	    (text == NULL) == !withdraw)
		return cli_usage_error(cmd, "--municipality, --approach, "
		    "--indicator and one of --text or --withdraw are required");
	if ((rc = cli_text_arg(cmd, "--who", who, 0)) != 0 ||
	    (rc = cli_text_arg(cmd, "--text", text, 1)) != 0)
		return rc;
	cli_timestamp(at);
	c.at = at;
	/* The municipality's word, typed in for it (see above). */
	name = xasprintf("%s namens gemeente", who != NULL && *who ? who :
	    "onbekend");
	memset(&a, 0, sizeof(a));
	a.name = name;
	a.role = ACCESS_GEMEENTE;
	a.municipality = c.key.municipality;
	cli_test_actor(&a);
	c.actor = &a;
	rc = write_word(cli, fn, &c, withdraw ? NULL : text);
	free(name);
	return rc;
}

int
cmd_reaction(const struct cli *cli, int argc, char **argv)
{
	return run(cli, argc, argv, "reaction ", reaction_usage, ops_reaction);
}

int
cmd_note(const struct cli *cli, int argc, char **argv)
{
	return run(cli, argc, argv, "note ", note_usage, ops_progress_note);
}
