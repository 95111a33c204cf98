/*
 * cmd_framework: "stj framework validate|list|show".
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char framework_usage[] =
"usage: stj framework validate FILE...\n"
"       stj framework list [--format text|tsv]\n"
"       stj framework show [--detail] [--format text|tsv] [ID[@VERSION]]\n"
"\n"
"validate  checks each FILE against the framework schema, then checks ids\n"
"          against their position, uniqueness and rule names; prints a\n"
"          summary per valid file, 'file:line: message' per problem.\n"
"list      lists the installed frameworks (id, version, counts, file).\n"
"show      prints the tree of framework ID (newest version unless\n"
"          @VERSION is given; default stj-ggsr).\n"
"\n"
"Options:\n"
"  --detail          show also rules, questions per role and answer scales\n"
"  --format FORMAT   text (default) or tsv\n"
"  -h, --help        this help\n";

static int
framework_validate(const struct cli *cli, int argc, char **argv)
{
	struct framework *fw;
	struct diags      d;
	int               i, rc = EXIT_OK;

	if (argc < 1)
		return cli_usage_error("framework ",
		    "validate needs at least one FILE");
	diags_init(&d);
	for (i = 0; i < argc; i++) {
		if ((fw = framework_load(argv[i], cli->xsd, &d)) == NULL) {
			rc = EXIT_ERROR;
			cli_flush(&d);
			continue;
		}
		printf("%s: %s %s: ", argv[i], fw->id, fw->version);
		render_framework_counts(stdout, fw);
		putchar('\n');
		framework_free(fw);
	}
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
	return cli_usage_error("framework ", "unknown subcommand '%s'", sub);
}
