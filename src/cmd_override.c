/*
 * cmd_override: "stj override" (change any part of a proposal, with a
 * reason; or --revert) and "stj history" (the audit log).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "util.h"

static const char override_usage[] =
"usage: stj override --municipality M --round Y --approach A --indicator ID\n"
"           [--verdict V|X|-] [--finding TEXT] [--letop TEXT | --no-letop]\n"
"           [--revert] --reason TEXT [--inspector NAME]\n"
"\n"
"Changes the proposal for one approach and indicator, or returns to it\n"
"(--revert). The reason is required; every change is kept in the\n"
"append-only audit log ('stj history') with who, when, old and new value.\n"
"The inspector defaults to $USER.\n"
"\n"
"       stj override --file FILE.tsv [--inspector NAME]\n"
"\n"
"applies the overrides in FILE (tab-separated, with the header\n"
"gemeente, ronde, aanpak, indicator, verdict, reden) in one transaction.\n";

static const char history_usage[] =
"usage: stj history --municipality M [--round Y]\n"
"\n"
"Prints the audit log: when, who, approach, indicator, field, old and new\n"
"value, and the reason.\n";


/* The current proposal for c's cell, as kept with a first override. */
static int
current_proposal(const struct cli *cli, struct store *s,
    struct store_change *c, char code[3], struct diags *d)
{
	struct framework_set       set;
	struct round_view          v;
	const struct fw_indicator *ind;
	struct round_final         f;
	size_t                     i;
	int                        rc = -1;

	cli_load_frameworks(cli, &set);
	memset(&v, 0, sizeof(v));
	if (store_resolve_municipality(s, &c->key.municipality, d) == 0 &&
	    store_resolve_approach(s, c->key.municipality, c->key.round,
	    &c->key.approach, d) == 0 &&
	    round_view_load(&v, &set, s, c->key.municipality, c->key.round,
	    d) == 0) {
		if ((ind = framework_indicator(v.fw, c->key.indicator)) == NULL)
			diags_add(d, NULL, 0, MSG_UNKNOWN_INDICATOR,
			    c->key.indicator, v.fw->id, v.fw->version);
		for (i = 0; ind != NULL && i < v.n; i++)
			if (strcmp(v.approaches[i].name, c->key.approach) == 0) {
				round_final(&v.approaches[i].cells[ind->index],
				    ind, &f);
				round_proposal_code(&f.proposal, code);
				rc = 0;
			}
		if (ind != NULL && rc == -1)
			diags_add(d, NULL, 0, MSG_NO_APPROACH,
			    c->key.approach, c->key.municipality,
			    c->key.round);
	}
	round_view_free(&v);
	framework_set_free(&set);
	return rc;
}

static int
apply(const struct cli *cli, struct store_change *c)
{
	struct diags  d;
	struct store *s;
	char          code[3];
	int           rc = EXIT_ERROR;

	diags_init(&d);
	if ((s = store_open(cli->db, STORE_WRITE, &d)) == NULL)
		goto out;
	if (current_proposal(cli, s, c, code, &d) == -1)
		goto out;
	c->proposal = code;
	if (store_begin(s, &d) == 0 &&
	    store_finish(s, store_override_apply(s, c, &d),
	    &d) == 0)
		rc = EXIT_OK;
	c->proposal = NULL;   /* code is ours: leave no pointer to it */
out:
	store_close(s);
	cli_flush(&d);
	return rc;
}

/* Splits line at tabs into at most max fields; returns the count. */
static size_t
split_tabs(char *line, char **f, size_t max)
{
	size_t n = 0;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		f[n++] = line;
		if ((line = strchr(line, '\t')) == NULL)
			break;
		*line++ = '\0';
	}
	return n;
}

enum { OF_GEMEENTE, OF_RONDE, OF_AANPAK, OF_INDICATOR, OF_VERDICT, OF_REDEN,
    OF__COUNT };

/* One line of an overrides file as a change; -1 after a diagnostic. */
static int
file_change(char **f, size_t n, const char *path, long line,
    struct store_change *c, struct diags *d)
{
	memset(c, 0, sizeof(*c));
	if (n != OF__COUNT) {
		diags_add(d, path, line, MSG_CSV_RAGGED, n, (size_t)OF__COUNT);
		return -1;
	}
	c->key.municipality = f[OF_GEMEENTE];
	c->key.approach = f[OF_AANPAK];
	c->key.indicator = f[OF_INDICATOR];
	c->verdict = f[OF_VERDICT];
	c->reason = f[OF_REDEN];
	if (cli_parse_round(f[OF_RONDE], &c->key.round) == -1) {
		diags_add(d, path, line, MSG_BAD_ROUND, f[OF_RONDE]);
		return -1;
	}
	if (strcmp(c->verdict, "V") != 0 && strcmp(c->verdict, "X") != 0 &&
	    strcmp(c->verdict, "-") != 0) {
		diags_add(d, path, line, MSG_BAD_VERDICT, c->verdict);
		return -1;
	}
	if (*c->reason == '\0') {
		diags_add(d, path, line, MSG_EMPTY_FIELD, "reden");
		return -1;
	}
	return 0;
}

