/*
 * web_server: HTTP on libmicrohttpd. Owns the daemon (a thread pool), the
 * limits on what a request may send, the security headers of every
 * response, and the life of one request: its state is made on the first
 * call of the access handler, the body is read on the middle calls, the
 * response queued on the last (queueing on the first would close every
 * connection) and the state freed when libmicrohttpd says it completed.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "util.h"
#include "web_int.h"

#define POOL_THREADS   4
#define BODY_MAX       (64 * 1024)    /* forms; uploads: web_upload_max */
#define FIELD_MAX      16
#define CONN_MEMORY    (128 * 1024)   /* headers past it: 431 */
#define UPLOAD_FILES   10             /* files in one upload */

static const char csp[] = "default-src 'self'; script-src 'self'; "
    "style-src 'self'; img-src 'self'; frame-ancestors 'none'; "
    "form-action 'self'; base-uri 'none'";
/* The factsheet PDF's: framed by this origin only (see send_response). */
static const char csp_framed[] = "default-src 'self'; script-src 'self'; "
    "style-src 'self'; img-src 'self'; frame-ancestors 'self'; "
    "form-action 'self'; base-uri 'none'";

struct web {
	struct web_ctx       ctx;
	struct web_templates *tmpl;
	struct MHD_Daemon    *mhd;
	char                 *url;
};

/* One request between the first call of the handler and its completion. */
struct request {
	struct MHD_PostProcessor *pp;
	char                     *name[FIELD_MAX], *value[FIELD_MAX];
	size_t                    len[FIELD_MAX], n;
	size_t                    body;
	int                       too_many;   /* or a NUL: 400 */
	int                       answered;   /* refused on the first call */
	size_t                    upload_max; /* an upload route's; 0: none */
	struct web_upload         up[UPLOAD_FILES];
	size_t                    nup;
};

/*
 * Appends a piece of an uploaded file. A part starts at offset 0; its
 * bytes are kept as sent, NUL bytes included (a UTF-16 file has many).
 */
static void
on_file(struct request *q, const char *filename, const char *data,
    uint64_t off, size_t size)
{
	struct web_upload *u = q->nup > 0 ? &q->up[q->nup - 1] : NULL;

	if (off == 0 && (u == NULL || u->len > 0 ||
	    strcmp(u->name, filename) != 0)) {
		if (q->nup == UPLOAD_FILES) {
			q->too_many = 1;
			return;
		}
		u = &q->up[q->nup++];
		u->name = xstrdup(filename);
		u->data = xmalloc(1);
		u->len = 0;
	}
	if (u == NULL || size == 0)
		return;
	/* The body limit bounds the total: no part outgrows it. */
	u->data = xrealloc(u->data, u->len + size + 1);
	memcpy(u->data + u->len, data, size);
	u->len += size;
	u->data[u->len] = '\0';
}

/* addr:port or [addr6]:port into sa; 1 in *loopback for 127/8 and ::1. */
static int
parse_listen(const char *s, struct sockaddr_storage *sa, int *loopback)
{
	struct sockaddr_in  *v4 = (struct sockaddr_in *)sa;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)sa;
	const char          *colon = strrchr(s, ':');
	char                 host[64], *end;
	size_t               len;
	long                 port;

	memset(sa, 0, sizeof(*sa));
	if (colon == NULL || colon[1] == '\0')
		return -1;
	port = strtol(colon + 1, &end, 10);
	if (*end != '\0' || port < 0 || port > 65535 ||
	    strspn(colon + 1, "0123456789") != strlen(colon + 1))
		return -1;
	len = (size_t)(colon - s);
	if (len >= 2 && s[0] == '[' && s[len - 1] == ']') {
		if (len - 2 >= sizeof(host))
			return -1;
		memcpy(host, s + 1, len - 2);
		host[len - 2] = '\0';
		if (inet_pton(AF_INET6, host, &v6->sin6_addr) != 1)
			return -1;
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((uint16_t)port);
		*loopback = IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr);
		return 0;
	}
	if (len >= sizeof(host))
		return -1;
	memcpy(host, s, len);
	host[len] = '\0';
	if (inet_pton(AF_INET, host, &v4->sin_addr) != 1)
		return -1;
	v4->sin_family = AF_INET;
	v4->sin_port = htons((uint16_t)port);
	*loopback = (ntohl(v4->sin_addr.s_addr) >> 24) == 127;
	return 0;
}

