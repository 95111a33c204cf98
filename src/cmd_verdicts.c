/*
 * cmd_verdicts: "stj verdicts --municipality M [--round Y]
 * [--format text|tsv]": the proposed verdict per approach and indicator.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "assess_draft.h"
#include "cli.h"
#include "round.h"
#include "store.h"
#include "util.h"

static const char verdicts_usage[] =
"usage: stj verdicts --municipality NAME [--round YEAR] [--findings]\n"
"                    [--format text|tsv]\n"
"\n"
"Prints the verdict per approach and indicator: V (voldoet), X\n"
"(verbeterpunt) or - (not applicable), whether a LET OP is proposed, and\n"
"its source. tsv columns: aanpak, indicator, verdict, letop, bron.\n"
"\n"
"Options:\n"
"  --municipality NAME   the municipality (required)\n"
"  --round YEAR          the round (default: the latest)\n"
"  --format FORMAT       text (default) or tsv\n"
"  --findings            text: also the drafted (or overridden) finding\n"
"                        and LET OP under each indicator\n"
"  -h, --help            this help\n";

/* A merged group prints one finding, under its last indicator. */
static void
print_group_finding(const struct phrases *ph, const struct round_view *v,
    const struct round_approach *a, size_t k)
{
	char *finding;

	if (a->cells[k].merged && k != a->cells[k].last)
		return;
	finding = round_finding(ph, v, a, k);
	/* Indented, escaped: a toelichting cannot forge a line of its own. */
	render_text_lines(stdout, "           ", finding);
	free(finding);
}

static void
print_verdicts(const struct round_view *v, const struct phrases *ph,
    enum render_format fmt)
{
	struct round_final     f;
	const struct fw_theme *theme;
	size_t                 i, k;

	if (fmt == RENDER_TSV)
		puts("aanpak\tindicator\tverdict\tletop\tbron");
	for (i = 0; i < v->n; i++) {
		theme = NULL;
		if (fmt == RENDER_TEXT) {
			printf("%sAanpak: ", i ? "\n" : "");
			render_text(stdout, v->approaches[i].name);
			putchar('\n');
		}
		for (k = 0; k < v->fw->nindicators; k++) {
			const struct fw_indicator *ind = v->fw->indicators[k];
			round_final_at(v, &v->approaches[i], k, &f);
			if (fmt == RENDER_TSV) {
				/* verdict, letop, bron: fixed codes. */
				render_tsv_cell(stdout, v->approaches[i].name,
				    RENDER_CELL_TEXT);
				putchar('\t');
				render_tsv_cell(stdout, ind->id,
				    RENDER_CELL_CODE);
				printf("\t%c\t%d\t%s\n",
				    verdict_code(f.verdict), f.letop,
				    f.by_inspector ? "inspecteur" : "voorstel");
				continue;
			}
			if (theme != ind->criterion->theme) {
				theme = ind->criterion->theme;
				printf("  %s\n", theme->name);
			}
			printf("    %-6s %s  %-7s%s%s %s\n", ind->id,
			    v->approaches[i].cells[k].merged &&
			    k != v->approaches[i].cells[k].first ? "\xe2\x94\x82" :
			    f.verdict == VERDICT_V ? "\xe2\x88\x9a" :
			    f.verdict == VERDICT_X ? "X" : "-",
			    f.letop ? "LET OP" : "",
			    f.by_inspector ? "[inspecteur]" : "",
			    f.stale ? "[antwoorden gewijzigd]" : "", ind->text);
			if (ph != NULL)
				print_group_finding(ph, v, &v->approaches[i],
				    k);
		}
	}
}

static int
verdicts(const struct cli *cli, const char *mun, int round,
    enum render_format fmt, int findings)
{
	struct framework_set set;
	struct round_view    v;
	struct diags         d;
	struct store        *s;
	struct phrases      *ph = NULL;
	int                  rc = EXIT_ERROR;

	diags_init(&d);
	memset(&v, 0, sizeof(v));
	cli_load_frameworks(cli, &set);
	if (findings && (ph = cli_phrases_load(cli, &d)) == NULL)
		goto out;
	if ((s = store_open(cli->db, STORE_READ, &d)) != NULL &&
	    store_resolve_municipality(s, &mun, &d) == 0 &&
	    round_view_load(&v, &set, s, mun, round, &d) == 0) {
		print_verdicts(&v, ph, fmt);
		rc = EXIT_OK;
	}
	store_close(s);
out:
	phrases_free(ph);
	round_view_free(&v);
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
		{ "findings",     no_argument,       NULL, 'F' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum render_format fmt = RENDER_TEXT;
	const char        *mun = NULL;
	char              *end;
	long               round = 0;
	int                ch, findings = 0;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': mun = optarg; break;
		case 'F': findings = 1; break;
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
	return verdicts(cli, mun, (int)round, fmt, findings);
}
