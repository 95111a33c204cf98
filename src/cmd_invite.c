/*
 * cmd_invite: "stj invite" (make, re-issue, revoke, reopen an invitation)
 * and "stj invitations" (list them; write their texts as CSV or e-mail
 * messages, or send them through SMTP).
 *
 * Tokens are stored only as hashes, so a link can be written only when
 * its token is made: "stj invite" prints the first link of a new
 * invitation; "stj invitations --format/--smtp" gives each invitation it
 * writes a new token (the link printed or sent before stops working;
 * answers saved as a draft stay) and records it as sent. By default it
 * writes the invitations never sent; --remind writes the sent ones that
 * were not submitted (a reminder, with a new link).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "cli.h"
#include "csv.h"
#include "invite.h"
#include "invite_mail.h"
#include "ops.h"
#include "questionnaire.h"
#include "util.h"

#define DEFAULT_BASE_URL "http://127.0.0.1:8080"

static const char invite_usage[] =
"usage: stj invite --municipality M [--round Y] --approach A --role ROLE\n"
"                  --organisation O [--email ADDR] [--expires DAYS]\n"
"       stj invite --reissue ID [--expires DAYS]\n"
"       stj invite --revoke ID\n"
"       stj invite --reopen ID --reason TEXT\n"
"\n"
"Invites one respondent (gemeente or netwerkpartner) of an approach to\n"
"answer the questionnaire online, and prints the link (shown once: only\n"
"a hash of it is stored). --reissue makes a new link (the old one stops\n"
"working, saved answers stay), --revoke stops the link, --reopen lets a\n"
"submitted questionnaire be changed and submitted again. The numbers\n"
"(ID) are listed by 'stj invitations'.\n"
"\n"
"Options:\n"
"  --expires DAYS     the link works for DAYS days (default 30)\n"
"  --base-url URL     where stj serve is reached (default\n"
"                     " DEFAULT_BASE_URL ")\n"
"  --inspector NAME   who does this, for the log (default: $USER)\n"
"  -h, --help         this help\n";

static const char invitations_usage[] =
"usage: stj invitations --municipality M [--round Y]\n"
"       stj invitations --municipality M [--round Y] --format csv|eml\n"
"                       [-o FILE|DIR] [--remind] [--from ADDR]\n"
"       stj invitations --municipality M [--round Y] --smtp URL\n"
"                       --from ADDR [--remind]\n"
"\n"
"Without --format or --smtp: lists the round's invitations (number, role,\n"
"organisation, state). With them: writes the invitation texts (from\n"
"templates/uitnodiging.txt) for the invitations not sent yet, or with\n"
"--remind for those sent but not submitted. Each text gets a NEW link:\n"
"links are stored hashed, so a link exists only where it is written;\n"
"the one printed or sent before stops working (saved answers stay).\n"
"Revoked and submitted invitations are left out.\n"
"\n"
"  --format csv       one row per invitation, for a mail merge (-o FILE,\n"
"                     default standard output)\n"
"  --format eml       one RFC 5322 message per invitation,\n"
"                     DIR/uitnodiging-ID.eml (-o DIR required)\n"
"  --smtp URL         send them: smtp://HOST[:PORT] (STARTTLS required\n"
"                     except to 127.0.0.1) or smtps://HOST[:PORT];\n"
"                     credentials from ~/.netrc. Invitations without an\n"
"                     e-mail address are skipped.\n"
"  --from ADDR        the sender, 'Name <addr>' (eml, smtp)\n"
"  --template FILE    another text than templates/uitnodiging.txt\n"
"  --base-url URL     where stj serve is reached (default\n"
"                     " DEFAULT_BASE_URL ")\n"
"  --inspector NAME   who sends them, for the log (default: $USER)\n"
"  -h, --help         this help\n";

struct inv_opts {
	const char *municipality, *approach, *organisation, *email;
	const char *base, *who, *reason, *format, *out, *smtp, *from;
	const char *template;
	int         round, days, role, remind;
	long long   reissue, revoke, reopen;
	struct actor actor;   /* step 10: the local inspecteur, who */
};

/* An invitation number; -1 when s is none. */
static long long
parse_id(const char *s)
{
	char     *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	return errno == 0 && *end == '\0' && end != s && v > 0 ? v : -1;
}

