/* SPDX-License-Identifier: MIT */
/* Process-control corner cases, by argv[1]:
 *  thread-exec: a non-leader thread calls execve("/bin/true")
 *  vfork:       vfork + execve("/bin/true") + wait
 *  killmid:     a child blocked in read() is SIGKILLed by its parent
 *  forkpipe:    deterministic fork, pipe, write, read, wait (for counts) */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char *const true_argv[] = { "true", NULL };

static void *exec_thread(void *arg)
{
	(void)arg;
	execv("/bin/true", true_argv);
	return NULL;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "forkpipe";
	int st = 0;
	if (!strcmp(mode, "thread-exec")) {
		pthread_t t;
		pthread_create(&t, NULL, exec_thread, NULL);
		for (;;)
			pause();
	}
	if (!strcmp(mode, "vfork")) {
		pid_t p = vfork();
		if (p == 0) {
			execv("/bin/true", true_argv);
			_exit(127);
		}
		waitpid(p, &st, 0);
		return WEXITSTATUS(st);
	}
	if (!strcmp(mode, "killmid")) {
		int fds[2];
		char c;
		if (pipe(fds) < 0)
			return 1;
		pid_t p = fork();
		if (p == 0) {
			if (read(fds[0], &c, 1) < 0)
				_exit(2);
			_exit(0);
		}
		struct timespec ts = { 0, 100 * 1000 * 1000 };
		nanosleep(&ts, NULL);	/* let it block in read */
		kill(p, SIGKILL);
		waitpid(p, &st, 0);
		return WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL ? 0 : 1;
	}
	/* forkpipe */
	int fds[2];
	char buf[8];
	if (pipe(fds) < 0)
		return 1;
	pid_t p = fork();
	if (p == 0) {
		close(fds[0]);
		if (write(fds[1], "hello", 5) != 5)
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	while (read(fds[0], buf, sizeof(buf)) > 0)
		;
	waitpid(p, &st, 0);
	return 0;
}
