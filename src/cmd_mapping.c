/*
 * cmd_mapping: "stj mapping --suggest FILE [-o OUT]" (step 14).
 *
 * Reads a survey export (CSV or .xlsx) the way the importer does and
 * writes a mapping file (mapfile.h) for it to edit: every column, every
 * distinct answer text, placeholders for the constants it lacks.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ingest.h"
#include "mapfile.h"
#include "util.h"

static const char mapping_usage[] =
"usage: stj mapping --suggest FILE [-o OUT] [--framework ID[@VERSION]]\n"
"\n"
"Writes a mapping (doc/formats.md) for a survey export, CSV or .xlsx\n"
"(Microsoft Forms, Qualtrics, LimeSurvey or any other): per column what\n"
"it maps to, or 'negeer' and why; every answer text found in the file;\n"
"commented 'constant' lines for gemeente, aanpak, ronde, rol and\n"
"organisatie when no column gives them; and what it could not place.\n"
"Fill in, check, then: stj import --mapping OUT FILE.\n"
"\n"
"Options:\n"
"  --suggest FILE       the export to suggest a mapping for\n"
"  -o OUT               write to OUT (default: standard output)\n"
"  --framework ID       the framework (default: stj-ggsr@2013; for an\n"
"                       export of a round on another version, name it)\n"
"  -h, --help           this help\n";

/* An XML file is no export: anything it holds is refused. */
static int
refuse_response(void *ctx, const struct response *r)
{
	(void)ctx;
	(void)r;
	return 1;
}

static int
refuse_dossier(void *ctx, const struct dossier *x)
{
	(void)ctx;
	(void)x;
	return 1;
}

/* Reads path into sg; 0, or -1 after diagnostics. */
static int
suggest_read(const struct cli *cli, const struct framework *fw,
    const char *path, struct map_suggest *sg, struct diags *d)
{
	struct ingest_sink sink = { refuse_response, refuse_dossier, NULL,
	    NULL };
	struct ingest_opts o;
	char              *rxsd, *dxsd;
	int                errors;

	memset(&o, 0, sizeof(o));
	rxsd = xasprintf("%s/framework/stj-response.xsd", cli->datadir);
	dxsd = xasprintf("%s/framework/stj-dossier.xsd", cli->datadir);
	o.csv_framework = fw;
	o.response_xsd = rxsd;
	o.dossier_xsd = dxsd;
	o.suggest = sg;
	errors = ingest_file(path, &o, &sink, d);
	free(rxsd);
	free(dxsd);
	if (errors == 0 && map_suggest_columns(sg) == 0) {
		diags_add(d, ingest_name(path), 0, MSG_MAPF_NO_EXPORT);
		errors = 1;
	}
	return errors > 0 ? -1 : 0;
}

int
cmd_mapping(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "suggest",   required_argument, NULL, 's' },
		{ "framework", required_argument, NULL, 'F' },
		{ "help",      no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct framework_set   set;
	const struct framework *fw;
	struct map_suggest    *sg;
	struct outfile         out;
	struct diags           d;
	const char            *from = NULL, *to = "-";
	const char            *fwspec = CLI_DEFAULT_FRAMEWORK;
	int                    ch, rc = EXIT_ERROR;

	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case 's': from = optarg; break;
		case 'o': to = optarg; break;
		case 'F': fwspec = optarg; break;
		case 'h':
			fputs(mapping_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("mapping ",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (from == NULL)
		return cli_usage_error("mapping ", "--suggest FILE is needed");
	if (optind < argc)
		return cli_usage_error("mapping ", "unexpected '%s'",
		    argv[optind]);
	diags_init(&d);
	cli_load_frameworks(cli, &set);
	sg = map_suggest_new();
	if ((fw = framework_set_find(&set, fwspec)) == NULL)
		diags_add(&d, NULL, 0, MSG_FW_NOT_FOUND, fwspec);
	else if (suggest_read(cli, fw, from, sg, &d) == 0 &&
	    outfile_open(&out, to, &d) == 0) {
		map_suggest_write(sg, ingest_name(from), out.f);
		if (outfile_commit(&out, &d) == 0)
			rc = EXIT_OK;
	}
	cli_flush(&d);
	map_suggest_free(sg);
	framework_set_free(&set);
	return rc;
}
