/*
 * cmd_progress: "stj progress --municipality M --from Y1 --to Y2
 * [-o FILE.pdf | --format text|tsv]": the progress report, per approach
 * and indicator the verdict then and now and its status, with a summary
 * per theme and last round's verbeterpunten.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess_draft.h"
#include "cli.h"
#include "factsheet.h"
#include "progress.h"
#include "report.h"
#include "round.h"
#include "store.h"
#include "util.h"

static const char progress_usage[] =
"usage: stj progress --municipality NAME --from YEAR --to YEAR\n"
"                    [-o FILE.pdf | --format text|tsv]\n"
"\n"
"Compares two rounds of a municipality per approach and indicator: the\n"
"verdict then (van) and now (naar) and the status: verbeterd (X, now\n"
"not), verslechterd (now X), ongewijzigd, nieuw or vervallen (the\n"
"indicator or approach is not in one of the rounds; indicators are\n"
"matched by id, by the newer framework's renamed-from or by its mapping:\n"
"a split indicator's parts each compare with the one they came from\n"
"(gesplitst uit), a merged one with the worst of those merged\n"
"(samengevoegd uit), a dropped one is vervallen with the mapping's\n"
"reason), nog niet beantwoord (no answer yet in the later round) or nog\n"
"te beoordelen (an X\n"
"by last year's inspector's override, not X from the answers alone, until\n"
"this round's inspector overrides it; last year's reason beside it), and\n"
"whether a LET OP was resolved or added (beside verbeterd and ongewijzigd\n"
"only). It says how many respondents of the later round answered. The\n"
"municipality writes the report; the inspector's part is marked\n"
"'Inspecteur YEAR: ...'. It opens with the verbeterpunten per\n"
"theme then and now and last round's verbeterpunten with their status.\n"
"The municipality's own progress notes (a <voortgang> of the later\n"
"round's dossier, or 'stj note' on the earlier round's verbeterpunt)\n"
"stand under their row ('Gemeente: ...'). tsv columns: aanpak,\n"
"indicator, van, naar, status. With -o the report is a PDF in the\n"
"factsheet's look, the notes beside each status; -o - writes it to\n"
"standard output.\n";

/* One round's view and its marks in the shape progress wants. */
struct side {
	struct round_view     v;
	struct progress_round r;
	char                **marks;
	int                 **letops;
	/* -- step 13: progress -- */
	int                 **overridden, **answered;
	char               ***reasons;
	int                   respondents, responded;
};

/* Any respondent answered cell (merged groups: any member). */
static int
cell_answered(const struct round_approach *a, size_t k)
{
	const struct round_cell *c = &a->cells[k];
	size_t                   i, m, first = c->merged ? c->first : k,
	                         last = c->merged ? c->last : k;

	for (m = first; m <= last; m++)
		for (i = 0; i < a->cells[m].n; i++)
			if (a->cells[m].a[i].value != ANSWER_NONE)
				return 1;
	return 0;
}

/* The latest reason of an audit row of the side's cells: the override's. */
static void
on_reason(void *ctx, const struct store_history_row *h)
{
	struct side *s = ctx;
	size_t       a, k;

	if (h->approach == NULL || h->indicator == NULL || h->reason == NULL ||
	    h->round != s->v.round || (strcmp(h->field, "verdict") != 0 &&
	    strcmp(h->field, "finding") != 0 && strcmp(h->field, "letop") != 0))
		return;
	for (a = 0; a < s->v.n; a++)
		if (strcmp(s->v.approaches[a].name, h->approach) == 0)
			for (k = 0; k < s->v.fw->nindicators; k++)
				if (strcmp(s->v.fw->indicators[k]->id,
				    h->indicator) == 0 && s->overridden[a][k]) {
					free(s->reasons[a][k]);
					s->reasons[a][k] = xstrdup(h->reason);
				}
}

static void
on_respondent(void *ctx, const struct store_status_row *r)
{
	struct side *s = ctx;

	if (r->round != s->v.round || r->role == NULL)
		return;
	s->respondents++;
	s->responded += r->answered > 0;
}

