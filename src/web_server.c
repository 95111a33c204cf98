/*
 * web_server: HTTP on libmicrohttpd. Owns the daemon (a thread pool), who
 * may connect (loopback, or --public over HTTPS: our TLS with GnuTLS, or a
 * proxy's), the limits on what a request may send, the security headers
 * of every response, a clean stop (requests under way are answered), and
 * the life of one request: its state is made on the first call of the
 * access handler, the body is read on the middle calls, the response
 * queued on the last (queueing on the first would close every
 * connection) and the state freed when libmicrohttpd says it completed.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ratelimit.h"
#include "store.h"
#include "util.h"
#include "web_int.h"

#define BODY_MAX       (64 * 1024)    /* forms; uploads: web_upload_max */
#define FIELD_MAX      16
#define CONN_MEMORY    (128 * 1024)   /* headers past it: 431 */
#define UPLOAD_FILES   10             /* files in one upload */
#define PEM_MAX        (256 * 1024)   /* a certificate chain or a key */
/* A year: once a browser has seen stj over HTTPS it never tries HTTP. */
#define HSTS           "max-age=31536000"
/* TLS 1.2 and 1.3 only (ASVS 9.1.2), GnuTLS's usual ciphers among them. */
static char tls_priorities[] = "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2";

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
	char                 *link_base;   /* step 10: mail */
	char                 *cert, *key;  /* PEM, TLS only; key wiped */
	size_t                keylen;
	int                   secure;   /* browsers reach us by HTTPS only */
	int                   behind_proxy; /* X-Forwarded-For is the proxy's */
	atomic_int            inflight; /* requests begun, not completed */
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
	struct web     *w = cls;
	struct request *q = *state;
	size_t          i;

	(void)c; (void)why;
	if (q == NULL)
		return;
	atomic_fetch_sub(&w->inflight, 1);
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

/*
 * Queues r with the headers every response carries. Under HTTPS (ours or
 * the proxy's) the cookie is Secure and the browser is told to use
 * nothing else.
 */
static enum MHD_Result
send_response(const struct web *w, struct MHD_Connection *c,
    struct web_response *r)
{
	struct MHD_Response *resp;
	enum MHD_Result      rc;
	char                *cookie = NULL;

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
	    r->csp != NULL ? r->csp : r->framed ? csp_framed : csp);
	MHD_add_response_header(resp, "X-Frame-Options",
	    r->framed ? "SAMEORIGIN" : "DENY");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	/* -- step 13: docs -- a guide's image: its own, private caching */
	if (r->cache != NULL)
		MHD_add_response_header(resp, "Cache-Control", r->cache);
	else if (!r->cacheable)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	MHD_add_response_header(resp, "Content-Type",
	    r->type != NULL ? r->type : "text/html; charset=utf-8");
	if (r->location != NULL)
		MHD_add_response_header(resp, "Location", r->location);
	if (w->secure)
		MHD_add_response_header(resp, "Strict-Transport-Security",
		    HSTS);
	if (r->cookie != NULL) {
		cookie = w->secure ? xasprintf("%s; Secure", r->cookie) : NULL;
		MHD_add_response_header(resp, "Set-Cookie",
		    cookie != NULL ? cookie : r->cookie);
	}
	if (r->disposition != NULL)
		MHD_add_response_header(resp, "Content-Disposition",
		    r->disposition);
	rc = MHD_queue_response(c, r->status, resp);
	MHD_destroy_response(resp);
	free(r->location);
	free(r->cookie);
	free(r->disposition);
	free(r->csp);
	free(cookie);
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
	return send_response(w, c, &r);
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
	atomic_fetch_add(&w->inflight, 1);
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

/* step 10: accounts. The client's address, numeric, into buf. */
static const char *
client_addr(struct MHD_Connection *c, char *buf, size_t len)
{
	const union MHD_ConnectionInfo *ci;
	const struct sockaddr          *sa;

	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(buf, len, "?");
	if (ci == NULL || (sa = ci->client_addr) == NULL)
		return buf;
	if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)
		    (const void *)sa)->sin6_addr, buf, (socklen_t)len);
	else if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)
		    (const void *)sa)->sin_addr, buf, (socklen_t)len);
	return buf;
}

/*
 * Behind a proxy the connection's address is the proxy's: the client's
 * is the last entry of X-Forwarded-For, the one our proxy appended
 * (nginx's $proxy_add_x_forwarded_for; doc/nginx-stj.conf). Earlier
 * entries are the client's own claims and never trusted. Without a
 * well-formed address there, the proxy's own stands: one key for all
 * such requests, which fails closed.
 */
