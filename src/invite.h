/*
 * invite: respondents answer online through an invitation.
 *
 * Owns: the invitations of a round (one per respondent of an approach:
 * role, organisation, optional e-mail), their tokens, the draft answers
 * given through one, and submitting them. A token is 32 random bytes
 * (libsodium), written url-safe base64 (43 characters); only its
 * crypto_generichash is stored, so a link exists only in the output of
 * the call that made it (invite_add, invite_reissue).
 *
 * A respondent holds nothing but a token: every function a respondent's
 * request reaches takes the token and derives the invitation, its round,
 * approach, role and organisation from it, so no parameter can point it
 * at another invitation's data. Submitting stores the answers as an
 * import does (ingest_answer's checks, store_put_response(), the names
 * check, the same limits and import_event row), once: then the
 * invitation is read-only until an inspector reopens it.
 *
 * Times are ISO 8601 UTC strings ("2013-06-01T00:00:00Z") from the front
 * end's clock; the library reads none. The inspector's changes (add,
 * reissue, revoke, reopen, mark sent) take the actor (step 10: actor,
 * actor.h; required): it must be allowed ACT_INVITE on the round as
 * stored, and its name is the invitation_event log's who; an invitation
 * in a round the actor may not see is "no invitation ID". A respondent's
 * own steps are logged under the invitation's organisation.
 *
 * Each function that writes is one transaction, or joins the caller's
 * when one is open (store_begin(): stj invitations re-issues and records
 * many, then writes the file, and commits them together).
 */
#ifndef STJ_INVITE_H
#define STJ_INVITE_H

#include "diag.h"
#include "framework.h"
#include "store.h"

/* A token as text, with its NUL. */
#define INVITE_TOKEN_LEN 44
/* Days a link is valid when the inspector names none. */
#define INVITE_DAYS_DEFAULT 30

enum invite_state {
	INVITE_INVITED,    /* made, never opened */
	INVITE_OPENED,     /* the link was opened */
	INVITE_DRAFT,      /* answers saved, not submitted */
	INVITE_SUBMITTED,  /* stored as the respondent's answers */
};

/* Why a token opens nothing (invite_find). */
enum invite_refusal {
	INVITE_OK,
	INVITE_UNKNOWN,    /* no such token (also: a token re-issued since) */
	INVITE_EXPIRED,
	INVITE_REVOKED,
	INVITE_DONE,       /* already submitted: read-only */
};

struct actor;

struct invitation {
	long long               id;
	char                   *municipality;
	int                     round;
	char                   *approach;
	enum role               role;
	char                   *organisation;
	char                   *email;      /* NULL: none */
	char                   *created, *expires;
	char                   *revoked, *sent, *opened, *submitted; /* NULL */
	enum invite_state       state;
	char                   *framework;  /* "id@version" of the round */
	const struct framework *fw;         /* NULL unless set was given */
};

void invitation_free(struct invitation *inv);
const char *invite_state_name(enum invite_state s);
/* "unknown", "expired", "revoked", "submitted" (for messages, logs). */
const char *invite_refusal_name(enum invite_refusal r);

/* What the inspector asks for. */
struct invite_new {
	const char *municipality;   /* as typed: resolved */
	int         round;          /* 0: the latest */
	const char *approach;       /* as typed: resolved in the round */
	enum role   role;
	const char *organisation;
	const char *email;          /* NULL: none */
	int         days;           /* valid for; 0: INVITE_DAYS_DEFAULT */
};

/*
 * Invites a respondent: the round and its approach must exist; a
 * netwerkpartner must be one the dossier names for the approach (when it
 * names any: its spelling is taken); refused as an import would refuse
 * the answers: a second gemeente, a fourth netwerkpartner, an
 * organisation already invited (not revoked) or already answered. The
 * new token in token (its only copy), the id in *id. One transaction.
 */
int invite_add(struct store *s, const struct invite_new *n,
    const struct actor *actor, const char *now, char token[INVITE_TOKEN_LEN],
    long long *id, struct diags *d);
/*
 * A new token for invitation id (the old one stops working; drafts
 * stay), valid days from now (0: INVITE_DAYS_DEFAULT). A revoked
 * invitation is invited again; a submitted one is refused.
 */
int invite_reissue(struct store *s, long long id, int days,
    const struct actor *actor, const char *now, char token[INVITE_TOKEN_LEN],
    struct diags *d);
/* Its token stops working; drafts stay (invite_reissue revives it). */
int invite_revoke(struct store *s, long long id, const struct actor *actor,
    const char *now, struct diags *d);
/*
 * A submitted invitation becomes a draft again (its answers as they
 * were submitted), to be changed and submitted anew, which replaces the
 * stored answers. reason is required.
 */
int invite_reopen(struct store *s, long long id, const struct actor *actor,
    const char *now, const char *reason, struct diags *d);
/* Records that a text with a link was sent or written for it. */
int invite_mark_sent(struct store *s, long long id,
    const struct actor *actor, const char *now, struct diags *d);

/*
 * Every invitation of a municipality's round (round 0: the latest), by
 * approach (dossier order), role, organisation. *round: the round found.
 */
int invite_list(struct store *s, const char *municipality, int *round,
    void (*row)(void *, const struct invitation *), void *ctx,
    struct diags *d);
/* Invitation id for the inspector's pages (no token); NULL after d. */
struct invitation *invite_get(struct store *s, long long id,
    struct diags *d);

/*
 * The invitation token opens at now: *out (free with invitation_free)
 * when INVITE_OK or INVITE_DONE (read-only), else NULL and the reason.
 * With set, (*out)->fw is the round's framework. open: the first call
 * records that the link was opened (state invited -> opened). -1 on a
 * database error, else 0 and the reason in *why.
 */
int invite_find(struct store *s, const struct framework_set *set,
    const char *token, const char *now, int open, struct invitation **out,
    enum invite_refusal *why, struct diags *d);

/* One answer as a respondent gives it: value as typed ("" or NULL: none). */
struct invite_answer {
	const char *indicator;    /* "1.1.1" */
	const char *value;        /* "ja", "deels", "nee", "weet niet", ... */
	const char *toelichting;  /* NULL or blank: none */
};

/*
 * Saves answers (some of the questionnaire: a page) as the draft of
 * token's invitation, checked as an import checks them (ingest_answer);
 * an answer with neither value nor toelichting clears that question. All
 * or none. Refused unless the token opens (INVITE_OK); *why says why.
 */
int invite_save_draft(struct store *s, const struct framework_set *set,
    const char *token, const char *now, const struct invite_answer *a,
    size_t n, enum invite_refusal *why, struct diags *d);
/*
 * The answers of token's invitation (draft or submitted), by indicator
 * id as text (the caller places them); value is the answer code ("":
 * none). Works for INVITE_DONE too (the read-only view).
 */
int invite_answers(struct store *s, const char *token, const char *now,
    void (*row)(void *, const char *indicator, const char *value,
    const char *toelichting), void *ctx, enum invite_refusal *why,
    struct diags *d);
/*
 * Submits the draft: stored as one respondent's answers exactly as an
 * import stores them (one transaction with the names check), the
 * invitation read-only from then on. Refused unless INVITE_OK.
 */
int invite_submit(struct store *s, const struct framework_set *set,
    const char *token, const char *now, enum invite_refusal *why,
    struct diags *d);

/* A new random token and its hash (for tests and invite.c). */
void invite_token_new(char token[INVITE_TOKEN_LEN]);
/* 1 when s has the form of a token (43 url-safe base64 characters). */
int invite_token_valid(const char *s);

#endif
