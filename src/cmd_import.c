/*
 * cmd_import: "stj import [--replace] [--dry-run] [--framework ID] FILE...".
 *
 * Argument parsing and printing around importer_run() (importer.h), the
 * one import the web's Importeren page makes too: one transaction, every
 * file or nothing; a dry run reports what it would store and rolls back.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "importer.h"
#include "ingest.h"
#include "mapfile.h"
#include "store.h"
#include "util.h"

static const char import_usage[] =
"usage: stj import [--replace] [--dry-run] [--framework ID[@VERSION]]\n"
"                  [--mapping MAPPING] FILE...\n"
"\n"
"Imports filled-in questionnaires (survey CSV or response XML) and dossiers\n"
"(dossier XML) into the database, in one transaction: any error in any file\n"
"stores nothing and exits 1, listing every error as 'file:line: message'.\n"
"FILE '-' is standard input. Files are UTF-8 or UTF-16 with a byte-order mark.\n"
"\n"
"Options:\n"
"  --replace            replace a respondent that is already stored\n"
"  --dry-run            check everything and report what would be stored,\n"
"                       and what every CSV column maps to or why ignored\n"
"  --framework ID       framework of CSV files (default: stj-ggsr@2013;\n"
"                       stj-ggsr: the newest installed); into a round\n"
"                       started on another version, name that one;\n"
"                       XML files name theirs\n"
"  --mapping MAPPING    how the CSV and .xlsx files' columns and answer\n"
"                       words map (doc/formats.md; stj mapping --suggest\n"
"                       writes one to edit)\n"
"  -h, --help           this help\n";

/* One column's line; -- step 14: mapping file -- or a constant's. */
static void
print_column(const struct importer_column *c)
{
	if (c->col == 0)
		printf("  %s\n", c->meaning);
	else
		printf("  column %zu '%s': %s\n", c->col, c->header,
		    c->meaning);
}

/* The dry run's report: per file what it read, as it would be stored. */
static void
print_report(const struct importer_report *rep, int argc, char **argv)
{
	size_t k = 0, c = 0;
	int    f;

	for (f = 0; f < argc; f++) {
		printf("%s:\n", ingest_name(argv[f]));
		/* -- step 12: mapping -- every column, none hidden. */
		for (; c < rep->ncols && rep->cols[c].file == (size_t)f; c++)
			print_column(&rep->cols[c]);
		for (; k < rep->n && rep->v[k].file == (size_t)f; k++) {
			const struct importer_item *it = &rep->v[k];
			if (it->dossier) {
				printf("  dossier %s, %d: %zu approaches\n",
				    it->municipality, it->round,
				    it->napproaches);
				continue;
			}
			printf("  %s, %s, %d: %s %s: %zu of %zu answered, "
			    "%zu toelichting%s\n",
			    it->municipality, it->approach, it->round,
			    role_name((enum role)it->role), it->organisation,
			    it->answered, it->asked, it->explained,
			    it->explained == 1 ? "" : "en");
			if (it->unanswered != NULL)
				printf("    warning: not answered: %s\n",
				    it->unanswered);
		}
	}
}

/* 1 when "-" is among the files twice: the second would read nothing. */
static int
stdin_twice(int argc, char **argv)
{
	int i, n = 0;

	for (i = 0; i < argc; i++)
		n += strcmp(argv[i], "-") == 0;
	return n > 1;
}

int
cmd_import(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "replace",   no_argument,       NULL, 'r' },
		{ "dry-run",   no_argument,       NULL, 'n' },
		{ "framework", required_argument, NULL, 'F' },
		{ "mapping",   required_argument, NULL, 'm' },
		{ "help",      no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct framework_set    set;
	struct importer_opts    o;
	struct actor            a;
	struct importer_report  rep;
	struct importer_file   *files;
	struct store           *store = NULL;
	struct diags            d;
	const char             *fwspec = CLI_DEFAULT_FRAMEWORK;
	const char             *mappath = NULL;
	struct mapfile         *map = NULL;
	char                    at[32];
	int                     ch, i, rc = EXIT_ERROR;

	memset(&o, 0, sizeof(o));
	memset(&rep, 0, sizeof(rep));
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r': o.replace = 1; break;
		case 'n': o.dry_run = 1; break;
		case 'F': fwspec = optarg; break;
		case 'm': mappath = optarg; break;
		case 'h':
			fputs(import_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("import ", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error("import ", "no FILE to import");
	if (stdin_twice(argc - optind, argv + optind))
		return cli_usage_error("import ", "'-' (standard input) can "
		    "be given once");
	diags_init(&d);
	cli_load_frameworks(cli, &set);
	argc -= optind;
	argv += optind;
	files = xcalloc((size_t)argc, sizeof(*files));
	for (i = 0; i < argc; i++)
		files[i].path = argv[i];
	o.set = &set;
	o.datadir = cli->datadir;
	cli_timestamp(at);
	o.at = at;
	cli_actor_inspector(&a, getenv("USER"));   /* step 10: actor */
	o.actor = &a;
	if ((o.csv_framework = framework_set_find(&set, fwspec)) == NULL)
		diags_add(&d, NULL, 0, MSG_FW_NOT_FOUND, fwspec);
	/* -- step 14: mapping file -- read whole before any file is. */
	else if (mappath != NULL && (o.mapping = map =
	    mapfile_load(mappath, o.csv_framework, &d)) == NULL)
		diags_add(&d, NULL, 0, MSG_IMPORT_NOTHING);
	else if ((store = store_open(cli->db, o.dry_run ? STORE_DRY_RUN :
	    STORE_CREATE, &d)) != NULL) {
		i = importer_run(store, &o, files, (size_t)argc, &rep, &d);
		if (o.dry_run)
			print_report(&rep, argc, argv);
		if (i == 0) {
			printf("%s %zu respondents (%zu answers) and %zu "
			    "dossiers from %d files\n", o.dry_run ?
			    "would store" : "stored", rep.respondents,
			    rep.answers, rep.dossiers, argc);
			rc = EXIT_OK;
		}
	}
	cli_flush(&d);
	store_close(store);
	importer_report_free(&rep);
	framework_set_free(&set);
	mapfile_free(map);
	free(files);
	return rc;
}
