/*
 * cmd_questionnaire: "stj questionnaire --role R [--framework ID]
 * --format xml|csv|pdf -o FILE".
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "limesurvey.h"
#include "questionnaire.h"
#include "questionnaire_pdf.h"
#include "util.h"
#include "xlsx_write.h"

static const char questionnaire_usage[] =
"usage: stj questionnaire --role gemeente|netwerkpartner [--framework ID]\n"
"                         --format xml|csv|pdf|xlsx|lss -o FILE\n"
"\n"
"Writes a blank questionnaire for one role:\n"
"  xml  a response document to fill in (framework/stj-response.xsd)\n"
"  csv  the header row a survey tool exports for this role\n"
"  pdf  a printable questionnaire with tick boxes\n"
"  xlsx a workbook to fill in (sheet Vragenlijst: the wording locked, a\n"
"       drop-down of the answers per question, a cell per toelichting);\n"
"       stj import reads it back\n"
"  lss  a LimeSurvey survey structure file to import into LimeSurvey;\n"
"       its response export (CSV) imports with stj import as it is\n"
"\n"
"Options:\n"
"  --role ROLE          gemeente or netwerkpartner\n"
"  --framework ID       ID (its newest version) or ID@VERSION (default:\n"
"                       stj-ggsr@2013; stj-ggsr@2015 for the 2015 revision)\n"
"  --format FORMAT      xml, csv, pdf, xlsx or lss\n"
"  -o, --output FILE    where to write ('-' for standard output); prints\n"
"                       the file's name\n"
"  -h, --help           this help\n";

enum qformat { Q_NONE, Q_XML, Q_CSV, Q_PDF, Q_XLSX, Q_LSS };

static int
write_text(const struct framework *fw, enum role role, enum qformat fmt,
    const char *path, struct diags *d)
{
	struct outfile o;

	if (outfile_open(&o, path, d) == -1)
		return -1;
	if (fmt == Q_XML)
		questionnaire_write_xml(o.f, fw, role);
	else if (fmt == Q_LSS) {
		if (limesurvey_write_lss(o.f, fw, role, d) == -1) {
			outfile_abort(&o);
			return -1;
		}
	} else
		questionnaire_write_csv(o.f, fw, role);
	return outfile_commit(&o, d);
}

int
cmd_questionnaire(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "role",      required_argument, NULL, 'r' },
		{ "framework", required_argument, NULL, 'F' },
		{ "format",    required_argument, NULL, 'f' },
		{ "output",    required_argument, NULL, 'o' },
		{ "help",      no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct framework_set    set;
	const struct framework *fw;
	struct diags            d;
	const char             *spec = CLI_DEFAULT_FRAMEWORK, *out = NULL;
	enum role               role = ROLE__COUNT;
	enum qformat            fmt = Q_NONE;
	int                     ch, rc = EXIT_ERROR;

	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			if ((role = role_from_name(optarg)) == ROLE__COUNT)
				return cli_usage_error("questionnaire ",
				    "unknown role '%s' (gemeente or "
				    "netwerkpartner)", optarg);
			break;
		case 'F': spec = optarg; break;
		case 'f':
			fmt = strcmp(optarg, "xml") == 0 ? Q_XML :
			    strcmp(optarg, "csv") == 0 ? Q_CSV :
			    strcmp(optarg, "pdf") == 0 ? Q_PDF :
			    strcmp(optarg, "xlsx") == 0 ? Q_XLSX :
			    strcmp(optarg, "lss") == 0 ? Q_LSS : Q_NONE;
			if (fmt == Q_NONE)
				return cli_usage_error("questionnaire ",
				    "unknown format '%s' (xml, csv, pdf, xlsx "
				    "or lss)",
				    optarg);
			break;
		case 'o': out = optarg; break;
		case 'h':
			fputs(questionnaire_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("questionnaire ",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (role == ROLE__COUNT || fmt == Q_NONE || out == NULL)
		return cli_usage_error("questionnaire ",
		    "--role, --format and -o are required");
	if (optind < argc)
		return cli_usage_error("questionnaire ", "unexpected '%s'",
		    argv[optind]);
	diags_init(&d);
	cli_load_frameworks(cli, &set);
	if ((fw = framework_set_find(&set, spec)) == NULL)
		diags_add(&d, NULL, 0, MSG_FW_NOT_FOUND, spec);
	else if (fmt == Q_PDF) {
		struct texts *t = questionnaire_texts_load(cli->datadir, &d);
		rc = t != NULL && questionnaire_write_pdf(fw, role, t,
		    &cli->pdf, out, &d) == 0 ? EXIT_OK : EXIT_ERROR;
		texts_free(t);
	} else if (fmt == Q_XLSX) {
		/* -- step 12: xlsx -- */
		struct texts *t = xlsx_texts_load(cli->datadir, &d);
		rc = t != NULL && xlsx_write_questionnaire(fw, role, t, out,
		    &d) == 0 ? EXIT_OK : EXIT_ERROR;
		texts_free(t);
	} else
		rc = write_text(fw, role, fmt, out, &d) == 0 ?
		    EXIT_OK : EXIT_ERROR;
	/* Like factsheet: the file written, unless the data went there. */
	if (rc == EXIT_OK && !outfile_is_stream(out))
		printf("%s\n", out);
	cli_flush(&d);
	framework_set_free(&set);
	return rc;
}
