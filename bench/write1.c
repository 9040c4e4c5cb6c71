/* SPDX-License-Identifier: MIT */
/*
 * write1: N one-byte write() calls to /dev/null.  Like getppid, but each
 * call has a buffer argument a decoding tracer has to fetch from the tracee.
 * Usage: write1 [N]   (default 20000)
 */
/* -std=c11 hides POSIX calls unless asked for. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <unistd.h>

#include "common.h"

int main(int argc, char **argv)
{
	long n = bench_count(argc, argv, 1, 20000);
	int fd = open("/dev/null", O_WRONLY);

	if (fd < 0) {
		perror("/dev/null");
		return 1;
	}
	for (long i = 0; i < n; i++) {
		if (write(fd, "x", 1) != 1) {
			perror("write");
			return 1;
		}
	}
	close(fd);
	return 0;
}
