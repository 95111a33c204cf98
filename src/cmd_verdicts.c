/*
 * cmd_verdicts: "stj verdicts --municipality M [--round Y]
 * [--format text|tsv|csv|xlsx] [-o FILE]": the proposed verdict per
 * approach and indicator; csv and xlsx are a sheet the inspector edits and
 * reads back with "stj override --file".
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "assess_draft.h"
#include "cli.h"
#include "round.h"
#include "store.h"
#include "util.h"
#include "xlsx_write.h"

static const char verdicts_usage[] =
"usage: stj verdicts --municipality NAME [--round YEAR] [--findings]\n"
"                    [--format text|tsv]\n"
"       stj verdicts --municipality NAME [--round YEAR] --format csv|xlsx\n"
"                    [-o FILE]\n"
"\n"
"Prints the verdict per approach and indicator: V (voldoet), X\n"
"(verbeterpunt) or - (not applicable), whether a LET OP is proposed, and\n"
"its source. tsv columns: aanpak, indicator, verdict, letop, bron.\n"
"\n"
"Options:\n"
"  --municipality NAME   the municipality (required)\n"
"  --round YEAR          the round (default: the latest)\n"
"  --format FORMAT       text (default), tsv, or csv or xlsx: a sheet to\n"
"                        edit and read back with stj override --file:\n"
"                        gemeente, ronde, aanpak, indicator, tekst,\n"
"                        voorstel, huidig, bevinding (to read), verdict,\n"
"                        letop, finding, goed, beter (the inspector's own,\n"
"                        empty where the proposal or draft stands; goed\n"
"                        and beter on each theme's conclusion row) and\n"
"                        reden (a change needs one; rows left as they are\n"
"                        change nothing)\n"
"  -o, --output FILE     csv or xlsx: where to write (csv: default\n"
"                        standard output; xlsx: required)\n"
"  --findings            text: also the drafted (or overridden) finding\n"
"                        and LET OP under each indicator\n"
"  -h, --help            this help\n";

/* A merged group prints one finding, under its last indicator. */
static void
print_group_finding(const struct phrases *ph, const struct round_view *v,
    const struct round_approach *a, size_t k)
{
	char *finding;

	if (a->cells[k].merged && k != a->cells[k].last)
		return;
	finding = round_finding(ph, v, a, k);
	/* Indented, escaped: a toelichting cannot forge a line of its own. */
	render_text_lines(stdout, "           ", finding);
	free(finding);
}

static void
print_verdicts(const struct round_view *v, const struct phrases *ph,
    enum render_format fmt)
{
	struct round_final     f;
	const struct fw_theme *theme;
	size_t                 i, k;

	if (fmt == RENDER_TSV)
		puts("aanpak\tindicator\tverdict\tletop\tbron");
	for (i = 0; i < v->n; i++) {
		theme = NULL;
		if (fmt == RENDER_TEXT) {
			printf("%sAanpak: ", i ? "\n" : "");
			render_text(stdout, v->approaches[i].name);
			putchar('\n');
		}
		for (k = 0; k < v->fw->nindicators; k++) {
			const struct fw_indicator *ind = v->fw->indicators[k];
			round_final_at(v, &v->approaches[i], k, &f);
			if (fmt == RENDER_TSV) {
				/* verdict, letop, bron: fixed codes. */
				render_tsv_cell(stdout, v->approaches[i].name,
				    RENDER_CELL_TEXT);
				putchar('\t');
				render_tsv_cell(stdout, ind->id,
				    RENDER_CELL_CODE);
				printf("\t%c\t%d\t%s\n",
				    verdict_code(f.verdict), f.letop,
				    f.by_inspector ? "inspecteur" : "voorstel");
				continue;
			}
			if (theme != ind->criterion->theme) {
				theme = ind->criterion->theme;
				printf("  %s\n", theme->name);
			}
			printf("    %-6s %s  %-7s%s%s %s\n", ind->id,
			    v->approaches[i].cells[k].merged &&
			    k != v->approaches[i].cells[k].first ? "\xe2\x94\x82" :
			    f.verdict == VERDICT_V ? "\xe2\x88\x9a" :
			    f.verdict == VERDICT_X ? "X" : "-",
			    f.letop ? "LET OP" : "",
			    f.by_inspector ? "[inspecteur]" : "",
			    f.stale ? "[antwoorden gewijzigd]" : "", ind->text);
			if (ph != NULL)
				print_group_finding(ph, v, &v->approaches[i],
				    k);
		}
	}
}

