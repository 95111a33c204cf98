/*
 * web_respond: a respondent answers online (/v/TOKEN), and the
 * inspector's Respons page that makes and manages the invitations.
 *
 * The questionnaire needs no account: the token in the path is the
 * credential, and every call into invite.h takes that token, so no field
 * of a form can point a respondent at another invitation. The pages are
 * split per theme, at most WEB_RESPOND_PER_PAGE questions a page (the
 * form keys a1..a6 and t1..t6 are the page's slots, so a request stays
 * within the server's field limit); "Opslaan" saves the page as the
 * draft, "Versturen" submits it once, after a confirmation box.
 *
 * CSRF without a session: the forms carry a keyed hash (BLAKE2b,
 * crypto_generichash with a key drawn at start) of the invitation token.
 * Another site cannot compute it without the token, and with the token
 * it needs no forgery; a form of one invitation never passes on
 * another's. The key lives as long as the process: a form loaded before
 * a restart is refused (403) and loads again, as a session's form does.
 */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "invite.h"
#include "invite_mail.h"
#include "round.h"
#include "store.h"
#include "util.h"
#include "web_int.h"

#define NVARS(v) (sizeof(v) / sizeof((v)[0]))

static unsigned char   csrf_key[crypto_generichash_KEYBYTES];
static pthread_once_t  csrf_once = PTHREAD_ONCE_INIT;

static void
csrf_key_make(void)
{
	randombytes_buf(csrf_key, sizeof(csrf_key));
}

void
web_respond_csrf(const char *token, char csrf[WEB_TOKEN_LEN])
{
	unsigned char h[32];

	pthread_once(&csrf_once, csrf_key_make);
	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
	    strlen(token), csrf_key, sizeof(csrf_key));
	sodium_bin2base64(csrf, WEB_TOKEN_LEN, h, sizeof(h),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

static const char *
text(const struct web_request *q, const char *name)
{
	return web_text(q->ctx->tmpl, name);
}

/* A fixed page by the names of its title and text: never the token. */
static void
fixed_page(const struct web_request *q, struct web_response *r,
    unsigned status, const char *key)
{
	struct web_buf body = { 0 };
	char           tkey[64], mkey[64];

	snprintf(tkey, sizeof(tkey), "%s.titel", key);
	snprintf(mkey, sizeof(mkey), "%s.tekst", key);
	{
		struct web_var v[] = {
			{ "titel", text(q, tkey), NULL },
			{ "tekst", text(q, mkey), NULL },
		};
		web_render(&body, q->ctx->tmpl, TMPL_ERROR, v, NVARS(v));
	}
	web_buf_free(&r->body);
	web_page(q, r, status, text(q, tkey), &body);
	web_buf_free(&body);
}

/*
 * Why a link opens nothing: unknown (also a re-issued one's old token)
 * is 404, like any page that does not exist; expired and revoked are
 * 410 Gone: the link existed and will not work again.
 */
static void
refusal_page(const struct web_request *q, struct web_response *r,
    enum invite_refusal why)
{
	switch (why) {
	case INVITE_EXPIRED:
		fixed_page(q, r, 410, "link.verlopen");
		break;
	case INVITE_REVOKED:
		fixed_page(q, r, 410, "link.ingetrokken");
		break;
	default:
		fixed_page(q, r, 404, "link.onbekend");
		break;
	}
}

/* The answers saved so far, by indicator. */
struct saved {
	char  **ind, **value, **toel;
	size_t  n;
};

static void
saved_row(void *ctx, const char *indicator, const char *value,
    const char *toelichting)
{
	struct saved *v = ctx;

	v->ind = xrealloc(v->ind, (v->n + 1) * sizeof(*v->ind));
	v->value = xrealloc(v->value, (v->n + 1) * sizeof(*v->value));
	v->toel = xrealloc(v->toel, (v->n + 1) * sizeof(*v->toel));
	v->ind[v->n] = xstrdup(indicator);
	v->value[v->n] = xstrdup(value != NULL ? value : "");
	v->toel[v->n] = xstrdup(toelichting != NULL ? toelichting : "");
	v->n++;
}

static void
saved_free(struct saved *v)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		free(v->ind[i]);
		free(v->value[i]);
		free(v->toel[i]);
	}
	free(v->ind);
	free(v->value);
	free(v->toel);
}

