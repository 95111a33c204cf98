/*
 * cmd_merge: "stj merge" — consecutive indicators of one criterion share
 * one mark and one finding, as the factsheets print them (e.g. 3.1.4-3.1.7).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "round.h"
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

/*
 * Checks first..last against the round: both in its framework, first
 * before last, one criterion, no overlap with a group already there.
 */
static int
check_range(const struct round_view *v, const struct store_change *c,
    const char *first, const char *last, struct diags *d)
{
	const struct fw_indicator *a = framework_indicator(v->fw, first);
	const struct fw_indicator *b = framework_indicator(v->fw, last);
	size_t                     i, k;

	if (a == NULL || b == NULL) {
		diags_add(d, NULL, 0, MSG_UNKNOWN_INDICATOR, a ? last : first,
		    v->fw->id, v->fw->version);
		return -1;
	}
	if (a->index >= b->index || a->criterion != b->criterion) {
		diags_add(d, NULL, 0, MSG_BAD_MERGE, first, last);
		return -1;
	}
	for (i = 0; !c->revert && i < v->n; i++)
		if (strcmp(v->approaches[i].name, c->key.approach) == 0)
			for (k = a->index; k <= b->index; k++)
				if (v->approaches[i].cells[k].merged) {
					diags_add(d, NULL, 0, MSG_MERGE_OVERLAP,
					    v->fw->indicators[k]->id);
					return -1;
				}
	return 0;
}

/* The mark a group first..last shares: X when any is X, else V when any. */
static char
group_mark(const struct round_view *v, const struct store_change *c,
    const char *first, const char *last)
{
	const struct fw_indicator *a = framework_indicator(v->fw, first);
	const struct fw_indicator *b = framework_indicator(v->fw, last);
	struct round_final         f;
	size_t                     i, k;
	int                        any_x = 0, any_v = 0;

	for (i = 0; i < v->n; i++)
		if (strcmp(v->approaches[i].name, c->key.approach) == 0)
			for (k = a->index; k <= b->index; k++) {
				round_final(&v->approaches[i].cells[k],
				    v->fw->indicators[k], &f);
				any_x |= f.verdict == VERDICT_X;
				any_v |= f.verdict == VERDICT_V;
			}
	return any_x ? 'X' : any_v ? 'V' : '-';
}

/*
 * Merges (or splits) in one transaction, the round read inside it, and
 * says in one line what it did.
 */
static int
merge(const struct cli *cli, struct store_change *c, const char *range)
{
	struct framework_set set;
	struct round_view    v;
	struct diags         d;
	struct store        *s;
	char                 first[16], last[16];
	const char          *dash = strchr(range, '-');
	int                  status = -1, rc = EXIT_ERROR;

	if (dash == NULL || (size_t)(dash - range) >= sizeof(first) ||
	    strlen(dash + 1) >= sizeof(last))
		return cli_usage_error("merge ",
		    "--indicators is FIRST-LAST, e.g. 3.1.4-3.1.7");
	snprintf(first, sizeof(first), "%.*s", (int)(dash - range), range);
	snprintf(last, sizeof(last), "%s", dash + 1);
	diags_init(&d);
	memset(&v, 0, sizeof(v));
	cli_load_frameworks(cli, &set);
	if ((s = store_open(cli->db, STORE_WRITE, &d)) == NULL ||
	    store_begin(s, &d) == -1)
		goto out;
	if (store_resolve_municipality(s, &c->key.municipality, &d) == 0 &&
	    store_resolve_approach(s, c->key.municipality, c->key.round,
	    &c->key.approach, &d) == 0 &&
	    round_view_load(&v, &set, s, c->key.municipality, c->key.round,
	    &d) == 0 && check_range(&v, c, first, last, &d) == 0) {
		c->key.round = v.round;
		status = store_merge_apply(s, c, first, last, &d);
	}
	if (store_finish(s, status, &d) == 0) {
		if (c->revert)
			printf("%s %d, %s, %s-%s: split again\n",
			    c->key.municipality, c->key.round, c->key.approach,
			    first, last);
		else
			printf("%s %d, %s, %s-%s: merged into one mark (%c) "
			    "and one finding\n", c->key.municipality,
			    c->key.round, c->key.approach, first, last,
			    group_mark(&v, c, first, last));
		rc = EXIT_OK;
	}
out:
	round_view_free(&v);
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
	if ((rc = cli_change_begin(&c, who, at, "merge ")) != 0)
		return rc;
	c.key.indicator = range;
	return merge(cli, &c, range);
}
