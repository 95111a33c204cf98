/*
 * web_edit: the inspector's changes from the Ronde page, and the Logboek.
 * A form posts here, the handler calls the operations layer (ops.h)
 * exactly as the CLI does, leaves what it said (or why it refused) in
 * the session and redirects back to the Ronde page: POST-redirect-GET,
 * so a reload never posts twice and no script is needed. Every form
 * carries the version it was made from; a change made since is refused
 * by the layer, and the page names who made it and when.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ops.h"
#include "util.h"
#include "web_int.h"

#define NVARS(v) (sizeof(v) / sizeof((v)[0]))

/*
 * Who acts: the session's actor (step 10), passed to ops.h as c->actor,
 * which checks its role and logs its name: the account, or WEB_WHO in
 * token mode, where a session proves only that the login link was
 * opened, not by whom.
 */

/* A form's text without the CRs a browser adds; NULL: empty (keep). */
static char *
form_text(const char *s)
{
	char  *out, *o;

	if (s == NULL || *s == '\0')
		return NULL;
	out = o = xstrdup(s);
	for (; *s != '\0'; s++)
		if (*s != '\r')
			*o++ = *s;
	*o = '\0';
	return out;
}

/*
 * What a version names, as the page says it: "Aanpak 4.2.2", the
 * approach's description, or a field of the round ("De status").
 */
static char *
what_changed(const struct web_request *q, const struct store_key *k)
{
	char name[32];

	if (k->approach == NULL) {
		snprintf(name, sizeof(name), "veld.%s", k->indicator);
		return xstrdup(web_text(q->ctx->tmpl, name));
	}
	if (strcmp(k->indicator, "-") == 0)
		return xasprintf("%s, %s", k->approach,
		    web_text(q->ctx->tmpl, "veld.omschrijving"));
	return xasprintf("%s %s", k->approach, k->indicator);
}

/*
 * The refusal as the page shows it: a stale form in Dutch, naming who
 * changed the cell and when (read again after the refusal), else the
 * layer's own diagnostics.
 */
static char *
refusal(const struct web_request *q, struct store *s,
    const struct store_change *c, long long expected, const struct diags *d)
{
	long long id = 0;
	char     *who = NULL, *at = NULL, *msg;
	size_t    i, len = 0;
	struct diags d2;

	diags_init(&d2);
	if (expected != OPS_ANY &&
	    store_last_change(s, &c->key, &id, &who, &at, &d2) == 0 &&
	    id != expected) {
		char *what = what_changed(q, &c->key);
		msg = xasprintf("%s: %s %s %s %s — %s", what,
		    web_text(q->ctx->tmpl, "verouderd"),
		    who != NULL ? who : "?", web_text(q->ctx->tmpl, "om"),
		    at != NULL ? at : "?",
		    web_text(q->ctx->tmpl, "herlaad"));
		free(what);
		free(who);
		free(at);
		diags_free(&d2);
		return msg;
	}
	free(who);
	free(at);
	diags_free(&d2);
	for (i = 0; i < d->n; i++)
		len += strlen(d->v[i].text) + 2;
	msg = xcalloc(1, len + 1);
	for (i = 0; i < d->n; i++) {
		if (i > 0)
			strcat(msg, "; ");
		strcat(msg, d->v[i].text);
	}
	return msg;
}

/* The key of a form: municipality, round, approach; 400 when missing. */
static int
form_key(const struct web_request *q, struct store_change *c,
    enum web_key id_key)
{
	if (q->field[KEY_GEMEENTE] == NULL || q->field[KEY_JAAR] == NULL ||
	    q->field[KEY_AANPAK] == NULL || q->field[id_key] == NULL ||
	    *q->field[id_key] == '\0' ||
	    q->field[KEY_VERSIE] == NULL)
		return -1;
	c->key.municipality = q->field[KEY_GEMEENTE];
	c->key.round = q->jaar;
	c->key.approach = q->field[KEY_AANPAK];
	c->key.indicator = q->field[id_key];
	c->actor = &q->actor;
	return 0;
}

/* Leaves said or the refusal for the Ronde page and redirects there. */
static void
back(const struct web_request *q, struct web_response *r, int ok,
    const char *msg)
{
	char *to;

	web_session_flash(q->ctx->sessions, q->sid, ok, msg);
	to = web_href("/ronde", q->field[KEY_GEMEENTE], q->jaar);
	web_redirect(r, to);
	free(to);
}

