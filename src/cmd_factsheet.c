/*
 * cmd_factsheet: "stj factsheet --municipality M [--round Y] [-o FILE]"
 * and "stj factsheet --all [--round Y] -o DIR": the factsheet PDF of a
 * round, built from the final verdicts (overrides and merges applied),
 * the drafted or written findings and conclusions, and the dossier.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "assess_draft.h"
#include "cli.h"
#include "factsheet.h"
#include "store.h"
#include "util.h"

static const char factsheet_usage[] =
"usage: stj factsheet --municipality NAME [--round YEAR] [-o FILE.pdf]\n"
"       stj factsheet --all [--round YEAR] -o DIR\n"
"\n"
"Writes the factsheet of a municipality's round as PDF: the front page\n"
"with the GGSR definition and the context, then per approach who\n"
"answered, the description, the findings per theme (criteria,\n"
"indicators, the mark and the finding, LET OP remarks in bold) and the\n"
"conclusion. The verdicts, findings and conclusions are those that\n"
"stand: the inspector's where overridden, else the proposals. The same\n"
"database gives the same bytes (creation date: $SOURCE_DATE_EPOCH, else\n"
"when the round's data last changed).\n"
"\n"
"Options:\n"
"  --municipality NAME   the municipality\n"
"  --all                 every municipality with that round, one file\n"
"                        each in DIR: factsheet-NAME-YEAR.pdf\n"
"  --round YEAR          the round (default: the latest)\n"
"  -o, --output PATH     the PDF (default: factsheet-NAME-YEAR.pdf), or\n"
"                        with --all the directory (created if missing)\n"
"  -h, --help            this help\n";

/* What one factsheet is built from, besides the round view. */
struct sources {
	const struct cli          *cli;
	const struct phrases      *ph;
	struct store              *store;
	struct framework_set      *set;
	struct factsheet_templates tpl;
};

struct described {
	char  **names, **descriptions;
	size_t  n;
};

static void
on_approach(void *ctx, const char *name, const char *description)
{
	struct described *x = ctx;

	x->names = xrealloc(x->names, (x->n + 1) * sizeof(char *));
	x->descriptions = xrealloc(x->descriptions, (x->n + 1) *
	    sizeof(char *));
	x->names[x->n] = xstrdup(name);
	x->descriptions[x->n] = description ? xstrdup(description) : NULL;
	x->n++;
}

static const char *
description_of(const struct described *x, const char *name)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		if (strcmp(x->names[i], name) == 0)
			return x->descriptions[i];
	return NULL;
}

static void
described_free(struct described *x)
{
	size_t i;

	for (i = 0; i < x->n; i++) {
		free(x->names[i]);
		free(x->descriptions[i]);
	}
	free(x->names);
	free(x->descriptions);
}

/* The network partners who answered for a, in the order they came in. */
static void
partners(struct factsheet *fs, const struct round_view *v,
    const struct round_approach *a, struct fs_approach *out)
{
	const struct assess_answer *x;
	size_t                      k, i, j;

	out->partners = arena_alloc(fs->arena, (ROUND_MAX_RESPONDENTS + 1) *
	    sizeof(char *));
	for (k = 0; k < v->fw->nindicators; k++)
		for (i = 0; i < a->cells[k].n; i++) {
			x = &a->cells[k].a[i];
			if (x->role != ROLE_NETWERKPARTNER ||
			    x->organisation == NULL)
				continue;
			for (j = 0; j < out->npartners; j++)
				if (strcmp(out->partners[j],
				    x->organisation) == 0)
					break;
			if (j == out->npartners &&
			    out->npartners < ROUND_MAX_RESPONDENTS)
				out->partners[out->npartners++] =
				    arena_strdup(fs->arena, x->organisation);
		}
}

/* The rows of criterion c: one per indicator or merged group. */
static void
criterion_rows(struct factsheet *fs, const struct sources *src,
    const struct round_view *v, const struct round_approach *a,
    const struct fw_criterion *c, struct fs_criterion *out)
{
	struct round_final f;
	struct fs_row     *row;
	char              *finding;
	size_t             i, k, first;

	out->text = c->text;
	out->rows = arena_alloc(fs->arena, (c->nindicators + 1) *
	    sizeof(*out->rows));
	for (i = 0; i < c->nindicators; i++) {
		k = c->indicators[i].index;
		/* A merged group is one row, at its last member. */
		if (a->cells[k].merged && k != a->cells[k].last)
			continue;
		first = a->cells[k].merged ? a->cells[k].first : k;
		row = &out->rows[out->nrows++];
		row->indicators = arena_alloc(fs->arena, (k - first + 1) *
		    sizeof(char *));
		for (; first <= k; first++)
			row->indicators[row->nindicators++] =
			    v->fw->indicators[first]->text;
		round_final_at(v, a, k, &f);
		row->mark = verdict_code(f.verdict);
		finding = round_finding(src->ph, v, a, k);
		row->finding = arena_strdup(fs->arena, finding);
		free(finding);
	}
}

