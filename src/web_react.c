/*
 * web_react: the municipality's word in the browser (step 10: reactions).
 * Beside each finding on the Ronde page its reaction (hoor en wederhoor)
 * and, on the municipality's page Wederhoor (web_portal.c) while the
 * round is in wederhoor, the form to give or change it (POST
 * /ronde/reactie); the page Voortgang (GET /voortgang) lists the
 * verbeterpunten of a round with a progress note form each (POST
 * /voortgang/notitie). Each form calls ops_reaction() or
 * ops_progress_note(), the functions 'stj reaction' and 'stj note' call,
 * with the version it was made from, and redirects back
 * (POST-redirect-GET). Which role may see which form is the route
 * table's and the roles' business (access.h); the state of the round is
 * the library's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ops.h"
#include "react.h"
#include "round.h"
#include "util.h"
#include "web_int.h"

#define NVARS(v) (sizeof(v) / sizeof((v)[0]))

/* ---- the reactions of a round, for the Ronde page -------------------- */

struct web_reactions {
	struct react_saved {
		char *approach, *indicator, *text, *who, *at;
	}     *v;
	size_t n;
};

static void
on_reaction(void *ctx, const struct react_row *r)
{
	struct web_reactions *x = ctx;
	struct react_saved   *k;

	x->v = xrealloc(x->v, (x->n + 1) * sizeof(*x->v));
	k = &x->v[x->n++];
	k->approach = xstrdup(r->approach);
	k->indicator = xstrdup(r->indicator);
	k->text = xstrdup(r->text);
	k->who = xstrdup(r->who);
	k->at = xstrdup(r->at);
}

struct web_reactions *
web_reactions_load(struct store *s, const char *municipality, int round)
{
	struct web_reactions *x = xcalloc(1, sizeof(*x));
	struct diags          d;

	diags_init(&d);
	/* Unreadable: the page shows none rather than no page. */
	react_list(s, municipality, round, on_reaction, x, &d);
	diags_free(&d);
	return x;
}

void
web_reactions_free(struct web_reactions *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->n; i++) {
		free(x->v[i].approach);
		free(x->v[i].indicator);
		free(x->v[i].text);
		free(x->v[i].who);
		free(x->v[i].at);
	}
	free(x->v);
	free(x);
}

static const struct react_saved *
find_reaction(const struct web_reactions *x, const char *approach,
    const char *key)
{
	size_t i;

	for (i = 0; x != NULL && i < x->n; i++)
		if (strcmp(x->v[i].approach, approach) == 0 &&
		    strcmp(x->v[i].indicator, key) == 0)
			return &x->v[i];
	return NULL;
}

/* The version of k as a form's hidden value ("0": never changed). */
static void
version_str(struct store *s, const struct store_key *k, char out[24])
{
	struct diags d;
	long long    id = 0;
	char        *who = NULL, *at = NULL;

	diags_init(&d);
	if (store_last_change(s, k, &id, &who, &at, &d) == -1)
		id = 0;
	snprintf(out, 24, "%lld", id);
	free(who);
	free(at);
	diags_free(&d);
}

void
web_reaction_html(const struct web_request *q, struct store *s,
    const struct web_reactions *re, const struct store_key *k,
    const char *jaar, int wederhoor, struct web_buf *out)
{
	const struct react_saved *r = find_reaction(re, k->approach,
	    k->indicator);
	char                      version[24];

	if (r != NULL) {
		struct web_var v[] = {
			{ "wie", r->who, NULL },
			{ "wanneer", r->at, NULL },
			{ "tekst", r->text, NULL },
		};
		web_render(out, q->ctx->tmpl, TMPL_RONDE_REACTIE, v, NVARS(v));
	}
	if (!wederhoor)
		return;
	version_str(s, k, version);
	{
		struct web_var v[] = {
			{ "kop", web_text(q->ctx->tmpl, r != NULL ?
			    "reactie.wijzig" : "reactie.schrijf"), NULL },
			{ "csrf", q->csrf, NULL },
			{ "gemeente", k->municipality, NULL },
			{ "jaar", jaar, NULL },
			{ "aanpak", k->approach, NULL },
			{ "sleutel", k->indicator, NULL },
			{ "versie", version, NULL },
			{ "tekst", r != NULL ? r->text : "", NULL },
		};
		web_render(out, q->ctx->tmpl, TMPL_RONDE_REACTIE_FORM, v,
		    NVARS(v));
	}
}