static size_t
saved_find(const struct saved *v, const char *id)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (strcmp(v->ind[i], id) == 0)
			return i;
	return (size_t)-1;
}

/* Answered: a value or a toelichting. */
static size_t
saved_count(const struct saved *v)
{
	size_t i, k = 0;

	for (i = 0; i < v->n; i++)
		k += *v->value[i] != '\0' || *v->toel[i] != '\0';
	return k;
}

/* The role's questions in framework order, and the pages over them. */
struct page {
	const struct fw_theme *theme;
	size_t                 first, n;     /* into qs */
	size_t                 part, nparts; /* 1-based within the theme */
};

struct paging {
	const struct fw_indicator **qs;
	size_t                      nqs;
	struct page                *p;
	size_t                      np;
};

static void
paging_make(struct paging *g, const struct framework *fw, enum role role)
{
	size_t t, c, i, start, k, parts, j;

	memset(g, 0, sizeof(*g));
	g->qs = xcalloc(fw->nindicators + 1, sizeof(*g->qs));
	g->p = xcalloc(fw->nindicators + 1, sizeof(*g->p));
	for (t = 0; t < fw->nthemes; t++) {
		const struct fw_theme *th = &fw->themes[t];

		start = g->nqs;
		for (c = 0; c < th->ncriteria; c++)
			for (i = 0; i < th->criteria[c].nindicators; i++)
				if (th->criteria[c].indicators[i].question[role]
				    != NULL)
					g->qs[g->nqs++] =
					    &th->criteria[c].indicators[i];
		if ((k = g->nqs - start) == 0)
			continue;
		/* Even parts: 14 questions are 5, 5 and 4, not 6, 6, 2. */
		parts = (k + WEB_RESPOND_PER_PAGE - 1) / WEB_RESPOND_PER_PAGE;
		for (j = 0; j < parts; j++) {
			struct page *p = &g->p[g->np++];

			p->theme = th;
			p->first = start + k * j / parts;
			p->n = start + k * (j + 1) / parts - p->first;
			p->part = j + 1;
			p->nparts = parts;
		}
	}
}

static void
paging_free(struct paging *g)
{
	free(g->qs);
	free(g->p);
}

/* What a questionnaire page shows. */
struct vl {
	const struct web_request *q;
	const struct invitation  *inv;
	struct saved              sv;
	struct paging             g;
	size_t                    deel;     /* 0-based page */
	int                       done;     /* submitted: read-only */
	const char               *msg;      /* NULL or a text to show */
	int                       msg_ok;
};

static void
radios(const struct vl *x, const struct fw_question *fq, size_t slot,
    const char *value, struct web_buf *out)
{
	size_t i;
	char   name[24];

	snprintf(name, sizeof(name), "a%zu", slot + 1);
	for (i = 0; i < fq->scale->noptions; i++) {
		const char *code = answer_code(fq->scale->options[i].code);
		struct web_var v[] = {
			{ "naam", name, NULL },
			{ "waarde", code, NULL },
			{ "label", fq->scale->options[i].label, NULL },
			{ "checked", strcmp(code, value) == 0 ? "checked" : "",
			    NULL },
		};
		web_render(out, x->q->ctx->tmpl, TMPL_VRAGENLIJST_OPTIE, v,
		    NVARS(v));
	}
}

/* A label of the answer code as the scale prints it. */
static const char *
answer_label(const struct fw_question *fq, const char *value)
{
	size_t i;

	for (i = 0; i < fq->scale->noptions; i++)
		if (strcmp(answer_code(fq->scale->options[i].code), value) ==
		    0)
			return fq->scale->options[i].label;
	return "";
}

static void
question(const struct vl *x, size_t slot, const struct fw_indicator *ind,
    struct web_buf *out)
{
	const struct fw_question *fq = ind->question[x->inv->role];
	size_t      at = saved_find(&x->sv, ind->id);
	const char *value = at != (size_t)-1 ? x->sv.value[at] : "";
	const char *toel = at != (size_t)-1 ? x->sv.toel[at] : "";
	struct web_buf opts = { 0 };
	char   aname[24], tname[24];