static void
approach_themes(struct factsheet *fs, const struct sources *src,
    const struct round_view *v, const struct round_approach *a,
    const struct round_edits *e, struct fs_approach *out)
{
	const struct fw_theme   *t;
	const struct round_edit *mine;
	struct fs_theme         *th;
	char                    *goed, *beter;
	size_t                   i, c;

	out->nthemes = v->fw->nthemes;
	out->themes = arena_alloc(fs->arena, (out->nthemes + 1) *
	    sizeof(*out->themes));
	for (i = 0; i < v->fw->nthemes; i++) {
		t = &v->fw->themes[i];
		th = &out->themes[i];
		th->name = t->name;
		th->statement = t->statement;
		th->ncriteria = t->ncriteria;
		th->criteria = arena_alloc(fs->arena, (t->ncriteria + 1) *
		    sizeof(*th->criteria));
		for (c = 0; c < t->ncriteria; c++)
			criterion_rows(fs, src, v, a, &t->criteria[c],
			    &th->criteria[c]);
		mine = round_edit_find(e, a->name, t->id);
		round_conclusion_draft(src->ph, v, a, t, &goed, &beter);
		th->goed = arena_strdup(fs->arena, mine && mine->goed ?
		    mine->goed : goed);
		th->beter = arena_strdup(fs->arena, mine && mine->beter ?
		    mine->beter : beter);
		free(goed);
		free(beter);
	}
}

/*
 * The creation date when $SOURCE_DATE_EPOCH is not set: when the round's
 * data last changed, else the first day of the round's year.
 */
static time_t
round_date(const char *changed, int round)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	if (changed == NULL || sscanf(changed, "%4d-%2d-%2dT%2d:%2d:%2dZ",
	    &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	    &tm.tm_sec) != 6) {
		memset(&tm, 0, sizeof(tm));
		tm.tm_year = round;
		tm.tm_mon = 1;
		tm.tm_mday = 1;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return timegm(&tm);
}

/* Builds the factsheet of municipality's round; NULL with diagnostics. */
static struct factsheet *
build(const struct sources *src, const char *mun, int round,
    struct diags *d)
{
	struct round_view  v;
	struct round_edits e;
	struct described   x;
	struct factsheet  *fs = NULL;
	char              *context = NULL, *changed = NULL;
	size_t             i;

	memset(&v, 0, sizeof(v));
	memset(&e, 0, sizeof(e));
	memset(&x, 0, sizeof(x));
	if (round_view_load(&v, src->set, src->store, mun, round, d) == -1 ||
	    store_dossier(src->store, mun, v.round, &context, on_approach, &x,
	    d) == -1 || round_edits_load(&e, src->store, mun, v.round,
	    d) == -1 || store_round_changed(src->store, mun, v.round,
	    &changed, d) == -1)
		goto out;
	fs = factsheet_new();
	fs->municipality = arena_strdup(fs->arena, mun);
	fs->round = v.round;
	fs->date = round_date(changed, v.round);
	fs->fw = v.fw;
	fs->context = arena_strdup(fs->arena, context);
	fs->napproaches = v.n;
	fs->approaches = arena_alloc(fs->arena, (v.n + 1) *
	    sizeof(*fs->approaches));
	for (i = 0; i < v.n; i++) {
		struct fs_approach *a = &fs->approaches[i];
		a->name = arena_strdup(fs->arena, v.approaches[i].name);
		a->description = arena_strdup(fs->arena,
		    description_of(&x, a->name));
		partners(fs, &v, &v.approaches[i], a);
		approach_themes(fs, src, &v, &v.approaches[i], &e, a);
	}
out:
	round_view_free(&v);
	round_edits_free(&e);
	described_free(&x);
	free(context);
	free(changed);
	return fs;
}

/*
 * "factsheet-NAME-YEAR.pdf" with every byte that could leave the
 * directory or confuse a shell ('/', '\\', control characters, a leading
 * dot) replaced by '_'. UTF-8 letters stay as they are.
 */