static const char *
forwarded_addr(struct MHD_Connection *c, char *buf, size_t len)
{
	const char    *h, *last;
	unsigned char  bin[sizeof(struct in6_addr)];
	size_t         n;

	h = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "X-Forwarded-For");
	if (h == NULL)
		return NULL;
	last = strrchr(h, ',');
	last = last != NULL ? last + 1 : h;
	last += strspn(last, " \t");
	n = strcspn(last, " \t");
	if (n == 0 || n >= len || last[n + strspn(last + n, " \t")] != '\0')
		return NULL;
	memcpy(buf, last, n);
	buf[n] = '\0';
	if (inet_pton(AF_INET, buf, bin) != 1 &&
	    inet_pton(AF_INET6, buf, bin) != 1)
		return NULL;
	return buf;
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
	char                 addr[INET6_ADDRSTRLEN];

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
	args.client = NULL;
	if (w->behind_proxy)
		args.client = forwarded_addr(c, addr, sizeof(addr));
	if (args.client == NULL)
		args.client = client_addr(c, addr, sizeof(addr));
	args.origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Origin");
	args.host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
	args.login_cookie = MHD_lookup_connection_value(c, MHD_COOKIE_KIND,
	    "login");
	memset(&r, 0, sizeof(r));
	web_route(&w->ctx, method, url,
	    MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "sid"), &args, &r);
	return send_response(w, c, &r);
}

/*
 * The database is opened once here so that a wrong --db fails at start;
 * whether it has accounts (step 10) decides the way of logging in for as
 * long as the server runs.
 */
static int
check_db(const char *path, int *accounts, struct diags *d)
{
	struct store *s = store_open(path, STORE_READ, d);
	int           n = 0, rc;

	if (s == NULL)
		return -1;
	rc = store_account_count(s, &n, d);
	store_close(s);
	*accounts = n > 0;
	return rc;
}

/* A PEM file into *pem (NUL-terminated); -1 with "file: why". */
static int
read_pem(const char *path, char **pem, size_t *len, struct diags *d)
{
	if (file_read_all(path, PEM_MAX, pem, len) == 0)
		return 0;
	if (errno == EFBIG)
		diags_add(d, path, 0, MSG_TOO_BIG, (size_t)PEM_MAX);
	else
		diags_add(d, path, 0, MSG_IO, strerror(errno));
	return -1;
}

/* GnuTLS's text for e, without its full stop (it goes inside ours). */
static const char *
tls_why(int e, char *buf, size_t cap)
{
	size_t n;

	snprintf(buf, cap, "%s", gnutls_strerror(e));
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '.')
		buf[n - 1] = '\0';
	return buf;
}

/*
 * What libmicrohttpd would refuse at start with no word of which file is
 * wrong, checked here with GnuTLS (its TLS library): the certificate
 * (chain) and its expiry, the key, and that the key is the certificate's.
 */
static int
tls_check(const struct web_config *c, const char *cert, const char *key,
    size_t keylen, struct diags *d)
{
	gnutls_datum_t  cd = { (unsigned char *)cert, (unsigned)strlen(cert) };
	gnutls_datum_t  kd = { (unsigned char *)key, (unsigned)keylen };
	gnutls_x509_crt_t *crt = NULL;
	gnutls_x509_privkey_t pk = NULL;
	gnutls_certificate_credentials_t cred = NULL;
	unsigned        n = 0, i;
	time_t          until;
	char            day[32], why[128];
	int             e, rc = -1;

	if ((e = gnutls_x509_crt_list_import2(&crt, &n, &cd,
	    GNUTLS_X509_FMT_PEM, 0)) < 0 || n == 0) {
		diags_add(d, c->tls_cert, 0, MSG_WEB_TLS_CERT, tls_why(e < 0 ?
		    e : GNUTLS_E_NO_CERTIFICATE_FOUND, why, sizeof(why)));
		goto out;
	}
	until = gnutls_x509_crt_get_expiration_time(crt[0]);
	if (until != (time_t)-1 && until < time(NULL)) {
		strftime(day, sizeof(day), "%Y-%m-%d", gmtime(&until));
		diags_add(d, c->tls_cert, 0, MSG_WEB_TLS_EXPIRED, day);
		goto out;
	}
	if (strstr(key, "ENCRYPTED") != NULL) {
		diags_add(d, c->tls_key, 0, MSG_WEB_TLS_KEY_PASS);
		goto out;
	}
	if ((e = gnutls_x509_privkey_init(&pk)) < 0 ||
	    (e = gnutls_x509_privkey_import2(pk, &kd, GNUTLS_X509_FMT_PEM,
	    NULL, 0)) < 0) {
		diags_add(d, c->tls_key, 0, MSG_WEB_TLS_KEY,
		    tls_why(e, why, sizeof(why)));
		goto out;
	}
	if (gnutls_certificate_allocate_credentials(&cred) < 0)
		goto out;
	e = gnutls_certificate_set_x509_key_mem2(cred, &cd, &kd,
	    GNUTLS_X509_FMT_PEM, NULL, 0);
	if (e == GNUTLS_E_CERTIFICATE_KEY_MISMATCH)
		diags_add(d, c->tls_key, 0, MSG_WEB_TLS_MISMATCH, c->tls_cert);
	else if (e < 0)
		diags_add(d, c->tls_key, 0, MSG_WEB_TLS_KEY,
		    tls_why(e, why, sizeof(why)));
	else
		rc = 0;
out:
	for (i = 0; i < n; i++)
		gnutls_x509_crt_deinit(crt[i]);
	gnutls_free(crt);
	gnutls_x509_privkey_deinit(pk);
	gnutls_certificate_free_credentials(cred);
	return rc;
}

