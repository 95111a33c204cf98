/*
 * cmd_framework: "stj framework validate|list|show|diff".
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "fwdiff.h"   /* -- issue 18: framework versions -- */

static const char framework_usage[] =
"usage: stj framework validate FILE...\n"
"       stj framework list [--format text|tsv]\n"
"       stj framework show [--detail] [--format text|tsv] [ID[@VERSION]]\n"
"       stj framework diff ID@VERSION ID@VERSION\n"
"\n"
"validate  checks each FILE against the framework schema, then checks ids\n"
"          against their position, uniqueness, rule names and its\n"
"          <mapping> (against the installed earlier version it names);\n"
"          prints a summary per valid file, 'file:line: message' per\n"
"          problem.\n"
"list      lists the installed frameworks (id, version, counts, file).\n"
"show      prints the tree of framework ID (newest version unless\n"
"          @VERSION is given; default stj-ggsr@2013, the default version).\n"
"diff      prints what changed from the first version to the second (a\n"
"          later one, whose mapping and renamed-from say it), in\n"
"          the second's order, then what it no longer has: themes and\n"
"          criteria (nieuw, gewijzigd, vervallen) and indicators: hernoemd\n"
"          (renamed-from), gewijzigd (same id, other text), gesplitst,\n"
"          samengevoegd (the mapping), vervallen (with the mapping's\n"
"          reason) and nieuw, each with its wording in both versions.\n"
"\n"
"Options:\n"
"  --detail          show also rules, questions per role and answer scales\n"
"  --format FORMAT   text (default) or tsv\n"
"  -h, --help        this help\n";

static int
framework_validate(const struct cli *cli, int argc, char **argv)
{
	struct framework_set set;
	struct framework    *fw;
	struct diags         d, quiet;
	int                  i, rc = EXIT_OK;

	if (argc < 1)
		return cli_usage_error("framework ",
		    "validate needs at least one FILE");
	diags_init(&d);
	/* the installed versions a mapping names; their own problems are
	 * not this command's */
	diags_init(&quiet);
	framework_set_load(&set, (const char *const *)cli->fwdirs,
	    cli->nfwdirs, cli->xsd, &quiet);
	diags_free(&quiet);
	for (i = 0; i < argc; i++) {
		if ((fw = framework_load(argv[i], cli->xsd, &d)) == NULL) {
			rc = EXIT_ERROR;
			cli_flush(&d);
			continue;
		}
		/* -- issue 18: framework versions -- */
		if (framework_check_mappings(fw, &set, &d) == -1) {
			rc = EXIT_ERROR;
			cli_flush(&d);
			framework_free(fw);
			continue;
		}
		printf("%s: %s %s: ", argv[i], fw->id, fw->version);
		render_framework_counts(stdout, fw);
		putchar('\n');
		framework_free(fw);
	}
	framework_set_free(&set);
	diags_free(&d);
	return rc;
}

static int
framework_list(const struct cli *cli, enum render_format fmt)
{
	struct framework_set set;
	struct diags         d;
	int                  rc;

	rc = cli_load_frameworks(cli, &set) == 0 ? EXIT_OK : EXIT_ERROR;
	if (set.n == 0 && rc == EXIT_OK) {
		diags_init(&d);
		diags_add(&d, NULL, 0, MSG_FW_NONE, cli->fwdirs[0]);
		cli_flush(&d);
		rc = EXIT_ERROR;
	}
	render_framework_list(stdout, &set, fmt);
	framework_set_free(&set);
	return rc;
}

static int
framework_show(const struct cli *cli, const char *spec,
    enum render_format fmt, int detail)
{
	struct framework_set    set;
	const struct framework *fw;
	struct diags            d;
	int                     rc = EXIT_OK;

	/* A broken file elsewhere does not stop showing a good one. */
	cli_load_frameworks(cli, &set);
	if ((fw = framework_set_find(&set, spec)) == NULL) {
		diags_init(&d);
		diags_add(&d, NULL, 0, MSG_FW_NOT_FOUND, spec);
		cli_flush(&d);
		rc = EXIT_ERROR;
	} else
		render_framework_tree(stdout, fw, fmt, detail);
	framework_set_free(&set);
	return rc;
}

/* -- issue 18: framework versions -- */
/* "  2013 3.2.1: text" per indicator of a row's side. */
static void
print_diff_indicators(const struct framework *fw,
    const struct fw_indicator *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		printf("    %s %s: ", fw->version, v[i]->id);
		render_text(stdout, v[i]->text);
		putchar('\n');
	}
}

static void
print_diff_ids(const struct fw_indicator *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%s%s", i ? " " : "", v[i]->id);
}