static int
apply_file(const struct cli *cli, const char *path, const char *who)
{
	struct store_change c;
	struct diags        d;
	struct store       *s = NULL;
	FILE               *f;
	char                buf[8192], *fields[OF__COUNT + 1], code[3], at[32];
	long                line = 0;
	size_t              n;
	int                 errors = 0, rc = EXIT_ERROR;

	diags_init(&d);
	cli_timestamp(at);
	if ((f = fopen(path, "r")) == NULL) {
		diags_add(&d, path, 0, MSG_IO, strerror(errno));
		goto out;
	}
	if ((s = store_open(cli->db, STORE_WRITE, &d)) == NULL ||
	    store_begin(s, &d) == -1)
		goto out;
	while (fgets(buf, sizeof(buf), f) != NULL) {
		if (++line == 1 || buf[strspn(buf, " \t\r\n")] == '\0')
			continue;
		n = split_tabs(buf, fields, OF__COUNT + 1);
		if (file_change(fields, n, path, line, &c, &d) == -1 ||
		    current_proposal(cli, s, &c, code, &d) == -1) {
			errors++;
			continue;
		}
		c.proposal = code;
		c.who = who;
		c.at = at;
		errors += store_override_apply(s, &c, &d) == -1;
	}
	if (store_finish(s, errors == 0 ? 0 : -1, &d) == 0) {
		printf("applied %ld overrides from %s\n", line - 1, path);
		rc = EXIT_OK;
	}
out:
	if (f != NULL)
		fclose(f);
	store_close(s);
	cli_flush(&d);
	return rc;
}

int
cmd_override(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "round",        required_argument, NULL, 'y' },
		{ "approach",     required_argument, NULL, 'a' },
		{ "indicator",    required_argument, NULL, 'i' },
		{ "verdict",      required_argument, NULL, 'v' },
		{ "finding",      required_argument, NULL, 'f' },
		{ "letop",        required_argument, NULL, 'l' },
		{ "no-letop",     no_argument,       NULL, 'L' },
		{ "revert",       no_argument,       NULL, 'R' },
		{ "reason",       required_argument, NULL, 'r' },
		{ "inspector",    required_argument, NULL, 'w' },
		{ "file",         required_argument, NULL, 'F' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_change c;
	const char         *who = getenv("USER"), *file = NULL;
	char                at[32];
	int                 ch;

	memset(&c, 0, sizeof(c));
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': c.key.municipality = optarg; break;
		case 'y':
			if (cli_parse_round(optarg, &c.key.round) == -1)
				return cli_usage_error("override ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'a': c.key.approach = optarg; break;
		case 'i': c.key.indicator = optarg; break;
		case 'v':
			if (strcmp(optarg, "V") != 0 &&
			    strcmp(optarg, "X") != 0 && strcmp(optarg, "-") != 0)
				return cli_usage_error("override ",
				    "--verdict is V, X or -");
			c.verdict = optarg;
			break;
		case 'f': c.finding = optarg; break;
		case 'l': c.letop = optarg; break;
		case 'L': c.no_letop = 1; break;
		case 'R': c.revert = 1; break;
		case 'r': c.reason = optarg; break;
		case 'w': who = optarg; break;
		case 'F': file = optarg; break;
		case 'h':
			fputs(override_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("override ",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (file != NULL) {
		if (optind < argc || c.key.municipality || c.reason)
			return cli_usage_error("override ",
			    "--file takes no other change");
		return apply_file(cli, file, who != NULL && *who ? who :
		    "onbekend");
	}
	if (!c.key.municipality || !c.key.round || !c.key.approach ||
	    !c.key.indicator)
		return cli_usage_error("override ", "--municipality, --round, "
		    "--approach and --indicator are required");
	if (cli_change_begin(&c, who, at) == -1)
		return cli_usage_error("override ", "--reason is required");
	if (c.letop != NULL && c.no_letop)
		return cli_usage_error("override ",
		    "--letop and --no-letop exclude each other");
	if (c.revert == (c.verdict || c.finding || c.letop || c.no_letop))
		return cli_usage_error("override ", c.revert ?
		    "--revert takes no other change" :
		    "nothing to change: give --verdict, --finding, --letop, "
		    "--no-letop or --revert");
	if (optind < argc)
		return cli_usage_error("override ", "unexpected '%s'",
		    argv[optind]);
	return apply(cli, &c);
}

static void
on_history(void *ctx, const struct store_history_row *r)
{
	(void)ctx;
	printf("%s  %s  %d  %s  %s  %s: %s -> %s  (%s)\n", r->at, r->who,
	    r->round, r->approach, r->indicator, r->field,
	    r->old_value ? r->old_value : "voorstel",
	    r->new_value ? r->new_value : "voorstel", r->reason);
}

int
cmd_history(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "round",        required_argument, NULL, 'y' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct diags  d;
	struct store *s;
	const char   *mun = NULL;
	int           ch, round = 0, rc = EXIT_ERROR;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': mun = optarg; break;
		case 'y':
			if (cli_parse_round(optarg, &round) == -1)
				return cli_usage_error("history ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'h':
			fputs(history_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("history ",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (mun == NULL || optind < argc)
		return cli_usage_error("history ", "--municipality is required");
	diags_init(&d);
	if ((s = store_open(cli->db, STORE_READ, &d)) != NULL &&
	    store_resolve_municipality(s, &mun, &d) == 0 &&
	    store_history(s, mun, round, on_history, NULL, &d) == 0)
		rc = EXIT_OK;
	store_close(s);
	cli_flush(&d);
	return rc;
}
