/*
 * ratelimit: failed attempts counted per key (a client address) in
 * memory, for stj serve's login: after max failures within a window of
 * seconds, the key waits until the window ends. The lock-out per account
 * is account.h's and lives in the database; this one only lives as long
 * as the process, which is enough to slow a guesser down.
 *
 * Owns: a fixed table of slots behind one mutex (the web's threads share
 * it). When every slot is taken the least recently used is reused: a
 * guesser with more addresses than slots could evict its own count, and
 * then still meets the lock-out of each account.
 */
#ifndef STJ_RATELIMIT_H
#define STJ_RATELIMIT_H

#include <stddef.h>
#include <time.h>

/* For logins: 20 failures per address in 15 minutes (a shared office
 * address has several people who mistype), 4096 addresses tracked. */
#define RATELIMIT_LOGIN_FAILURES 20
#define RATELIMIT_LOGIN_SECONDS (15 * 60)
#define RATELIMIT_LOGIN_SLOTS 4096

struct ratelimit;

struct ratelimit *ratelimit_new(unsigned max, long window, size_t slots);
void ratelimit_free(struct ratelimit *r);
/* 0 when key may try at now; else the seconds it must wait. */
long ratelimit_wait(struct ratelimit *r, const char *key, time_t now);
/* Counts a failure of key at now. */
void ratelimit_fail(struct ratelimit *r, const char *key, time_t now);

#endif
