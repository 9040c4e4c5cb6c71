/* SPDX-License-Identifier: MIT */
/* For --summary-by: the parent calls getppid 2 times, a thread 3 times,
 * a child process 4 times. */
#include <pthread.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void *thread_main(void *arg)
{
	for (int i = 0; i < 3; i++)
		syscall(SYS_getppid);
	return arg;
}

int main(void)
{
	pthread_t th;
	if (pthread_create(&th, NULL, thread_main, NULL))
		return 1;
	pthread_join(th, NULL);
	pid_t pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		for (int i = 0; i < 4; i++)
			syscall(SYS_getppid);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	for (int i = 0; i < 2; i++)
		syscall(SYS_getppid);
	return 0;
}