/* The base URL without a trailing '/'; -1 when it is no http(s) URL. */
static int
base_ok(const char *base)
{
	size_t i;

	if (strncmp(base, "http://", 7) != 0 &&
	    strncmp(base, "https://", 8) != 0)
		return -1;
	for (i = 0; base[i] != '\0'; i++)
		if ((unsigned char)base[i] <= ' ' ||
		    (unsigned char)base[i] >= 0x7f ||
		    strchr("\"<>\\^`{|}", base[i]) != NULL)
			return -1;
	return 0;
}

/* Parses the options both commands share; EXIT_OK or a usage error. */
static int
parse(const char *cmd, int argc, char **argv, struct inv_opts *o,
    const char *usage)
{
	static const struct option longopts[] = {
		{ "municipality", required_argument, NULL, 'm' },
		{ "round",        required_argument, NULL, 'y' },
		{ "approach",     required_argument, NULL, 'a' },
		{ "role",         required_argument, NULL, 'r' },
		{ "organisation", required_argument, NULL, 'O' },
		{ "email",        required_argument, NULL, 'e' },
		{ "expires",      required_argument, NULL, 'x' },
		{ "base-url",     required_argument, NULL, 'b' },
		{ "inspector",    required_argument, NULL, 'w' },
		{ "reissue",      required_argument, NULL, 'I' },
		{ "revoke",       required_argument, NULL, 'R' },
		{ "reopen",       required_argument, NULL, 'P' },
		{ "reason",       required_argument, NULL, 'W' },
		{ "format",       required_argument, NULL, 'f' },
		{ "smtp",         required_argument, NULL, 's' },
		{ "from",         required_argument, NULL, 'F' },
		{ "template",     required_argument, NULL, 't' },
		{ "remind",       no_argument,       NULL, 'M' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	long long *idp;
	int        ch;
	char      *end;

	memset(o, 0, sizeof(*o));
	o->role = ROLE__COUNT;
	o->base = DEFAULT_BASE_URL;
	o->who = getenv("USER");
	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		idp = NULL;
		switch (ch) {
		case 'm': o->municipality = optarg; break;
		case 'a': o->approach = optarg; break;
		case 'O': o->organisation = optarg; break;
		case 'e': o->email = optarg; break;
		case 'b': o->base = optarg; break;
		case 'w': o->who = optarg; break;
		case 'W': o->reason = optarg; break;
		case 'f': o->format = optarg; break;
		case 's': o->smtp = optarg; break;
		case 'F': o->from = optarg; break;
		case 't': o->template = optarg; break;
		case 'o': o->out = optarg; break;
		case 'M': o->remind = 1; break;
		case 'I': idp = &o->reissue; break;
		case 'R': idp = &o->revoke; break;
		case 'P': idp = &o->reopen; break;
		case 'y':
			if (cli_parse_round(optarg, &o->round) == -1)
				return cli_usage_error(cmd, "--round: '%s' is "
				    "no year", optarg);
			break;
		case 'r':
			if ((o->role = (int)role_from_name(optarg)) ==
			    ROLE__COUNT)
				return cli_usage_error(cmd, "--role: '%s' is "
				    "gemeente or netwerkpartner", optarg);
			break;
		case 'x':
			o->days = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || end == optarg || o->days < 1 ||
			    o->days > 365)
				return cli_usage_error(cmd, "--expires: '%s' "
				    "is no number of days (1-365)", optarg);
			break;
		case 'h':
			fputs(usage, stdout);
			return -1;
		default:
			return cli_usage_error(cmd, "unknown option '%s'",
			    argv[optind - 1]);
		}
		if (idp != NULL && (*idp = parse_id(optarg)) == -1)
			return cli_usage_error(cmd, "'%s' is no invitation "
			    "number", optarg);
	}
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'",
		    argv[optind]);
	if (base_ok(o->base) == -1)
		return cli_usage_error(cmd, "--base-url: '%s' is no http:// "
		    "or https:// URL", o->base);
	if (o->who != NULL && cli_text_arg(cmd, "--inspector", o->who, 0))
		return EXIT_USAGE;
	cli_actor_inspector(&o->actor, o->who);
	return EXIT_OK;
}

