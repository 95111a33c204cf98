/*
 * web_html: the one HTML writer. Every value a page shows goes through
 * web_buf_text(), which escapes it; markup comes only from the files in
 * templates/web/, loaded once at start and read by every thread.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "web_int.h"

static const char *const tmpl_file[TMPL__COUNT] = {
	[TMPL_PAGE]           = "page.html",
	[TMPL_NAV]            = "kop.html",
	[TMPL_ERROR]          = "fout.html",
	[TMPL_OVERZICHT]      = "overzicht.html",
	[TMPL_OVERZICHT_ROW]  = "overzicht-rij.html",
	[TMPL_OVERZICHT_NONE] = "overzicht-leeg.html",
	[TMPL_OVERZICHT_APPROACH] = "overzicht-aanpak.html",
	[TMPL_RONDE]          = "ronde.html",
	[TMPL_RONDE_APPROACH] = "ronde-aanpak.html",
	[TMPL_RONDE_ROW]      = "ronde-rij.html",
	[TMPL_CSS]            = "stj.css",
	[TMPL_RONDE_FORM]     = "ronde-wijzig.html",
	[TMPL_RONDE_ANSWER]   = "ronde-antwoord.html",
	[TMPL_CONCLUSIE]      = "ronde-conclusie.html",
	[TMPL_FLASH]          = "melding.html",
	[TMPL_LOGBOEK]        = "logboek.html",
	[TMPL_LOGBOEK_ROW]    = "logboek-rij.html",
	/* -- step 9: web import and factsheet -- */
	[TMPL_FACTSHEET]      = "factsheet.html",
	[TMPL_IMPORT]         = "importeren.html",
	[TMPL_IMPORT_REPORT]  = "importeren-controle.html",
	[TMPL_IMPORT_FILE]    = "importeren-bestand.html",
	[TMPL_IMPORT_ITEM]    = "importeren-regel.html",
	[TMPL_IMPORT_DOSSIER] = "importeren-dossier.html",
	[TMPL_IMPORT_DIAG]    = "importeren-fout.html",
	[TMPL_IMPORT_CONFIRM] = "importeren-bevestig.html",
	/* -- step 9: web review -- */
	[TMPL_RONDE_STATUS]   = "ronde-status.html",
	[TMPL_RONDE_VAST]     = "ronde-vast.html",
	[TMPL_RONDE_GATEN]    = "ronde-gaten.html",
	[TMPL_RONDE_GAT]      = "ronde-gat.html",
	[TMPL_RONDE_OPTIE]    = "ronde-optie.html",
	[TMPL_RONDE_SAMENVOEGEN] = "ronde-samenvoegen.html",
	[TMPL_RONDE_SPLITSEN] = "ronde-splitsen.html",
	[TMPL_RONDE_LID]      = "ronde-lid.html",
	[TMPL_RONDE_CONTEXT]  = "ronde-context.html",
	/* step 10: approach */
	[TMPL_RONDE_NIEUWE_AANPAK] = "ronde-nieuwe-aanpak.html",
	[TMPL_RONDE_OMSCHRIJVING] = "ronde-omschrijving.html",
	[TMPL_RONDE_DOSSIER_VAST] = "ronde-dossier-vast.html",
	[TMPL_CONCLUSIE_VAST] = "ronde-conclusie-vast.html",
	[TMPL_RONDE_WIJZIG_RIJ] = "ronde-wijzig-rij.html",
	[TMPL_JS]             = "stj.js",
	/* -- step 9: web server -- */
	/* -- step 10: accounts -- */
	[TMPL_LOGIN]          = "aanmelden.html",
	[TMPL_WACHTWOORD]     = "wachtwoord.html",
	[TMPL_NAV_ACCOUNT]    = "kop-account.html",
	[TMPL_NAV_BEHEER]     = "kop-beheer.html",
	[TMPL_BEHEER]         = "beheer.html",
	[TMPL_BEHEER_RIJ]     = "beheer-rij.html",
	/* -- step 10: invitations -- */
	/* -- step 10: reactions -- */
	[TMPL_RONDE_REACTIE]  = "ronde-reactie.html",
	[TMPL_RONDE_REACTIE_FORM] = "ronde-reactie-form.html",
	[TMPL_VOORTGANG]      = "voortgang.html",
	[TMPL_VOORTGANG_ROW]  = "voortgang-rij.html",
	[TMPL_VOORTGANG_NONE] = "voortgang-geen.html",
	[TMPL_VRAGENLIJST]    = "vragenlijst.html",
	[TMPL_VRAGENLIJST_DEEL] = "vragenlijst-deel.html",
	[TMPL_VRAGENLIJST_VRAAG] = "vragenlijst-vraag.html",
	[TMPL_VRAGENLIJST_OPTIE] = "vragenlijst-optie.html",
	[TMPL_VRAGENLIJST_VAST] = "vragenlijst-vast.html",
	[TMPL_VRAGENLIJST_STUUR] = "vragenlijst-versturen.html",
	[TMPL_VRAGENLIJST_KLAAR] = "vragenlijst-verstuurd.html",
	[TMPL_RESPONS]        = "respons.html",
	[TMPL_RESPONS_RIJ]    = "respons-rij.html",
	[TMPL_RESPONS_AANPAK] = "respons-aanpak.html",
	[TMPL_RESPONS_OPTIE]  = "respons-optie.html",
	/* -- step 10: portal -- */
	[TMPL_WEDERHOOR]      = "wederhoor.html",
	[TMPL_WEDERHOOR_AANPAK] = "wederhoor-aanpak.html",
	[TMPL_WEDERHOOR_THEMA] = "wederhoor-thema.html",
	[TMPL_WEDERHOOR_CRITERIUM] = "wederhoor-criterium.html",
	[TMPL_WEDERHOOR_RIJ]  = "wederhoor-rij.html",
	[TMPL_WEDERHOOR_REGEL] = "wederhoor-regel.html",
	[TMPL_OVERZICHT_LINK] = "overzicht-link.html",
	[TMPL_OVERZICHT_NAAM] = "overzicht-naam.html",
	[TMPL_FACTSHEET_LINK] = "factsheet-link.html",
	[TMPL_OVERZICHT_AANPAK_NAAM] = "overzicht-aanpak-naam.html",
	/* -- step 10: actor -- */
	[TMPL_RONDE_STATUS_FORM] = "ronde-status-form.html",
	[TMPL_RONDE_RESPONS]  = "ronde-respons.html",
	[TMPL_NAV_IMPORT]     = "kop-importeren.html",
	/* -- step 9: web bench -- */
	[TMPL_OVERZICHT_PAGES] = "overzicht-paginas.html",
	[TMPL_OVERZICHT_PREV]  = "overzicht-vorige.html",
	[TMPL_OVERZICHT_NEXT]  = "overzicht-volgende.html",
	[TMPL_OVERZICHT_NOMATCH] = "overzicht-geen.html",
	/* -- step 13: docs -- the user guide, doc/handleiding.md (a link) */
	[TMPL_HANDLEIDING_MD] = "handleiding.md",
	[TMPL_HANDLEIDING]    = "handleiding.html",
	[TMPL_HD_H1]          = "handleiding-h1.html",
	[TMPL_HD_H2]          = "handleiding-h2.html",
	[TMPL_HD_P]           = "handleiding-p.html",
	[TMPL_HD_UL]          = "handleiding-ul.html",
	[TMPL_HD_LI]          = "handleiding-li.html",
	[TMPL_HD_PRE]         = "handleiding-pre.html",
	[TMPL_HD_FIG]         = "handleiding-fig.html",
	/* -- step 11: front page -- */
	[TMPL_RONDE_VOORPAGINA] = "ronde-voorpagina.html",
	[TMPL_RONDE_VOORPAGINA_VAST] = "ronde-voorpagina-vast.html",
	[TMPL_IMPORT_KADER]   = "importeren-kader.html",
};

