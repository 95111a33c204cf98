/*
 * web_mail: the Respons page's invitation texts for one approach
 * ("Uitnodigingen versturen", "Herinnering sturen").
 *
 * Every text gets a NEW link (tokens are stored hashed: a link exists
 * only where it is written), exactly as "stj invitations" does: both go
 * through invite_mail_issue() / invite_mail_send() of invite_mail.h, and
 * both record the invitation as sent.
 *
 * With "stj serve --smtp URL --from ADDR" the server sends them itself:
 * each message in a transaction of its own, committed once the SMTP
 * server took it. Without, the response is one CSV file (the columns of
 * "stj invitations --format csv") for the user's own mail merge: one
 * text file rather than .eml files in a zip, because Word's and
 * Thunderbird's mail merge read CSV, it is the format the command line
 * already writes (one function for both), and stj needs no zip writer.
 * Its links are issued in one transaction with the file: the file is
 * the only place they exist, so a reload that posts again replaces them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "invite.h"
#include "invite_mail.h"
#include "store.h"
#include "util.h"
#include "web_int.h"

const char *
web_link_base(const struct web_ctx *ctx)
{
	return atomic_load(&ctx->link_base);
}

/* The ids of the approach's invitations that get a text. */
struct pick {
	const char *approach;
	int         remind;
	long long  *id;
	size_t      n;
};

static void
pick_row(void *vp, const struct invitation *inv)
{
	struct pick *p = vp;

	if (strcmp(inv->approach, p->approach) != 0 ||
	    !invite_mail_selected(inv, p->remind))
		return;
	p->id = xrealloc(p->id, (p->n + 1) * sizeof(*p->id));
	p->id[p->n++] = inv->id;
}

/* The diagnostics as one message ("; " between). New string. */
static char *
joined(const char *head, const struct diags *d)
{
	size_t i, len = strlen(head) + 1;
	char  *msg;

	for (i = 0; i < d->n; i++)
		len += strlen(d->v[i].text) + 2;
	msg = xcalloc(1, len);
	strcat(msg, head);
	for (i = 0; i < d->n; i++) {
		strcat(msg, i > 0 || *head != '\0' ? "; " : "");
		strcat(msg, d->v[i].text);
	}
	return msg;
}

/* Leaves the message for the Respons page and redirects there. */
static void
back(const struct web_request *q, struct web_response *r, int ok,
    const char *msg)
{
	char *to;

	web_session_flash(q->ctx->sessions, q->sid, ok, msg);
	to = web_href("/respons", q->field[KEY_GEMEENTE], q->jaar);
	web_redirect(r, to);
	free(to);
}

/* --smtp: each one sent in its own transaction; the page says how many. */
static void
send_picked(const struct web_request *q, struct web_response *r,
    const struct invite_run *x, const struct pick *p)
{
	struct invite_mailer *m;
	struct invitation    *inv;
	struct diags          d;
	size_t                i, sent = 0, failed = 0;
	char                  head[160], *msg;

	diags_init(&d);
	if ((m = invite_mailer_new(q->ctx->cfg->smtp, &d)) == NULL)
		failed = p->n;
	for (i = 0; m != NULL && i < p->n; i++) {
		if ((inv = invite_get(x->s, p->id[i], &d)) == NULL) {
			failed++;
			continue;
		}
		switch (invite_mail_send(x, m, inv, &d)) {
		case 0:  sent++;   break;
		case -1: failed++; break;
		}
		invitation_free(inv);
	}
	invite_mailer_free(m);
	snprintf(head, sizeof(head), "%s %zu", web_text(q->ctx->tmpl,
	    p->remind ? "mail.herinneringen" : "mail.uitnodigingen"), sent);
	msg = joined(head, &d);
	back(q, r, failed == 0 && d.n == 0, msg);
	free(msg);
	diags_free(&d);
}