/* Reads and checks --tls-cert and --tls-key into w (HTTPS from then). */
static int
tls_load(struct web *w, const struct web_config *c, struct diags *d)
{
	size_t len;

	if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
		diags_add(d, NULL, 0, MSG_WEB_TLS_NONE);
		return -1;
	}
	if (read_pem(c->tls_cert, &w->cert, &len, d) == -1 ||
	    read_pem(c->tls_key, &w->key, &w->keylen, d) == -1)
		return -1;
	return tls_check(c, w->cert, w->key, w->keylen, d);
}

/*
 * The daemon: a pool of worker threads, each with its own connections
 * (web_db.c), its own share of the clients, and the limits of every
 * request; MHD_USE_ITC lets web_stop() stop accepting before it stops.
 */
static struct MHD_Daemon *
daemon_start(struct web *w, const struct sockaddr_storage *sa)
{
	const struct web_config *c = w->ctx.cfg;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO |
	    MHD_USE_ITC;
	struct MHD_OptionItem tls[] = {
		{ MHD_OPTION_HTTPS_MEM_CERT, 0, w->cert },
		{ MHD_OPTION_HTTPS_MEM_KEY, 0, w->key },
		{ MHD_OPTION_HTTPS_PRIORITIES, 0, tls_priorities },
		{ MHD_OPTION_END, 0, NULL },
	};

	if (sa->ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	if (w->cert != NULL)
		flags |= MHD_USE_TLS;
	else
		tls[0].option = MHD_OPTION_END;
	return MHD_start_daemon(flags, 0, NULL, NULL, on_request, w,
	    MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)sa,
	    MHD_OPTION_THREAD_POOL_SIZE, c->threads > 0 ? c->threads :
	    (unsigned)WEB_THREADS_DEFAULT,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)256,
	    /* Behind a proxy every client arrives from the proxy's address:
	     * a limit per address would be one limit for all (200
	     * respondents at once were refused); the proxy limits its
	     * clients (doc/nginx-stj.conf). */
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, c->behind_proxy ?
	    (unsigned)256 : (unsigned)64,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, w,
	    MHD_OPTION_ARRAY, tls,
	    MHD_OPTION_END);
}

/*
 * Who may reach the server: loopback by default; another address only
 * with --public, and --public only over HTTPS, ours (TLS) or a proxy's;
 * a proxy forwards from this computer, so behind one stj listens on
 * loopback only.
 */
static int
check_exposure(const struct web_config *c, int loopback, struct diags *d)
{
	if (c->behind_proxy && !loopback) {
		diags_add(d, NULL, 0, MSG_WEB_PROXY_LOOPBACK, c->listen);
		return -1;
	}
	if (!loopback && !c->public) {
		diags_add(d, NULL, 0, MSG_WEB_NOT_LOOPBACK, c->listen);
		return -1;
	}
	if (c->public && c->tls_cert == NULL && !c->behind_proxy) {
		diags_add(d, NULL, 0, MSG_WEB_PUBLIC_TLS);
		return -1;
	}
	return 0;
}

