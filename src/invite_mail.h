/*
 * invite_mail: the invitation texts and how they leave stj.
 *
 * Owns: the Dutch invitation template (templates/uitnodiging.txt: a
 * subject line, a blank line, the text; fields in braces), filling it for
 * one invitation, the CSV rows a mail merge reads, the RFC 5322 message
 * (UTF-8, quoted-printable text, encoded-word subject), and sending one
 * through libcurl's SMTP. Never prints; diagnostics as everywhere.
 */
#ifndef STJ_INVITE_MAIL_H
#define STJ_INVITE_MAIL_H

#include <stdio.h>

#include "diag.h"
#include "invite.h"

struct invite_template;

/* Loads and checks the template at path (unknown fields refused). */
struct invite_template *invite_template_load(const char *path,
    struct diags *d);
/* invite_template_free(NULL) is a no-op. */
void invite_template_free(struct invite_template *t);

/* One invitation's text; free with invite_text_clear(). */
struct invite_text {
	char *subject;   /* one line */
	char *body;      /* lines ending in "\n" */
};

/*
 * Fills t for inv: {gemeente} {ronde} {aanpak} {rol} {organisatie}
 * {link} {verloopt} (dd-mm-jjjj) {vragen} (questions asked of the role).
 */
void invite_text_make(const struct invite_template *t,
    const struct invitation *inv, const char *link, size_t questions,
    struct invite_text *out);
void invite_text_clear(struct invite_text *t);

/* The CSV header of invite_csv_row() (RFC 4180, CRLF). */
void invite_csv_header(FILE *f);
void invite_csv_row(FILE *f, const struct invitation *inv, const char *link,
    const struct invite_text *t);

/*
 * 0 when from is "Name <addr>" or "addr" in printable ASCII; the address
 * alone in addr (size 256). -1 otherwise.
 */
int invite_mail_from(const char *from, char addr[256]);
/*
 * The RFC 5322 message (CRLF line ends) from from to inv->email (no To
 * header when NULL), dated now (ISO 8601 UTC). New string.
 */
char *invite_mail_message(const char *from, const struct invitation *inv,
    const struct invite_text *t, const char *now);

/* A connection to an SMTP server, reused for every message. */
struct invite_mailer;

/*
 * For url: smtp://HOST[:PORT] (STARTTLS required unless HOST is the
 * loopback) or smtps://HOST[:PORT]. Credentials, if any, from ~/.netrc,
 * never the command line. NULL after a diagnostic.
 */
struct invite_mailer *invite_mailer_new(const char *url, struct diags *d);
void invite_mailer_free(struct invite_mailer *m);
/* Sends message from envelope address from to to; -1 after d. */
int invite_mailer_send(struct invite_mailer *m, const char *from,
    const char *to, const char *message, struct diags *d);

/* -- step 10: mail -- */
/*
 * Issuing texts, shared by "stj invitations" and stj serve's Respons
 * page: the one way a text with a link is made and the one way it is
 * sent, so the command line and the browser record the same.
 */
struct invite_run {
	struct store                 *s;
	const struct framework_set   *set;
	const struct invite_template *tpl;
	const char                   *base;  /* "https://host[:port]" of serve */
	const char                   *from;  /* "Name <addr>": messages */
	int                           days;  /* 0: INVITE_DAYS_DEFAULT */
	const struct actor           *actor; /* who issues (invite.h) */
	const char                   *now;
};

/*
 * 1 when inv gets a text: never a revoked or submitted one; remind: one
 * already sent or opened (a reminder), else one neither sent nor opened
 * (the first invitation).
 */
int invite_mail_selected(const struct invitation *inv, int remind);
/* base + "/v/" + token (base's trailing '/' dropped). New string. */
char *invite_mail_link(const char *base, const char *token);
/*
 * A NEW token for inv (invite_reissue: the old link stops working,
 * drafts stay), recorded as sent, and its text in *t and link in *link
 * (new). In the caller's transaction when one is open. -1 after d.
 */
int invite_mail_issue(const struct invite_run *x, const struct invitation *inv,
    struct invite_text *t, char **link, struct diags *d);
/*
 * invite_mail_issue() and the message sent through m, in a transaction
 * of its own committed once the server took the message: a link sent
 * works, one not sent never replaces the link the respondent has. 0
 * sent; 1 skipped (no e-mail address; a note in d); -1 after d.
 */
int invite_mail_send(const struct invite_run *x, struct invite_mailer *m,
    const struct invitation *inv, struct diags *d);

#endif
