/*
 * cmd_verdicts: "stj verdicts --municipality M [--round Y]
 * [--format text|tsv]": the proposed verdict per approach and indicator.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "cli.h"
#include "store.h"
#include "util.h"

static const char verdicts_usage[] =
"usage: stj verdicts --municipality NAME [--round YEAR] [--format text|tsv]\n"
"\n"
"Prints the verdict per approach and indicator: V (voldoet), X\n"
"(verbeterpunt) or - (not applicable), whether a LET OP is proposed, and\n"
"its source. tsv columns: aanpak, indicator, verdict, letop, bron.\n"
"\n"
"Options:\n"
"  --municipality NAME   the municipality (required)\n"
"  --round YEAR          the round (default: the latest)\n"
"  --format FORMAT       text (default) or tsv\n"
"  -h, --help            this help\n";

/* At most one gemeente and three partners answer per approach. */
enum { MAX_RESPONDENTS = 4 };

struct cell {
	struct assess_answer a[MAX_RESPONDENTS];
	size_t               n;
};

struct approach {
	char        *name;
	struct cell *cells;     /* one per indicator, framework order */
};

struct collect {
	const struct framework *fw;
	struct approach        *v;
	size_t                  n;
};

static void
on_answer(void *vctx, const struct store_answer_row *r)
{
	struct collect            *c = vctx;
	const struct fw_indicator *ind;
	struct cell               *cell;

	if (c->n == 0 || strcmp(c->v[c->n - 1].name, r->approach) != 0) {
		c->v = xrealloc(c->v, (c->n + 1) * sizeof(*c->v));
		c->v[c->n].name = xstrdup(r->approach);
		c->v[c->n].cells = xcalloc(c->fw->nindicators,
		    sizeof(struct cell));
		c->n++;
	}
	if (r->indicator == NULL || r->value == NULL ||
	    (ind = framework_indicator(c->fw, r->indicator)) == NULL)
		return;
	cell = &c->v[c->n - 1].cells[ind->index];
	if (cell->n == MAX_RESPONDENTS)
		return;
	cell->a[cell->n].role = role_from_name(r->role);
	cell->a[cell->n].value = answer_from_code(r->value);
	cell->n++;
}

static void
print_verdicts(const struct collect *c, enum render_format fmt)
{
	struct assess_proposal p;
	size_t                 i, k;
	const struct fw_theme *theme;

	if (fmt == RENDER_TSV)
		puts("aanpak\tindicator\tverdict\tletop\tbron");
	for (i = 0; i < c->n; i++) {
		theme = NULL;
		if (fmt == RENDER_TEXT)
			printf("%sAanpak: %s\n", i ? "\n" : "", c->v[i].name);
		for (k = 0; k < c->fw->nindicators; k++) {
			const struct fw_indicator *ind = c->fw->indicators[k];
			assess_indicator(ind, c->v[i].cells[k].a,
			    c->v[i].cells[k].n, &p);
			if (fmt == RENDER_TSV) {
				printf("%s\t%s\t%c\t%d\tvoorstel\n",
				    c->v[i].name, ind->id,
				    verdict_code(p.verdict), p.letop);
				continue;
			}
			if (theme != ind->criterion->theme) {
				theme = ind->criterion->theme;
				printf("  %s\n", theme->name);
			}
			printf("    %-6s %s  %-7s %s\n", ind->id,
			    p.verdict == VERDICT_V ? "\xe2\x88\x9a" :
			    p.verdict == VERDICT_X ? "X" : "-",
			    p.letop ? "LET OP" : "", ind->text);
		}
	}
}

static int
verdicts(const struct cli *cli, const char *mun, int round,
    enum render_format fmt)
{
	struct framework_set set;
	struct collect       c;
	struct diags         d;
	struct store        *s;
	char                *fwname = NULL, *version = NULL, *spec;
	size_t               i;
	int                  rc = EXIT_ERROR;

	diags_init(&d);
	memset(&c, 0, sizeof(c));
	cli_load_frameworks(cli, &set);
	if ((s = store_open(cli->db, &d)) == NULL ||
	    store_find_round(s, mun, &round, &fwname, &version, &d) == -1)
		goto out;
	spec = xasprintf("%s@%s", fwname, version);
	c.fw = framework_set_find(&set, spec);
	free(spec);
	if (c.fw == NULL) {
		diags_add(&d, NULL, 0, MSG_FW_NOT_INSTALLED, fwname, version);
		goto out;
	}
	if (store_answers(s, mun, round, on_answer, &c, &d) == 0) {
		print_verdicts(&c, fmt);
		rc = EXIT_OK;
	}
out:
	for (i = 0; i < c.n; i++) {
		free(c.v[i].name);
		free(c.v[i].cells);
	}
	free(c.v);
	free(fwname);
	free(version);
	store_close(s);
	cli_flush(&d);
	framework_set_free(&set);
	return rc;
}

int
cmd_verdicts(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "round",        required_argument, NULL, 'y' },
		{ "format",       required_argument, NULL, 'f' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum render_format fmt = RENDER_TEXT;
	const char        *mun = NULL;
	char              *end;
	long               round = 0;
	int                ch;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': mun = optarg; break;
		case 'y':
			round = strtol(optarg, &end, 10);
			if (*end != '\0' || round < 2000 || round > 2100)
				return cli_usage_error("verdicts ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'f':
			if (cli_parse_format(optarg, &fmt) == -1)
				return cli_usage_error("verdicts ",
				    "unknown format '%s' (text or tsv)",
				    optarg);
			break;
		case 'h':
			fputs(verdicts_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("verdicts ",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (mun == NULL || optind < argc)
		return cli_usage_error("verdicts ",
		    "--municipality is required");
	return verdicts(cli, mun, (int)round, fmt);
}
