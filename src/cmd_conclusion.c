/*
 * cmd_conclusion: "stj conclusions" (per approach and theme: "Wat gaat
 * goed?" and "Wat kan beter?", drafted from the final verdicts unless the
 * inspector wrote them) and "stj conclusion" (write or revert one, logged).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess_draft.h"
#include "cli.h"
#include "ops.h"
#include "round.h"
#include "util.h"

static const char conclusion_usage[] =
"usage: stj conclusions --municipality M [--round Y]\n"
"       stj conclusion --municipality M [--round Y] --approach A --theme ID\n"
"           [--goed TEXT] [--beter TEXT] [--revert] --reason TEXT\n"
"           [--inspector NAME]\n"
"\n"
"conclusions prints per approach and theme 'Wat gaat goed?' and 'Wat kan\n"
"beter?': drafted from the verdicts (met without reservation; verbeter-\n"
"punten, then LET OP), or the inspector's text. conclusion writes one\n"
"(or --revert returns to the draft) and says what changed; the round\n"
"defaults to the latest, the reason is required and every change goes\n"
"into the audit log.\n";

static void
print_block(const char *title, const char *text)
{
	printf("    %s\n", title);
	render_text_lines(stdout, "      ", text);
}

/* Drafts and prints the conclusion of theme t for approach a. */
static void
print_theme(const struct phrases *ph, const struct round_view *v,
    const struct round_approach *a, const struct fw_theme *t,
    const struct round_edits *e)
{
	const struct round_edit *mine = round_edit_find(e, a->name, t->id);
	char                    *goed, *beter;

	round_conclusion_draft(ph, v, a, t, &goed, &beter);
	printf("  %s%s\n", t->name, mine ? " [inspecteur]" : "");
	print_block("Wat gaat goed?", mine && mine->goed ? mine->goed : goed);
	print_block("Wat kan beter?", mine && mine->beter ? mine->beter :
	    beter);
	free(goed);
	free(beter);
}

static int
conclusions(const struct cli *cli, const char *mun, int round)
{
	struct framework_set set;
	struct round_view    v;
	struct round_edits   e;
	struct diags         d;
	struct store        *s = NULL;
	struct phrases      *ph;
	size_t               i, t;
	int                  rc = EXIT_ERROR;

	diags_init(&d);
	memset(&v, 0, sizeof(v));
	memset(&e, 0, sizeof(e));
	cli_load_frameworks(cli, &set);
	if ((ph = cli_phrases_load(cli, &d)) != NULL &&
	    (s = store_open(cli->db, STORE_READ, &d)) != NULL &&
	    store_resolve_municipality(s, &mun, &d) == 0 &&
	    round_view_load(&v, &set, s, mun, round, &d) == 0 &&
	    round_edits_load(&e, s, mun, v.round, &d) == 0) {
		for (i = 0; i < v.n; i++) {
			printf("%sAanpak: ", i ? "\n" : "");
			render_text(stdout, v.approaches[i].name);
			putchar('\n');
			for (t = 0; t < v.fw->nthemes; t++)
				print_theme(ph, &v, &v.approaches[i],
				    &v.fw->themes[t], &e);
		}
		rc = EXIT_OK;
	}
	round_edits_free(&e);
	round_view_free(&v);
	store_close(s);
	phrases_free(ph);
	cli_flush(&d);
	framework_set_free(&set);
	return rc;
}

/*
 * Writes or reverts the conclusion in one transaction and says in one
 * line what changed.
 */
static int
conclusion_apply(const struct cli *cli, struct store_change *c,
    const char *goed, const char *beter)
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
	    ops_conclusion((x = ops_new(s, &set)), c, goed, beter, OPS_ANY,
	    &said, &d) == 0) {
		printf("%s\n", said);
		rc = EXIT_OK;
	}
	ops_free(x);
	free(said);
	framework_set_free(&set);
	store_close(s);
	cli_flush(&d);
	return rc;
}

int
cmd_conclusion(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "round",        required_argument, NULL, 'y' },
		{ "approach",     required_argument, NULL, 'a' },
		{ "theme",        required_argument, NULL, 't' },
		{ "goed",         required_argument, NULL, 'g' },
		{ "beter",        required_argument, NULL, 'b' },
		{ "revert",       no_argument,       NULL, 'R' },
		{ "reason",       required_argument, NULL, 'r' },
		{ "inspector",    required_argument, NULL, 'w' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_change c;
	struct actor        a;
	const char         *goed = NULL, *beter = NULL, *who = getenv("USER");
	char                at[32];
	int                 ch, rc, list = strcmp(argv[0], "conclusions") == 0;

	memset(&c, 0, sizeof(c));
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': c.key.municipality = optarg; break;
		case 'y':
			if (cli_parse_round(optarg, &c.key.round) == -1)
				return cli_usage_error("conclusion ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'a': c.key.approach = optarg; break;
		case 't': c.key.indicator = optarg; break;
		case 'g': goed = optarg; break;
		case 'b': beter = optarg; break;
		case 'R': c.revert = 1; break;
		case 'r': c.reason = optarg; break;
		case 'w': who = optarg; break;
		case 'h':
			fputs(conclusion_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("conclusion ",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (c.key.municipality == NULL || optind < argc)
		return cli_usage_error("conclusion ",
		    "--municipality is required");
	if (list)
		return conclusions(cli, c.key.municipality, c.key.round);
	if (!c.key.approach || !c.key.indicator)
		return cli_usage_error("conclusion ",
		    "--approach and --theme are required");
	if ((rc = cli_change_begin(&c, &a, who, at, "conclusion ")) != 0 ||
	    (rc = cli_text_arg("conclusion ", "--goed", goed, 1)) != 0 ||
	    (rc = cli_text_arg("conclusion ", "--beter", beter, 1)) != 0)
		return rc;
	if (c.revert == (goed != NULL || beter != NULL))
		return cli_usage_error("conclusion ",
		    "give --goed and/or --beter, or --revert");
	return conclusion_apply(cli, &c, goed, beter);
}