/* The invitation id (after add or reissue) and its link, on stdout. */
static void
print_invitation(struct store *s, long long id, const char *base,
    const char *token, struct diags *d)
{
	struct invitation *inv = invite_get(s, id, d);
	char              *link = invite_mail_link(base, token);

	if (inv != NULL)
		printf("invitation %lld: %s %d, %s, %s %s, valid until %s\n",
		    inv->id, inv->municipality, inv->round, inv->approach,
		    role_name(inv->role), inv->organisation, inv->expires);
	printf("%s\n", link);
	free(link);
	invitation_free(inv);
}

static int
run_invite(struct store *s, const struct inv_opts *o, const char *now,
    struct diags *d)
{
	struct invite_new n;
	char              token[INVITE_TOKEN_LEN];
	long long         id;

	if (o->revoke > 0) {
		if (invite_revoke(s, o->revoke, &o->actor, now, d) == -1)
			return -1;
		printf("invitation %lld revoked\n", o->revoke);
	} else if (o->reopen > 0) {
		if (invite_reopen(s, o->reopen, &o->actor, now, o->reason,
		    d) == -1)
			return -1;
		printf("invitation %lld reopened\n", o->reopen);
	} else if (o->reissue > 0) {
		if (invite_reissue(s, o->reissue, o->days, &o->actor, now, token,
		    d) == -1)
			return -1;
		print_invitation(s, o->reissue, o->base, token, d);
	} else {
		n.municipality = o->municipality;
		n.round = o->round;
		n.approach = o->approach;
		n.role = (enum role)o->role;
		n.organisation = o->organisation;
		n.email = o->email;
		n.days = o->days;
		if (invite_add(s, &n, &o->actor, now, token, &id, d) == -1)
			return -1;
		print_invitation(s, id, o->base, token, d);
	}
	memset(token, 0, sizeof(token));
	return 0;
}

int
cmd_invite(const struct cli *cli, int argc, char **argv)
{
	struct inv_opts o;
	struct store   *s;
	struct diags    d;
	char            now[32];
	int             rc, modes;

	if ((rc = parse("invite ", argc, argv, &o, invite_usage)) != EXIT_OK)
		return rc == -1 ? EXIT_OK : rc;
	modes = (o.reissue > 0) + (o.revoke > 0) + (o.reopen > 0);
	if (modes > 1)
		return cli_usage_error("invite ", "one of --reissue, --revoke, "
		    "--reopen");
	if (modes == 0 && (o.municipality == NULL || o.approach == NULL ||
	    o.role == ROLE__COUNT || o.organisation == NULL))
		return cli_usage_error("invite ", "--municipality, --approach, "
		    "--role and --organisation are required");
	if (o.reopen > 0 && o.reason == NULL)
		return cli_usage_error("invite ", "--reopen needs --reason");
	if (o.reason != NULL && cli_text_arg("invite ", "--reason", o.reason,
	    0))
		return EXIT_USAGE;
	diags_init(&d);
	cli_timestamp(now);
	rc = EXIT_ERROR;
	if ((s = store_open(cli->db, STORE_WRITE, &d)) != NULL &&
	    run_invite(s, &o, now, &d) == 0)
		rc = EXIT_OK;
	cli_flush(&d);
	store_close(s);
	return rc;
}

/* ---- stj invitations ----------------------------------------------------- */

/* The round's invitations, copied out of invite_list(). */
struct inv_list {
	struct invitation **v;
	size_t              n;
};

static char *
dup_or_null(const char *s)
{
	return s == NULL ? NULL : xstrdup(s);
}

static void
collect(void *vl, const struct invitation *inv)
{
	struct inv_list   *l = vl;
	struct invitation *c = xcalloc(1, sizeof(*c));

	*c = *inv;
	c->municipality = xstrdup(inv->municipality);
	c->approach = xstrdup(inv->approach);
	c->organisation = xstrdup(inv->organisation);
	c->email = dup_or_null(inv->email);
	c->created = xstrdup(inv->created);
	c->expires = xstrdup(inv->expires);
	c->revoked = dup_or_null(inv->revoked);
	c->sent = dup_or_null(inv->sent);
	c->opened = dup_or_null(inv->opened);
	c->submitted = dup_or_null(inv->submitted);
	c->framework = xstrdup(inv->framework);
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n++] = c;
}

static void
list_free(struct inv_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		invitation_free(l->v[i]);
	free(l->v);
}