	snprintf(aname, sizeof(aname), "a%zu", slot + 1);
	snprintf(tname, sizeof(tname), "t%zu", slot + 1);
	if (!x->done)
		radios(x, fq, slot, value, &opts);
	{
		struct web_var v[] = {
			{ "id", ind->id, NULL },
			{ "criterium", ind->criterion->text, NULL },
			{ "vraag", fq->text, NULL },
			{ "opties", NULL, &opts },
			{ "naam", aname, NULL },
			{ "tnaam", tname, NULL },
			{ "prompt", fq->toelichting != NULL ? fq->toelichting :
			    text(x->q, "vragenlijst.toelichting"), NULL },
			{ "toelichting", toel, NULL },
			{ "antwoord", *value != '\0' ? answer_label(fq, value) :
			    text(x->q, "vragenlijst.leeg"), NULL },
		};
		web_render(out, x->q->ctx->tmpl, x->done ?
		    TMPL_VRAGENLIJST_VAST : TMPL_VRAGENLIJST_VRAAG, v,
		    NVARS(v));
	}
	web_buf_free(&opts);
}

/* The links to every page, the current one marked. */
static void
parts_nav(const struct vl *x, struct web_buf *out)
{
	size_t i;

	for (i = 0; i < x->g.np; i++) {
		const struct page *p = &x->g.p[i];
		char href[80], label[160];

		snprintf(href, sizeof(href), "/v/%s?deel=%zu", x->q->invite,
		    i + 1);
		if (p->nparts > 1)
			snprintf(label, sizeof(label), "%s %s (%zu/%zu)",
			    p->theme->id, p->theme->name, p->part, p->nparts);
		else
			snprintf(label, sizeof(label), "%s %s", p->theme->id,
			    p->theme->name);
		{
			struct web_var v[] = {
				{ "href", href, NULL },
				{ "label", label, NULL },
				{ "huidig", i == x->deel ? "page" : "false",
				    NULL },
			};
			web_render(out, x->q->ctx->tmpl,
			    TMPL_VRAGENLIJST_DEEL, v, NVARS(v));
		}
	}
}

static void
vl_render(const struct vl *x, struct web_response *r, unsigned status)
{
	const struct page *p = &x->g.p[x->deel];
	struct web_buf nav = { 0 }, qs = { 0 }, tail = { 0 }, body = { 0 },
	               flash = { 0 };
	char   action[80], deel[16], progress[120], kop[160];
	size_t i;

	parts_nav(x, &nav);
	for (i = 0; i < p->n; i++)
		question(x, i, x->g.qs[p->first + i], &qs);
	snprintf(action, sizeof(action), "/v/%s", x->q->invite);
	snprintf(deel, sizeof(deel), "%zu", x->deel + 1);
	snprintf(progress, sizeof(progress), "%zu %s %zu %s",
	    saved_count(&x->sv), text(x->q, "vragenlijst.van"), x->g.nqs,
	    text(x->q, "vragenlijst.beantwoord"));
	snprintf(kop, sizeof(kop), "%s %s: %s", text(x->q, "thema"),
	    p->theme->id, p->theme->name);
	if (x->done) {
		struct web_var v[] = {
			{ "verstuurd", x->inv->submitted != NULL ?
			    x->inv->submitted : "", NULL },
		};
		web_render(&tail, x->q->ctx->tmpl, TMPL_VRAGENLIJST_KLAAR, v,
		    NVARS(v));
	} else if (x->deel + 1 == x->g.np)
		web_render(&tail, x->q->ctx->tmpl, TMPL_VRAGENLIJST_STUUR,
		    NULL, 0);
	if (x->msg != NULL) {
		struct web_var v[] = {
			{ "klasse", x->msg_ok ? "ok" : "fout", NULL },
			{ "tekst", x->msg, NULL },
		};
		web_render(&flash, x->q->ctx->tmpl, TMPL_FLASH, v, NVARS(v));
	}
	{
		struct web_var v[] = {
			{ "organisatie", x->inv->organisation, NULL },
			{ "aanpak", x->inv->approach, NULL },
			{ "gemeente", x->inv->municipality, NULL },
			{ "rol", role_name(x->inv->role), NULL },
			{ "verloopt", x->inv->expires, NULL },
			{ "voortgang", progress, NULL },
			{ "melding", NULL, &flash },
			{ "delen", NULL, &nav },
			{ "kop", kop, NULL },
			{ "vragen", NULL, &qs },
			{ "actie", action, NULL },
			{ "csrf", x->q->csrf, NULL },
			{ "deel", deel, NULL },
			{ "slot", NULL, &tail },
			{ "vast", x->done ? "vast" : "", NULL },
			{ "verborgen", x->done ? "hidden" : "", NULL },
		};
		web_render(&body, x->q->ctx->tmpl, TMPL_VRAGENLIJST, v,
		    NVARS(v));
	}
	web_page(x->q, r, status, text(x->q, "vragenlijst.titel"), &body);
	web_buf_free(&nav);
	web_buf_free(&qs);
	web_buf_free(&tail);
	web_buf_free(&body);
	web_buf_free(&flash);
}

