/*
 * webload: a small HTTP/1.1 load generator for make bench. N clients,
 * each a thread with one keep-alive connection, send GET requests for
 * SECONDS, cycling through the paths given, and time every request from
 * its first byte sent to its last byte read. Prints one line:
 *
 *   REQUESTS SECONDS REQUESTS/S P50_MS P99_MS ERRORS
 *
 * (ERRORS: responses whose status was not 200, and lost connections).
 * Unlike wrk it keeps every latency, so the percentiles are exact, and it
 * needs nothing beyond libc. Each client sends one request before the
 * clock starts: connection set-up is not measured.
 *
 * usage: webload HOST:PORT COOKIE CLIENTS SECONDS PATH...
 * (COOKIE: "sid=..." or "-" for none). IPv4 only.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BUF_SIZE (64 * 1024)

struct client {
	pthread_t  thread;
	int        fd;
	size_t     next;          /* the next path's index */
	double    *ms;            /* latencies */
	size_t     n, cap;
	long       errors;
	char      *buf;
	size_t     have;          /* bytes read past the last response */
};

static struct sockaddr_in addr;
static char             **requests;     /* one per path */
static size_t             nrequests;
static pthread_barrier_t  ready, go;  /* first request made; clock set */
static double             deadline;     /* CLOCK_MONOTONIC seconds */

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int
connect_server(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	if (fd == -1)
		return -1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

static int
send_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w <= 0) {
			if (w == -1 && errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The value of header name in the header block h (NULL: absent). */
static const char *
header(const char *h, const char *name)
{
	size_t      len = strlen(name);
	const char *p = h;

	while ((p = strstr(p, "\r\n")) != NULL) {
		p += 2;
		if (strncasecmp(p, name, len) == 0 && p[len] == ':')
			return p + len + 1;
	}
	return NULL;
}

/*
 * Reads one response; its status in *status. 0, or -1 when the
 * connection failed or the response was not one this client can frame
 * (it only needs Content-Length: libmicrohttpd sends it for a buffer).
 * *close: the server will close the connection.
 */
static int
read_response(struct client *c, int *status, int *close_it)
{
	char       *end;
	const char *v;
	size_t      head, body;
	ssize_t     r;

	for (;;) {
		c->buf[c->have] = '\0';
		if ((end = strstr(c->buf, "\r\n\r\n")) != NULL)
			break;
		if (c->have == BUF_SIZE - 1)
			return -1;
		r = read(c->fd, c->buf + c->have, BUF_SIZE - 1 - c->have);
		if (r <= 0)
			return -1;
		c->have += (size_t)r;
	}
	head = (size_t)(end - c->buf) + 4;
	*end = '\0';
	if (sscanf(c->buf, "HTTP/1.%*d %d", status) != 1 ||
	    (v = header(c->buf, "Content-Length")) == NULL)
		return -1;
	body = strtoul(v, NULL, 10);
	v = header(c->buf, "Connection");
	*close_it = v != NULL && strstr(v, "close") != NULL;
	/* Discard the body: what stays in buf is the next response's. */
	if (c->have - head >= body) {
		memmove(c->buf, c->buf + head + body, c->have - head - body);
		c->have -= head + body;
		return 0;
	}
	body -= c->have - head;
	c->have = 0;
	while (body > 0) {
		r = read(c->fd, c->buf, body < BUF_SIZE ? body : BUF_SIZE);
		if (r <= 0)
			return -1;
		body -= (size_t)r;
	}
	return 0;
}

/*
 * One request on c's connection (made again when lost); its latency in
 * *ms. 0; 1 when the status was not 200; -1 when the connection failed.
 */
static int
one(struct client *c, double *ms)
{
	const char *req = requests[c->next++ % nrequests];
	double      t0;
	int         status = 0, close_it = 0;

	if (c->fd == -1) {
		c->have = 0;
		if ((c->fd = connect_server()) == -1) {
			usleep(1000);
			return -1;
		}
	}
	t0 = now();
	if (send_all(c->fd, req, strlen(req)) == -1 ||
	    read_response(c, &status, &close_it) == -1) {
		close(c->fd);
		c->fd = -1;
		return -1;
	}
	*ms = (now() - t0) * 1e3;
	if (close_it) {
		close(c->fd);
		c->fd = -1;
	}
	return status != 200;
}

static void *
run(void *arg)
{
	struct client *c = arg;
	double         ms;
	int            rc;

	if (one(c, &ms) != 0)
		c->errors++;
	pthread_barrier_wait(&ready);
	pthread_barrier_wait(&go);
	while (now() < deadline) {
		if ((rc = one(c, &ms)) != 0)
			c->errors++;
		if (rc == -1)
			continue;
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 1024;
			if ((c->ms = realloc(c->ms, c->cap * sizeof(double))) ==
			    NULL)
				abort();
		}
		c->ms[c->n++] = ms;
	}
	return NULL;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The p-th percentile by nearest rank. */
static double
percentile(const double *v, size_t n, double p)
{
	size_t k = (size_t)(p / 100.0 * (double)n + 0.999999);

	return n == 0 ? 0 : v[k == 0 ? 0 : k - 1];
}

static int
parse_addr(const char *s)
{
	char host[64];
	const char *colon = strrchr(s, ':');

	if (colon == NULL || (size_t)(colon - s) >= sizeof(host))
		return -1;
	memcpy(host, s, (size_t)(colon - s));
	host[colon - s] = '\0';
	addr.sin_family = AF_INET;
	addr.sin_port = htons((unsigned short)atoi(colon + 1));
	return inet_pton(AF_INET, host, &addr.sin_addr) == 1 ? 0 : -1;
}

int
main(int argc, char **argv)
{
	struct client *cl;
	double        *all, t0, secs;
	size_t         nclients, i, n = 0;
	long           errors = 0;
	int            rc;

	if (argc < 6 || parse_addr(argv[1]) == -1 ||
	    (nclients = strtoul(argv[3], NULL, 10)) == 0) {
		fputs("usage: webload HOST:PORT COOKIE CLIENTS SECONDS "
		    "PATH...\n", stderr);
		return 2;
	}
	secs = atof(argv[4]);
	nrequests = (size_t)argc - 5;
	requests = calloc(nrequests, sizeof(char *));
	for (i = 0; i < nrequests; i++) {
		size_t len = strlen(argv[5 + i]) + strlen(argv[2]) +
		    strlen(argv[1]) + 64;
		requests[i] = malloc(len);
		snprintf(requests[i], len, "GET %s HTTP/1.1\r\nHost: %s\r\n"
		    "%s%s%s\r\n", argv[5 + i], argv[1],
		    strcmp(argv[2], "-") ? "Cookie: " : "",
		    strcmp(argv[2], "-") ? argv[2] : "",
		    strcmp(argv[2], "-") ? "\r\n" : "");
	}
	cl = calloc(nclients, sizeof(*cl));
	pthread_barrier_init(&ready, NULL, (unsigned)nclients + 1);
	pthread_barrier_init(&go, NULL, (unsigned)nclients + 1);
	for (i = 0; i < nclients; i++) {
		cl[i].fd = -1;
		cl[i].next = i;
		if ((cl[i].buf = malloc(BUF_SIZE)) == NULL)
			abort();
		if ((rc = pthread_create(&cl[i].thread, NULL, run, &cl[i])) !=
		    0) {
			fprintf(stderr, "webload: thread: %s\n", strerror(rc));
			return 1;
		}
	}
	/* Each client has made its first request when the clock starts. */
	pthread_barrier_wait(&ready);
	t0 = now();
	deadline = t0 + secs;
	pthread_barrier_wait(&go);
	for (i = 0; i < nclients; i++) {
		pthread_join(cl[i].thread, NULL);
		n += cl[i].n;
		errors += cl[i].errors;
	}
	secs = now() - t0;
	all = malloc((n ? n : 1) * sizeof(double));
	for (n = 0, i = 0; i < nclients; i++) {
		memcpy(all + n, cl[i].ms, cl[i].n * sizeof(double));
		n += cl[i].n;
		free(cl[i].ms);
		free(cl[i].buf);
		if (cl[i].fd != -1)
			close(cl[i].fd);
	}
	qsort(all, n, sizeof(double), cmp);
	printf("%zu %.2f %.0f %.2f %.2f %ld\n", n, secs, (double)n / secs,
	    percentile(all, n, 50), percentile(all, n, 99), errors);
	free(all);
	for (i = 0; i < nrequests; i++)
		free(requests[i]);
	free(requests);
	free(cl);
	return 0;
}
