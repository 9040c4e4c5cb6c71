/* SPDX-License-Identifier: MIT */
/*
 * Shared helper for the bench workloads: every workload takes an optional
 * iteration count as its first argument so run.sh can scale runs to the
 * machine without recompiling.
 */
#ifndef TATTLE_BENCH_COMMON_H
#define TATTLE_BENCH_COMMON_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

/* Parse argv[idx] as a positive count, falling back to def when absent. */
static inline long bench_count(int argc, char **argv, int idx, long def)
{
	char *end;
	long n;

	if (argc <= idx)
		return def;
	errno = 0;
	n = strtol(argv[idx], &end, 10);
	if (errno || *end != '\0' || n <= 0) {
		fprintf(stderr, "%s: bad iteration count '%s'\n", argv[0], argv[idx]);
		exit(2);
	}
	return n;
}

#endif
