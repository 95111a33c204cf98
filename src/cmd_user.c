/*
 * cmd_user: "stj user" — the accounts of stj serve (account.h): add one,
 * set its password, disable or enable it, change its role, list them.
 *
 * A password is never an argument (it would sit in the shell's history
 * and in ps): on a terminal it is asked twice without echo, otherwise
 * standard input gives it as one line (scripts, the tests).
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "account.h"
#include "cli.h"
#include "util.h"

static const char user_usage[] =
"usage: stj user add NAME --role ROLE [--municipality M]\n"
"       stj user passwd NAME\n"
"       stj user disable NAME\n"
"       stj user enable NAME\n"
"       stj user role NAME --role ROLE [--municipality M]\n"
"       stj user list [--format text|tsv]\n"
"\n"
"The accounts that log in to stj serve. ROLE is beheerder (accounts),\n"
"inspecteur (every round, every change), gemeente (its own municipality,\n"
"named with --municipality) or lezer (reads everything). add and passwd\n"
"ask for the password twice on a terminal and read one line from\n"
"standard input otherwise; it has at least 12 characters. disable,\n"
"passwd and role end the account's sessions. Logged in the account log\n"
"under $USER.\n";

/* A line of a password, read without echo, at most this long. */
#define LINE_MAX_BYTES 1024

/* Writes s for a terminal, control characters escaped (util.h). */
static void
put_safe(FILE *f, const char *s)
{
	fput_escaped(f, s, strlen(s), 0);
}