/*
 * Opens the invitation of the request's token (recording the first
 * opening) and reads its answers into x; 0, or -1 after the page that
 * says why (refused, or 500).
 */
static int
vl_load(struct vl *x, struct store *s, const char *now,
    struct invitation **inv, struct web_response *r)
{
	const struct web_request *q = x->q;
	enum invite_refusal       why = INVITE_OK;
	struct diags              d;
	int                       rc;

	diags_init(&d);
	rc = invite_find(s, q->ctx->cfg->set, q->invite, now, 1, inv, &why,
	    &d);
	if (rc == 0 && *inv != NULL && (*inv)->fw != NULL)
		rc = invite_answers(s, q->invite, now, saved_row, &x->sv, &why,
		    &d);
	diags_free(&d);
	if (rc == -1 && why == INVITE_OK) {
		web_page_error(q, r, 500);
		return -1;
	}
	if (*inv == NULL || (*inv)->fw == NULL) {
		refusal_page(q, r, *inv == NULL ? why : INVITE_UNKNOWN);
		return -1;
	}
	x->inv = *inv;
	x->done = (*inv)->state == INVITE_SUBMITTED;
	paging_make(&x->g, (*inv)->fw, (*inv)->role);
	x->deel = q->field[KEY_DEEL] != NULL ?
	    (size_t)atoi(q->field[KEY_DEEL]) - 1 : 0;
	if (x->g.np == 0 || x->deel >= x->g.np) {
		fixed_page(q, r, 404, "link.onbekend");
		return -1;
	}
	return 0;
}

static void
vl_free(struct vl *x, struct invitation *inv)
{
	saved_free(&x->sv);
	paging_free(&x->g);
	invitation_free(inv);
}

void
web_page_vragenlijst(const struct web_request *q, struct web_response *r)
{
	struct vl          x;
	struct invitation *inv = NULL;
	struct store      *s;
	char               now[32];

	if (q->invite == NULL) {
		fixed_page(q, r, 404, "link.onbekend");
		return;
	}
	memset(&x, 0, sizeof(x));
	x.q = q;
	cli_timestamp(now);
	if ((s = web_open(q, r, 1)) == NULL)
		return;
	if (vl_load(&x, s, now, &inv, r) == 0) {
		if (q->field[KEY_OPGESLAGEN] != NULL) {
			x.msg = text(q, "vragenlijst.opgeslagen");
			x.msg_ok = 1;
		}
		vl_render(&x, r, 200);
	}
	vl_free(&x, inv);
	web_close(q, s);
}

/* A form's text without the CR of a browser's line breaks. */
static char *
no_cr(const char *s)
{
	char *out, *o;

	if (s == NULL)
		s = "";
	out = o = xstrdup(s);
	for (; *s != '\0'; s++)
		if (*s != '\r')
			*o++ = *s;
	*o = '\0';
	return out;
}

/* The diagnostics as one message ("; " between). New string. */
static char *
diag_text(const struct diags *d)
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

