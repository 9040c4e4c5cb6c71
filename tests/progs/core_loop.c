/* SPDX-License-Identifier: MIT */
/* A process to attach to: THREADS threads (argv[1], default 1) each loop
 * getppid + a 20 ms nanosleep, forever (the test kills it). */
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void *loop(void *arg)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	(void)arg;
	for (;;) {
		syscall(SYS_getppid);
		nanosleep(&ts, NULL);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	pthread_t t;
	for (int i = 1; i < n; i++)
		pthread_create(&t, NULL, loop, NULL);
	loop(NULL);
	return 0;
}
