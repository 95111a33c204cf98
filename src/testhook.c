/*
 * testhook: the kill switch of the crash tests. See testhook.h.
 */
#include "testhook.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

void
testhook_point(const char *name)
{
	static long hits;
	const char *want = getenv("STJ_TEST_KILL_AT");
	size_t      len;
	long        nth = 1;

	if (want == NULL)
		return;
	len = strcspn(want, ":");
	if (strncmp(want, name, len) != 0 || name[len] != '\0')
		return;
	if (want[len] == ':')
		nth = strtol(want + len + 1, NULL, 10);
	if (++hits >= nth)
		raise(SIGKILL);
}