/* Now, as the audit log has it ($STJ_TEST_NOW pins it for the tests). */
static time_t
now_time(void)
{
	struct tm tm;
	char      at[32];

	cli_timestamp(at);
	memset(&tm, 0, sizeof(tm));
	if (sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2dZ", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return time(NULL);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return timegm(&tm);
}

/* The terminal as it was, put back when a signal ends the prompt. */
static struct termios saved_tty;
static volatile sig_atomic_t tty_changed;

static void
restore_tty(int sig)
{
	if (tty_changed)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * One line of f into buf (the line break dropped): 0; 1 at end of input
 * before any character; -1 when longer than the buffer.
 */
static int
read_line(FILE *f, char *buf, size_t size)
{
	size_t n;

	if (fgets(buf, (int)size, f) == NULL)
		return 1;
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (n == size - 1 && !feof(f))
		return -1;
	if (n > 0 && buf[n - 1] == '\r')   /* a line from Windows */
		buf[--n] = '\0';
	return 0;
}

/* Asks prompt on stderr and reads a line from the terminal, no echo. */
static int
ask(const char *prompt, char *buf, size_t size, struct diags *d)
{
	struct termios quiet;
	int            rc;

	if (tcgetattr(STDIN_FILENO, &saved_tty) == -1) {
		diags_add(d, NULL, 0, MSG_PASSWORD_TTY, strerror(errno));
		return -1;
	}
	quiet = saved_tty;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	quiet.c_lflag |= ECHONL;
	signal(SIGINT, restore_tty);
	signal(SIGTERM, restore_tty);
	signal(SIGHUP, restore_tty);
	tty_changed = 1;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	/* Only now: what is typed before the echo is off is discarded. */
	fputs(prompt, stderr);
	fflush(stderr);
	rc = read_line(stdin, buf, size);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
	tty_changed = 0;
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	if (rc == -1)
		diags_add(d, NULL, 0, MSG_PASSWORD_LONG, ACCOUNT_PASSWORD_MAX);
	else if (rc == 1)
		diags_add(d, NULL, 0, MSG_PASSWORD_NONE);
	return rc == 0 ? 0 : -1;
}

/*
 * The new password of account name into pw (size bytes): asked twice on
 * a terminal, else one line of standard input. Checked by the rules of
 * account_password_check().
 */
static int
read_password(const char *name, char *pw, size_t size, struct diags *d)
{
	char again[LINE_MAX_BYTES];
	int  rc;

	if (isatty(STDIN_FILENO)) {
		fputs("New password for '", stderr);
		put_safe(stderr, name);
		fputs("' (at least 12 characters).\n", stderr);
		rc = ask("Password: ", pw, size, d) == 0 &&
		    ask("Again: ", again, sizeof(again), d) == 0 ? 0 : -1;
		if (rc == 0 && strcmp(pw, again) != 0) {
			diags_add(d, NULL, 0, MSG_PASSWORD_MISMATCH);
			rc = -1;
		}
		sodium_memzero(again, sizeof(again));
	} else if ((rc = read_line(stdin, pw, size)) != 0) {
		diags_add(d, NULL, 0, rc == 1 ? MSG_PASSWORD_NONE :
		    MSG_PASSWORD_LONG, ACCOUNT_PASSWORD_MAX);
		rc = -1;
	}
	if (rc == 0)
		rc = account_password_check(name, pw, d);
	return rc;
}

/* "; N session(s) ended" when any did. */
static void
say_ended(int ended)
{
	if (ended > 0)
		printf("; %d session%s ended", ended, ended == 1 ? "" : "s");
	putchar('\n');
}

/* What the subcommands share: the store, the clock, who, diagnostics. */
struct run {
	struct store *s;
	struct diags  d;
	time_t        now;
	const char   *who;
};

static int
run_open(struct run *r, const struct cli *cli, enum store_mode mode)
{
	diags_init(&r->d);
	r->now = now_time();
	r->who = getenv("USER");
	return (r->s = store_open(cli->db, mode, &r->d)) == NULL ? -1 : 0;
}

static int
run_close(struct run *r, int ok)
{
	store_close(r->s);
	cli_flush(&r->d);
	return ok ? EXIT_OK : EXIT_ERROR;
}

static int
do_add(const struct cli *cli, const char *name, enum access_role role,
    const char *mun)
{
	struct run r;
	char       pw[LINE_MAX_BYTES];
	int        ok = 0;

	/* Everything but the password first: nobody types it twice in
	 * vain. */
	if (run_open(&r, cli, STORE_CREATE) == 0 &&
	    account_check_new(r.s, name, &r.d) == 0 &&
	    (role != ACCESS_GEMEENTE ||
	    store_resolve_municipality(r.s, &mun, &r.d) == 0) &&
	    read_password(name, pw, sizeof(pw), &r.d) == 0 &&
	    account_add(r.s, name, role, mun, pw, r.who, r.now, &r.d) == 0) {
		struct account a;

		if (account_find(r.s, name, &a, &r.d) == 0) {
			fputs("added account '", stdout);
			put_safe(stdout, a.name);
			printf("' (%s", access_role_name(a.role));
			if (a.municipality != NULL) {
				fputs(" of ", stdout);
				put_safe(stdout, a.municipality);
			}
			fputs(")\n", stdout);
			ok = 1;
		}
		account_clear(&a);
	}
	sodium_memzero(pw, sizeof(pw));
	return run_close(&r, ok);
}

static int
do_passwd(const struct cli *cli, const char *name)
{
	struct account a;
	struct run     r;
	char           pw[LINE_MAX_BYTES];
	int            ok = 0, ended;

	memset(&a, 0, sizeof(a));
	if (run_open(&r, cli, STORE_WRITE) == 0 &&
	    account_find(r.s, name, &a, &r.d) == 0 &&
	    read_password(a.name, pw, sizeof(pw), &r.d) == 0 &&
	    account_passwd(r.s, a.name, pw, r.who, r.now, &ended,
	    &r.d) == 0) {
		fputs("changed the password of '", stdout);
		put_safe(stdout, a.name);
		putchar('\'');
		say_ended(ended);
		ok = 1;
	}
	sodium_memzero(pw, sizeof(pw));
	account_clear(&a);
	return run_close(&r, ok);
}

/* disable (on 1) or enable (on 0) account name. */
static int
do_disable(const struct cli *cli, const char *name, int on)
{
	struct account a;
	struct run     r;
	int            ok = 0, ended = 0;

	memset(&a, 0, sizeof(a));
	if (run_open(&r, cli, STORE_WRITE) == 0 &&
	    account_find(r.s, name, &a, &r.d) == 0 &&
	    (on ? account_disable(r.s, a.name, r.who, r.now, &ended, &r.d) :
	    account_enable(r.s, a.name, r.who, r.now, &r.d)) == 0) {
		printf("%s account '", on ? "disabled" : "enabled");
		put_safe(stdout, a.name);
		putchar('\'');
		say_ended(ended);
		ok = 1;
	}
	account_clear(&a);
	return run_close(&r, ok);
}

static int
do_role(const struct cli *cli, const char *name, enum access_role role,
    const char *mun)
{
	struct account a;
	struct run     r;
	int            ok = 0, ended = 0;

	memset(&a, 0, sizeof(a));
	if (run_open(&r, cli, STORE_WRITE) == 0 &&
	    account_find(r.s, name, &a, &r.d) == 0 &&
	    account_set_role(r.s, a.name, role, mun, r.who, r.now, &ended,
	    &r.d) == 0) {
		fputs("account '", stdout);
		put_safe(stdout, a.name);
		printf("' is %s now", access_role_name(role));
		say_ended(ended);
		ok = 1;
	}
	account_clear(&a);
	return run_close(&r, ok);
}

/* The rows of stj user list, kept to align the columns. */
struct table {
	char  **cell;      /* rows x 5 */
	size_t  rows;
	size_t  width[5];
};

static const char *const columns[5] = {
	"name", "role", "municipality", "disabled", "last login"
};

/* Characters of UTF-8 s, as a terminal aligns them (roughly). */
static size_t
width(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static void
table_add(struct table *t, const char *const v[5])
{
	size_t i;

	t->cell = xrealloc(t->cell, (t->rows + 1) * 5 * sizeof(*t->cell));
	for (i = 0; i < 5; i++) {
		t->cell[t->rows * 5 + i] = xstrdup(v[i]);
		if (width(v[i]) > t->width[i])
			t->width[i] = width(v[i]);
	}
	t->rows++;
}

static void
list_row(void *ctx, const struct account *a)
{
	const char *v[5];

	v[0] = a->name;
	v[1] = access_role_name(a->role);
	v[2] = a->municipality != NULL ? a->municipality : "-";
	v[3] = a->disabled ? "yes" : "no";
	v[4] = a->last_login != NULL ? a->last_login : "never";
	table_add(ctx, v);
}

static void
table_print(const struct table *t, int tsv)
{
	size_t r, i, pad;

	for (r = 0; r < t->rows; r++)
		for (i = 0; i < 5; i++) {
			const char *c = t->cell[r * 5 + i];

			fput_escaped(stdout, c, strlen(c), tsv);
			if (i == 4)
				putchar('\n');
			else if (tsv)
				putchar('\t');
			else
				for (pad = width(c); pad < t->width[i] + 2;
				    pad++)
					putchar(' ');
		}
}

static int
do_list(const struct cli *cli, int tsv)
{
	struct table t;
	struct run   r;
	size_t       i;
	int          ok = 0;

	memset(&t, 0, sizeof(t));
	table_add(&t, columns);
	if (run_open(&r, cli, STORE_READ) == 0 &&
	    account_list(r.s, list_row, &t, &r.d) == 0) {
		table_print(&t, tsv);
		ok = 1;
	}
	for (i = 0; i < t.rows * 5; i++)
		free(t.cell[i]);
	free(t.cell);
	return run_close(&r, ok);
}

/* Options of a subcommand. */
struct opts {
	const char *role, *municipality, *format;
	int         help;
};

static int
parse(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "role",         required_argument, NULL, 'r' },
		{ "municipality", required_argument, NULL, 'm' },
		{ "format",       required_argument, NULL, 'f' },
		{ "help",         no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	memset(o, 0, sizeof(*o));
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r': o->role = optarg; break;
		case 'm': o->municipality = optarg; break;
		case 'f': o->format = optarg; break;
		case 'h': o->help = 1; break;
		default:
			return cli_usage_error("user ", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	return -1;
}

/* The role of --role and --municipality, for add and role. */
static int
parse_role(const struct opts *o, enum access_role *role)
{
	if (o->role == NULL)
		return cli_usage_error("user ", "--role is required");
	if (access_role_parse(o->role, role) == -1)
		return cli_usage_msg("user ", MSG_ACCOUNT_ROLE, o->role);
	if (*role == ACCESS_GEMEENTE && o->municipality == NULL)
		return cli_usage_msg("user ", MSG_ACCOUNT_NEEDS_MUN);
	if (*role != ACCESS_GEMEENTE && o->municipality != NULL)
		return cli_usage_msg("user ", MSG_ACCOUNT_MUN_ONLY, o->role);
	return -1;
}

static const char *const subcommands[] = {
	"add", "passwd", "disable", "enable", "role", "list", NULL
};

int
cmd_user(const struct cli *cli, int argc, char **argv)
{
	struct opts o;
	enum access_role   role;
	const char *sub, *name;
	size_t      i;
	int         rc, tsv = 0;

	if (argc < 2) {
		fputs(user_usage, stderr);
		return EXIT_USAGE;
	}
	sub = argv[1];
	for (i = 0; subcommands[i] != NULL && strcmp(sub, subcommands[i]); i++)
		continue;
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		fputs(user_usage, stdout);
		return EXIT_OK;
	}
	if (subcommands[i] == NULL)
		return cli_usage_error("user ", "unknown subcommand '%s' (add, "
		    "passwd, disable, enable, role, list)", sub);
	if ((rc = parse(argc - 1, argv + 1, &o)) != -1)
		return rc;
	if (o.help) {
		fputs(user_usage, stdout);
		return EXIT_OK;
	}
	if (strcmp(sub, "list") == 0) {
		if (argc - 1 != optind || o.role || o.municipality)
			return cli_usage_error("user ", "list takes only "
			    "--format");
		if (o.format != NULL && strcmp(o.format, "text") != 0 &&
		    !(tsv = strcmp(o.format, "tsv") == 0))
			return cli_usage_error("user ", "unknown format '%s'",
			    o.format);
		return do_list(cli, tsv);
	}
	/* getopt moved the NAME behind the options. */
	if (argc - 1 - optind != 1 || o.format != NULL)
		return cli_usage_error("user ", "%s takes one NAME", sub);
	name = argv[1 + optind];
	if (strcmp(sub, "add") == 0 || strcmp(sub, "role") == 0) {
		if ((rc = parse_role(&o, &role)) != -1)
			return rc;
		return sub[0] == 'a' ? do_add(cli, name, role, o.municipality) :
		    do_role(cli, name, role, o.municipality);
	}
	if (o.role != NULL || o.municipality != NULL)
		return cli_usage_error("user ", "%s takes no --role or "
		    "--municipality", sub);
	if (strcmp(sub, "passwd") == 0)
		return do_passwd(cli, name);
	return do_disable(cli, name, sub[0] == 'd');
}
