/*
 * ratelimit: a fixed window per key. See ratelimit.h.
 */
#include "ratelimit.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* An IPv6 address in text is at most 45 characters. */
#define KEY_MAX 64

struct slot {
	char     key[KEY_MAX];
	unsigned failures;
	time_t   start;   /* the window's */
	time_t   last;    /* last failure: the least recent is reused */
};

struct ratelimit {
	pthread_mutex_t lock;
	unsigned        max;
	long            window;
	size_t          n;
	struct slot    *slots;
};

struct ratelimit *
ratelimit_new(unsigned max, long window, size_t slots)
{
	struct ratelimit *r = xcalloc(1, sizeof(*r));

	pthread_mutex_init(&r->lock, NULL);
	r->max = max;
	r->window = window;
	r->n = slots > 0 ? slots : 1;
	r->slots = xcalloc(r->n, sizeof(*r->slots));
	return r;
}

void
ratelimit_free(struct ratelimit *r)
{
	if (r == NULL)
		return;
	pthread_mutex_destroy(&r->lock);
	free(r->slots);
	free(r);
}

/* The slot of key (lock held); NULL when it has none. */
static struct slot *
find(struct ratelimit *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->slots[i].key[0] != '\0' &&
		    strncmp(r->slots[i].key, key, KEY_MAX - 1) == 0)
			return &r->slots[i];
	return NULL;
}

long
ratelimit_wait(struct ratelimit *r, const char *key, time_t now)
{
	struct slot *s;
	long         wait = 0;

	if (key == NULL || *key == '\0')
		key = "-";
	pthread_mutex_lock(&r->lock);
	if ((s = find(r, key)) != NULL && s->failures >= r->max &&
	    now < s->start + r->window)
		wait = (long)(s->start + r->window - now);
	pthread_mutex_unlock(&r->lock);
	return wait;
}

void
ratelimit_fail(struct ratelimit *r, const char *key, time_t now)
{
	struct slot *s;
	size_t       i;

	if (key == NULL || *key == '\0')
		key = "-";
	pthread_mutex_lock(&r->lock);
	if ((s = find(r, key)) == NULL) {
		s = &r->slots[0];
		for (i = 0; i < r->n && s->key[0] != '\0'; i++)
			if (r->slots[i].key[0] == '\0' ||
			    r->slots[i].last < s->last)
				s = &r->slots[i];
		memset(s, 0, sizeof(*s));
		snprintf(s->key, sizeof(s->key), "%s", key);
		s->start = now;
	}
	if (now >= s->start + r->window) {
		s->start = now;
		s->failures = 0;
	}
	s->failures++;
	s->last = now;
	pthread_mutex_unlock(&r->lock);
}
