/* SPDX-License-Identifier: MIT */
/* Threads and processes for the seccomp tests (tests/filter-seccomp.sh):
 * every thread or child makes N getppid and K openat + close, so a trace
 * filtered to getppid or openat has a known count whatever the timing.
 *
 *   filter_threads threads T N K   T threads (the main thread waits)
 *   filter_threads forks P N K     P children, each with a thread of its own
 * Prints "getppid X" and "openat Y": the calls the workers made. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long n_getppid, n_openat;

static void *work(void *arg)
{
	(void)arg;
	for (long i = 0; i < n_getppid; i++)
		syscall(SYS_getppid);
	for (long i = 0; i < n_openat; i++) {
		long fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY);
		if (fd < 0)
			_exit(3);	/* ENOSYS would mean a filter without its tracer */
		syscall(SYS_close, fd);
	}
	return NULL;
}

static int threads(int t)
{
	pthread_t tid[64];
	if (t > 64)
		t = 64;
	for (int i = 0; i < t; i++)
		if (pthread_create(&tid[i], NULL, work, NULL))
			return 1;
	for (int i = 0; i < t; i++)
		pthread_join(tid[i], NULL);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: %s threads|forks COUNT N K\n", argv[0]);
		return 2;
	}
	int count = atoi(argv[2]);
	n_getppid = atol(argv[3]);
	n_openat = atol(argv[4]);
	int workers = count;
	if (!strcmp(argv[1], "threads")) {
		if (threads(count))
			return 1;
	} else {
		for (int i = 0; i < count; i++) {
			pid_t p = fork();
			if (p == 0)
				_exit(threads(1));
		}
		int st, bad = 0;
		while (wait(&st) > 0)
			bad |= !WIFEXITED(st) || WEXITSTATUS(st);
		if (bad)
			return 1;
	}
	printf("getppid %ld\nopenat %ld\n", workers * n_getppid, workers * n_openat);
	return 0;
}