/* Appends a piece of form field key (a field comes in pieces). */
static enum MHD_Result
on_post(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *filename, const char *type, const char *encoding,
    const char *data, uint64_t off, size_t size)
{
	struct request *q = cls;
	size_t          i;

	(void)kind; (void)type; (void)encoding;
	if (filename != NULL && q->upload_max > 0) {
		on_file(q, filename, data, off, size);
		return MHD_YES;
	}
	/* A NUL would cut the value short unseen: refuse the form (400). */
	if (memchr(data, '\0', size) != NULL) {
		q->too_many = 1;
		return MHD_YES;
	}
	i = q->n;
	if (off > 0 && q->n > 0 && strcmp(q->name[q->n - 1], key) == 0)
		i = q->n - 1;
	else if (q->n == FIELD_MAX) {
		q->too_many = 1;
		return MHD_YES;
	} else {
		q->name[q->n] = xstrdup(key);
		q->value[q->n] = xstrdup("");
		q->len[q->n++] = 0;
	}
	q->value[i] = xrealloc(q->value[i], q->len[i] + size + 1);
	memcpy(q->value[i] + q->len[i], data, size);
	q->len[i] += size;
	q->value[i][q->len[i]] = '\0';
	return MHD_YES;
}

static enum MHD_Result
on_query(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct web_args *a = cls;

	(void)kind;
	if (a->n == FIELD_MAX) {
		a->too_many = 1;
		return MHD_NO;
	}
	a->name[a->n] = key;
	a->value[a->n++] = value != NULL ? value : "";
	return MHD_YES;
}

static void
on_completed(void *cls, struct MHD_Connection *c, void **state,
    enum MHD_RequestTerminationCode why)
{
	struct request *q = *state;
	size_t          i;

	(void)cls; (void)c; (void)why;
	if (q == NULL)
		return;
	if (q->pp != NULL)
		MHD_destroy_post_processor(q->pp);
	for (i = 0; i < q->n; i++) {
		free(q->name[i]);
		free(q->value[i]);
	}
	for (i = 0; i < q->nup; i++) {
		free(q->up[i].name);
		free(q->up[i].data);
	}
	free(q);
	*state = NULL;
}

/* Queues r with the headers every response carries. */
static enum MHD_Result
send_response(struct MHD_Connection *c, struct web_response *r)
{
	struct MHD_Response *resp;
	enum MHD_Result      rc;

	resp = MHD_create_response_from_buffer(r->body.n, r->body.p,
	    MHD_RESPMEM_MUST_FREE);
	r->body.p = NULL;
	/*
	 * No page may be framed (clickjacking: our forms under another
	 * site's layer), but the Factsheet page shows the factsheet PDF in an
	 * <iframe> of its own, which DENY and frame-ancestors 'none' would
	 * blank. So that one response, a PDF with no form or link of ours to
	 * click through a frame, may be framed by this origin alone; the
	 * page around it keeps DENY, and its default-src 'self' already lets
	 * it frame (frame-src) a document of the same origin.
	 */
	MHD_add_response_header(resp, "Content-Security-Policy",
	    r->framed ? csp_framed : csp);
	MHD_add_response_header(resp, "X-Frame-Options",
	    r->framed ? "SAMEORIGIN" : "DENY");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	if (!r->cacheable)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	MHD_add_response_header(resp, "Content-Type",
	    r->type != NULL ? r->type : "text/html; charset=utf-8");
	if (r->location != NULL)
		MHD_add_response_header(resp, "Location", r->location);
	if (r->cookie != NULL)
		MHD_add_response_header(resp, "Set-Cookie", r->cookie);
	if (r->disposition != NULL)
		MHD_add_response_header(resp, "Content-Disposition",
		    r->disposition);
	rc = MHD_queue_response(c, r->status, resp);
	MHD_destroy_response(resp);
	free(r->location);
	free(r->cookie);
	free(r->disposition);
	return rc;
}

/* upload: the 413 of an upload route, which names its limit. */
static enum MHD_Result
send_error(struct web *w, struct MHD_Connection *c, unsigned status,
    int upload)
{
	struct web_request  q;
	struct web_response r;

	memset(&q, 0, sizeof(q));
	memset(&r, 0, sizeof(r));
	q.ctx = &w->ctx;
	if (upload && status == 413)
		web_page_upload_too_large(&q, &r);
	else
		web_page_error(&q, &r, status);
	return send_response(c, &r);
}

/*
 * The first call: refuses a body too large or of a type no form has
 * (answered at once, the body unread), else makes the request's state.
 */
