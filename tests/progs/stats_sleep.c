/* SPDX-License-Identifier: MIT */
/* For the latency tests: COUNT nanosleep calls of MS milliseconds each,
 * each followed by GETPPID getppid calls. Prints on stdout what it measured
 * itself around the nanosleep calls, "self P50 P99 MAX" in ns (ranks
 * ceil(q * COUNT)): a tracer's figures for the calls lie between MS and
 * these, whatever the load of the machine.
 * Usage: stats_sleep MS COUNT [GETPPID] */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return x < y ? -1 : x > y;
}

static long long rank(const long long *v, int n, int pct)
{
	int r = (n * pct + 99) / 100;	/* ceil(q * n), 1-based */
	return v[(r < 1 ? 1 : r) - 1];
}

int main(int argc, char **argv)
{
	if (argc < 3)
		return 2;
	long ms = atol(argv[1]);
	int n = atoi(argv[2]), g = argc > 3 ? atoi(argv[3]) : 0;
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	long long *took = calloc((size_t)n + 1, sizeof(*took));
	if (!took)
		return 1;
	for (int i = 0; i < n; i++) {
		long long t0 = now_ns();
		/* nanosleep itself, not glibc's clock_nanosleep */
		if (syscall(SYS_nanosleep, &ts, NULL) < 0)
			return 1;
		took[i] = now_ns() - t0;
		for (int k = 0; k < g; k++)
			syscall(SYS_getppid);
	}
	if (n > 0) {
		qsort(took, (size_t)n, sizeof(*took), cmp);
		printf("self %lld %lld %lld\n", rank(took, n, 50), rank(took, n, 99), took[n - 1]);
		fflush(stdout);	/* before any exit handler that might not return */
	}
	return 0;
}