/* Templates are small; a bigger file is a mistake, not a page. */
#define TMPL_MAX (256 * 1024)

struct web_templates {
	struct web_buf t[TMPL__COUNT];
	char         **text_name, **text_value;
	size_t         ntext;
};

void
web_buf_free(struct web_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

static void
buf_put(struct web_buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

/*
 * The five characters that can end a text or an attribute value; every
 * template quotes its attributes with ", so a value can never leave one.
 */
void
web_buf_text(struct web_buf *b, const char *s)
{
	const char *run = s;

	for (; *s != '\0'; s++) {
		const char *e;
		switch (*s) {
		case '&':  e = "&amp;"; break;
		case '<':  e = "&lt;"; break;
		case '>':  e = "&gt;"; break;
		case '"':  e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		default:   continue;
		}
		buf_put(b, run, (size_t)(s - run));
		buf_put(b, e, strlen(e));
		run = s + 1;
	}
	buf_put(b, run, (size_t)(s - run));
}

void
web_render(struct web_buf *out, const struct web_templates *t,
    enum web_tmpl id, const struct web_var *vars, size_t nvars)
{
	const char *s = t->t[id].p, *open, *close;
	size_t      i, len;

	while ((open = strstr(s, "{{")) != NULL &&
	    (close = strstr(open + 2, "}}")) != NULL) {
		buf_put(out, s, (size_t)(open - s));
		len = (size_t)(close - open - 2);
		for (i = 0; i < nvars; i++) {
			if (strlen(vars[i].name) != len ||
			    memcmp(vars[i].name, open + 2, len) != 0)
				continue;
			if (vars[i].text != NULL)
				web_buf_text(out, vars[i].text);
			else if (vars[i].html != NULL && vars[i].html->p != NULL)
				buf_put(out, vars[i].html->p, vars[i].html->n);
			break;
		}
		s = close + 2;
	}
	buf_put(out, s, strlen(s));
}

const struct web_buf *
web_template(const struct web_templates *t, enum web_tmpl id)
{
	return &t->t[id];
}

const char *
web_text(const struct web_templates *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ntext; i++)
		if (strcmp(t->text_name[i], name) == 0)
			return t->text_value[i];
	return "";
}

/* teksten.txt: "NAME<TAB>TEXT" lines; # starts a comment. */
static int
texts_parse(struct web_templates *t, char *data, const char *path,
    struct diags *d)
{
	char *line, *next, *tab;
	long  no = 0;

	for (line = data; line != NULL && *line != '\0'; line = next) {
		no++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (*line == '\0' || *line == '#')
			continue;
		if ((tab = strchr(line, '\t')) == NULL) {
			diags_add(d, path, no, MSG_WEB_TEXT_BAD);
			return -1;
		}
		*tab = '\0';
		t->text_name = xrealloc(t->text_name,
		    (t->ntext + 1) * sizeof(char *));
		t->text_value = xrealloc(t->text_value,
		    (t->ntext + 1) * sizeof(char *));
		t->text_name[t->ntext] = xstrdup(line);
		t->text_value[t->ntext++] = xstrdup(tab + 1);
	}
	return 0;
}

struct web_templates *
web_templates_load(const char *datadir, struct diags *d)
{
	struct web_templates *t = xcalloc(1, sizeof(*t));
	char                 *path, *data;
	size_t                i, len;
	int                   rc;

	for (i = 0; i <= TMPL__COUNT; i++) {
		path = xasprintf("%s/templates/web/%s", datadir,
		    i < TMPL__COUNT ? tmpl_file[i] : "teksten.txt");
		if (file_read_all(path, TMPL_MAX, &data, &len) == -1) {
			diags_add(d, path, 0, MSG_WEB_TEMPLATE,
			    strerror(errno));
			free(path);
			web_templates_free(t);
			return NULL;
		}
		if (i < TMPL__COUNT) {
			t->t[i].p = data;
			t->t[i].n = t->t[i].cap = len;
			free(path);
			continue;
		}
		rc = texts_parse(t, data, path, d);
		free(data);
		free(path);
		if (rc == -1) {
			web_templates_free(t);
			return NULL;
		}
	}
	return t;
}

void
web_templates_free(struct web_templates *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < TMPL__COUNT; i++)
		web_buf_free(&t->t[i]);
	for (i = 0; i < t->ntext; i++) {
		free(t->text_name[i]);
		free(t->text_value[i]);
	}
	free(t->text_name);
	free(t->text_value);
	free(t);
}