static enum MHD_Result
first_call(struct web *w, struct MHD_Connection *c, const char *url,
    const char *method, void **state)
{
	struct request *q = xcalloc(1, sizeof(*q));
	const char     *len, *type;
	size_t          max;

	*state = q;
	q->upload_max = web_upload_max(method, url);
	max = q->upload_max > 0 ? q->upload_max : BODY_MAX;
	len = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (len != NULL && (strspn(len, "0123456789") != strlen(len) ||
	    strlen(len) > 9 || strtoul(len, NULL, 10) > max)) {
		q->answered = 1;
		return send_error(w, c, 413, q->upload_max > 0);
	}
	if (strcmp(method, "POST") != 0)
		return MHD_YES;
	type = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_TYPE);
	if (type == NULL)
		return MHD_YES;     /* no form: the route's checks refuse it */
	q->pp = MHD_create_post_processor(c, 32 * 1024, on_post, q);
	if (q->pp == NULL) {
		q->answered = 1;
		return send_error(w, c, 415, 0);
	}
	return MHD_YES;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	struct web          *w = cls;
	struct request      *q = *state;
	struct web_args      args;
	struct web_response  r;
	size_t               i;

	(void)version;
	if (q == NULL)
		return first_call(w, c, url, method, state);
	if (q->answered) {
		*upload_size = 0;
		return MHD_YES;
	}
	if (*upload_size > 0) {
		/* A chunked body has no Content-Length to refuse early. */
		q->body += *upload_size;
		if (q->body > (q->upload_max > 0 ? q->upload_max : BODY_MAX))
			return MHD_NO;
		if (q->pp != NULL)
			MHD_post_process(q->pp, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	memset(&args, 0, sizeof(args));
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, on_query, &args);
	for (i = 0; i < q->n && args.n < FIELD_MAX; i++) {
		args.name[args.n] = q->name[i];
		args.value[args.n++] = q->value[i];
	}
	args.too_many |= q->too_many || i < q->n;
	args.upload = q->up;
	args.nupload = q->nup;
	memset(&r, 0, sizeof(r));
	web_route(&w->ctx, method, url,
	    MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "sid"), &args, &r);
	return send_response(c, &r);
}

/* The database is opened once here so that a wrong --db fails at start. */
static int
check_db(const char *path, struct diags *d)
{
	struct store *s = store_open(path, STORE_READ, d);

	if (s == NULL)
		return -1;
	store_close(s);
	return 0;
}

static struct MHD_Daemon *
daemon_start(struct web *w, const struct sockaddr_storage *sa)
{
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO;

	if (sa->ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	return MHD_start_daemon(flags, 0, NULL, NULL, on_request, w,
	    MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)sa,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)POOL_THREADS,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)256,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)64,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
	    MHD_OPTION_END);
}

struct web *
web_start(const struct web_config *c, struct diags *d)
{
	struct sockaddr_storage   sa;
	const union MHD_DaemonInfo *info;
	struct web               *w;
	char                      token[WEB_TOKEN_LEN], host[64];
	int                       loopback = 0;

	if (parse_listen(c->listen, &sa, &loopback) == -1) {
		diags_add(d, NULL, 0, MSG_WEB_LISTEN_BAD, c->listen);
		return NULL;
	}
	if (!loopback && !c->public) {
		diags_add(d, NULL, 0, MSG_WEB_NOT_LOOPBACK, c->listen);
		return NULL;
	}
	if (!loopback) {
		diags_add(d, NULL, 0, MSG_WEB_PUBLIC_TLS);
		return NULL;
	}
	if (sodium_init() < 0) {
		diags_add(d, NULL, 0, MSG_WEB_CRYPTO);
		return NULL;
	}
	if (check_db(c->db, d) == -1)
		return NULL;
	w = xcalloc(1, sizeof(*w));
	w->ctx.cfg = c;
	if ((w->tmpl = web_templates_load(c->datadir, d)) == NULL) {
		free(w);
		return NULL;
	}
	w->ctx.tmpl = w->tmpl;
	w->ctx.sessions = web_sessions_new(token);
	w->ctx.imports = web_imports_new();
	errno = 0;
	if ((w->mhd = daemon_start(w, &sa)) == NULL) {
		diags_add(d, NULL, 0, MSG_WEB_START, c->listen,
		    errno ? strerror(errno) : "address in use or unavailable");
		web_stop(w);
		return NULL;
	}
	info = MHD_get_daemon_info(w->mhd, MHD_DAEMON_INFO_BIND_PORT);
	if (sa.ss_family == AF_INET6)
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&sa)->sin6_addr,
		    host, sizeof(host));
	else
		inet_ntop(AF_INET, &((struct sockaddr_in *)&sa)->sin_addr,
		    host, sizeof(host));
	w->url = xasprintf(sa.ss_family == AF_INET6 ?
	    "http://[%s]:%u/login?token=%s" : "http://%s:%u/login?token=%s",
	    host, info != NULL ? (unsigned)info->port : 0u, token);
	sodium_memzero(token, sizeof(token));
	return w;
}

const char *
web_login_url(const struct web *w)
{
	return w->url;
}

void
web_stop(struct web *w)
{
	if (w == NULL)
		return;
	if (w->mhd != NULL)
		MHD_stop_daemon(w->mhd);
	web_sessions_free(w->ctx.sessions);
	web_imports_free(w->ctx.imports);
	web_templates_free(w->tmpl);
	free(w->url);
	free(w);
}