/* Overrides' reasons and how many respondents answered. */
static int
side_extra(struct side *s, struct store *st, const char *mun,
    struct diags *d)
{
	if (store_history(st, mun, s->v.round, on_reason, s, d) == -1 ||
	    store_status(st, mun, on_respondent, s, d) == -1)
		return -1;
	s->r.respondents = s->respondents;
	s->r.responded = s->responded;
	return 0;
}

static void
side_marks(struct side *s)
{
	struct round_final f;
	size_t             a, k, n = s->v.fw->nindicators;

	s->marks = xcalloc(s->v.n + 1, sizeof(char *));
	s->letops = xcalloc(s->v.n + 1, sizeof(int *));
	s->overridden = xcalloc(s->v.n + 1, sizeof(int *));
	s->answered = xcalloc(s->v.n + 1, sizeof(int *));
	s->reasons = xcalloc(s->v.n + 1, sizeof(char **));
	s->r.approaches = xcalloc(s->v.n + 1, sizeof(char *));
	for (a = 0; a < s->v.n; a++) {
		s->marks[a] = xcalloc(n + 1, 1);
		s->letops[a] = xcalloc(n + 1, sizeof(int));
		s->overridden[a] = xcalloc(n + 1, sizeof(int));
		s->answered[a] = xcalloc(n + 1, sizeof(int));
		s->reasons[a] = xcalloc(n + 1, sizeof(char *));
		for (k = 0; k < n; k++) {
			round_final_at(&s->v, &s->v.approaches[a], k, &f);
			s->marks[a][k] = verdict_code(f.verdict);
			s->letops[a][k] = f.letop;
			s->overridden[a][k] = f.by_inspector;
			s->answered[a][k] = cell_answered(&s->v.approaches[a],
			    k);
		}
		((const char **)s->r.approaches)[a] = s->v.approaches[a].name;
	}
	s->r.fw = s->v.fw;
	s->r.year = s->v.round;
	s->r.napproaches = s->v.n;
	s->r.marks = (const char *const *)s->marks;
	s->r.letops = (const int *const *)s->letops;
	s->r.overridden = (const int *const *)s->overridden;
	s->r.answered = (const int *const *)s->answered;
	s->r.reasons = (const char *const *const *)s->reasons;
}

static void
side_free(struct side *s)
{
	size_t a;

	size_t k;

	for (a = 0; a < s->v.n && s->marks != NULL; a++) {
		free(s->marks[a]);
		free(s->letops[a]);
		free(s->overridden[a]);
		free(s->answered[a]);
		for (k = 0; k < s->v.fw->nindicators; k++)
			free(s->reasons[a][k]);
		free(s->reasons[a]);
	}
	free(s->marks);
	free(s->letops);
	free(s->overridden);
	free(s->answered);
	free(s->reasons);
	free((void *)s->r.approaches);
	round_view_free(&s->v);
}

/*
 * The municipality's progress notes of both rounds (step 10: reactions):
 * a <voortgang> of the later round's dossier by its indicator, else one
 * written with 'stj note' on the earlier round's verbeterpunt.
 */
struct cli_notes {
	char  **approach, **indicator, **text;
	size_t  n;
	int     later;   /* notes before it: the later round's */
};

static void
on_cli_note(void *ctx, const char *approach, const char *indicator,
    const char *text)
{
	struct cli_notes *x = ctx;

	x->approach = xrealloc(x->approach, (x->n + 1) * sizeof(char *));
	x->indicator = xrealloc(x->indicator, (x->n + 1) * sizeof(char *));
	x->text = xrealloc(x->text, (x->n + 1) * sizeof(char *));
	x->approach[x->n] = xstrdup(approach);
	x->indicator[x->n] = xstrdup(indicator);
	x->text[x->n++] = xstrdup(text);
}

