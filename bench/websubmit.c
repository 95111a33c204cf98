/*
 * websubmit: N respondents answering at once, for make bench and the
 * test mail-concurrent-submit. One thread per invitation token (read
 * from a file, one a line); all start together (a barrier), then each
 * does what a browser does, each request on a new connection:
 *
 *   GET  /v/TOKEN                    the questionnaire (its csrf)
 *   POST /v/TOKEN deel=1 a1..a6=ja   a page saved as the draft (303)
 *   POST /v/TOKEN ... actie=versturen bevestig=1   submitted (303)
 *
 * and times every request from its first byte sent to its last byte
 * read. Prints one line:
 *
 *   REQUESTS SECONDS REQUESTS/S P50_MS P99_MS ERRORS
 *
 * (ERRORS: a status other than the one expected, or a lost connection;
 * each also on standard error). Respondent i connects from 127.0.0.(i+1)
 * (the whole of 127/8 is this machine): respondents come from addresses
 * of their own, and stj serve limits connections per address (64).
 * usage: websubmit HOST:PORT TOKENS-FILE (at most 254 tokens). IPv4
 * only; needs only libc.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BUF_SIZE (256 * 1024)

struct client {
	pthread_t thread;
	struct sockaddr_in from;
	char      token[64];
	double    ms[3];
	int       n, errors;
};

static struct sockaddr_in addr;
static char               host[64];
static pthread_barrier_t  go;

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/*
 * Sends req on a new connection and reads the response (the server
 * closes: Connection: close) into buf. The status, or -1.
 */
static int
exchange(const struct client *c, const char *req, char *buf, double *ms)
{
	size_t have = 0, len = strlen(req), off = 0;
	ssize_t k;
	double t0;
	int    fd, status = -1;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return -1;
	if (bind(fd, (const struct sockaddr *)&c->from, sizeof(c->from)) == -1 ||
	    connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == -1) {
		close(fd);
		return -1;
	}
	t0 = now();
	while (off < len && (k = write(fd, req + off, len - off)) > 0)
		off += (size_t)k;
	while (have < BUF_SIZE - 1 &&
	    (k = read(fd, buf + have, BUF_SIZE - 1 - have)) > 0)
		have += (size_t)k;
	*ms = (now() - t0) * 1000;
	buf[have] = '\0';
	close(fd);
	if (sscanf(buf, "HTTP/1.%*d %d", &status) != 1)
		status = -1;
	return status;
}

static void
expect(struct client *c, int got, int want, const char *what)
{
	if (got == want)
		return;
	c->errors++;
	fprintf(stderr, "websubmit: %s: %d\n", what, got);
}

static void *
respondent(void *vc)
{
	struct client *c = vc;
	char *buf = malloc(BUF_SIZE), req[2048], body[512], csrf[64] = "";
	const char *p;
	int   st;

	pthread_barrier_wait(&go);
	snprintf(req, sizeof(req), "GET /v/%s HTTP/1.1\r\nHost: %s\r\n"
	    "Connection: close\r\n\r\n", c->token, host);
	st = exchange(c, req, buf, &c->ms[c->n++]);
	expect(c, st, 200, "open");
	if (st != 200 || (p = strstr(buf, "name=\"csrf\" value=\"")) == NULL ||
	    sscanf(p + 19, "%63[A-Za-z0-9_-]", csrf) != 1) {
		c->errors += st == 200;
		free(buf);
		return NULL;
	}
	snprintf(body, sizeof(body), "csrf=%s&deel=1&a1=ja&a2=deels&a3=nee&"
	    "a4=ja&a5=ja&a6=ja", csrf);
	snprintf(req, sizeof(req), "POST /v/%s HTTP/1.1\r\nHost: %s\r\n"
	    "Connection: close\r\nContent-Type: application/x-www-form-"
	    "urlencoded\r\nContent-Length: %zu\r\n\r\n%s", c->token, host,
	    strlen(body), body);
	expect(c, exchange(c, req, buf, &c->ms[c->n++]), 303, "save");
	snprintf(body, sizeof(body), "csrf=%s&deel=1&a1=ja&a2=deels&a3=nee&"
	    "a4=ja&a5=ja&a6=ja&actie=versturen&bevestig=1", csrf);
	snprintf(req, sizeof(req), "POST /v/%s HTTP/1.1\r\nHost: %s\r\n"
	    "Connection: close\r\nContent-Type: application/x-www-form-"
	    "urlencoded\r\nContent-Length: %zu\r\n\r\n%s", c->token, host,
	    strlen(body), body);
	expect(c, exchange(c, req, buf, &c->ms[c->n++]), 303, "submit");
	free(buf);
	return NULL;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	struct client *c = NULL;
	size_t         n = 0, i, k, total = 0;
	double         t0, secs, *all;
	char           line[128], *colon;
	long           errors = 0;
	FILE          *f;

	if (argc != 3 || (colon = strchr(argv[1], ':')) == NULL ||
	    (f = fopen(argv[2], "r")) == NULL) {
		fprintf(stderr, "usage: websubmit HOST:PORT TOKENS-FILE\n");
		return 2;
	}
	snprintf(host, sizeof(host), "%s", argv[1]);
	*colon = '\0';
	addr.sin_family = AF_INET;
	addr.sin_port = htons((unsigned short)atoi(colon + 1));
	if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1) {
		fprintf(stderr, "websubmit: %s: no IPv4 address\n", argv[1]);
		return 2;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (*line == '\0')
			continue;
		if (n == 254)
			break;
		c = realloc(c, (n + 1) * sizeof(*c));
		memset(&c[n], 0, sizeof(*c));
		c[n].from.sin_family = AF_INET;
		c[n].from.sin_addr.s_addr = htonl(0x7f000001u + (uint32_t)n);
		snprintf(c[n].token, sizeof(c[n].token), "%.63s", line);
		n++;
	}
	fclose(f);
	if (n == 0)
		return 2;
	pthread_barrier_init(&go, NULL, (unsigned)n + 1);
	for (i = 0; i < n; i++)
		pthread_create(&c[i].thread, NULL, respondent, &c[i]);
	t0 = now();
	pthread_barrier_wait(&go);
	for (i = 0; i < n; i++)
		pthread_join(c[i].thread, NULL);
	secs = now() - t0;
	all = malloc(3 * n * sizeof(*all));
	for (i = 0; i < n; i++) {
		for (k = 0; k < (size_t)c[i].n; k++)
			all[total++] = c[i].ms[k];
		errors += c[i].errors;
	}
	qsort(all, total, sizeof(*all), cmp);
	printf("%zu %.3f %.1f %.2f %.2f %ld\n", total, secs,
	    (double)total / secs, total ? all[total / 2] : 0.0,
	    total ? all[(total * 99) / 100 < total ? (total * 99) / 100 :
	    total - 1] : 0.0, errors);
	free(all);
	free(c);
	return 0;
}