static void
print_list(const struct inv_list *l, int round)
{
	const char *last = NULL;
	size_t      i;

	if (l->n == 0) {
		printf("no invitations for round %d\n", round);
		return;
	}
	for (i = 0; i < l->n; i++) {
		const struct invitation *inv = l->v[i];
		if (last == NULL || strcmp(last, inv->approach) != 0)
			printf("%s %d, %s\n", inv->municipality, inv->round,
			    inv->approach);
		last = inv->approach;
		printf("  %lld %s, %s: %s", inv->id, role_name(inv->role),
		    inv->organisation, inv->revoked ? "revoked" :
		    invite_state_name(inv->state));
		if (inv->email != NULL)
			printf("; %s", inv->email);
		printf("; until %.10s; %s%.10s\n", inv->expires,
		    inv->sent ? "sent " : "not sent", inv->sent ? inv->sent :
		    "");
	}
}

/* What a run of texts needs beside the list. */
struct texts {
	struct invite_run      run;   /* what invite_mail.h's issuing needs */
	const struct inv_opts *o;
	char                   from[256];
	struct diags          *d;
};

/* --format csv: every text in one file, all or none. */
static int
write_csv(struct texts *x, const struct inv_list *l, size_t *count)
{
	struct outfile out;
	struct invite_text t;
	size_t         i;
	char          *link;
	int            rc = 0;

	if (outfile_open(&out, x->o->out ? x->o->out : "-", x->d) == -1)
		return -1;
	invite_csv_header(out.f);
	for (i = 0; rc == 0 && i < l->n; i++) {
		if (!invite_mail_selected(l->v[i], x->o->remind))
			continue;
		if ((rc = invite_mail_issue(&x->run, l->v[i], &t, &link, x->d)) == 0) {
			invite_csv_row(out.f, l->v[i], link, &t);
			invite_text_clear(&t);
			free(link);
			(*count)++;
		}
	}
	if (rc == 0)
		return outfile_commit(&out, x->d);
	outfile_abort(&out);
	return -1;
}

/* --format eml: DIR/uitnodiging-ID.eml per invitation. */
static int
write_eml(struct texts *x, const struct inv_list *l, size_t *count)
{
	struct outfile     out;
	struct invite_text t;
	size_t             i;
	char              *link, *msg, *path;
	int                rc = 0;

	for (i = 0; rc == 0 && i < l->n; i++) {
		if (!invite_mail_selected(l->v[i], x->o->remind))
			continue;
		if ((rc = invite_mail_issue(&x->run, l->v[i], &t, &link, x->d)) == -1)
			break;
		msg = invite_mail_message(x->o->from, l->v[i], &t, x->run.now);
		path = xasprintf("%s/uitnodiging-%lld.eml", x->o->out,
		    l->v[i]->id);
		if ((rc = outfile_open(&out, path, x->d)) == 0) {
			fputs(msg, out.f);
			rc = outfile_commit(&out, x->d);
		}
		(*count) += rc == 0;
		free(path);
		free(msg);
		free(link);
		invite_text_clear(&t);
	}
	return rc;
}

/* --smtp: each message in a transaction of its own (invite_mail_send). */
static int
send_all(struct texts *x, const struct inv_list *l, size_t *count)
{
	struct invite_mailer *m;
	size_t                i;
	int                   errors = 0;

	if ((m = invite_mailer_new(x->o->smtp, x->d)) == NULL)
		return -1;
	for (i = 0; i < l->n; i++) {
		const struct invitation *inv = l->v[i];
		if (!invite_mail_selected(inv, x->o->remind))
			continue;
		switch (invite_mail_send(&x->run, m, inv, x->d)) {
		case 0:
			printf("sent invitation %lld to %s\n", inv->id,
			    inv->email);
			(*count)++;
			break;
		case -1:
			errors++;
			break;
		}
	}
	invite_mailer_free(m);
	return errors == 0 ? 0 : -1;
}

static int
run_texts(struct texts *x, const struct inv_list *l)
{
	size_t count = 0;
	int    rc;

	if (x->o->smtp != NULL) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		rc = send_all(x, l, &count);
		curl_global_cleanup();
		printf("%zu invitations sent\n", count);
		return rc;
	}
	if (store_begin(x->run.s, x->d) == -1)
		return -1;
	rc = strcmp(x->o->format, "csv") == 0 ? write_csv(x, l, &count) :
	    write_eml(x, l, &count);
	if (store_finish(x->run.s, rc, x->d) == -1)
		return -1;
	if (x->o->out != NULL && !outfile_is_stream(x->o->out))
		printf("wrote %zu invitations to %s\n", count, x->o->out);
	return 0;
}