static void
cli_notes_free(struct cli_notes *x)
{
	size_t i;

	for (i = 0; i < x->n; i++) {
		free(x->approach[i]);
		free(x->indicator[i]);
		free(x->text[i]);
	}
	free(x->approach);
	free(x->indicator);
	free(x->text);
}

/* The later round's notes, then the earlier one's. */
static int
notes_load(struct store *s, const char *mun, int from, int to,
    struct cli_notes *x, struct diags *d)
{
	if (store_notes(s, mun, to, on_cli_note, x, d) == -1)
		return -1;
	x->later = (int)x->n;
	return store_notes(s, mun, from, on_cli_note, x, d);
}

/* The note of ind in approach among notes [from, to); NULL: none. */
static const char *
note_in(const struct cli_notes *x, size_t from, size_t to,
    const char *approach, const struct fw_indicator *ind)
{
	size_t i;

	for (i = from; ind != NULL && i < to; i++)
		if (strcmp(x->approach[i], approach) == 0 &&
		    strcmp(x->indicator[i], ind->id) == 0)
			return x->text[i];
	return NULL;
}

static void
print_note(const struct cli_notes *x, const struct progress_row *r)
{
	const char *n = note_in(x, 0, (size_t)x->later, r->approach, r->to);
	const char *p;

	if (n == NULL)
		n = note_in(x, (size_t)x->later, x->n, r->approach, r->from);
	if (n == NULL)
		return;
	fputs("         Gemeente: ", stdout);
	/* a note of several paragraphs: each line under the first */
	for (p = n; *p != '\0'; p++)
		if (*p == '\n')
			fputs("\n                   ", stdout);
		else
			fwrite(p, 1, 1, stdout);
	putchar('\n');
}

static const char *
mark_text(char m)
{
	return m == 'V' ? "\xe2\x88\x9a" : m == 'X' ? "X" : m == '-' ? "-" :
	    " ";
}

static const char *
letop_change(const struct progress_row *r)
{
	switch (progress_letop(r)) {
	case PROGRESS_LETOP_OPGELOST: return "LET OP opgelost";
	case PROGRESS_LETOP_NIEUW:    return "LET OP nieuw";
	default:                      return "";
	}
}

/* The status as the text report words it. */
static const char *
status_label(enum progress_status st)
{
	return st == PROGRESS_NIET_BEANTWOORD ? "nog niet beantwoord" :
	    st == PROGRESS_TE_BEOORDELEN ? "nog te beoordelen" :
	    progress_status_name(st);
}

/* The inspector's part of a row, marked as such: last year's override
 * reason beside nog te beoordelen, this year's beside the new verdict. */
static void
print_inspector(const struct progress_row *r, int from, int to)
{
	if (r->status == PROGRESS_TE_BEOORDELEN && r->reason_van != NULL) {
		printf("         Inspecteur %d: ", from);
		render_text(stdout, r->reason_van);
		putchar('\n');
	}
	if (r->override_naar && r->reason_naar != NULL) {
		printf("         Inspecteur %d: ", to);
		render_text(stdout, r->reason_naar);
		putchar('\n');
	}
}

/* -- issue 18: framework versions -- */
/* The earlier round's ids of a row: "3.1.5+3.1.6" for a merge. */
static void
print_from_ids(const struct progress_row *r)
{
	size_t i;

	if (r->link != FW_LINK_MERGED || r->map == NULL) {
		fputs(r->from->id, stdout);
		return;
	}
	for (i = 0; i < r->map->nfrom; i++)
		printf("%s%s", i ? "+" : "", r->map->from[i]);
}

/* How the row's indicator continues last round's, after its text. */
static void
print_link(const struct progress_row *r)
{
	size_t i;

	if (r->to == NULL || r->from == NULL)
		return;
	if (r->link == FW_LINK_SPLIT)
		printf(" (gesplitst uit %s)", r->from->id);
	else if (r->link == FW_LINK_MERGED && r->map != NULL) {
		fputs(" (samengevoegd uit ", stdout);
		for (i = 0; i < r->map->nfrom; i++)
			printf("%s%s", i == 0 ? "" : i + 1 < r->map->nfrom ?
			    ", " : " en ", r->map->from[i]);
		putchar(')');
	} else if (strcmp(r->to->id, r->from->id) != 0)
		printf(" (was %s)", r->from->id);
}