/* Saves the page's answers, then submits when asked and confirmed. */
static int
vl_save(struct vl *x, struct store *s, const char *now, char **msg)
{
	const struct web_request *q = x->q;
	const struct page        *p = &x->g.p[x->deel];
	struct invite_answer      a[WEB_RESPOND_PER_PAGE];
	char                     *toel[WEB_RESPOND_PER_PAGE];
	enum invite_refusal       why = INVITE_OK;
	struct diags              d;
	size_t                    i;
	int                       rc;

	for (i = 0; i < p->n; i++) {
		toel[i] = no_cr(q->field[KEY_T1 + i]);
		a[i].indicator = x->g.qs[p->first + i]->id;
		a[i].value = q->field[KEY_A1 + i] != NULL ?
		    q->field[KEY_A1 + i] : "";
		a[i].toelichting = toel[i];
	}
	diags_init(&d);
	rc = invite_save_draft(s, q->ctx->cfg->set, q->invite, now, a, p->n,
	    &why, &d);
	if (rc == 0 && q->field[KEY_ACTIE] != NULL &&
	    strcmp(q->field[KEY_ACTIE], "versturen") == 0) {
		if (q->field[KEY_BEVESTIG] == NULL) {
			*msg = xstrdup(text(q, "vragenlijst.bevestig"));
			rc = 1;
		} else
			rc = invite_submit(s, q->ctx->cfg->set, q->invite, now,
			    &why, &d);
	}
	if (rc == -1)
		*msg = diag_text(&d);
	diags_free(&d);
	for (i = 0; i < p->n; i++)
		free(toel[i]);
	return rc;
}

/* The answers as stored, after a refused save (which changed none). */
static void
reload(struct vl *x, struct store *s, const char *now)
{
	enum invite_refusal why;
	struct diags        d;

	saved_free(&x->sv);
	memset(&x->sv, 0, sizeof(x->sv));
	diags_init(&d);
	invite_answers(s, x->q->invite, now, saved_row, &x->sv, &why, &d);
	diags_free(&d);
}

void
web_page_vragenlijst_post(const struct web_request *q,
    struct web_response *r)
{
	struct vl          x;
	struct invitation *inv = NULL;
	struct store      *s;
	char               now[32], *msg = NULL, *to;
	int                rc;

	memset(&x, 0, sizeof(x));
	x.q = q;
	cli_timestamp(now);
	if ((s = web_open(q, r, 1)) == NULL)
		return;
	if (vl_load(&x, s, now, &inv, r) == -1)
		goto out;
	if (x.done) {
		/* Read-only: nothing is saved; the page says so. */
		vl_render(&x, r, 409);
		goto out;
	}
	if ((rc = vl_save(&x, s, now, &msg)) != 0) {
		/* Refused: the page again with why, as it is stored. */
		reload(&x, s, now);
		x.msg = msg;
		vl_render(&x, r, 400);
		goto out;
	}
	if (q->field[KEY_ACTIE] != NULL &&
	    strcmp(q->field[KEY_ACTIE], "versturen") == 0)
		to = xasprintf("/v/%s", q->invite);
	else
		to = xasprintf("/v/%s?deel=%zu&opgeslagen=1", q->invite,
		    x.deel + 1);
	web_redirect(r, to);
	free(to);
out:
	free(msg);
	vl_free(&x, inv);
	web_close(q, s);
}

/* -- the inspector's Respons page -- */

/* The state as the Respons page names it (the texts' keys). */
static const char *
state_key(const struct invitation *inv, const char *now)
{
	if (inv->revoked != NULL)
		return "respons.ingetrokken";
	if (inv->state == INVITE_SUBMITTED)
		return "respons.verstuurd";
	if (strcmp(inv->expires, now) <= 0)
		return "respons.verlopen";
	switch (inv->state) {
	case INVITE_OPENED: return "respons.geopend";
	case INVITE_DRAFT:  return "respons.concept";
	default:            return "respons.uitgenodigd";
	}
}

/* "2013-06-01 00:00" of "2013-06-01T00:00:00Z"; "" for NULL. */
static void
short_time(const char *t, char out[20])
{
	snprintf(out, 20, "%.16s", t != NULL ? t : "");
	if (strlen(out) > 10 && out[10] == 'T')
		out[10] = ' ';
}

struct rs {
	const struct web_request *q;
	const char               *mun, *now;
	char                      jaar[16];
	const char               *approach;    /* rows of this one */
	struct web_buf            rows;
	size_t                    n;
	size_t                    nsend, nremind;  /* step 10: mail */
};

