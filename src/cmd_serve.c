/*
 * cmd_serve: "stj serve [--listen ADDR:PORT] [--public] [--tls-cert FILE
 * --tls-key FILE] [--behind-proxy] [--threads N]": starts the web server
 * (web.h), prints the login URL and serves until SIGINT or SIGTERM.
 */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess_draft.h"
#include "cli.h"
#include "web.h"

static const char serve_usage[] =
"usage: stj serve [--listen ADDR:PORT] [--threads N]\n"
"                 [--public] [--tls-cert FILE --tls-key FILE]\n"
"                 [--behind-proxy]\n"
"\n"
"Serves the inspector's workbench to a browser and prints the URL to\n"
"open: it logs in once (a one-time token, as Jupyter does), or, when\n"
"the database has accounts (stj user), the login page. Stops on\n"
"Ctrl-C (SIGINT) or SIGTERM: requests under way are answered first.\n"
"\n"
"Options:\n"
"  --listen ADDR:PORT   where to listen (default 127.0.0.1:8080; port 0:\n"
"                       any free port)\n"
"  --threads N          worker threads, each with its own database\n"
"                       connections (default 4, at most 64)\n"
"  --public             others may connect (any --listen address): only\n"
"                       over HTTPS, with --tls-cert and --tls-key or\n"
"                       --behind-proxy\n"
"  --tls-cert FILE      serve HTTPS with this PEM certificate (chain)\n"
"  --tls-key FILE       and this PEM private key (no passphrase)\n"
"  --behind-proxy       a proxy on this computer (nginx) terminates TLS\n"
"                       and forwards to a loopback --listen address;\n"
"                       cookies are Secure (doc/nginx-stj.conf)\n"
"  -h, --help           this help\n";

/*
 * Serves until SIGINT or SIGTERM. The signals are blocked before the
 * server's threads start (they inherit the mask), so only sigwait() here
 * sees them and the server stops cleanly between requests.
 */
static int
serve(const struct web_config *c)
{
	struct diags d;
	struct web  *w;
	sigset_t     sigs;
	int          sig;

	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	diags_init(&d);
	if ((w = web_start(c, &d)) == NULL) {
		cli_flush(&d);
		return EXIT_ERROR;
	}
	printf("stj serve: open %s\n", web_login_url(w));
	if (c->behind_proxy && strstr(web_login_url(w), "token=") != NULL)
		printf("stj serve: behind the proxy: open its https:// address "
		    "with the same /login?token=...\n");
	fflush(stdout);
	sigwait(&sigs, &sig);
	web_stop(w);
	printf("stj serve: stopped\n");
	return EXIT_OK;
}

int
cmd_serve(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "public", no_argument,       NULL, 'p' },
		{ "tls-cert", required_argument, NULL, 'c' },
		{ "tls-key", required_argument, NULL, 'k' },
		{ "behind-proxy", no_argument, NULL, 'b' },
		{ "threads", required_argument, NULL, 't' },
		{ "help",   no_argument,       NULL, 'h' },
		/* step 10: accounts. Hidden: for the test of every route
		 * against every role (tests/cli/webrole-routes.cmd). */
		{ "routes", no_argument,       NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct web_config     c;
	struct framework_set  set;
	struct phrases       *ph;
	struct diags          d;
	int                   ch, rc;
	char                 *end;
	long                  n;

	memset(&c, 0, sizeof(c));
	c.db = cli->db;
	c.listen = "127.0.0.1:8080";
	c.datadir = cli->datadir;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'l':
			c.listen = optarg;
			break;
		case 'p':
			c.public = 1;
			break;
		case 'c':
			c.tls_cert = optarg;
			break;
		case 'k':
			c.tls_key = optarg;
			break;
		case 'b':
			c.behind_proxy = 1;
			break;
		case 't':
			n = strtol(optarg, &end, 10);
			if (*optarg < '0' || *optarg > '9' || *end != '\0' ||
			    n < 1 || n > WEB_THREADS_MAX)
				return cli_usage_error("serve ", "--threads "
				    "'%s' is not a number from 1 to %d", optarg,
				    WEB_THREADS_MAX);
			c.threads = (unsigned)n;
			break;
		case 'h':
			fputs(serve_usage, stdout);
			return EXIT_OK;
		case 'r':
			web_routes_print(stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("serve ", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("serve ", "unexpected argument '%s'",
		    argv[optind]);
	if ((c.tls_cert == NULL) != (c.tls_key == NULL))
		return cli_usage_error("serve ", "--tls-cert and --tls-key go "
		    "together");
	memset(&set, 0, sizeof(set));
	if (cli_load_frameworks(cli, &set) == -1) {
		framework_set_free(&set);
		return EXIT_ERROR;
	}
	diags_init(&d);
	if ((ph = cli_phrases_load(cli, &d)) == NULL) {
		cli_flush(&d);
		framework_set_free(&set);
		return EXIT_ERROR;
	}
	c.set = &set;
	c.ph = ph;
	rc = serve(&c);
	phrases_free(ph);
	framework_set_free(&set);
	return rc;
}