static void
print_diff_row(const struct framework *a, const struct framework *b,
    const struct fwdiff_row *r)
{
	const struct fw_theme     *t;
	const struct fw_criterion *c;
	size_t                     k;

	printf("%-20s ", fwdiff_kind_name(r->kind));
	if (r->theme_a != NULL || r->theme_b != NULL) {
		t = r->theme_b ? r->theme_b : r->theme_a;
		printf("%s\n", t->id);
		for (k = 0; k < 2; k++)
			if ((t = k ? r->theme_b : r->theme_a) != NULL) {
				printf("    %s %s: ", (k ? b : a)->version,
				    t->id);
				render_text(stdout, t->name);
				fputs(": ", stdout);
				render_text(stdout, t->statement);
				putchar('\n');
			}
		return;
	}
	if (r->crit_a != NULL || r->crit_b != NULL) {
		c = r->crit_b ? r->crit_b : r->crit_a;
		printf("%s\n", c->id);
		for (k = 0; k < 2; k++)
			if ((c = k ? r->crit_b : r->crit_a) != NULL) {
				printf("    %s %s: ", (k ? b : a)->version,
				    c->id);
				render_text(stdout, c->text);
				putchar('\n');
			}
		return;
	}
	print_diff_ids(r->a, r->na);
	if (r->na > 0 && r->nb > 0)
		fputs(" -> ", stdout);
	print_diff_ids(r->b, r->nb);
	putchar('\n');
	print_diff_indicators(a, r->a, r->na);
	print_diff_indicators(b, r->b, r->nb);
	if (r->reason != NULL) {
		fputs("    reden: ", stdout);
		render_text(stdout, r->reason);
		putchar('\n');
	}
}

/* fw's place in set, which is sorted by id, then version. */
static size_t
set_index(const struct framework_set *set, const struct framework *fw)
{
	size_t i;

	for (i = 0; i < set->n && set->v[i] != fw; i++)
		continue;
	return i;
}

static int
framework_diff(const struct cli *cli, int argc, char **argv)
{
	struct framework_set    set;
	const struct framework *a, *b;
	struct fwdiff           fd;
	struct diags            d;
	size_t                  i;
	int                     rc = EXIT_ERROR;

	if (argc != 2)
		return cli_usage_error("framework ",
		    "diff needs two versions: ID@VERSION ID@VERSION");
	diags_init(&d);
	cli_load_frameworks(cli, &set);
	if ((a = framework_set_find(&set, argv[0])) == NULL)
		diags_add(&d, NULL, 0, MSG_FW_NOT_FOUND, argv[0]);
	else if ((b = framework_set_find(&set, argv[1])) == NULL)
		diags_add(&d, NULL, 0, MSG_FW_NOT_FOUND, argv[1]);
	else if (set_index(&set, a) > set_index(&set, b) &&
	    strcmp(a->id, b->id) == 0)
		diags_add(&d, NULL, 0, MSG_DIFF_ORDER, b->id, b->version);
	else {
		fwdiff_compute(a, b, &fd);
		printf("%s %s -> %s %s: %zu %s\n", a->id, a->version, b->id,
		    b->version, fd.n, fd.n == 1 ? "wijziging" :
		    "wijzigingen");
		for (i = 0; i < fd.n; i++)
			print_diff_row(a, b, &fd.rows[i]);
		fwdiff_free(&fd);
		rc = EXIT_OK;
	}
	cli_flush(&d);
	framework_set_free(&set);
	return rc;
}

int
cmd_framework(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "detail", no_argument,       NULL, 'D' },
		{ "format", required_argument, NULL, 'f' },
		{ "help",   no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum render_format fmt = RENDER_TEXT;
	const char        *sub;
	int                ch, detail = 0;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		fputs(framework_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	sub = argv[1];
	argc--;
	argv++;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'D':
			detail = 1;
			break;
		case 'f':
			if (cli_parse_format(optarg, &fmt) == -1)
				return cli_usage_error("framework ",
				    "unknown format '%s' (text or tsv)",
				    optarg);
			break;
		case 'h':
			fputs(framework_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("framework ",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	argc -= optind;
	argv += optind;
	if (strcmp(sub, "validate") == 0)
		return framework_validate(cli, argc, argv);
	if (strcmp(sub, "list") == 0) {
		if (argc > 0)
			return cli_usage_error("framework ",
			    "list takes no arguments");
		return framework_list(cli, fmt);
	}
	if (strcmp(sub, "show") == 0) {
		if (argc > 1)
			return cli_usage_error("framework ",
			    "show takes at most one ID");
		return framework_show(cli, argc ? argv[0] : CLI_DEFAULT_FRAMEWORK,
		    fmt, detail);
	}
	if (strcmp(sub, "diff") == 0)
		return framework_diff(cli, argc, argv);
	return cli_usage_error("framework ", "unknown subcommand '%s'", sub);
}