/* One change through the layer, as cmd_override.c makes it. */
typedef int (*apply_fn)(struct ops *, struct store_change *, long long,
    const struct web_request *, char **, struct diags *);

static void
change(const struct web_request *q, struct web_response *r,
    struct store_change *c, apply_fn apply)
{
	struct store *s;
	struct ops   *x;
	struct diags  d;
	char          at[32], *said = NULL, *msg;
	/* No version: a merge (see web_ronde.c). */
	long long     expected = q->field[KEY_VERSIE] == NULL ? OPS_ANY :
	    strtoll(q->field[KEY_VERSIE], NULL, 10);
	char         *reason = form_text(q->field[KEY_REDEN]);
	/* The layer takes back what it set the key to: the refusal needs it. */
	const char   *approach = c->key.approach, *what = c->key.indicator;

	cli_timestamp(at);
	c->at = at;
	c->reason = reason;
	if ((s = web_open(q, r, 1)) == NULL) {
		free(reason);
		return;
	}
	diags_init(&d);
	x = ops_new(s, q->ctx->cfg->set);
	if (apply(x, c, expected, q, &said, &d) == 0)
		back(q, r, 1, said);
	else {
		c->key.indicator = what;
		if (approach == NULL)
			c->key.approach = NULL;
		msg = refusal(q, s, c, expected, &d);
		back(q, r, 0, msg);
		free(msg);
	}
	ops_free(x);
	free(said);
	free(reason);
	diags_free(&d);
	web_close(q, s);
}

static int
apply_override(struct ops *x, struct store_change *c, long long expected,
    const struct web_request *q, char **said, struct diags *d)
{
	const char *v = q->field[KEY_OORDEEL];
	char       *finding = form_text(q->field[KEY_BEVINDING]);
	char       *letop = form_text(q->field[KEY_LETOP]);
	int         changed = 0, rc;

	if (v != NULL && strcmp(v, "voorstel") == 0)
		c->revert = 1;
	else if (v != NULL && *v != '\0')
		c->verdict = v;
	c->finding = finding;
	c->letop = letop;
	c->no_letop = q->field[KEY_GEEN_LETOP] != NULL;
	rc = ops_override(x, c, expected, said, &changed, d);
	free(finding);
	free(letop);
	return rc;
}

void
web_page_oordeel(const struct web_request *q, struct web_response *r)
{
	struct store_change c;

	memset(&c, 0, sizeof(c));
	if (form_key(q, &c, KEY_INDICATOR) == -1) {
		web_page_error(q, r, 400);
		return;
	}
	change(q, r, &c, apply_override);
}

static int
apply_conclusion(struct ops *x, struct store_change *c, long long expected,
    const struct web_request *q, char **said, struct diags *d)
{
	char *goed = form_text(q->field[KEY_GOED]);
	char *beter = form_text(q->field[KEY_BETER]);
	int   rc;

	rc = ops_conclusion(x, c, goed, beter, expected, said, d);
	free(goed);
	free(beter);
	return rc;
}

void
web_page_conclusie(const struct web_request *q, struct web_response *r)
{
	struct store_change c;

	memset(&c, 0, sizeof(c));
	if (form_key(q, &c, KEY_THEMA) == -1) {
		web_page_error(q, r, 400);
		return;
	}
	change(q, r, &c, apply_conclusion);
}

/* --- review state, merges, dossier texts (step 9: web review) --------- */

static int
apply_state(struct ops *x, struct store_change *c, long long expected,
    const struct web_request *q, char **said, struct diags *d)
{
	return ops_state(x, c, q->field[KEY_STATUS], expected, said, d);
}

