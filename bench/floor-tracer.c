/* SPDX-License-Identifier: MIT */
/*
 * floor-tracer CMD ARGS...: the least a ptrace syscall tracer can do.
 * It follows every task (-f), stops at every syscall entry and exit, reads
 * the registers once per stop with PTRACE_GET_SYSCALL_INFO, and resumes.
 * No decoding, no output.  The time of a workload under it is the kernel's
 * floor for stop-at-every-syscall tracing; whatever a real tracer takes
 * above it is the tracer's own cost.
 *
 * floor-tracer -r CMD...: the same, plus the tracee memory a decoder has to
 * fetch to print the common calls (paths, write and read buffers, stat
 * structs, directory entries; see fetches[]), one pread of /proc/PID/mem
 * per string or buffer as tattle does.  Nothing is decoded or printed: the
 * time above this one is what decoding, formatting and output cost.  At
 * exit it prints "reads N" on stderr.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>
#include <linux/ptrace.h>

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

/*
 * -r: what to fetch for which call.  Paths are read like tattle's first
 * string chunk (256 bytes); buffers up to the 32 bytes of the default -s;
 * structs whole.  Lengths: LEN_ARG takes args[len] capped at 32, LEN_RET
 * the return value capped at cap, anything else is a byte count.
 */
enum { AT_ENTRY, AT_EXIT };
enum { LEN_ARG = -1, LEN_RET = -2 };
struct fetch {
	int nr, when, arg, len, cap;
};
static const struct fetch fetches[] = {
	{ 0, AT_EXIT, 1, LEN_RET, 32 },		/* read: buffer */
	{ 1, AT_ENTRY, 1, LEN_ARG, 2 },		/* write: buffer, args[2] long */
	{ 2, AT_ENTRY, 0, 256, 0 },		/* open: path */
	{ 4, AT_ENTRY, 0, 256, 0 },		/* stat: path */
	{ 4, AT_EXIT, 1, 144, 0 },		/*       struct stat */
	{ 5, AT_EXIT, 1, 144, 0 },		/* fstat */
	{ 6, AT_ENTRY, 0, 256, 0 },		/* lstat */
	{ 6, AT_EXIT, 1, 144, 0 },
	{ 17, AT_EXIT, 1, LEN_RET, 32 },	/* pread64 */
	{ 18, AT_ENTRY, 1, LEN_ARG, 2 },	/* pwrite64 */
	{ 21, AT_ENTRY, 0, 256, 0 },		/* access */
	{ 59, AT_ENTRY, 0, 256, 0 },		/* execve: path */
	{ 89, AT_ENTRY, 0, 256, 0 },		/* readlink */
	{ 89, AT_EXIT, 1, LEN_RET, 32 },
	{ 217, AT_EXIT, 1, LEN_RET, 32768 },	/* getdents64: the entries */
	{ 257, AT_ENTRY, 1, 256, 0 },		/* openat */
	{ 262, AT_ENTRY, 1, 256, 0 },		/* newfstatat */
	{ 262, AT_EXIT, 2, 144, 0 },
	{ 267, AT_ENTRY, 1, 256, 0 },		/* readlinkat */
	{ 267, AT_EXIT, 2, LEN_RET, 32 },
	{ 269, AT_ENTRY, 1, 256, 0 },		/* faccessat */
	{ 332, AT_ENTRY, 1, 256, 0 },		/* statx: path */
	{ 332, AT_EXIT, 4, 256, 0 },		/*        struct statx */
	{ 439, AT_ENTRY, 1, 256, 0 },		/* faccessat2 */
};

/* Per task: its /proc/TID/mem and the call's arguments for the exit reads.
 * Direct-mapped by tid: a benchmark's live tids never collide here. */
#define SLOTS 65536
static struct slot {
	pid_t tid;
	int fd;
	long nr;
	unsigned long args[6];
} slots[SLOTS];
static long reads;

static struct slot *slot_of(pid_t tid)
{
	struct slot *s = &slots[tid % SLOTS];

	if (s->tid != tid) {
		if (s->tid && s->fd > 0)
			close(s->fd);
		s->tid = tid;
		s->fd = 0;
		s->nr = -1;
	}
	return s;
}

static void slot_drop(pid_t tid)
{
	struct slot *s = &slots[tid % SLOTS];

	if (s->tid == tid && s->fd > 0)
		close(s->fd);
	if (s->tid == tid)
		s->tid = 0;
}

static void fetch(pid_t tid, const struct __ptrace_syscall_info *in)
{
	static char buf[32768];
	struct slot *s = slot_of(tid);
	int exit = in->op == PTRACE_SYSCALL_INFO_EXIT;

	if (!exit) {
		if (in->op != PTRACE_SYSCALL_INFO_ENTRY)
			return;
		s->nr = (long)in->entry.nr;
		for (int i = 0; i < 6; i++)
			s->args[i] = in->entry.args[i];
	} else if (in->exit.is_error) {
		return;
	}
	for (size_t i = 0; i < sizeof(fetches) / sizeof(fetches[0]); i++) {
		const struct fetch *f = &fetches[i];
		long len = f->len;

		if (f->nr != s->nr || f->when != (exit ? AT_EXIT : AT_ENTRY))
			continue;
		if (len == LEN_ARG)
			len = (long)s->args[f->cap];
		else if (len == LEN_RET)
			len = in->exit.rval;
		if (len > (f->len == LEN_RET ? f->cap : (long)sizeof(buf)))
			len = f->len == LEN_RET ? f->cap : (long)sizeof(buf);
		if (f->len == LEN_ARG && len > 32)
			len = 32;
		if (len <= 0)
			continue;
		if (s->fd == 0) {
			char path[64];

			snprintf(path, sizeof(path), "/proc/%d/mem", (int)tid);
			s->fd = open(path, O_RDONLY | O_CLOEXEC);
		}
		if (s->fd > 0 && pread(s->fd, buf, (size_t)len, (off_t)s->args[f->arg]) >= 0)
			reads++;
	}
	if (exit)
		s->nr = -1;
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

	int fetching = argc > 1 && strcmp(argv[1], "-r") == 0;

	if (fetching) {
		argv++;
		argc--;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: %s [-r] CMD [ARGS...]\n", argv[0]);
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
			if (fetching)
				slot_drop(pid);
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
			if (fetching)
				fetch(pid, &info);
		} else if (st >> 16) {
			/* fork/clone/exec event: nothing to deliver.  An exec
			 * makes a new address space: its mem is opened anew. */
			if (fetching && (st >> 16) == PTRACE_EVENT_EXEC)
				slot_drop(pid);
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
	if (fetching)
		fprintf(stderr, "reads %ld\n", reads);
	return exit_code;
}
