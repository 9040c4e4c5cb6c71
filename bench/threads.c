/* SPDX-License-Identifier: MIT */
/*
 * threads: 4 threads each make N/4 raw getppid syscalls at once, so a
 * tracer with -f has to keep up with stops from several tasks in parallel.
 * Usage: threads [N]   (default 20000)
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "common.h"

#define NTHREADS 4

static void *worker(void *arg)
{
	long n = *(const long *)arg;

	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	return NULL;
}

int main(int argc, char **argv)
{
	long n = bench_count(argc, argv, 1, 20000);
	long share[NTHREADS];
	pthread_t tid[NTHREADS];

	/* Hand out the remainder too, so the total is exactly N. */
	for (int t = 0; t < NTHREADS; t++)
		share[t] = n / NTHREADS + (t < n % NTHREADS);
	for (int t = 0; t < NTHREADS; t++) {
		if (pthread_create(&tid[t], NULL, worker, &share[t])) {
			fprintf(stderr, "pthread_create failed\n");
			return 1;
		}
	}
	for (int t = 0; t < NTHREADS; t++)
		pthread_join(tid[t], NULL);
	return 0;
}