/* A vervallen indicator's reason, from the newer framework's mapping. */
static void
print_dropped(const struct progress_row *r)
{
	if (r->status != PROGRESS_VERVALLEN || r->map == NULL ||
	    r->map->reason == NULL)
		return;
	fputs("         Reden: ", stdout);
	render_text(stdout, r->map->reason);
	putchar('\n');
}

static void
print_summary(const struct side *from, const struct side *to,
    const struct progress *p)
{
	const struct fw_theme *t;
	size_t                 i, k;
	int                    then, now;

	printf("Auteur: de gemeente (voortgangsnotities); het oordeel van de "
	    "inspecteur staat apart, gemarkeerd met 'Inspecteur'\n");
	printf("Ronde %d: %d van %d respondenten hebben geantwoord\n\n",
	    to->r.year, to->r.responded, to->r.respondents);
	printf("Verbeterpunten per thema: %d -> %d\n", from->r.year,
	    to->r.year);
	for (i = 0; i < to->v.fw->nthemes; i++) {
		t = &to->v.fw->themes[i];
		progress_count(p, t->id, &then, &now);
		printf("  %-14s %3d %3d\n", t->name, then, now);
	}
	printf("\nVerbeterpunten %d en hun status %d\n", from->r.year,
	    to->r.year);
	for (k = 0; k < p->n; k++)
		if (p->rows[k].van == 'X') {
			fputs("  ", stdout);
			render_text(stdout, p->rows[k].approach);
			putchar(' ');
			print_from_ids(&p->rows[k]);
			if (p->rows[k].to != NULL && (p->rows[k].link ==
			    FW_LINK_SPLIT || strcmp(p->rows[k].to->id,
			    p->rows[k].from->id) != 0))
				printf(" (%snu %s)", p->rows[k].link ==
				    FW_LINK_SPLIT ? "gesplitst, " : "",
				    p->rows[k].to->id);
			printf(": %s\n", status_label(p->rows[k].status));
		}
}

static void
print_progress(const struct side *from, const struct side *to,
    const struct progress *p, const struct cli_notes *notes,
    enum render_format fmt)
{
	const struct progress_row *r;
	const char                *appr = NULL;
	size_t                     k;

	if (fmt == RENDER_TSV) {
		puts("aanpak\tindicator\tvan\tnaar\tstatus");
		for (k = 0; k < p->n; k++) {
			r = &p->rows[k];
			render_tsv_cell(stdout, r->approach,
			    RENDER_CELL_TEXT);
			putchar('\t');
			render_tsv_cell(stdout, (r->to ? r->to : r->from)->id,
			    RENDER_CELL_CODE);
			/* van, naar, status: fixed codes, '-' is n.v.t. */
			printf("\t%.*s\t%.*s\t%s\n", r->van ? 1 : 0,
			    &r->van, r->naar ? 1 : 0, &r->naar,
			    progress_status_name(r->status));
		}
		return;
	}
	print_summary(from, to, p);
	for (k = 0; k < p->n; k++) {
		r = &p->rows[k];
		if (appr == NULL || strcmp(appr, r->approach) != 0) {
			appr = r->approach;
			fputs("\nAanpak: ", stdout);
			render_text(stdout, appr);
			putchar('\n');
		}
		printf("  %-6s %s %s  %-19s %-15s %s", (r->to ? r->to :
		    r->from)->id, mark_text(r->van), mark_text(r->naar),
		    status_label(r->status), letop_change(r),
		    (r->to ? r->to : r->from)->text);
		print_link(r);
		putchar('\n');
		print_dropped(r);
		print_note(notes, r);
		print_inspector(r, from->r.year, to->r.year);
	}
}

struct opts {
	const char        *mun, *out;
	int                from, to;
	enum render_format fmt;
};