/* Without --smtp: the texts as one CSV file, the response itself. */
static void
download_picked(const struct web_request *q, struct web_response *r,
    const struct invite_run *x, const struct pick *p)
{
	struct invite_text t;
	struct invitation *inv;
	struct diags       d;
	FILE              *f;
	char              *buf = NULL, *link, *msg;
	size_t             len = 0, i;
	int                rc;

	diags_init(&d);
	if ((f = open_memstream(&buf, &len)) == NULL) {
		web_page_error(q, r, 500);
		return;
	}
	invite_csv_header(f);
	if ((rc = store_begin(x->s, &d)) == -1) {
		fclose(f);
		free(buf);
		web_page_error(q, r, 500);
		diags_free(&d);
		return;
	}
	for (i = 0; rc == 0 && i < p->n; i++) {
		if ((inv = invite_get(x->s, p->id[i], &d)) == NULL) {
			rc = -1;
			break;
		}
		if ((rc = invite_mail_issue(x, inv, &t, &link, &d)) == 0) {
			invite_csv_row(f, inv, link, &t);
			invite_text_clear(&t);
			free(link);
		}
		invitation_free(inv);
	}
	fclose(f);
	if (store_finish(x->s, rc, &d) == -1) {
		msg = joined("", &d);
		back(q, r, 0, msg);
		free(msg);
		free(buf);
	} else {
		r->status = 200;
		r->body.p = buf;
		r->body.n = r->body.cap = len;
		r->type = "text/csv; charset=utf-8";
		r->disposition = xasprintf("attachment; filename=\"%s-%d.csv\"",
		    p->remind ? "herinneringen" : "uitnodigingen", q->jaar);
	}
	diags_free(&d);
}

/* What the texts of request q need beside the invitations. */
static void
run_init(struct invite_run *x, const struct web_request *q, struct store *s,
    const char *now)
{
	memset(x, 0, sizeof(*x));
	x->s = s;
	x->set = q->ctx->cfg->set;
	x->tpl = q->ctx->cfg->mail_tpl;
	x->base = web_link_base(q->ctx);
	x->from = q->ctx->cfg->from;
	x->actor = &q->actor;
	x->now = now;
}

int
web_mail_send_one(const struct web_request *q, struct store *s, long long id,
    struct diags *d)
{
	struct invite_mailer *m;
	struct invite_run     x;
	struct invitation    *inv;
	char                  now[32];
	int                   rc = -1;

	if (q->ctx->cfg->smtp == NULL || (inv = invite_get(s, id, d)) == NULL)
		return -1;
	cli_timestamp(now);
	run_init(&x, q, s, now);
	if ((m = invite_mailer_new(q->ctx->cfg->smtp, d)) != NULL)
		rc = invite_mail_send(&x, m, inv, d);
	invite_mailer_free(m);
	invitation_free(inv);
	return rc;
}

static void
texts(const struct web_request *q, struct web_response *r, int remind)
{
	struct invite_run x;
	struct pick       p;
	struct store     *s;
	struct diags      d;
	const char       *mun = q->field[KEY_GEMEENTE];
	char              now[32];
	int               round = q->jaar;

	if (mun == NULL || q->field[KEY_JAAR] == NULL ||
	    q->field[KEY_AANPAK] == NULL) {
		web_page_error(q, r, 400);
		return;
	}
	if ((s = web_open(q, r, 1)) == NULL)
		return;
	memset(&p, 0, sizeof(p));
	p.approach = q->field[KEY_AANPAK];
	p.remind = remind;
	diags_init(&d);
	if (store_resolve_municipality(s, &mun, &d) == -1 ||
	    invite_list(s, mun, &round, pick_row, &p, &d) == -1 ||
	    round != q->jaar)
		web_page_error(q, r, 404);
	else if (p.n == 0)
		back(q, r, 0, web_text(q->ctx->tmpl, remind ?
		    "mail.niemand.herinnering" : "mail.niemand.uitnodiging"));
	else {
		cli_timestamp(now);
		run_init(&x, q, s, now);
		if (q->ctx->cfg->smtp != NULL)
			send_picked(q, r, &x, &p);
		else
			download_picked(q, r, &x, &p);
	}
	free(p.id);
	diags_free(&d);
	web_close(q, s);
}

void
web_page_respons_versturen(const struct web_request *q,
    struct web_response *r)
{
	texts(q, r, 0);
}

void
web_page_respons_herinneren(const struct web_request *q,
    struct web_response *r)
{
	texts(q, r, 1);
}