/* ---- the forms -------------------------------------------------------- */

/* A form's text without the CRs a browser adds ("" stays ""). */
static char *
form_text(const char *s)
{
	char *out = xstrdup(s != NULL ? s : ""), *o = out;

	for (; s != NULL && *s != '\0'; s++)
		if (*s != '\r')
			*o++ = *s;
	*o = '\0';
	return out;
}

/* The diagnostics of a refusal in one line. */
static char *
refusal(const struct diags *d)
{
	size_t i, len = 1;
	char  *msg;

	for (i = 0; i < d->n; i++)
		len += strlen(d->v[i].text) + 2;
	msg = xcalloc(1, len);
	for (i = 0; i < d->n; i++) {
		if (i > 0)
			strcat(msg, "; ");
		strcat(msg, d->v[i].text);
	}
	return msg;
}

typedef int (*write_fn)(struct ops *, struct store_change *, const char *,
    long long, char **, struct diags *);

/* One write through the layer, then back to page (POST-redirect-GET). */
static void
write_word(const struct web_request *q, struct web_response *r,
    enum web_key id_key, write_fn fn, const char *page)
{
	struct store_change c;
	struct store       *s;
	struct ops         *x;
	struct diags        d;
	char                at[32], *said = NULL, *text, *msg, *to;
	long long           expected;