/* Writes the report as PDF to o->out and names the file written. */
static int
progress_pdf(const struct cli *cli, struct store *s,
    const struct framework_set *set, const struct opts *o,
    const struct progress_round *from, const struct progress_round *to,
    const struct progress *p, struct diags *d)
{
	struct report     r;
	struct factsheet *fs;
	int               rc = -1;

	report_init(&r, s, set, NULL, cli->datadir, &cli->pdf, 0);
	if ((fs = report_progress(&r, o->mun, from, to, p, d)) != NULL &&
	    report_render(&r, fs, o->out, d) == 0) {
		if (!outfile_is_stream(o->out))
			printf("%s\n", o->out);
		rc = 0;
	}
	factsheet_free(fs);
	report_free(&r);
	return rc;
}

static int
progress(const struct cli *cli, struct opts *o)
{
	struct framework_set set;
	struct side          from, to;
	struct progress      p;
	struct cli_notes     notes;
	struct diags         d;
	struct store        *s;
	int                  rc = EXIT_ERROR;

	diags_init(&d);
	memset(&from, 0, sizeof(from));
	memset(&to, 0, sizeof(to));
	memset(&p, 0, sizeof(p));
	memset(&notes, 0, sizeof(notes));
	cli_load_frameworks(cli, &set);
	if ((s = store_open(cli->db, STORE_READ, &d)) != NULL &&
	    store_resolve_municipality(s, &o->mun, &d) == 0 &&
	    round_view_load(&from.v, &set, s, o->mun, o->from, &d) == 0 &&
	    round_view_load(&to.v, &set, s, o->mun, o->to, &d) == 0) {
		side_marks(&from);
		side_marks(&to);
		if (side_extra(&from, s, o->mun, &d) == -1 ||
		    side_extra(&to, s, o->mun, &d) == -1)
			goto out;
		/* a new round has no respondents until answers come in: it
		 * expects at least as many as answered the earlier round */
		if (to.r.respondents < from.r.respondents)
			to.r.respondents = from.r.respondents;
		progress_compare(&from.r, &to.r, &p);
		if (o->out == NULL) {
			if (notes_load(s, o->mun, from.r.year, to.r.year,
			    &notes, &d) == 0) {
				print_progress(&from, &to, &p, &notes, o->fmt);
				rc = EXIT_OK;
			}
		} else if (progress_pdf(cli, s, &set, o, &from.r, &to.r, &p,
		    &d) == 0)
			rc = EXIT_OK;
	}
out:
	progress_free(&p);
	cli_notes_free(&notes);
	side_free(&from);
	side_free(&to);
	store_close(s);
	cli_flush(&d);
	framework_set_free(&set);
	return rc;
}

int
cmd_progress(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "from",         required_argument, NULL, 'f' },
		{ "to",           required_argument, NULL, 't' },
		{ "format",       required_argument, NULL, 'F' },
		{ "output",       required_argument, NULL, 'o' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct opts o;
	int         ch, fmt = 0;

	memset(&o, 0, sizeof(o));
	o.fmt = RENDER_TEXT;
	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': o.mun = optarg; break;
		case 'o': o.out = optarg; break;
		case 'f':
		case 't':
			if (cli_parse_round(optarg, ch == 'f' ? &o.from :
			    &o.to) == -1)
				return cli_usage_error("progress ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'F':
			fmt = 1;
			if (cli_parse_format(optarg, &o.fmt) == -1)
				return cli_usage_error("progress ",
				    "unknown format '%s' (text or tsv)",
				    optarg);
			break;
		case 'h':
			fputs(progress_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("progress ",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (o.mun == NULL || o.from == 0 || o.to == 0 || optind < argc)
		return cli_usage_error("progress ",
		    "--municipality, --from and --to are required");
	if (o.from == o.to)
		return cli_usage_error("progress ",
		    "--from and --to must be different rounds");
	if (fmt && o.out != NULL)
		return cli_usage_error("progress ",
		    "-o writes a PDF: give -o or --format, not both");
	return progress(cli, &o);
}
