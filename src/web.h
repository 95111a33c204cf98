/*
 * web: the inspector's workbench in the browser ("stj serve").
 *
 * Owns: the HTTP server (libmicrohttpd, a thread pool), the one-time
 * login token and the sessions, the route table and the pages. Only
 * cmd_serve.c includes this header; the web_*.c files share web_int.h.
 * Like the other stages it never prints or exits: it returns -1 or NULL
 * with diagnostics.
 */
#ifndef STJ_WEB_H
#define STJ_WEB_H

#include "diag.h"
#include "framework.h"

struct phrases;

struct web_config {
	const char                 *db;       /* the database, opened per request */
	const char                 *listen;   /* "ADDR:PORT"; port 0: any free */
	int                         public;   /* a non-loopback address allowed */
	const char                 *datadir;  /* templates/web/ lives here */
	const struct framework_set *set;      /* read-only while serving */
	const struct phrases       *ph;       /* drafted findings, read-only */
};

struct web;

/*
 * Checks the configuration, loads the templates, makes the login token
 * and starts serving. NULL with a diagnostic on failure: a --listen that is
 * no ADDR:PORT or not loopback (without public), a database that cannot
 * be read, a template missing, a port in use.
 */
struct web *web_start(const struct web_config *c, struct diags *d);
/*
 * The URL that logs in once ("http://127.0.0.1:8080/login?token=..."),
 * valid until web_stop().
 */
const char *web_login_url(const struct web *w);
/* Stops serving (requests under way finish) and frees everything. */
void web_stop(struct web *w);

#endif
