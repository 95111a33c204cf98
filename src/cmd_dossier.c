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
"       stj dossier --municipality M [--round Y] --intro TEXT\n"
"           --reason TEXT [--inspector NAME]\n"
"       stj dossier --municipality M [--round Y] --published DATE\n"
"           --reason TEXT [--inspector NAME]\n"
"       stj dossier --municipality M [--round Y] --approach A\n"
"           --description TEXT --reason TEXT [--inspector NAME]\n"
"       stj dossier --municipality M [--round Y] --add-approach A\n"
"           [--description TEXT] [--partner ORG]... --reason TEXT\n"
"           [--inspector NAME]\n"
"\n"
"Rewrites a text of the round's dossier, as the factsheet prints it: the\n"
"context of the round, or the description of one approach. The texts may\n"
"hold line breaks. A vastgesteld round refuses until it is reopened. The\n"
"round defaults to the latest. Logged in the audit log ('stj history').\n"
"\n"
"--intro is the round's own introduction on the front page (paragraphs\n"
"split by an empty line), printed instead of the year-neutral one of the\n"
"templates. --published is the publication date, YYYY-MM or YYYY-MM-DD,\n"
"printed as month and year on the front page and in every page's footer.\n"
"\n"
"--add-approach adds an approach to the round's dossier, last, with its\n"
"description and up to three network partners (--partner, once each), so\n"
"that they can be invited ('stj invite') and answer.\n";

/* What the command line asks (argument parsing only). */
struct dossier_args {
	const char *context, *description, *add;
	const char *intro, *published;   /* -- step 11: layout -- */
	const char *partners[4];   /* one more than allowed: ops refuses */
	size_t      npartners;
};

/* The dossier field the command line names, and its new value. */
static const char *
dossier_field(const struct dossier_args *a)
{
	return a->context != NULL ? "context" : a->intro != NULL ? "intro" :
	    a->published != NULL ? "published" : "description";
}

static const char *
dossier_value(const struct dossier_args *a)
{
	return a->context != NULL ? a->context : a->intro != NULL ? a->intro :
	    a->published != NULL ? a->published : a->description;
}

/*
 * Writes the text (or adds the approach) in one transaction and says
 * what it did.
 */
static int
rewrite(const struct cli *cli, struct store_change *c,
    const struct dossier_args *a)
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
	    (x = ops_new(s, &set)) != NULL && (a->add != NULL ?
	    ops_approach_add(x, c, a->description, a->partners, a->npartners,
	    &said, &d) : ops_dossier_text(x, c, dossier_field(a),
	    dossier_value(a), OPS_ANY, &said, &d)) == 0) {
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
		{ "intro",        required_argument, NULL, 'I' },
		{ "published",    required_argument, NULL, 'P' },
		{ "add-approach", required_argument, NULL, 'A' },
		{ "partner",      required_argument, NULL, 'p' },
		{ "reason",       required_argument, NULL, 'r' },
		{ "inspector",    required_argument, NULL, 'w' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_change c;
	struct dossier_args a;
	struct actor        act;
	const char         *who = getenv("USER");
	char                at[32];
	int                 ch, rc;

	memset(&c, 0, sizeof(c));
	memset(&a, 0, sizeof(a));
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': c.key.municipality = optarg; break;
		case 'y':
			if (cli_parse_round(optarg, &c.key.round) == -1)
				return cli_usage_error("dossier ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'a': c.key.approach = optarg; break;
		case 'c': a.context = optarg; break;
		case 'D': a.description = optarg; break;
		case 'I': a.intro = optarg; break;
		case 'P': a.published = optarg; break;
		case 'A': a.add = optarg; break;
		case 'p':
			if (a.npartners == 4)
				return cli_usage_error("dossier ",
				    "an approach has at most three partners");
			a.partners[a.npartners++] = optarg;
			break;
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
	if (a.add != NULL) {
		if (c.key.municipality == NULL || optind < argc ||
		    a.context != NULL || c.key.approach != NULL ||
		    a.intro != NULL || a.published != NULL)
			return cli_usage_error("dossier ", "--add-approach "
			    "takes --municipality, no --context or --approach");
		c.key.approach = a.add;
		if ((rc = cli_change_begin(&c, &act, who, at, "dossier ")) != 0)
			return rc;
		return rewrite(cli, &c, &a);
	}
	if (a.npartners > 0)
		return cli_usage_error("dossier ", "--partner goes with "
		    "--add-approach");
	if (c.key.municipality == NULL || optind < argc ||
	    (a.context != NULL) + (a.description != NULL) +
	    (a.intro != NULL) + (a.published != NULL) != 1)
		return cli_usage_error("dossier ", "--municipality and one of "
		    "--context, --intro, --published or --description are "
		    "required");
	if (a.description == NULL && c.key.approach != NULL)
		return cli_usage_error("dossier ", "--%s is the round's: "
		    "it takes no --approach", dossier_field(&a));
	if (a.description != NULL && c.key.approach == NULL)
		return cli_usage_error("dossier ",
		    "--description needs --approach");
	if ((rc = cli_change_begin(&c, &act, who, at, "dossier ")) != 0)
		return rc;
	return rewrite(cli, &c, &a);
}
