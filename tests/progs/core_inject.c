/* SPDX-License-Identifier: MIT */
/* Syscall tampering: "getppid N" calls getppid() N times (default 10) and
 * prints what each call returned, "ret errno" a line (errno 0 unless -1);
 * "write" writes "hello\n" to stdout once and reports the result the same
 * way on stderr. The results show what the tracer injected. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "write")) {
		ssize_t r = write(1, "hello\n", 6);
		fprintf(stderr, "%zd %d\n", r, r < 0 ? errno : 0);
		return 0;
	}
	int n = argc > 2 ? atoi(argv[2]) : 10;
	long res[100];
	int err[100];
	if (n < 0 || n > 100)
		return 2;
	for (int i = 0; i < n; i++) {
		errno = 0;
		res[i] = getppid();
		err[i] = res[i] < 0 ? errno : 0;
	}
	for (int i = 0; i < n; i++)
		printf("%ld %d\n", res[i], err[i]);
	return 0;
}
