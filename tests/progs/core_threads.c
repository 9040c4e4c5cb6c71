/* SPDX-License-Identifier: MIT */
/* 4 threads, each making N getppid calls (default 100000): every call must
 * be traced exactly once. Prints nothing. */
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static long n = 100000;

static void *worker(void *arg)
{
	(void)arg;
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t[4];
	if (argc > 1)
		n = atol(argv[1]);
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	return 0;
}
