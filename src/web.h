/*
 * web: the inspector's workbench in the browser ("stj serve").
 *
 * Owns: the HTTP(S) server (libmicrohttpd, a thread pool whose threads
 * each keep their own database connections), the one-time
 * login token and the sessions, the route table and the pages. Only
 * cmd_serve.c includes this header; the web_*.c files share web_int.h.
 * Like the other stages it never prints or exits: it returns -1 or NULL
 * with diagnostics.
 */
#ifndef STJ_WEB_H
#define STJ_WEB_H

#include <stdio.h>

#include "diag.h"
#include "framework.h"

struct phrases;
struct invite_template;

struct web_config {
	const char                 *db;       /* the database (web_db.c) */
	const char                 *listen;   /* "ADDR:PORT"; port 0: any free */
	int                         public;   /* others may connect: needs TLS
	                                         or behind_proxy */
	const char                 *tls_cert; /* PEM files: HTTPS (both or */
	const char                 *tls_key;  /* neither) */
	int                         behind_proxy; /* a proxy on this computer
	                                         terminates TLS: loopback only */
	unsigned                    threads;  /* worker threads; 0: the default */
	const char                 *datadir;  /* templates/web/ lives here */
	const struct framework_set *set;      /* read-only while serving */
	const struct phrases       *ph;       /* drafted findings, read-only */
	/* -- step 10: mail -- */
	const char                 *smtp;     /* smtp(s)://HOST[:PORT]: the
	                                         Respons page sends the texts;
	                                         NULL: offers them as a file */
	const char                 *from;     /* the sender, with smtp */
	const char                 *base_url; /* the links' base; NULL: the
	                                         URL served (web_login_url) */
	const struct invite_template *mail_tpl; /* the invitation's text */
};

struct web;

/* Worker threads when web_config.threads is 0, and the most allowed. */
#define WEB_THREADS_DEFAULT 4
#define WEB_THREADS_MAX     64

/*
 * Checks the configuration, loads the templates, makes the login token
 * and starts serving. NULL with a diagnostic on failure: a --listen that is
 * no ADDR:PORT or not loopback (without public), public without TLS or
 * behind_proxy, behind_proxy on an address that is not loopback, a
 * certificate or key that cannot be read or do not belong together, a
 * database that cannot be read, a template missing, a port in use.
 */
struct web *web_start(const struct web_config *c, struct diags *d);
/*
 * The URL that logs in once ("http://127.0.0.1:8080/login?token=..."),
 * valid until web_stop().
 */
const char *web_login_url(const struct web *w);
/*
 * Stops serving and frees everything: new connections are refused at
 * once, requests under way finish and are answered (for at most
 * WEB_STOP_WAIT seconds: a client that sends its body slowly is cut off
 * then), and each worker thread closes its connections to the database.
 */
#define WEB_STOP_WAIT 10
void web_stop(struct web *w);

/* step 10: accounts. Every route as "METHOD PATH" per line (stj serve
 * --routes, for the test that checks each route against each role). */
void web_routes_print(FILE *f);

#endif