/* Checks the options of a run of texts; EXIT_OK or a usage error. */
static int
texts_usage(const struct inv_opts *o, char from[256])
{
	const char *cmd = "invitations ";

	if (o->smtp != NULL && o->format != NULL)
		return cli_usage_error(cmd, "--format or --smtp, not both");
	if (o->format != NULL && strcmp(o->format, "csv") != 0 &&
	    strcmp(o->format, "eml") != 0)
		return cli_usage_error(cmd, "--format: '%s' is csv or eml",
		    o->format);
	if (o->format != NULL && strcmp(o->format, "eml") == 0 &&
	    o->out == NULL)
		return cli_usage_error(cmd, "--format eml needs -o DIR");
	if ((o->smtp != NULL || (o->format != NULL &&
	    strcmp(o->format, "eml") == 0)) && o->from == NULL)
		return cli_usage_error(cmd, "--from ADDR is required for "
		    "e-mail");
	if (o->from != NULL && invite_mail_from(o->from, from) == -1)
		return cli_usage_error(cmd, "--from: '%s' is no address "
		    "('Name <addr@example.nl>', ASCII)", o->from);
	return EXIT_OK;
}

int
cmd_invitations(const struct cli *cli, int argc, char **argv)
{
	struct framework_set    set;
	struct invite_template *tpl = NULL;
	struct inv_opts         o;
	struct inv_list         l = { NULL, 0 };
	struct texts            x;
	struct diags            d;
	char                    now[32], *tpath;
	int                     rc, texts;

	if ((rc = parse("invitations ", argc, argv, &o,
	    invitations_usage)) != EXIT_OK)
		return rc == -1 ? EXIT_OK : rc;
	if (o.municipality == NULL)
		return cli_usage_error("invitations ", "--municipality is "
		    "required");
	memset(&x, 0, sizeof(x));
	if ((rc = texts_usage(&o, x.from)) != EXIT_OK)
		return rc;
	texts = o.format != NULL || o.smtp != NULL;
	diags_init(&d);
	cli_timestamp(now);
	memset(&set, 0, sizeof(set));
	rc = EXIT_ERROR;
	tpath = o.template ? xstrdup(o.template) :
	    xasprintf("%s/templates/uitnodiging.txt", cli->datadir);
	if (texts && ((tpl = invite_template_load(tpath, &d)) == NULL ||
	    cli_load_frameworks(cli, &set) == -1))
		goto out;
	x.o = &o;
	x.run.set = &set;
	x.run.tpl = tpl;
	x.run.base = o.base;
	x.run.from = o.from;
	x.run.days = o.days;
	x.run.actor = &o.actor;
	x.run.now = now;
	x.d = &d;
	if ((x.run.s = store_open(cli->db, texts ? STORE_WRITE : STORE_READ,
	    &d)) == NULL ||
	    invite_list(x.run.s, o.municipality, &o.round, collect, &l, &d) == -1)
		goto out;
	if (!texts) {
		print_list(&l, o.round);
		rc = EXIT_OK;
	} else if (run_texts(&x, &l) == 0)
		rc = EXIT_OK;
out:
	cli_flush(&d);
	store_close(x.run.s);
	list_free(&l);
	invite_template_free(tpl);
	framework_set_free(&set);
	free(tpath);
	return rc;
}

/* ---- stj respond ------------------------------------------------------------ */

static const char respond_usage[] =
"usage: stj respond --token TOKEN [--draft FILE.tsv] [--submit]\n"
"\n"
"What the online questionnaire does, from the command line (for typing in\n"
"a paper questionnaire on a respondent's behalf, and for scripts): shows\n"
"the invitation of TOKEN and its answers, saves the lines of FILE.tsv\n"
"(INDICATOR<tab>ANSWER[<tab>TOELICHTING]; '-': standard input) as its\n"
"draft, and with --submit stores the draft as the respondent's answers,\n"
"exactly as an import stores them. Once submitted it is read-only.\n";

struct shown {
	size_t answered;
};

static void
show_row(void *vctx, const char *indicator, const char *value,
    const char *toelichting)
{
	struct shown *sh = vctx;

	sh->answered += *value != '\0';
	printf("  %s\t%s", indicator, *value ? value : "-");
	if (toelichting != NULL) {
		putchar('\t');
		fput_escaped(stdout, toelichting, strlen(toelichting), 1);
	}
	putchar('\n');
}