/* The login URL: scheme, the address listened on, the port bound. */
static char *
login_url(const struct web *w, const struct sockaddr_storage *sa,
    const char *token)
{
	const union MHD_DaemonInfo *info;
	const char                 *scheme = w->cert != NULL ? "https" : "http";
	char                        host[64];

	info = MHD_get_daemon_info(w->mhd, MHD_DAEMON_INFO_BIND_PORT);
	if (sa->ss_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr,
		    host, sizeof(host));
	else
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr,
		    host, sizeof(host));
	/* step 10: with accounts, the login page itself (no token). */
	if (w->ctx.accounts)
		return xasprintf(sa->ss_family == AF_INET6 ?
		    "%s://[%s]:%u/login" : "%s://%s:%u/login", scheme, host,
		    info != NULL ? (unsigned)info->port : 0u);
	return xasprintf(sa->ss_family == AF_INET6 ?
	    "%s://[%s]:%u/login?token=%s" : "%s://%s:%u/login?token=%s",
	    scheme, host, info != NULL ? (unsigned)info->port : 0u, token);
}

struct web *
web_start(const struct web_config *c, struct diags *d)
{
	struct sockaddr_storage   sa;
	struct web               *w;
	char                      token[WEB_TOKEN_LEN];
	int                       loopback = 0;

	if (parse_listen(c->listen, &sa, &loopback) == -1) {
		diags_add(d, NULL, 0, MSG_WEB_LISTEN_BAD, c->listen);
		return NULL;
	}
	if (check_exposure(c, loopback, d) == -1)
		return NULL;
	if (sodium_init() < 0) {
		diags_add(d, NULL, 0, MSG_WEB_CRYPTO);
		return NULL;
	}
	w = xcalloc(1, sizeof(*w));
	w->ctx.cfg = c;
	atomic_init(&w->inflight, 0);
	w->secure = c->tls_cert != NULL || c->behind_proxy;
	w->behind_proxy = c->behind_proxy;
	if ((c->tls_cert != NULL && tls_load(w, c, d) == -1) ||
	    check_db(c->db, &w->ctx.accounts, d) == -1 ||
	    (w->tmpl = web_templates_load(c->datadir, d)) == NULL) {
		web_stop(w);
		return NULL;
	}
	w->ctx.tmpl = w->tmpl;
	w->ctx.sessions = web_sessions_new(token);
	w->ctx.imports = web_imports_new();
	w->ctx.db = web_db_new(c->db);
	w->ctx.logins = ratelimit_new(RATELIMIT_LOGIN_FAILURES,
	    RATELIMIT_LOGIN_SECONDS, RATELIMIT_LOGIN_SLOTS);
	w->ctx.secure = w->secure;
	errno = 0;
	if ((w->mhd = daemon_start(w, &sa)) == NULL) {
		if (w->cert != NULL)
			diags_add(d, NULL, 0, MSG_WEB_TLS_START, c->listen);
		else
			diags_add(d, NULL, 0, MSG_WEB_START, c->listen, errno ?
			    strerror(errno) : "address in use or unavailable");
		sodium_memzero(token, sizeof(token));
		web_stop(w);
		return NULL;
	}
	w->url = login_url(w, &sa, token);
	sodium_memzero(token, sizeof(token));
	/* -- step 10: mail -- links in texts: --base-url, else this URL. */
	{
		const char *host = strstr(w->url, "://") + 3;
		w->link_base = c->base_url != NULL ? xstrdup(c->base_url) :
		    xasprintf("%.*s", (int)(host - w->url +
		    (ptrdiff_t)strcspn(host, "/")), w->url);
	}
	atomic_store(&w->ctx.link_base, w->link_base);
	return w;
}

const char *
web_login_url(const struct web *w)
{
	return w->url;
}

/*
 * Stops accepting (the listening socket is closed: a new client is
 * refused at once), then waits for the requests under way to be
 * answered, at most WEB_STOP_WAIT seconds.
 */
static void
drain(struct web *w)
{
	struct timespec pause = { 0, 10 * 1000 * 1000 };
	MHD_socket      ls = MHD_quiesce_daemon(w->mhd);
	int             i;

	if (ls != MHD_INVALID_SOCKET)
		close(ls);
	for (i = 0; i < WEB_STOP_WAIT * 100 &&
	    atomic_load(&w->inflight) > 0; i++)
		nanosleep(&pause, NULL);
}

void
web_stop(struct web *w)
{
	if (w == NULL)
		return;
	if (w->mhd != NULL) {
		drain(w);
		/* Joins the worker threads: each closes its connections. */
		MHD_stop_daemon(w->mhd);
	}
	web_db_free(w->ctx.db);
	web_sessions_free(w->ctx.sessions);
	ratelimit_free(w->ctx.logins);
	web_imports_free(w->ctx.imports);
	web_templates_free(w->tmpl);
	free(w->url);
	free(w->link_base);
	free(w->cert);
	if (w->key != NULL)
		sodium_memzero(w->key, w->keylen);
	free(w->key);
	free(w);
}
