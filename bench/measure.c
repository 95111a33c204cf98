/*
 * measure: runs a command and prints "SECONDS MAXRSS_KB" of it on
 * stderr-free stdout, so bench/run.sh needs no /usr/bin/time.
 * usage: measure [-o OUTFILE] [-i INFILE] CMD ARG...
 */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage   ru;
	const char     *out = "/dev/null", *in = NULL;
	pid_t           pid;
	int             status, fd, i = 1;

	while (i + 1 < argc && argv[i][0] == '-' && argv[i][2] == '\0' &&
	    (argv[i][1] == 'o' || argv[i][1] == 'i')) {
		if (argv[i][1] == 'o')
			out = argv[i + 1];
		else
			in = argv[i + 1];
		i += 2;
	}
	if (i >= argc) {
		fputs("usage: measure [-o OUT] [-i IN] CMD ARG...\n", stderr);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) == 0) {
		if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0)
			dup2(fd, 1);
		if (in != NULL && (fd = open(in, O_RDONLY)) >= 0)
			dup2(fd, 0);
		execvp(argv[i], argv + i);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
		return 1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%.3f %ld\n", (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, ru.ru_maxrss);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
