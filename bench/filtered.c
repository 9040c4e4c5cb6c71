/* SPDX-License-Identifier: MIT */
/*
 * filtered: the workload for filtered tracing (-e trace=openat): many
 * untraced calls with a few traced ones among them, so a tracer is judged
 * on how cheaply it lets the uninteresting calls through.
 *
 * Usage: filtered single|threads [GETPPIDS [OPENATS]]
 *        (defaults 1000000 getppid and 100 openat)
 *
 *   single   one thread makes every call; one openat before each block of
 *            GETPPIDS/OPENATS getppid calls.
 *   threads  4 worker threads share the getppid calls and never make a
 *            traced call; the main thread makes the openat calls, paced
 *            by worker 0's progress so they are spread over the run, then
 *            joins the workers.
 *
 * The opened fds are left open on purpose: closing them would add calls
 * the brief does not count, and 100 fds are far below any fd limit.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "common.h"

#define NTHREADS 4

static long n_openat;
static sem_t pace;

struct job {
	long calls;
	int pacer;	/* only worker 0 paces the main thread */
};

static void do_openat(void)
{
	if (openat(AT_FDCWD, "/dev/null", O_RDONLY | O_CLOEXEC) < 0) {
		perror("openat /dev/null");
		_exit(1);
	}
}

static void *worker(void *arg)
{
	const struct job *job = arg;
	long every = job->calls / n_openat;
	long posted = 0;

	if (every < 1)
		every = 1;
	for (long i = 0; i < job->calls; i++) {
		/*
		 * sem_post makes a futex call only when main is already
		 * waiting, so this adds at most n_openat untraced calls.
		 */
		if (job->pacer && i % every == 0 && posted < n_openat) {
			sem_post(&pace);
			posted++;
		}
		syscall(SYS_getppid);
	}
	/* Never leave main waiting if the division left posts unsent. */
	while (job->pacer && posted < n_openat) {
		sem_post(&pace);
		posted++;
	}
	return NULL;
}

static int run_single(long n)
{
	long every = n / n_openat;
	long opened = 0;

	if (every < 1)
		every = 1;
	for (long i = 0; i < n; i++) {
		if (i % every == 0 && opened < n_openat) {
			do_openat();
			opened++;
		}
		syscall(SYS_getppid);
	}
	while (opened++ < n_openat)
		do_openat();
	return 0;
}

static int run_threads(long n)
{
	struct job job[NTHREADS];
	pthread_t tid[NTHREADS];

	if (sem_init(&pace, 0, 0)) {
		perror("sem_init");
		return 1;
	}
	for (int t = 0; t < NTHREADS; t++) {
		job[t].calls = n / NTHREADS + (t < n % NTHREADS);
		job[t].pacer = (t == 0);
		if (pthread_create(&tid[t], NULL, worker, &job[t])) {
			fprintf(stderr, "pthread_create failed\n");
			return 1;
		}
	}
	for (long k = 0; k < n_openat; k++) {
		while (sem_wait(&pace))
			;	/* EINTR: a tracer's signals must not lose a post */
		do_openat();
	}
	for (int t = 0; t < NTHREADS; t++)
		pthread_join(tid[t], NULL);
	return 0;
}

int main(int argc, char **argv)
{
	long n;

	if (argc < 2) {
		fprintf(stderr, "usage: %s single|threads [GETPPIDS [OPENATS]]\n",
			argv[0]);
		return 2;
	}
	n = bench_count(argc, argv, 2, 1000000);
	n_openat = bench_count(argc, argv, 3, 100);
	if (strcmp(argv[1], "single") == 0)
		return run_single(n);
	if (strcmp(argv[1], "threads") == 0)
		return run_threads(n);
	fprintf(stderr, "%s: unknown shape '%s'\n", argv[0], argv[1]);
	return 2;
}
