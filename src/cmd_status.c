/*
 * cmd_status: "stj status [--municipality NAME] [--format text|tsv]".
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "questionnaire.h"
#include "store.h"

static const char status_usage[] =
"usage: stj status [--municipality NAME] [--format text|tsv]\n"
"\n"
"Lists municipalities, rounds, approaches and respondents with how many\n"
"questions each answered, of how many asked.\n"
"\n"
"Options:\n"
"  --municipality NAME   only this municipality\n"
"  --format FORMAT       text (default) or tsv\n"
"  -h, --help            this help\n";

struct status_ctx {
	const struct framework_set *set;
	enum render_format          fmt;
	char                        head[256];     /* last printed */
	char                        approach[256];
};

static size_t
asked(const struct status_ctx *c, const struct store_status_row *r)
{
	char                    spec[256];
	const struct framework *fw;
	enum role               role = role_from_name(r->role);

	snprintf(spec, sizeof(spec), "%s@%s", r->framework, r->version);
	fw = framework_set_find(c->set, spec);
	return fw == NULL || role == ROLE__COUNT ? 0 :
	    questionnaire_count(fw, role);
}

/* One TSV row: names are free text, the rest codes and numbers. */
static void
tsv_row(const struct status_ctx *c, const struct store_status_row *r)
{
	render_tsv_cell(stdout, r->municipality, RENDER_CELL_TEXT);
	printf("\t%d\t", r->round);
	render_tsv_cell(stdout, r->framework, RENDER_CELL_CODE);
	putchar('@');
	render_tsv_cell(stdout, r->version, RENDER_CELL_CODE);
	putchar('\t');
	render_tsv_cell(stdout, r->approach, RENDER_CELL_TEXT);
	putchar('\t');
	render_tsv_cell(stdout, r->role, RENDER_CELL_CODE);
	putchar('\t');
	render_tsv_cell(stdout, r->organisation, RENDER_CELL_TEXT);
	printf("\t%d\t%zu\n", r->answered, asked(c, r));
}

static void
on_row(void *vctx, const struct store_status_row *r)
{
	struct status_ctx *c = vctx;
	char               head[256];
	size_t             n;
	int                new_head;

	if (c->fmt == RENDER_TSV) {
		tsv_row(c, r);
		return;
	}
	snprintf(head, sizeof(head), "%s %d", r->municipality, r->round);
	new_head = strcmp(head, c->head) != 0;
	if (new_head) {
		render_text(stdout, head);
		printf(" (%s %s)\n", r->framework, r->version);
	}
	snprintf(c->head, sizeof(c->head), "%s", head);
	if (r->approach == NULL)
		return;
	if (new_head || strcmp(r->approach, c->approach) != 0) {
		fputs("  ", stdout);
		render_text(stdout, r->approach);
		putchar('\n');
	}
	snprintf(c->approach, sizeof(c->approach), "%s", r->approach);
	if (r->role != NULL) {
		printf("    %-14s  ", r->role);
		/* Padded by the characters written, escapes included. */
		for (n = render_text(stdout, r->organisation); n < 40; n++)
			putchar(' ');
		printf("  %d/%zu\n", r->answered, asked(c, r));
	}
}

int
cmd_status(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "format",       required_argument, NULL, 'f' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct framework_set set;
	struct status_ctx    c;
	struct diags         d;
	struct store        *s;
	const char          *mun = NULL;
	int                  ch, rc = EXIT_ERROR;

	memset(&c, 0, sizeof(c));
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': mun = optarg; break;
		case 'f':
			if (cli_parse_format(optarg, &c.fmt) == -1)
				return cli_usage_error("status ",
				    "unknown format '%s' (text or tsv)",
				    optarg);
			break;
		case 'h':
			fputs(status_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("status ", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("status ", "unexpected '%s'",
		    argv[optind]);
	diags_init(&d);
	cli_load_frameworks(cli, &set);
	c.set = &set;
	if (c.fmt == RENDER_TSV)
		puts("municipality\tround\tframework\tapproach\trole\t"
		    "organisation\tanswered\tasked");
	if ((s = store_open(cli->db, STORE_READ, &d)) != NULL &&
	    store_resolve_municipality(s, &mun, &d) == 0 &&
	    store_status(s, mun, on_row, &c, &d) == 0)
		rc = EXIT_OK;
	store_close(s);
	cli_flush(&d);
	framework_set_free(&set);
	return rc;
}
