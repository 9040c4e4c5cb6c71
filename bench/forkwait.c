/* SPDX-License-Identifier: MIT */
/*
 * forkwait: N x (fork, child _exit(0), parent waitpid).  Measures what a
 * tracer with -f pays to attach to, and reap, short-lived processes.
 * Usage: forkwait [N]   (default 1000)
 */
/* -std=c11 hides POSIX calls unless asked for. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common.h"

int main(int argc, char **argv)
{
	long n = bench_count(argc, argv, 1, 1000);

	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		int st;

		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0)
			_exit(0);
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st)) {
			fprintf(stderr, "forkwait: bad child status\n");
			return 1;
		}
	}
	return 0;
}