static char *
file_name(const char *mun, int round)
{
	char  *name = xasprintf("factsheet-%s-%d.pdf", mun, round);
	size_t i, skip = strlen("factsheet-");

	for (i = skip; name[i] != '\0'; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' ||
		    c == ':' || c == '*' || c == '?' || c == '"' ||
		    c == '<' || c == '>' || c == '|')
			name[i] = '_';
	}
	return name;
}

static int
one(const struct sources *src, const char *mun, int round, const char *out,
    const char *dir, struct diags *d)
{
	struct factsheet *fs;
	char             *name = NULL, *path;
	int               rc = -1;

	if ((fs = build(src, mun, round, d)) == NULL)
		return -1;
	if (out != NULL && dir == NULL)
		path = xstrdup(out);
	else {
		name = file_name(mun, fs->round);
		path = dir ? xasprintf("%s/%s", dir, name) : xstrdup(name);
	}
	if (factsheet_render(fs, &src->tpl, path, d) == 0) {
		printf("%s\n", path);
		rc = 0;
	}
	free(name);
	free(path);
	factsheet_free(fs);
	return rc;
}

struct names {
	char **v;
	int   *round;
	size_t n;
};

static void
on_municipality(void *ctx, const char *name, int round)
{
	struct names *m = ctx;

	m->v = xrealloc(m->v, (m->n + 1) * sizeof(char *));
	m->round = xrealloc(m->round, (m->n + 1) * sizeof(int));
	m->v[m->n] = xstrdup(name);
	m->round[m->n++] = round;
}

static int
all(const struct sources *src, int round, const char *dir, struct diags *d)
{
	struct names m = { NULL, NULL, 0 };
	size_t       i;
	int          rc = 0;

	if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
		diags_add(d, dir, 0, MSG_IO, strerror(errno));
		return -1;
	}
	if (store_municipalities(src->store, round, on_municipality, &m,
	    d) == -1)
		rc = -1;
	for (i = 0; rc == 0 && i < m.n; i++)
		if (one(src, m.v[i], m.round[i], NULL, dir, d) == -1)
			rc = -1;
	for (i = 0; i < m.n; i++)
		free(m.v[i]);
	free(m.v);
	free(m.round);
	return rc;
}

static int
factsheet(const struct cli *cli, const char *mun, int round, const char *out)
{
	struct framework_set set;
	struct sources       src;
	struct diags         d;
	struct phrases      *ph = NULL;
	char                *book, *xsd;
	int                  rc = EXIT_ERROR;

	diags_init(&d);
	memset(&src, 0, sizeof(src));
	cli_load_frameworks(cli, &set);
	book = xasprintf("%s/templates/findings-nl.xml", cli->datadir);
	xsd = xasprintf("%s/templates/phrases.xsd", cli->datadir);
	src.cli = cli;
	src.set = &set;
	if ((ph = phrases_load(book, xsd, &d)) != NULL &&
	    factsheet_templates_load(&src.tpl, cli->datadir, "stj", &d) == 0 &&
	    (src.store = store_open(cli->db, &d)) != NULL) {
		src.ph = ph;
		if ((mun == NULL ? all(&src, round, out, &d) :
		    one(&src, mun, round, out, NULL, &d)) == 0)
			rc = EXIT_OK;
	}
	store_close(src.store);
	factsheet_templates_free(&src.tpl);
	phrases_free(ph);
	free(book);
	free(xsd);
	cli_flush(&d);
	framework_set_free(&set);
	return rc;
}

int
cmd_factsheet(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "all",          no_argument,       NULL, 'A' },
		{ "round",        required_argument, NULL, 'y' },
		{ "output",       required_argument, NULL, 'o' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *mun = NULL, *out = NULL;
	int         ch, every = 0, round = 0;

	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': mun = optarg; break;
		case 'A': every = 1; break;
		case 'o': out = optarg; break;
		case 'y':
			if (cli_parse_round(optarg, &round) == -1)
				return cli_usage_error("factsheet ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'h':
			fputs(factsheet_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("factsheet ",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("factsheet ", "unexpected argument "
		    "'%s'", argv[optind]);
	if ((mun == NULL) == !every)
		return cli_usage_error("factsheet ",
		    "give --municipality NAME or --all");
	if (every && out == NULL)
		return cli_usage_error("factsheet ",
		    "--all needs -o DIR");
	return factsheet(cli, every ? NULL : mun, round, out);
}