/* -- step 12: xlsx -- */
/* The export's columns: read by ovrfile.c, which knows the four to read. */
static const char *const export_head[] = {
	"gemeente", "ronde", "aanpak", "indicator", "tekst", "voorstel",
	"huidig", "bevinding", "verdict", "letop", "finding", "goed", "beter",
	"reden"
};
/* The two exports (render.h's formats are the printed ones). */
enum export { EXPORT_NONE, EXPORT_CSV, EXPORT_XLSX };
enum { EXPORT_COLS = sizeof(export_head) / sizeof(export_head[0]) };

/* A mark and whether a LET OP goes with it: "X" or "X, LET OP". */
static char *
mark_text(enum verdict v, int letop)
{
	return xasprintf("%c%s", verdict_code(v), letop ? ", LET OP" : "");
}

/* Indicator k's row of approach a: c[] the row's cells. */
static void
indicator_row(const struct round_view *v, const struct phrases *ph,
    const char *mun, const struct round_approach *a, size_t k, char **c)
{
	const struct store_override *o = &a->cells[k].override;
	struct round_final           f;

	round_final_at(v, a, k, &f);
	c[0] = xstrdup(mun);
	c[1] = xasprintf("%d", v->round);
	c[2] = xstrdup(a->name);
	c[3] = xstrdup(v->fw->indicators[k]->id);
	c[4] = xstrdup(v->fw->indicators[k]->text);
	c[5] = mark_text(f.proposal.verdict, f.proposal.letop);
	c[6] = mark_text(f.verdict, f.letop);
	c[7] = a->cells[k].merged && k != a->cells[k].last ? NULL :
	    round_finding(ph, v, a, k);
	if (!a->cells[k].overridden)
		return;
	c[8] = o->verdict ? xstrdup(o->verdict) : NULL;
	c[9] = o->no_letop ? xstrdup("-") : o->letop ? xstrdup(o->letop) :
	    NULL;
	c[10] = o->finding ? xstrdup(o->finding) : NULL;
}

/* Theme t's conclusion row: as it stands to read, the inspector's own. */
static void
theme_row(const struct round_view *v, const struct phrases *ph,
    const struct round_edits *e, const char *mun,
    const struct round_approach *a, const struct fw_theme *t, char **c)
{
	const struct round_edit *ed = round_edit_find(e, a->name, t->id);
	char                    *goed, *beter;

	round_conclusion_draft(ph, v, a, t, &goed, &beter);
	c[0] = xstrdup(mun);
	c[1] = xasprintf("%d", v->round);
	c[2] = xstrdup(a->name);
	c[3] = xstrdup(t->id);
	c[4] = xstrdup(t->name);
	c[7] = xasprintf("Wat gaat goed? %s\n\nWat kan beter? %s",
	    ed && ed->goed ? ed->goed : goed,
	    ed && ed->beter ? ed->beter : beter);
	c[11] = ed && ed->goed ? xstrdup(ed->goed) : NULL;
	c[12] = ed && ed->beter ? xstrdup(ed->beter) : NULL;
	free(goed);
	free(beter);
}

/*
 * Per approach, per theme its indicators' rows and then its conclusion's
 * row; cells malloc'd (NULL: empty). The verdict, letop, finding, goed
 * and beter cells hold only what the inspector wrote, so that the file
 * read back unedited changes nothing.
 */
static char **
export_cells(const struct round_view *v, const struct phrases *ph,
    const struct round_edits *e, const char *mun, size_t *nrows)
{
	char  **cells;
	size_t  i, t, j, k, r = 0;

	*nrows = v->n * (v->fw->nindicators + v->fw->nthemes);
	cells = xcalloc(*nrows * EXPORT_COLS + 1, sizeof(*cells));
	for (i = 0; i < v->n; i++)
		for (t = 0; t < v->fw->nthemes; t++) {
			const struct fw_theme *th = &v->fw->themes[t];
			for (j = 0; j < th->ncriteria; j++)
				for (k = 0; k < th->criteria[j].nindicators;
				    k++)
					indicator_row(v, ph, mun,
					    &v->approaches[i],
					    th->criteria[j].indicators[k].index,
					    cells + r++ * EXPORT_COLS);
			theme_row(v, ph, e, mun, &v->approaches[i], th,
			    cells + r++ * EXPORT_COLS);
		}
	return cells;
}

