/*
 * webbare: the limit for stj serve, a bare libmicrohttpd server that
 * answers every GET with one file's bytes from memory, as stj serves its
 * stylesheet: the same daemon options (internal polling thread, a pool of
 * 4 threads, the same connection limits), the same security headers, the
 * response queued on the second call of the handler (libmicrohttpd closes
 * the connection after a response queued on the first). No session, no
 * routing, no database, no template: what is left is the library, the
 * kernel's loopback and the load generator.
 *
 * usage: webbare FILE; prints "PORT" when listening on 127.0.0.1, stops
 * on SIGTERM or SIGINT.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

static char   *body;
static size_t  nbody;

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	static int           first;
	struct MHD_Response *r;
	enum MHD_Result      rc;

	(void)cls, (void)url, (void)method, (void)version, (void)upload;
	(void)upload_size;
	if (*state == NULL) {
		*state = &first;
		return MHD_YES;
	}
	r = MHD_create_response_from_buffer(nbody, body,
	    MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(r, "Content-Security-Policy",
	    "default-src 'self'; script-src 'self'; style-src 'self'; "
	    "img-src 'self'; frame-ancestors 'none'; form-action 'self'; "
	    "base-uri 'none'");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	MHD_add_response_header(r, "Content-Type", "text/css; charset=utf-8");
	rc = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return rc;
}

static int
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	long  n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (body = malloc((size_t)n + 1)) ==
	    NULL || fread(body, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		return -1;
	}
	nbody = (size_t)n;
	fclose(f);
	return 0;
}

int
main(int argc, char **argv)
{
	struct sockaddr_in          sa;
	struct MHD_Daemon          *d;
	const union MHD_DaemonInfo *info;
	sigset_t                    set;
	int                         sig;

	if (argc != 2) {
		fputs("usage: webbare FILE\n", stderr);
		return 2;
	}
	if (slurp(argv[1]) == -1)
		return 1;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO,
	    0, NULL, NULL, on_request, NULL,
	    MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&sa,
	    MHD_OPTION_THREAD_POOL_SIZE, 4u,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024),
	    MHD_OPTION_CONNECTION_TIMEOUT, 30u,
	    MHD_OPTION_CONNECTION_LIMIT, 256u,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, 64u,
	    MHD_OPTION_END);
	if (d == NULL || (info = MHD_get_daemon_info(d,
	    MHD_DAEMON_INFO_BIND_PORT)) == NULL) {
		fputs("webbare: cannot start libmicrohttpd\n", stderr);
		return 1;
	}
	printf("%u\n", (unsigned)info->port);
	fflush(stdout);
	sigwait(&set, &sig);
	MHD_stop_daemon(d);
	free(body);
	return 0;
}
