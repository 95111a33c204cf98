/*
 * web_session: the one-time login token and the sessions it opens, in
 * memory behind one mutex (the pool's threads share them). Only a hash of
 * the token and of each session id is kept, so what sits in memory does
 * not log anybody in; comparisons take constant time.
 */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "web_int.h"

/*
 * Token mode: a handful of browser tabs. With accounts (step 10) the
 * sessions live in the database and a slot here only holds an account
 * session's flash message: when more are busy at once, the least
 * recently used loses at most a message.
 */
#define SESSIONS_MAX 256

struct session {
	unsigned char hash[crypto_generichash_BYTES];
	char          csrf[WEB_TOKEN_LEN];
	unsigned long used;     /* for evicting the least recently used */
	int           live;
	char         *flash;    /* web_session_flash(); NULL: none */
	int           flash_ok;
};

struct web_sessions {
	pthread_mutex_t lock;
	unsigned char   token_hash[crypto_generichash_BYTES];
	int             token_used;
	struct session  s[SESSIONS_MAX];
	unsigned long   clock;
};

static void
hash(unsigned char out[crypto_generichash_BYTES], const char *s)
{
	crypto_generichash(out, crypto_generichash_BYTES,
	    (const unsigned char *)s, strlen(s), NULL, 0);
}

/* 32 random bytes as url-safe base64 without padding (43 characters). */
static void
random_token(char out[WEB_TOKEN_LEN])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, WEB_TOKEN_LEN, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

struct web_sessions *
web_sessions_new(char token[WEB_TOKEN_LEN])
{
	struct web_sessions *s = xcalloc(1, sizeof(*s));

	pthread_mutex_init(&s->lock, NULL);
	random_token(token);
	hash(s->token_hash, token);
	return s;
}

void
web_sessions_free(struct web_sessions *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < SESSIONS_MAX; i++)
		free(s->s[i].flash);
	pthread_mutex_destroy(&s->lock);
	sodium_memzero(s, sizeof(*s));
	free(s);
}

/* The live session whose id hashes to h, or NULL; lock held. */
static struct session *
lookup(struct web_sessions *s, const unsigned char *h)
{
	size_t i;

	for (i = 0; i < SESSIONS_MAX; i++)
		if (s->s[i].live && sodium_memcmp(s->s[i].hash, h,
		    crypto_generichash_BYTES) == 0)
			return &s->s[i];
	return NULL;
}

/* A free slot, or the least recently used one, emptied; lock held. */
static struct session *
take_slot(struct web_sessions *s)
{
	struct session *slot = &s->s[0];
	size_t          i;

	for (i = 0; i < SESSIONS_MAX; i++) {
		if (!s->s[i].live) {
			slot = &s->s[i];
			break;
		}
		if (s->s[i].used < slot->used)
			slot = &s->s[i];
	}
	free(slot->flash);
	memset(slot, 0, sizeof(*slot));
	return slot;
}

int
web_session_login(struct web_sessions *s, const char *token,
    char sid[WEB_TOKEN_LEN], char csrf[WEB_TOKEN_LEN])
{
	unsigned char   h[crypto_generichash_BYTES];
	struct session *slot;
	int             rc = -1;

	hash(h, token);
	pthread_mutex_lock(&s->lock);
	if (!s->token_used && sodium_memcmp(h, s->token_hash, sizeof(h)) == 0) {
		s->token_used = 1;
		slot = take_slot(s);
		random_token(sid);
		random_token(csrf);
		hash(slot->hash, sid);
		memcpy(slot->csrf, csrf, WEB_TOKEN_LEN);
		slot->used = ++s->clock;
		slot->live = 1;
		rc = 0;
	}
	pthread_mutex_unlock(&s->lock);
	return rc;
}

void
web_session_track(struct web_sessions *s, const char *sid,
    const char csrf[WEB_TOKEN_LEN])
{
	unsigned char   h[crypto_generichash_BYTES];
	struct session *x;

	hash(h, sid);
	pthread_mutex_lock(&s->lock);
	if ((x = lookup(s, h)) == NULL) {
		x = take_slot(s);
		memcpy(x->hash, h, sizeof(h));
		memcpy(x->csrf, csrf, WEB_TOKEN_LEN);
		x->live = 1;
	}
	x->used = ++s->clock;
	pthread_mutex_unlock(&s->lock);
}

int
web_session_find(struct web_sessions *s, const char *sid,
    char csrf[WEB_TOKEN_LEN])
{
	unsigned char   h[crypto_generichash_BYTES];
	struct session *x;

	hash(h, sid);
	pthread_mutex_lock(&s->lock);
	if ((x = lookup(s, h)) != NULL) {
		x->used = ++s->clock;
		memcpy(csrf, x->csrf, WEB_TOKEN_LEN);
	}
	pthread_mutex_unlock(&s->lock);
	return x != NULL ? 0 : -1;
}

void
web_session_end(struct web_sessions *s, const char *sid)
{
	unsigned char   h[crypto_generichash_BYTES];
	struct session *x;

	hash(h, sid);
	pthread_mutex_lock(&s->lock);
	if ((x = lookup(s, h)) != NULL) {
		free(x->flash);
		sodium_memzero(x, sizeof(*x));
	}
	pthread_mutex_unlock(&s->lock);
}

void
web_session_flash(struct web_sessions *s, const char *sid, int ok,
    const char *text)
{
	unsigned char   h[crypto_generichash_BYTES];
	struct session *x;

	hash(h, sid);
	pthread_mutex_lock(&s->lock);
	if ((x = lookup(s, h)) != NULL) {
		free(x->flash);
		x->flash = xstrdup(text);
		x->flash_ok = ok;
	}
	pthread_mutex_unlock(&s->lock);
}

char *
web_session_flash_take(struct web_sessions *s, const char *sid, int *ok)
{
	unsigned char   h[crypto_generichash_BYTES];
	struct session *x;
	char           *text = NULL;

	hash(h, sid);
	pthread_mutex_lock(&s->lock);
	if ((x = lookup(s, h)) != NULL) {
		text = x->flash;
		*ok = x->flash_ok;
		x->flash = NULL;
	}
	pthread_mutex_unlock(&s->lock);
	return text;
}