/* One CSV cell, quoted when it holds a comma, quote or line break. */
static void
csv_cell(FILE *f, const char *s, int last)
{
	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n;") == NULL)
		fputs(s, f);
	else {
		fputc('"', f);
		for (; *s != '\0'; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	}
	fputs(last ? "\r\n" : ",", f);
}

static int
export_write(const struct round_view *v, const struct phrases *ph,
    struct store *s, const char *mun, enum export fmt, const char *out,
    struct diags *d)
{
	static const double widths[EXPORT_COLS] = {
		14, 7, 24, 9, 50, 10, 10, 60, 8, 30, 60, 40, 40, 30
	};
	struct round_edits e;
	struct outfile     o;
	size_t             n, i;
	char             **cells;
	int                rc;

	memset(&e, 0, sizeof(e));
	if (round_edits_load(&e, s, mun, v->round, d) == -1)
		return -1;
	cells = export_cells(v, ph, &e, mun, &n);
	round_edits_free(&e);

	if (fmt == EXPORT_XLSX)
		rc = xlsx_write_table(out, "Oordelen", EXPORT_COLS,
		    export_head, (const char *const *)cells, n, widths, d);
	else if ((rc = outfile_open(&o, out, d)) == 0) {
		for (i = 0; i < EXPORT_COLS; i++)
			csv_cell(o.f, export_head[i], i + 1 == EXPORT_COLS);
		for (i = 0; i < n * EXPORT_COLS; i++)
			csv_cell(o.f, cells[i], (i + 1) % EXPORT_COLS == 0);
		rc = outfile_commit(&o, d);
	}
	for (i = 0; i < n * EXPORT_COLS; i++)
		free(cells[i]);
	free(cells);
	return rc;
}

static int
verdicts(const struct cli *cli, const char *mun, int round,
    enum render_format fmt, int findings, enum export ex, const char *out)
{
	struct framework_set set;
	struct round_view    v;
	struct diags         d;
	struct store        *s;
	struct phrases      *ph = NULL;
	int                  rc = EXIT_ERROR;

	diags_init(&d);
	memset(&v, 0, sizeof(v));
	cli_load_frameworks(cli, &set);
	if ((findings || ex != EXPORT_NONE) &&
	    (ph = cli_phrases_load(cli, &d)) == NULL)
		goto out;
	if ((s = store_open(cli->db, STORE_READ, &d)) != NULL &&
	    store_resolve_municipality(s, &mun, &d) == 0 &&
	    round_view_load(&v, &set, s, mun, round, &d) == 0) {
		if (ex != EXPORT_NONE) {
			if (export_write(&v, ph, s, mun, ex, out, &d) == 0) {
				rc = EXIT_OK;
				if (!outfile_is_stream(out))
					printf("%s\n", out);
			}
		} else {
			print_verdicts(&v, ph, fmt);
			rc = EXIT_OK;
		}
	}
	store_close(s);
out:
	phrases_free(ph);
	round_view_free(&v);
	cli_flush(&d);
	framework_set_free(&set);
	return rc;
}

int
cmd_verdicts(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "round",        required_argument, NULL, 'y' },
		{ "format",       required_argument, NULL, 'f' },
		{ "findings",     no_argument,       NULL, 'F' },
		{ "output",       required_argument, NULL, 'o' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum render_format fmt = RENDER_TEXT;
	const char        *mun = NULL, *out = NULL;
	enum export        ex = EXPORT_NONE;
	char              *end;
	long               round = 0;
	int                ch, findings = 0;

	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'm': mun = optarg; break;
		case 'o': out = optarg; break;
		case 'F': findings = 1; break;
		case 'y':
			round = strtol(optarg, &end, 10);
			if (*end != '\0' || round < 2000 || round > 2100)
				return cli_usage_error("verdicts ",
				    "'%s' is no round (a year)", optarg);
			break;
		case 'f':
			/* -- step 12: xlsx -- */
			ex = strcmp(optarg, "csv") == 0 ? EXPORT_CSV :
			    strcmp(optarg, "xlsx") == 0 ? EXPORT_XLSX :
			    EXPORT_NONE;
			if (ex == EXPORT_NONE &&
			    cli_parse_format(optarg, &fmt) == -1)
				return cli_usage_error("verdicts ",
				    "unknown format '%s' (text, tsv, csv or "
				    "xlsx)", optarg);
			break;
		case 'h':
			fputs(verdicts_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("verdicts ",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (mun == NULL || optind < argc)
		return cli_usage_error("verdicts ",
		    "--municipality is required");
	if (ex == EXPORT_XLSX && out == NULL)
		return cli_usage_error("verdicts ",
		    "--format xlsx needs -o FILE");
	if (out != NULL && ex == EXPORT_NONE)
		return cli_usage_error("verdicts ",
		    "-o is for --format csv or xlsx");
	return verdicts(cli, mun, (int)round, fmt, findings, ex,
	    out != NULL ? out : "-");
}
