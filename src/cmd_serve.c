/*
 * cmd_serve: "stj serve [--listen ADDR:PORT] [--public]": starts the web
 * server (web.h), prints the login URL and serves until SIGINT or SIGTERM.
 */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "assess_draft.h"
#include "cli.h"
#include "web.h"

static const char serve_usage[] =
"usage: stj serve [--listen ADDR:PORT] [--public]\n"
"\n"
"Serves the inspector's workbench to a browser on this computer and\n"
"prints the URL to open: it logs in once (a one-time token, as Jupyter\n"
"does). Stops on Ctrl-C (SIGINT) or SIGTERM.\n"
"\n"
"Options:\n"
"  --listen ADDR:PORT   where to listen (default 127.0.0.1:8080; port 0:\n"
"                       any free port)\n"
"  --public             allow an address other computers reach (needs\n"
"                       TLS or --behind-proxy: not available yet)\n"
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
		{ "help",   no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct web_config     c;
	struct framework_set  set;
	struct phrases       *ph;
	struct diags          d;
	int                   ch, rc;

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
		case 'h':
			fputs(serve_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("serve ", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("serve ", "unexpected argument '%s'",
		    argv[optind]);
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