	if (q->field[KEY_GEMEENTE] == NULL || q->field[KEY_JAAR] == NULL ||
	    q->field[KEY_AANPAK] == NULL || q->field[id_key] == NULL ||
	    q->field[KEY_VERSIE] == NULL || q->field[KEY_TEKST] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	if ((s = web_open(q, r, 1)) == NULL)
		return;
	memset(&c, 0, sizeof(c));
	c.key.municipality = q->field[KEY_GEMEENTE];
	c.key.round = q->jaar;
	c.key.approach = q->field[KEY_AANPAK];
	c.key.indicator = q->field[id_key];
	c.actor = &q->actor;   /* step 10: actor: checked and logged */
	cli_timestamp(at);
	c.at = at;
	expected = strtoll(q->field[KEY_VERSIE], NULL, 10);
	text = form_text(q->field[KEY_TEKST]);
	diags_init(&d);
	x = ops_new(s, q->ctx->cfg->set);
	if (fn(x, &c, text, expected, &said, &d) == 0)
		web_session_flash(q->ctx->sessions, q->sid, 1, said);
	else {
		msg = refusal(&d);
		web_session_flash(q->ctx->sessions, q->sid, 0, msg);
		free(msg);
	}
	to = web_href(page, q->field[KEY_GEMEENTE], q->jaar);
	web_redirect(r, to);
	free(to);
	ops_free(x);
	free(said);
	free(text);
	diags_free(&d);
	web_close(q, s);
}

void
web_page_reactie(const struct web_request *q, struct web_response *r)
{
	/* step 10: portal. Back to Wederhoor: whoever may react (the
	 * route's ACT_REACT) may read it, the same action on the same round. */
	write_word(q, r, KEY_BEVINDING_ID, ops_reaction, "/wederhoor");
}

void
web_page_notitie(const struct web_request *q, struct web_response *r)
{
	write_word(q, r, KEY_INDICATOR, ops_progress_note, "/voortgang");
}

/* ---- the page Voortgang ----------------------------------------------- */

struct note_list {
	char  **key, **text;   /* key: "approach\nindicator" */
	size_t  n;
};

static void
on_note(void *ctx, const char *approach, const char *indicator,
    const char *text)
{
	struct note_list *x = ctx;

	x->key = xrealloc(x->key, (x->n + 1) * sizeof(char *));
	x->text = xrealloc(x->text, (x->n + 1) * sizeof(char *));
	x->key[x->n] = xasprintf("%s\n%s", approach, indicator);
	x->text[x->n++] = xstrdup(text);
}

static const char *
note_of(const struct note_list *x, const char *approach, const char *id)
{
	char       *k = xasprintf("%s\n%s", approach, id);
	const char *t = NULL;
	size_t      i;

	for (i = 0; i < x->n && t == NULL; i++)
		if (strcmp(x->key[i], k) == 0)
			t = x->text[i];
	free(k);
	return t;
}

static void
note_list_free(struct note_list *x)
{
	size_t i;

	for (i = 0; i < x->n; i++) {
		free(x->key[i]);
		free(x->text[i]);
	}
	free(x->key);
	free(x->text);
}

/* One row per verbeterpunt (an indicator whose verdict is X). */
static size_t
voortgang_rows(const struct web_request *q, struct store *s,
    const struct round_view *v, const char *mun, const char *jaar,
    const struct note_list *notes, struct web_buf *out)
{
	struct round_final f;
	size_t             i, k, n = 0;
	char               version[24], rid[48];

	for (i = 0; i < v->n; i++)
		for (k = 0; k < v->fw->nindicators; k++) {
			const struct round_approach *a = &v->approaches[i];
			const struct fw_indicator   *ind = v->fw->indicators[k];
			struct store_key key = { mun, v->round, a->name,
			    ind->id };
			const char *note = note_of(notes, a->name, ind->id);

			round_final_at(v, a, k, &f);
			if (f.verdict != VERDICT_X)
				continue;
			version_str(s, &key, version);
			snprintf(rid, sizeof(rid), "v%zu-%zu", i, k);
			{
				struct web_var vars[] = {
					{ "rid", rid, NULL },
					{ "csrf", q->csrf, NULL },
					{ "gemeente", mun, NULL },
					{ "jaar", jaar, NULL },
					{ "aanpak", a->name, NULL },
					{ "id", ind->id, NULL },
					{ "tekst", ind->text, NULL },
					{ "versie", version, NULL },
					{ "notitie", note ? note : "", NULL },
				};
				web_render(out, q->ctx->tmpl, TMPL_VOORTGANG_ROW,
				    vars, NVARS(vars));
			}
			n++;
		}
	return n;
}

static void
voortgang_page(const struct web_request *q, struct web_response *r,
    struct store *s, const struct round_view *v, const char *mun,
    const char *state)
{
	struct note_list notes = { NULL, NULL, 0 };
	struct web_buf   rows = { 0 }, body = { 0 }, msg = { 0 };
	struct web_buf   links = { 0 };
	struct diags     d;
	char             jaar[16], *title, *line = NULL;

	snprintf(jaar, sizeof(jaar), "%d", v->round);
	diags_init(&d);
	store_notes(s, mun, v->round, on_note, &notes, &d);
	diags_free(&d);
	if (strcmp(state, "vastgesteld") != 0)
		line = xasprintf("%s %s.", web_text(q->ctx->tmpl,
		    "voortgang.niet.vast"), state);
	else if (voortgang_rows(q, s, v, mun, jaar, &notes, &rows) == 0)
		line = xstrdup(web_text(q->ctx->tmpl, "voortgang.geen"));
	if (line != NULL) {
		struct web_var vars[] = { { "tekst", line, NULL } };
		web_render(&rows, q->ctx->tmpl, TMPL_VOORTGANG_NONE, vars,
		    NVARS(vars));
	}
	web_flash(q, &msg);
	web_round_links(q, s, mun, v->round, "/voortgang", &links); /* step 10 */
	title = xasprintf("Voortgang %s %s", mun, jaar);
	{
		struct web_var vars[] = {
			{ "gemeente", mun, NULL },
			{ "jaar", jaar, NULL },
			{ "links", NULL, &links },
			{ "melding", NULL, &msg },
			{ "rijen", NULL, &rows },
		};
		web_render(&body, q->ctx->tmpl, TMPL_VOORTGANG, vars,
		    NVARS(vars));
	}
	web_page(q, r, 200, title, &body);
	free(title);
	free(line);
	web_buf_free(&links);
	note_list_free(&notes);
	web_buf_free(&rows);
	web_buf_free(&body);
	web_buf_free(&msg);
}

void
web_page_voortgang(const struct web_request *q, struct web_response *r)
{
	struct round_view v;
	struct store     *s;
	struct diags      d;
	const char       *mun = q->field[KEY_GEMEENTE];
	char             *state = NULL, *since = NULL;

	if (mun == NULL || q->field[KEY_JAAR] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	if ((s = web_open(q, r, 0)) == NULL)
		return;
	diags_init(&d);
	memset(&v, 0, sizeof(v));
	if (store_resolve_municipality(s, &mun, &d) == -1 ||
	    round_view_load(&v, q->ctx->cfg->set, s, mun, q->jaar, &d) == -1 ||
	    store_round_state(s, mun, v.round, &state, &since, &d) == -1)
		web_page_error(q, r, 404);
	else
		voortgang_page(q, r, s, &v, mun, state);
	free(state);
	free(since);
	round_view_free(&v);
	diags_free(&d);
	web_close(q, s);
}
