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

#include <curl/curl.h>

#include "assess_draft.h"
#include "cli.h"
#include "invite_mail.h"
#include "util.h"
#include "web.h"

static const char serve_usage[] =
"usage: stj serve [--listen ADDR:PORT] [--threads N]\n"
"                 [--public] [--tls-cert FILE --tls-key FILE]\n"
"                 [--behind-proxy]\n"
"                 [--smtp URL --from ADDR] [--base-url URL]\n"
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
"  --smtp URL           the Respons page sends invitations and reminders\n"
"                       itself: smtp://HOST[:PORT] (STARTTLS required\n"
"                       except to 127.0.0.1) or smtps://HOST[:PORT];\n"
"                       credentials from ~/.netrc, never the command\n"
"                       line. Without: it offers them as a CSV file\n"
"  --from ADDR          the sender, 'Name <addr>' (with --smtp)\n"
"  --base-url URL       where respondents reach stj serve, for the links\n"
"                       in the texts (default: the URL printed)\n"
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

/* -- step 10: mail -- */

/* The options of the invitation texts; EXIT_OK or a usage error. */
static int
mail_usage(const struct web_config *c)
{
	char        addr[256];
	const char *u = c->base_url;

	if (c->smtp != NULL && (strncmp(c->smtp, "smtp://", 7) != 0 &&
	    strncmp(c->smtp, "smtps://", 8) != 0))
		return cli_usage_error("serve ", "--smtp: '%s' is no smtp:// "
		    "or smtps:// URL", c->smtp);
	if ((c->smtp != NULL) != (c->from != NULL))
		return cli_usage_error("serve ", "--smtp and --from go "
		    "together");
	if (c->from != NULL && invite_mail_from(c->from, addr) == -1)
		return cli_usage_error("serve ", "--from: '%s' is no address "
		    "('Name <addr@example.nl>', ASCII)", c->from);
	if (u != NULL && ((strncmp(u, "http://", 7) != 0 &&
	    strncmp(u, "https://", 8) != 0) || text_control(u, "") != 0 ||
	    strpbrk(u, " \"<>\\^`{|}") != NULL))
		return cli_usage_error("serve ", "--base-url: '%s' is no "
		    "http:// or https:// URL", u);
	return EXIT_OK;
}

/*
 * The invitation's text (NULL after d), and libcurl initialised before
 * any thread starts.
 */
static struct invite_template *
mail_start(const struct cli *cli, const struct web_config *c,
    struct diags *d)
{
	struct invite_template *t;
	char *path = xasprintf("%s/templates/uitnodiging.txt", cli->datadir);

	t = invite_template_load(path, d);
	free(path);
	if (t != NULL && c->smtp != NULL)
		curl_global_init(CURL_GLOBAL_DEFAULT);
	return t;
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
		/* -- step 10: mail -- */
		{ "smtp",     required_argument, NULL, 's' },
		{ "from",     required_argument, NULL, 'F' },
		{ "base-url", required_argument, NULL, 'U' },
		{ "help",   no_argument,       NULL, 'h' },
		/* step 10: accounts. Hidden: for the test of every route
		 * against every role (tests/cli/webrole-routes.cmd). */
		{ "routes", no_argument,       NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct web_config     c;
	struct framework_set  set;
	struct phrases       *ph;
	struct invite_template *tpl;
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
		case 's':
			c.smtp = optarg;
			break;
		case 'F':
			c.from = optarg;
			break;
		case 'U':
			c.base_url = optarg;
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
	if ((rc = mail_usage(&c)) != EXIT_OK)
		return rc;
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
	rc = EXIT_ERROR;
	if ((tpl = mail_start(cli, &c, &d)) != NULL) {
		c.mail_tpl = tpl;
		rc = serve(&c);
		if (c.smtp != NULL)
			curl_global_cleanup();
		invite_template_free(tpl);
	}
	cli_flush(&d);
	phrases_free(ph);
	framework_set_free(&set);
	return rc;
}
