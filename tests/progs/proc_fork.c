/* SPDX-License-Identifier: MIT */
/* Processes (run with -f): fork, clone with flags, clone3, wait4 and waitid
 * with every kind of status, exit codes, process ids. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "expect.h"
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static char stack[65536];

static void on_usr1(int sig)
{
	_exit(sig == SIGUSR1 ? 3 : 4);
}

static int child_fn(void *a)
{
	(void)a;
	return 5;
}

/* with -f every line starts with the pid, so the column of " = " moves:
 * match "CALL ... = RET" after any prefix. Another process may print between
 * the entry and the exit of a call ("<... wait4 resumed>[{...}], ...), so
 * wait4 lines give only the part printed at the exit. */
__attribute__((format(printf, 2, 3))) static void EXPECT_F(const char *ret, const char *fmt, ...)
{
	char line[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	EXPECT("@@%s@@= %s", line, ret);
}

/* waits without blocking, so that the call that reaps is one whole line */
static void reap(pid_t p, int *st, int opts)
{
	for (int i = 0; i < 5000 && wait4(p, st, opts | WNOHANG, NULL) == 0; i++)
		usleep(2000);
}

static const char *pidret(pid_t p)
{
	static char b[4][24];
	static int i;
	i = (i + 1) % 4;
	snprintf(b[i], sizeof(b[i]), "%d", (int)p);
	return b[i];
}

int main(void)
{
	int st;
	pid_t me = getpid();
	EXPECT_F(pidret(me), "getpid()");
	EXPECT_F(pidret(getppid()), "getppid()");

	pid_t p = (pid_t)syscall(SYS_fork);
	if (p == 0)
		syscall(SYS_exit_group, 7);
	/* "fork() = N", or "<... fork resumed>) = N" when the child came between */
	EXPECT("@@fork@@)@@= %d", (int)p);
	reap(p, &st, 0);
	EXPECT_F(pidret(p), "[{WIFEXITED(s) && WEXITSTATUS(s) == 7}], WNOHANG, NULL)");

	p = fork();
	if (p == 0) {
		pause();
		_exit(0);
	}
	/* glibc's fork; the line may be split around the child's first calls */
	EXPECT("@@, child_tidptr=0x@@)@@= %d", (int)p);
	kill(p, SIGKILL);
	reap(p, &st, 0);
	EXPECT_F(pidret(p), "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], WNOHANG, NULL)");

	p = fork();
	if (p == 0) {
		signal(SIGUSR1, on_usr1);
		raise(SIGSTOP);
		for (;;)
			pause();
	}
	reap(p, &st, WUNTRACED);
	EXPECT_F(pidret(p), "[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WNOHANG|WSTOPPED, NULL)");
	kill(p, SIGCONT);
	reap(p, &st, WCONTINUED);
	EXPECT_F(pidret(p), "[{WIFCONTINUED(s)}], WNOHANG|WCONTINUED, NULL)");
	kill(p, SIGUSR1);
	siginfo_t si;
	for (int i = 0; i < 5000; i++) {
		memset(&si, 0, sizeof(si));
		if (waitid(P_PID, (id_t)p, &si, WEXITED | WNOWAIT | WNOHANG) < 0 || si.si_pid)
			break;
		usleep(2000);
	}
	waitid(P_PID, (id_t)p, &si, WEXITED);
	EXPECT("@@waitid(P_PID, %d, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=%d, si_uid=%u, si_status=3, si_utime=@@, si_stime=@@}, WEXITED, NULL)@@= 0",
	       (int)p, (int)p, (unsigned)getuid());

	int ptid = 0;
	p = clone(child_fn, stack + sizeof(stack), CLONE_PARENT_SETTID | SIGCHLD, NULL, &ptid);
	/* the child may run first: "<... clone resumed>, parent_tid=[N]) = N" */
	EXPECT("@@, parent_tid=[%d])@@= %d", (int)p, (int)p);
	reap(p, &st, __WALL);
	EXPECT_F(pidret(p), "[{WIFEXITED(s) && WEXITSTATUS(s) == 5}], WNOHANG|__WALL, NULL)");

	struct clone_args ca;
	memset(&ca, 0, sizeof(ca));
	ca.flags = CLONE_PARENT_SETTID;
	ca.parent_tid = (unsigned long)&ptid;
	ca.exit_signal = SIGCHLD;
	p = (pid_t)syscall(SYS_clone3, &ca, sizeof(ca));
	if (p == 0)
		syscall(SYS_exit_group, 0);
	EXPECT("@@ => {parent_tid=[%d]}, %zu)@@= %d", (int)p, sizeof(ca), (int)p);
	reap(-1, NULL, 0);
	/* the child's exit may come between this call's entry and exit, which
	 * splits it into "wait4(-1,  <unfinished ...>" and a resumed line */
	EXPECT_F(pidret(p), "NULL, WNOHANG, NULL)");

	long r = wait4(-1, &st, WNOHANG, NULL);
	EXPECT_F("-1 ECHILD (No child processes)", "wait4(-1, %p, WNOHANG, NULL)", (void *)&st);
	/* CLONE_SIGHAND needs CLONE_VM: refused, nothing is created */
	r = syscall(SYS_clone, 0x400000ul | CLONE_SIGHAND | SIGUSR1, 0, 0, 0, 0);
	EXPECT_F("-1 EINVAL (Invalid argument)", "clone(child_stack=NULL, flags=CLONE_SIGHAND|0x400000|SIGUSR1)");
	(void)r;
	setpgid(0, 0);
	EXPECT_F("0", "setpgid(0, 0)");
	EXPECT_F(pidret(getpgid(0)), "getpgid(0)");
	EXPECT_F(pidret(getsid(0)), "getsid(0)");
	EXPECT_F(pidret(syscall(SYS_gettid)), "gettid()");
	return expect_done();
}
