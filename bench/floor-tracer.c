/* SPDX-License-Identifier: MIT */
/*
 * floor-tracer CMD ARGS...: the least a ptrace syscall tracer can do.
 * It follows every task (-f), stops at every syscall entry and exit, reads
 * the registers once per stop with PTRACE_GET_SYSCALL_INFO, and resumes.
 * No decoding, no output.  The time of a workload under it is the kernel's
 * floor for stop-at-every-syscall tracing; whatever a real tracer takes
 * above it is the tracer's own cost.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * One bit per possible pid (PID_MAX_LIMIT is 4M on 64-bit): set once a
 * task's first stop has been seen.  In .bss, so only touched pages cost.
 */
#define PID_LIMIT (4 * 1024 * 1024)
static unsigned char seen[PID_LIMIT / 8];

static int mark_seen(pid_t pid)
{
	unsigned char bit = 1u << (pid % 8);
	int was = (seen[pid / 8] & bit) != 0;

	seen[pid / 8] |= bit;
	return was;
}

static void forget(pid_t pid)
{
	/* Pids are reused; a new task with this pid starts unseen again. */
	seen[pid / 8] &= ~(1u << (pid % 8));
}

int main(int argc, char **argv)
{
	/*
	 * TRACEEXEC is not strictly asked for, but without it every execve
	 * raises a plain SIGTRAP that would be mistaken for a real signal and
	 * re-injected, killing the tracee.
	 */
	const long opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACECLONE |
			  PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |
			  PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;
	struct __ptrace_syscall_info info;
	int exit_code = 0;
	pid_t child;
	int st;

	if (argc < 2) {
		fprintf(stderr, "usage: %s CMD [ARGS...]\n", argv[0]);
		return 2;
	}
	child = fork();
	if (child < 0) {
		perror("fork");
		return 1;
	}
	if (child == 0) {
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL)) {
			perror("PTRACE_TRACEME");
			_exit(127);
		}
		/* Hold still until the parent has set the options. */
		raise(SIGSTOP);
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	if (waitpid(child, &st, 0) != child || !WIFSTOPPED(st)) {
		fprintf(stderr, "floor-tracer: child did not stop\n");
		return 1;
	}
	if (ptrace(PTRACE_SETOPTIONS, child, NULL, (void *)opts)) {
		perror("PTRACE_SETOPTIONS");
		kill(child, SIGKILL);
		return 1;
	}
	mark_seen(child);
	ptrace(PTRACE_SYSCALL, child, NULL, NULL);

	for (;;) {
		pid_t pid = waitpid(-1, &st, __WALL);
		long inject = 0;
		int sig;

		if (pid < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ECHILD)
				break;	/* every tracee is gone */
			perror("waitpid");
			return 1;
		}
		if (WIFEXITED(st) || WIFSIGNALED(st)) {
			forget(pid);
			if (pid == child)
				exit_code = WIFEXITED(st) ? WEXITSTATUS(st)
							  : 128 + WTERMSIG(st);
			continue;
		}
		if (!WIFSTOPPED(st))
			continue;
		sig = WSTOPSIG(st);
		if (sig == (SIGTRAP | 0x80)) {
			/* Syscall stop: the one register read per stop. */
			ptrace(PTRACE_GET_SYSCALL_INFO, pid,
			       (void *)sizeof(info), &info);
		} else if (st >> 16) {
			/* fork/clone/exec event: nothing to deliver. */
		} else if (!mark_seen(pid) && sig == SIGSTOP) {
			/* An auto-attached task's first stop: swallow it. */
		} else {
			siginfo_t si;

			/*
			 * GETSIGINFO fails with EINVAL for a group-stop,
			 * which must not be re-injected; otherwise it is a
			 * real signal the tracee has to get.
			 */
			if (ptrace(PTRACE_GETSIGINFO, pid, NULL, &si) == 0)
				inject = sig;
		}
		/* ESRCH here only means the task died meanwhile: ignore. */
		ptrace(PTRACE_SYSCALL, pid, NULL, (void *)inject);
	}
	return exit_code;
}