static void
rs_row(void *ctx, const struct invitation *inv)
{
	struct rs *x = ctx;
	char       id[24], made[20], opened[20], sent[20], expires[20];

	if (strcmp(inv->approach, x->approach) != 0)
		return;
	x->nsend += invite_mail_selected(inv, 0);
	x->nremind += invite_mail_selected(inv, 1);
	snprintf(id, sizeof(id), "%lld", inv->id);
	short_time(inv->created, made);
	short_time(inv->opened, opened);
	short_time(inv->submitted, sent);
	short_time(inv->expires, expires);
	{
		struct web_var v[] = {
			{ "id", id, NULL },
			{ "rol", role_name(inv->role), NULL },
			{ "organisatie", inv->organisation, NULL },
			{ "email", inv->email != NULL ? inv->email : "", NULL },
			{ "staat", text(x->q, state_key(inv, x->now)), NULL },
			{ "gemaakt", made, NULL },
			{ "geopend", opened, NULL },
			{ "verstuurd", sent, NULL },
			{ "verloopt", expires, NULL },
			{ "gemeente", x->mun, NULL },
			{ "jaar", x->jaar, NULL },
			{ "csrf", x->q->csrf, NULL },
			{ "heropen", inv->state == INVITE_SUBMITTED ? "" :
			    "hidden", NULL },
			{ "open", inv->state == INVITE_SUBMITTED ? "hidden" :
			    "", NULL },
			{ "intrek", inv->state == INVITE_SUBMITTED ||
			    inv->revoked != NULL ? "hidden" : "", NULL },
		};
		web_render(&x->rows, x->q->ctx->tmpl, TMPL_RESPONS_RIJ, v,
		    NVARS(v));
	}
	x->n++;
}

static int
rs_approach(struct rs *x, struct store *s, const char *name,
    struct web_buf *out)
{
	struct diags d;
	int          round = x->q->jaar, rc;

	x->approach = name;
	x->n = x->nsend = x->nremind = 0;
	web_buf_free(&x->rows);
	diags_init(&d);
	rc = invite_list(s, x->mun, &round, rs_row, x, &d);
	diags_free(&d);
	if (rc == -1)
		return -1;
	{
		struct web_var v[] = {
			{ "aanpak", name, NULL },
			{ "rijen", NULL, &x->rows },
			{ "leeg", x->n == 0 ? "" : "hidden", NULL },
			{ "tabel", x->n == 0 ? "hidden" : "", NULL },
			/* -- step 10: mail -- */
			{ "gemeente", x->mun, NULL },
			{ "jaar", x->jaar, NULL },
			{ "csrf", x->q->csrf, NULL },
			{ "versturen", x->nsend == 0 ? "hidden" : "", NULL },
			{ "herinneren", x->nremind == 0 ? "hidden" : "", NULL },
			{ "knop_versturen", text(x->q,
			    x->q->ctx->cfg->smtp != NULL ? "mail.knop.versturen" :
			    "mail.knop.versturen.bestand"), NULL },
			{ "knop_herinneren", text(x->q,
			    x->q->ctx->cfg->smtp != NULL ? "mail.knop.herinneren" :
			    "mail.knop.herinneren.bestand"), NULL },
		};
		web_render(out, x->q->ctx->tmpl, TMPL_RESPONS_AANPAK, v,
		    NVARS(v));
	}
	return 0;
}

