/* SPDX-License-Identifier: MIT */
/* -Y (tests/core-pids.sh): calls that take and return pids, a child that
 * renames itself to a name with a tab and brackets, and a thread named
 * "worker" (with "thread"). Every step waits for the one before through a
 * pipe or a signal wait that is not traced, so the trace has one order
 * (but for the thread: run it with -ff). */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void *worker(void *arg)
{
	(void)arg;
	prctl(PR_SET_NAME, "worker");
	syscall(SYS_gettid);
	return NULL;
}

int main(int argc, char **argv)
{
	pid_t me = getpid();
	getppid();
	syscall(SYS_gettid);
	kill(me, 0);
	kill(0, 0);
	syscall(SYS_tgkill, me, me, 0);
	sched_getscheduler(me);
	struct rlimit rl;
	prlimit(me, RLIMIT_NOFILE, NULL, &rl);
	getpgid(me);

	int go[2];
	if (pipe(go) < 0)
		return 1;
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid_t kid = fork();
	if (kid < 0)
		return 1;
	if (kid == 0) {
		char c;
		if (read(go[0], &c, 1) != 1)	/* after the parent's fork line */
			_exit(1);
		prctl(PR_SET_NAME, "kid\t<x>");
		getpid();
		getppid();
		_exit(0);
	}
	if (write(go[1], "g", 1) != 1)
		return 1;
	siginfo_t si;
	/* not traced: SIGCHLD comes once the tracer is done with the child's
	 * exit (its "+++ exited" line is out); the child is not reaped yet */
	sigwaitinfo(&chld, &si);
	waitid(P_PID, (id_t)kid, &si, WEXITED | WNOWAIT);	/* si_pid=N<kid...> */
	int st;
	wait4(kid, &st, 0, NULL);	/* reaped: the result has no name */
	if (argc > 1 && !strcmp(argv[1], "thread")) {
		pthread_t t;
		if (pthread_create(&t, NULL, worker, NULL) == 0)
			pthread_join(t, NULL);
	}
	return 0;
}
