/*
 * cmd_import: "stj import [--replace] [--dry-run] [--framework ID] FILE...".
 *
 * The whole command is one transaction: every file is read and stored, and
 * only when nothing at all went wrong is it committed. A dry run does the
 * same work and rolls back, so what it reports is exactly what an import
 * would store.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ingest.h"
#include "store.h"
#include "testhook.h"
#include "util.h"

static const char import_usage[] =
"usage: stj import [--replace] [--dry-run] [--framework ID[@VERSION]] FILE...\n"
"\n"
"Imports filled-in questionnaires (survey CSV or response XML) and dossiers\n"
"(dossier XML) into the database, in one transaction: any error in any file\n"
"stores nothing and exits 1, listing every error as 'file:line: message'.\n"
"FILE '-' is standard input. Files are UTF-8 or UTF-16 with a byte-order mark.\n"
"\n"
"Options:\n"
"  --replace            replace a respondent that is already stored\n"
"  --dry-run            check everything and report what would be stored\n"
"  --framework ID       framework of CSV files (default: newest stj-ggsr);\n"
"                       XML files name theirs\n"
"  -h, --help           this help\n";

struct import_ctx {
	struct store *store;
	struct diags *d;
	int           replace;
	int           dry_run;
	size_t        respondents, answers, dossiers;
};

static void
report_unanswered(const struct response *r)
{
	const struct framework *fw = r->fw;
	size_t i, j, asked = 0, answered = 0;
	int    first = 1;

	for (i = 0; i < fw->nindicators; i++)
		asked += fw->indicators[i]->question[r->role] != NULL;
	for (j = 0; j < r->nanswers; j++)
		answered += r->answers[j].value != ANSWER_NONE;
	printf("  %s, %s, %d: %s %s: %zu of %zu answered\n", r->municipality,
	    r->approach, r->round, role_name(r->role), r->organisation,
	    answered, asked);
	for (i = 0; i < fw->nindicators; i++) {
		const struct fw_indicator *ind = fw->indicators[i];
		int found = 0;
		if (ind->question[r->role] == NULL)
			continue;
		for (j = 0; j < r->nanswers; j++)
			if (r->answers[j].indicator == ind &&
			    r->answers[j].value != ANSWER_NONE)
				found = 1;
		if (!found) {
			printf("%s%s", first ? "    warning: not answered: " :
			    ", ", ind->id);
			first = 0;
		}
	}
	if (!first)
		putchar('\n');
}

static int
on_response(void *vctx, const struct response *r)
{
	struct import_ctx *ctx = vctx;
	size_t             j;

	if (store_put_response(ctx->store, r, ctx->replace, ctx->d) == -1)
		return -1;
	ctx->respondents++;
	for (j = 0; j < r->nanswers; j++)
		ctx->answers += r->answers[j].value != ANSWER_NONE;
	if (ctx->dry_run)
		report_unanswered(r);
	return 0;
}

static int
on_dossier(void *vctx, const struct dossier *x)
{
	struct import_ctx *ctx = vctx;

	if (store_put_dossier(ctx->store, x, ctx->d) == -1)
		return -1;
	ctx->dossiers++;
	if (ctx->dry_run)
		printf("  dossier %s, %d: %zu approaches\n", x->municipality,
		    x->round, x->napproaches);
	return 0;
}

static int
import_files(const struct cli *cli, struct import_ctx *ctx,
    const struct ingest_opts *o, int argc, char **argv)
{
	struct ingest_sink sink = { on_response, on_dossier, ctx };
	int                i, errors = 0;

	if (store_begin(ctx->store, ctx->d) == -1)
		return 1;
	for (i = 0; i < argc; i++) {
		if (ctx->dry_run)
			printf("%s:\n", ingest_name(argv[i]));
		errors += ingest_file(argv[i], o, &sink, ctx->d);
	}
	/* After every file: the dossier may come after the answers. */
	errors += store_check_names(ctx->store, ctx->d) == -1;
	(void)cli;
	if (errors > 0 || ctx->dry_run) {
		store_rollback(ctx->store);
		return errors;
	}
	testhook_point("import-commit");
	return store_commit(ctx->store, ctx->d) == -1;
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
		{ "help",      no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct framework_set set;
	struct import_ctx    ctx;
	struct ingest_opts   o;
	struct diags         d;
	const char          *fwspec = CLI_DEFAULT_FRAMEWORK;
	char                *rxsd, *dxsd, at[32];
	int                  ch, errors, rc = EXIT_ERROR;

	memset(&ctx, 0, sizeof(ctx));
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r': ctx.replace = 1; break;
		case 'n': ctx.dry_run = 1; break;
		case 'F': fwspec = optarg; break;
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
	ctx.d = &d;
	cli_load_frameworks(cli, &set);
	rxsd = xasprintf("%s/framework/stj-response.xsd", cli->datadir);
	dxsd = xasprintf("%s/framework/stj-dossier.xsd", cli->datadir);
	o.frameworks = &set;
	o.response_xsd = rxsd;
	o.dossier_xsd = dxsd;
	o.seen = ingest_seen_new();
	if ((o.csv_framework = framework_set_find(&set, fwspec)) == NULL)
		diags_add(&d, NULL, 0, MSG_FW_NOT_FOUND, fwspec);
	else if ((ctx.store = store_open(cli->db, ctx.dry_run ?
	    STORE_DRY_RUN : STORE_CREATE, &d)) != NULL) {
		cli_timestamp(at);
		store_set_clock(ctx.store, at);
		errors = import_files(cli, &ctx, &o, argc - optind,
		    argv + optind);
		if (errors == 0) {
			printf("%s %zu respondents (%zu answers) and %zu "
			    "dossiers from %d files\n", ctx.dry_run ?
			    "would store" : "stored", ctx.respondents,
			    ctx.answers, ctx.dossiers, argc - optind);
			rc = EXIT_OK;
		} else
			diags_add(&d, NULL, 0, MSG_IMPORT_NOTHING);
	}
	cli_flush(&d);
	store_close(ctx.store);
	framework_set_free(&set);
	ingest_seen_free(o.seen);
	free(rxsd);
	free(dxsd);
	return rc;
}