void
web_page_respons(const struct web_request *q, struct web_response *r)
{
	struct round_view v;
	struct rs         x;
	struct store     *s;
	struct diags      d;
	struct web_buf    body = { 0 }, list = { 0 }, opts = { 0 },
	                  flash = { 0 };
	char              now[32], *ronde = NULL;
	size_t            i;
	int               bad = 0;

	memset(&x, 0, sizeof(x));
	x.q = q;
	x.mun = q->field[KEY_GEMEENTE];
	if (x.mun == NULL || q->field[KEY_JAAR] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	if ((s = web_open(q, r, 0)) == NULL)
		return;
	cli_timestamp(now);
	x.now = now;
	diags_init(&d);
	memset(&v, 0, sizeof(v));
	if (store_resolve_municipality(s, &x.mun, &d) == -1 ||
	    round_view_load(&v, q->ctx->cfg->set, s, x.mun, q->jaar, &d) ==
	    -1) {
		web_page_error(q, r, 404);
		goto out;
	}
	snprintf(x.jaar, sizeof(x.jaar), "%d", v.round);
	for (i = 0; i < v.n && !bad; i++) {
		struct web_var ov[] = {
			{ "naam", v.approaches[i].name, NULL },
		};

		bad = rs_approach(&x, s, v.approaches[i].name, &list) == -1;
		web_render(&opts, q->ctx->tmpl, TMPL_RESPONS_OPTIE, ov,
		    NVARS(ov));
	}
	if (bad) {
		web_page_error(q, r, 500);
		goto out;
	}
	web_flash(q, &flash);
	ronde = web_href("/ronde", x.mun, v.round);
	{
		struct web_var pv[] = {
			{ "gemeente", x.mun, NULL },
			{ "jaar", x.jaar, NULL },
			{ "ronde", ronde, NULL },
			{ "melding", NULL, &flash },
			{ "aanpakken", NULL, &list },
			{ "opties", NULL, &opts },
			{ "csrf", q->csrf, NULL },
			/* -- step 10: mail -- */
			{ "direct", q->ctx->cfg->smtp != NULL ? "" : "hidden",
			    NULL },
		};
		web_render(&body, q->ctx->tmpl, TMPL_RESPONS, pv, NVARS(pv));
	}
	web_page(q, r, 200, text(q, "respons.titel"), &body);
out:
	free(ronde);
	web_buf_free(&x.rows);
	web_buf_free(&body);
	web_buf_free(&list);
	web_buf_free(&opts);
	web_buf_free(&flash);
	round_view_free(&v);
	diags_free(&d);
	web_close(q, s);
}

/* Leaves msg for the Respons page and redirects there. */
static void
rs_back(const struct web_request *q, struct web_response *r, int ok,
    const char *msg)
{
	char *to;

	web_session_flash(q->ctx->sessions, q->sid, ok, msg);
	to = web_href("/respons", q->field[KEY_GEMEENTE], q->jaar);
	web_redirect(r, to);
	free(to);
}

/* The message that shows a new link, once. */
static void
rs_link(const struct web_request *q, struct web_response *r,
    const char *organisation, const char *token)
{
	char *msg = xasprintf("%s %s: /v/%s", text(q, "respons.link"),
	    organisation, token);

	rs_back(q, r, 1, msg);
	free(msg);
}

static void
rs_refused(const struct web_request *q, struct web_response *r,
    const struct diags *d)
{
	char *msg = diag_text(d);

	rs_back(q, r, 0, msg);
	free(msg);
}

/*
 * step 10: mail. "direct versturen": the first text sent at once with a
 * new link (invite_mail_send); if the server refuses it, the link just
 * made is shown as without the box, with why it was not sent.
 */
static void
rs_direct(const struct web_request *q, struct web_response *r,
    struct store *s, long long id, const char *organisation,
    const char *token)
{
	struct diags d;
	char        *msg, *why;

	diags_init(&d);
	if (web_mail_send_one(q, s, id, &d) == 0) {
		msg = xasprintf("%s %s (%s).", text(q, "mail.direct"),
		    organisation, q->field[KEY_EMAIL]);
		rs_back(q, r, 1, msg);
	} else {
		why = diag_text(&d);
		msg = xasprintf("%s; %s %s: /v/%s", why, text(q,
		    "respons.link"), organisation, token);
		rs_back(q, r, 0, msg);
		free(why);
	}
	free(msg);
	diags_free(&d);
}

void
web_page_respons_uitnodigen(const struct web_request *q,
    struct web_response *r)
{
	struct invite_new n;
	struct store     *s;
	struct diags      d;
	char              now[32], token[INVITE_TOKEN_LEN];
	long long         id;

	if (q->field[KEY_GEMEENTE] == NULL || q->field[KEY_JAAR] == NULL ||
	    q->field[KEY_AANPAK] == NULL || q->field[KEY_ROL] == NULL ||
	    q->field[KEY_ORGANISATIE] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	memset(&n, 0, sizeof(n));
	n.municipality = q->field[KEY_GEMEENTE];
	n.round = q->jaar;
	n.approach = q->field[KEY_AANPAK];
	n.role = strcmp(q->field[KEY_ROL], "gemeente") == 0 ?
	    ROLE_GEMEENTE : ROLE_NETWERKPARTNER;
	n.organisation = q->field[KEY_ORGANISATIE];
	n.email = q->field[KEY_EMAIL] != NULL && *q->field[KEY_EMAIL] != '\0' ?
	    q->field[KEY_EMAIL] : NULL;
	n.days = q->field[KEY_DAGEN] != NULL ? atoi(q->field[KEY_DAGEN]) : 0;
	if ((s = web_open(q, r, 1)) == NULL)
		return;
	cli_timestamp(now);
	diags_init(&d);
	if (invite_add(s, &n, &q->actor, now, token, &id, &d) == -1)
		rs_refused(q, r, &d);
	else if (q->field[KEY_DIRECT] != NULL && n.email != NULL &&
	    q->ctx->cfg->smtp != NULL)
		rs_direct(q, r, s, id, n.organisation, token);
	else
		rs_link(q, r, n.organisation, token);
	sodium_memzero(token, sizeof(token));
	diags_free(&d);
	web_close(q, s);
}

/*
 * The invitation of the form's id, when it belongs to the form's
 * municipality and round (else 404: an id says nothing across them).
 */
static struct invitation *
rs_get(const struct web_request *q, struct web_response *r, struct store *s)
{
	struct invitation *inv;
	struct diags       d;
	const char        *mun = q->field[KEY_GEMEENTE];

	if (mun == NULL || q->field[KEY_JAAR] == NULL ||
	    q->field[KEY_ID] == NULL) {
		web_page_error(q, r, 400);
		return NULL;
	}
	diags_init(&d);
	inv = invite_get(s, atoll(q->field[KEY_ID]), &d);
	if (inv != NULL && (store_resolve_municipality(s, &mun, &d) == -1 ||
	    strcmp(inv->municipality, mun) != 0 || inv->round != q->jaar)) {
		invitation_free(inv);
		inv = NULL;
	}
	diags_free(&d);
	if (inv == NULL)
		web_page_error(q, r, 404);
	return inv;
}

/* One change of the Respons page: 0 reissue, 1 revoke, 2 reopen. */
static void
rs_change(const struct web_request *q, struct web_response *r, int what)
{
	struct invitation *inv;
	struct store      *s;
	struct diags       d;
	char               now[32], token[INVITE_TOKEN_LEN];
	int                rc;

	if ((s = web_open(q, r, 1)) == NULL)
		return;
	if ((inv = rs_get(q, r, s)) == NULL) {
		web_close(q, s);
		return;
	}
	cli_timestamp(now);
	diags_init(&d);
	if (what == 0)
		rc = invite_reissue(s, inv->id, q->field[KEY_DAGEN] != NULL ?
		    atoi(q->field[KEY_DAGEN]) : 0, &q->actor, now, token, &d);
	else if (what == 1)
		rc = invite_revoke(s, inv->id, &q->actor, now, &d);
	else
		rc = invite_reopen(s, inv->id, &q->actor, now,
		    q->field[KEY_REDEN] != NULL ? q->field[KEY_REDEN] : "", &d);
	if (rc == -1)
		rs_refused(q, r, &d);
	else if (what == 0)
		rs_link(q, r, inv->organisation, token);
	else
		rs_back(q, r, 1, text(q, what == 1 ? "respons.ingetrokken.ok" :
		    "respons.heropend.ok"));
	sodium_memzero(token, sizeof(token));
	diags_free(&d);
	invitation_free(inv);
	web_close(q, s);
}

void
web_page_respons_opnieuw(const struct web_request *q, struct web_response *r)
{
	rs_change(q, r, 0);
}

void
web_page_respons_intrekken(const struct web_request *q,
    struct web_response *r)
{
	rs_change(q, r, 1);
}

void
web_page_respons_heropenen(const struct web_request *q,
    struct web_response *r)
{
	rs_change(q, r, 2);
}