void
web_page_status(const struct web_request *q, struct web_response *r)
{
	struct store_change c;

	memset(&c, 0, sizeof(c));
	if (q->field[KEY_GEMEENTE] == NULL || q->field[KEY_JAAR] == NULL ||
	    q->field[KEY_STATUS] == NULL || q->field[KEY_VERSIE] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	c.key.municipality = q->field[KEY_GEMEENTE];
	c.key.round = q->jaar;
	c.key.indicator = "state";   /* the version's key (store.h) */
	c.actor = &q->actor;
	change(q, r, &c, apply_state);
}

static int
apply_merge(struct ops *x, struct store_change *c, long long expected,
    const struct web_request *q, char **said, struct diags *d)
{
	return ops_merge(x, c, q->field[KEY_VAN], q->field[KEY_TOT], expected,
	    said, d);
}

/* A merge (split: the group's version) of van..tot. */
static void
merge(const struct web_request *q, struct web_response *r, int split)
{
	struct store_change c;
	char               *range;

	memset(&c, 0, sizeof(c));
	if (q->field[KEY_GEMEENTE] == NULL || q->field[KEY_JAAR] == NULL ||
	    q->field[KEY_AANPAK] == NULL || q->field[KEY_VAN] == NULL ||
	    q->field[KEY_TOT] == NULL ||
	    (split != (q->field[KEY_VERSIE] != NULL))) {
		web_page_error(q, r, 400);
		return;
	}
	range = xasprintf("%s-%s", q->field[KEY_VAN], q->field[KEY_TOT]);
	c.key.municipality = q->field[KEY_GEMEENTE];
	c.key.round = q->jaar;
	c.key.approach = q->field[KEY_AANPAK];
	c.key.indicator = range;
	c.revert = split;
	c.actor = &q->actor;
	change(q, r, &c, apply_merge);
	free(range);
}

void
web_page_samenvoegen(const struct web_request *q, struct web_response *r)
{
	merge(q, r, 0);
}

void
web_page_splitsen(const struct web_request *q, struct web_response *r)
{
	merge(q, r, 1);
}

static int
apply_dossier(struct ops *x, struct store_change *c, long long expected,
    const struct web_request *q, char **said, struct diags *d)
{
	char *t = form_text(q->field[KEY_TEKST]);
	int   rc;

	rc = ops_dossier_text(x, c, c->key.approach == NULL ? "context" :
	    "description", t, expected, said, d);
	free(t);
	return rc;
}

/* The round's context (no aanpak) or an approach's description. */
void
web_page_dossier(const struct web_request *q, struct web_response *r)
{
	struct store_change c;

	memset(&c, 0, sizeof(c));
	if (q->field[KEY_GEMEENTE] == NULL || q->field[KEY_JAAR] == NULL ||
	    q->field[KEY_TEKST] == NULL || q->field[KEY_VERSIE] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	c.key.municipality = q->field[KEY_GEMEENTE];
	c.key.round = q->jaar;
	c.key.approach = q->field[KEY_AANPAK];
	c.key.indicator = c.key.approach == NULL ? "context" : "-";
	c.actor = &q->actor;
	change(q, r, &c, apply_dossier);
}

/* step 10: approach. The partners filled in, in their order. */
static int
apply_approach(struct ops *x, struct store_change *c, long long expected,
    const struct web_request *q, char **said, struct diags *d)
{
	static const enum web_key keys[] = {
		KEY_PARTNER1, KEY_PARTNER2, KEY_PARTNER3
	};
	const char *partners[3];
	char       *t = form_text(q->field[KEY_TEKST]);
	size_t      i, n = 0;
	int         rc;

	(void)expected;   /* a new approach has no version */
	for (i = 0; i < 3; i++)
		if (q->field[keys[i]] != NULL && *q->field[keys[i]] != '\0')
			partners[n++] = q->field[keys[i]];
	rc = ops_approach_add(x, c, t, partners, n, said, d);
	free(t);
	return rc;
}

void
web_page_aanpak(const struct web_request *q, struct web_response *r)
{
	struct store_change c;

	memset(&c, 0, sizeof(c));
	if (q->field[KEY_GEMEENTE] == NULL || q->field[KEY_JAAR] == NULL ||
	    q->field[KEY_AANPAK] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	c.key.municipality = q->field[KEY_GEMEENTE];
	c.key.round = q->jaar;
	c.key.approach = q->field[KEY_AANPAK];
	c.actor = &q->actor;
	change(q, r, &c, apply_approach);
}

/* --- Logboek ------------------------------------------------------------ */

struct log_ctx {
	const struct web_request *q;
	const char               *indicator;   /* NULL: all */
	struct web_buf           *out;
	size_t                    n;
};

static void
on_history(void *ctx, const struct store_history_row *h)
{
	struct log_ctx *x = ctx;
	/* No value: the proposal, as "stj history" says. */
	const char     *none = web_text(x->q->ctx->tmpl, "door.voorstel");

	if (x->indicator != NULL && (h->indicator == NULL ||
	    strcmp(h->indicator, x->indicator) != 0))
		return;
	x->n++;
	{
		struct web_var v[] = {
			{ "wanneer", h->at != NULL ? h->at : "", NULL },
			{ "wie", h->who != NULL ? h->who : "", NULL },
			{ "aanpak", h->approach != NULL ? h->approach : "", NULL },
			{ "indicator", h->indicator != NULL ? h->indicator : "",
			    NULL },
			{ "veld", h->field != NULL ? h->field : "", NULL },
			{ "oud", h->old_value != NULL ? h->old_value : none,
			    NULL },
			{ "nieuw", h->new_value != NULL ? h->new_value : none,
			    NULL },
			{ "reden", h->reason != NULL ? h->reason : "", NULL },
		};
		web_render(x->out, x->q->ctx->tmpl, TMPL_LOGBOEK_ROW, v,
		    NVARS(v));
	}
}

void
web_page_logboek(const struct web_request *q, struct web_response *r)
{
	struct web_buf rows = { 0 }, body = { 0 };
	struct log_ctx x = { q, NULL, &rows, 0 };
	struct store  *s;
	struct diags   d;
	const char    *mun = q->field[KEY_GEMEENTE];
	char           jaar[16], *title, *ronde;

	if (mun == NULL || q->field[KEY_JAAR] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	if (q->field[KEY_INDICATOR] != NULL && *q->field[KEY_INDICATOR] != '\0')
		x.indicator = q->field[KEY_INDICATOR];
	if ((s = web_open(q, r, 0)) == NULL)
		return;
	diags_init(&d);
	if (store_resolve_municipality(s, &mun, &d) == -1 ||
	    store_history(s, mun, q->jaar, on_history, &x, &d) == -1) {
		web_page_error(q, r, 404);
		goto out;
	}
	snprintf(jaar, sizeof(jaar), "%d", q->jaar);
	title = xasprintf("%s %s — %s", mun, jaar,
	    web_text(q->ctx->tmpl, "logboek.titel"));
	ronde = web_href("/ronde", mun, q->jaar);
	{
		struct web_var v[] = {
			{ "gemeente", mun, NULL },
			{ "jaar", jaar, NULL },
			{ "ronde", ronde, NULL },
			{ "indicator", x.indicator != NULL ? x.indicator : "",
			    NULL },
			{ "leeg", x.n == 0 ? web_text(q->ctx->tmpl,
			    "logboek.leeg") : "", NULL },
			{ "rijen", NULL, &rows },
		};
		web_render(&body, q->ctx->tmpl, TMPL_LOGBOEK, v, NVARS(v));
	}
	web_page(q, r, 200, title, &body);
	free(title);
	free(ronde);
out:
	diags_free(&d);
	web_buf_free(&rows);
	web_buf_free(&body);
	web_close(q, s);
}

/* -- step 11: front page -------------------------------------------------- */

/*
 * The round's own front-page texts: the introduction (multiline, its CRs
 * dropped) and the publication date. The layer checks the actor, the
 * date's month and day, the version ("intro" or "published" of the
 * round) and the lock of a vastgesteld round, as for "stj dossier".
 */
static int
apply_front(struct ops *x, struct store_change *c, long long expected,
    const struct web_request *q, char **said, struct diags *d)
{
	const char *field = c->key.indicator;
	char       *t = strcmp(field, "intro") == 0 ?
	    form_text(q->field[KEY_TEKST]) : form_text(q->field[KEY_DATUM]);
	int         rc;

	rc = ops_dossier_text(x, c, field, t, expected, said, d);
	free(t);
	return rc;
}

static void
front(const struct web_request *q, struct web_response *r,
    const char *field, enum web_key value)
{
	struct store_change c;

	memset(&c, 0, sizeof(c));
	if (q->field[KEY_GEMEENTE] == NULL || q->field[KEY_JAAR] == NULL ||
	    q->field[value] == NULL || q->field[KEY_VERSIE] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	c.key.municipality = q->field[KEY_GEMEENTE];
	c.key.round = q->jaar;
	c.key.indicator = field;   /* the version's key, as ops.h has it */
	c.actor = &q->actor;
	change(q, r, &c, apply_front);
}

void
web_page_inleiding(const struct web_request *q, struct web_response *r)
{
	front(q, r, "intro", KEY_TEKST);
}

void
web_page_publicatie(const struct web_request *q, struct web_response *r)
{
	front(q, r, "published", KEY_DATUM);
}
