/*
 * cmd_backup: "stj backup FILE": a checked copy of the database (backup.h).
 */
#include <getopt.h>
#include <stdio.h>

#include "backup.h"
#include "cli.h"
#include "store.h"

static const char backup_usage[] =
"usage: stj backup FILE\n"
"\n"
"Copies the database to FILE with SQLite's online backup API: stj serve\n"
"and imports may go on meanwhile; the copy is one committed state. It is\n"
"written under a temporary name beside FILE, checked (integrity_check,\n"
"application_id) and then renamed to FILE, replacing an older backup.\n"
"FILE may not be the database itself.\n"
"\n"
"Restore: stop stj serve, copy FILE over the database (and remove its\n"
"-wal and -shm files if left); an older schema is migrated on first open.\n"
"\n"
"Options:\n"
"  -h, --help   this help\n";

int
cmd_backup(const struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct diags  d;
	struct store *s;
	int           ch, rc = EXIT_ERROR;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			fputs(backup_usage, stdout);
			return EXIT_OK;
		default:
			return cli_usage_error("backup ", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("backup ", argc > optind + 1 ?
		    "unexpected '%s'" : "missing FILE%s",
		    argc > optind + 1 ? argv[optind + 1] : "");
	diags_init(&d);
	if ((s = store_open(cli->db, STORE_READ, &d)) != NULL &&
	    store_backup(s, cli->db, argv[optind], &d) == 0)
		rc = EXIT_OK;
	store_close(s);
	cli_flush(&d);
	return rc;
}