/* Undoes the TSV escapes \n, \t, \r and \\ of s, in place. */
static void
unescape(char *s)
{
	char *o = s;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0' && strchr("ntr\\", s[1])) {
			s++;
			*o++ = *s == 'n' ? '\n' : *s == 't' ? '\t' :
			    *s == 'r' ? '\r' : '\\';
		} else
			*o++ = *s;
	}
	*o = '\0';
}

/* Reads FILE.tsv into answers (lines kept in *buf); -1 after d. */
static int
read_draft(const char *path, char **buf, struct invite_answer **a, size_t *n,
    struct diags *d)
{
	char  *line, *next, *tab;
	size_t len;
	long   lineno = 0;
	int    errors = 0;

	*a = NULL;
	*n = 0;
	if ((strcmp(path, "-") == 0 ? file_read_rest(stdin, NULL, 0,
	    CSV_MAX_FIELD * 4, buf, &len) : file_read_all(path,
	    CSV_MAX_FIELD * 4, buf, &len)) == -1) {
		diags_add(d, path, 0, MSG_IO, strerror(errno));
		return -1;
	}
	for (line = *buf; *line != '\0'; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		if (*line == '\0')
			continue;
		if ((tab = strchr(line, '\t')) == NULL) {
			diags_add(d, path, lineno, MSG_INV_DRAFT_LINE);
			errors++;
			continue;
		}
		*tab++ = '\0';
		*a = xrealloc(*a, (*n + 1) * sizeof(**a));
		(*a)[*n].indicator = line;
		(*a)[*n].value = tab;
		(*a)[*n].toelichting = NULL;
		if ((tab = strchr(tab, '\t')) != NULL) {
			*tab++ = '\0';
			unescape(tab);
			(*a)[*n].toelichting = tab;
		}
		(*n)++;
	}
	return errors ? -1 : 0;
}

static int
respond(struct store *s, const struct framework_set *set, const char *token,
    const char *draft, int submit, const char *now, struct diags *d)
{
	struct invite_answer *a = NULL;
	struct invitation    *inv = NULL;
	enum invite_refusal   why;
	struct shown          sh = { 0 };
	size_t                n = 0;
	char                 *buf = NULL;
	int                   rc = -1;

	if (draft != NULL && (read_draft(draft, &buf, &a, &n, d) == -1 ||
	    invite_save_draft(s, set, token, now, a, n, &why, d) == -1))
		goto out;
	if (submit && invite_submit(s, set, token, now, &why, d) == -1)
		goto out;
	if (invite_find(s, set, token, now, 1, &inv, &why, d) == -1 ||
	    inv == NULL)
		goto out;
	printf("invitation %lld: %s %d, %s, %s %s: %s\n", inv->id,
	    inv->municipality, inv->round, inv->approach, role_name(inv->role),
	    inv->organisation, invite_state_name(inv->state));
	if (invite_answers(s, token, now, show_row, &sh, &why, d) == -1)
		goto out;
	printf("%zu van %zu beantwoord\n", sh.answered,
	    questionnaire_count(inv->fw, inv->role));
	rc = 0;
out:
	invitation_free(inv);
	free(a);
	free(buf);
	return rc;
}

int
cmd_respond(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "token",  required_argument, NULL, 't' },
		{ "draft",  required_argument, NULL, 'd' },
		{ "submit", no_argument,       NULL, 's' },
		{ "help",   no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct framework_set set;
	struct store        *s = NULL;
	struct diags         d;
	const char          *token = NULL, *draft = NULL;
	char                 now[32];
	int                  ch, submit = 0, rc = EXIT_ERROR;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 't': token = optarg; break;
		case 'd': draft = optarg; break;
		case 's': submit = 1; break;
		case 'h':
			fputs(respond_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("respond ", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (token == NULL || optind < argc)
		return cli_usage_error("respond ", "--token TOKEN is required");
	diags_init(&d);
	cli_timestamp(now);
	memset(&set, 0, sizeof(set));
	if (cli_load_frameworks(cli, &set) == 0 &&
	    (s = store_open(cli->db, STORE_WRITE, &d)) != NULL &&
	    respond(s, &set, token, draft, submit, now, &d) == 0)
		rc = EXIT_OK;
	cli_flush(&d);
	store_close(s);
	framework_set_free(&set);
	return rc;
}
