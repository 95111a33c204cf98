/*
 * pwhash: what one login costs in stj (src/account.c): crypto_pwhash_str
 * _verify of an Argon2id hash made with libsodium's INTERACTIVE limits
 * (t=2, m=64 MiB, p=1), and for comparison with OWASP's minimum for
 * Argon2id (t=2, m=19 MiB). Prints "WALL_MS CPU_MS WALL_MS CPU_MS"
 * (INTERACTIVE, then OWASP's minimum), the best of N verifications each:
 * CPU time is steadier than wall time on a shared machine.
 *
 * usage: pwhash [N]
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double
now(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void
best(unsigned long long ops, size_t mem, int n, double *wall, double *cpu)
{
	static const char pw[] = "wachtwoord-van-twaalf";
	char   h[crypto_pwhash_STRBYTES];
	double w0, c0, w, c;
	int    i;

	*wall = *cpu = 1e9;
	if (crypto_pwhash_str(h, pw, sizeof(pw) - 1, ops, mem) != 0)
		return;
	for (i = 0; i < n; i++) {
		w0 = now(CLOCK_MONOTONIC);
		c0 = now(CLOCK_PROCESS_CPUTIME_ID);
		if (crypto_pwhash_str_verify(h, pw, sizeof(pw) - 1) != 0)
			return;
		w = (now(CLOCK_MONOTONIC) - w0) * 1000;
		c = (now(CLOCK_PROCESS_CPUTIME_ID) - c0) * 1000;
		*wall = w < *wall ? w : *wall;
		*cpu = c < *cpu ? c : *cpu;
	}
}

int
main(int argc, char **argv)
{
	double w1, c1, w2, c2;
	int    n = argc > 1 ? atoi(argv[1]) : 5;

	if (sodium_init() < 0 || n < 1)
		return 1;
	best(crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE, n, &w1, &c1);
	best(2, 19u << 20, n, &w2, &c2);
	printf("%.1f %.1f %.1f %.1f\n", w1, c1, w2, c2);
	return 0;
}
