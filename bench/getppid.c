/* SPDX-License-Identifier: MIT */
/*
 * getppid: N raw getppid syscalls, the cheapest syscall there is, so the
 * run time is almost entirely the tracer's per-stop cost.
 * Usage: getppid [N]   (default 20000)
 */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <unistd.h>

#include "common.h"

int main(int argc, char **argv)
{
	long n = bench_count(argc, argv, 1, 20000);

	/* syscall() rather than getppid() so no libc can answer from a cache. */
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	return 0;
}
