/* SPDX-License-Identifier: MIT */
/*
 * openclose: N x (openat a small file, read it, close it): three calls per
 * iteration with a path string, a returned fd and a read buffer, the mix a
 * decoding tracer spends most on.
 * Usage: openclose [N]   (default 6000)
 * The file is made in $TMPDIR (or /tmp) at start and removed at the end, so
 * the workload does not depend on any file of the host.
 */
/* -std=c11 hides POSIX calls unless asked for. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"

int main(int argc, char **argv)
{
	long n = bench_count(argc, argv, 1, 6000);
	const char *dir = getenv("TMPDIR");
	char path[4096];
	char buf[256];
	int fd;

	if (!dir || !*dir)
		dir = "/tmp";
	snprintf(path, sizeof(path), "%s/tattle-bench-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0) {
		perror("mkstemp");
		return 1;
	}
	/* 64 bytes: small enough that one read() returns the whole file. */
	memset(buf, 'a', 64);
	if (write(fd, buf, 64) != 64) {
		perror("write");
		return 1;
	}
	close(fd);

	for (long i = 0; i < n; i++) {
		fd = open(path, O_RDONLY);
		if (fd < 0) {
			perror(path);
			unlink(path);
			return 1;
		}
		if (read(fd, buf, sizeof(buf)) != 64) {
			perror("read");
			unlink(path);
			return 1;
		}
		close(fd);
	}
	unlink(path);
	return 0;
}
