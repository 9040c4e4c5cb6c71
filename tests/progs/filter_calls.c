/* SPDX-License-Identifier: MIT */
/* A deterministic mix of calls from every class, for the filter tests
 * (tests/filter-*.sh): a filtered trace of it must show exactly the calls
 * of its unfiltered trace that the filter selects, as many times.
 *
 *   filter_calls            the mix (raw syscall() so libc picks no variant)
 *   filter_calls seccomp    prints the Seccomp: line of /proc/self/status
 *   filter_calls loop N     N x (openat, close, 20 ms sleep); exits 3 if an
 *                           openat failed (ENOSYS: a lost seccomp tracer)
 *   filter_calls sleep      one 30 ms nanosleep among quick calls
 *   filter_calls signals    raises SIGUSR1, SIGUSR2, SIGUSR1 and SIGRT_2
 *   filter_calls int80      one 32-bit getpid (int 0x80) among 64-bit calls
 *   filter_calls block      blocks in read() on a pipe until killed
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void mix(void)
{
	char buf[64];
	struct stat st;
	struct statfs sfs;
	struct timespec ts;
	int p[2], sv[2];

	long fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDWR);
	syscall(SYS_read, fd, buf, 0);
	syscall(SYS_write, fd, "x", 1);
	syscall(SYS_openat, AT_FDCWD, "/nonexistent/filter", O_RDONLY);	/* fails */
	syscall(SYS_stat, "/", &st);
	syscall(SYS_lstat, "/", &st);
	syscall(SYS_fstat, fd, &st);
	syscall(SYS_newfstatat, AT_FDCWD, "/", &st, 0);
	syscall(SYS_statfs, "/", &sfs);
	syscall(SYS_fstatfs, fd, &sfs);
	syscall(SYS_access, "/", R_OK);
	syscall(SYS_faccessat, AT_FDCWD, "/nonexistent", R_OK);	/* fails */
	syscall(SYS_chdir, ".");
	syscall(SYS_getcwd, buf, sizeof(buf));
	syscall(SYS_getpid);
	syscall(SYS_getppid);
	syscall(SYS_gettid);
	syscall(SYS_getuid);
	syscall(SYS_geteuid);
	syscall(SYS_getgid);
	syscall(SYS_getegid);
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts);
	syscall(SYS_kill, syscall(SYS_getpid), 0);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, buf, 8);
	syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
	syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
	syscall(SYS_shutdown, sv[0], SHUT_RDWR);
	syscall(SYS_pipe2, p, O_CLOEXEC);
	long d = syscall(SYS_dup, fd);
	syscall(SYS_dup2, fd, 40);
	syscall(SYS_fcntl, fd, F_GETFL);
	syscall(SYS_close, d);
	syscall(SYS_close, 40);
	syscall(SYS_close, -1);	/* fails */
	long m = syscall(SYS_mmap, NULL, 4096, 3, 0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0);
	syscall(SYS_mprotect, m, 4096, 1);
	syscall(SYS_madvise, m, 4096, 4 /* MADV_DONTNEED */);
	syscall(SYS_munmap, m, 4096);
	syscall(SYS_shmdt, NULL);	/* fails: ipc */
	syscall(SYS_msgctl, -1, 0, NULL);	/* fails: ipc */
	syscall(SYS_umask, 022);
	syscall(SYS_sched_yield);
	syscall(1000, 1, 2);	/* numbers no table knows */
	syscall(470, 3);
	syscall(SYS_close, fd);
}

static void print_seccomp(void)
{
	char buf[4096];
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	if (n <= 0)
		exit(2);
	buf[n] = 0;
	char *s = strstr(buf, "\nSeccomp:");
	if (!s)
		exit(2);
	char *e = strchr(s + 1, '\n');
	if (e)
		*e = 0;
	printf("%s\n", s + 1);
}

static int loop(int n)
{
	int bad = 0;
	for (int i = 0; i < n; i++) {
		int fd = openat(AT_FDCWD, "/dev/null", O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "openat: %s\n", strerror(errno));
			bad = 1;
		} else {
			close(fd);
		}
		usleep(20000);
	}
	printf(bad ? "failed\n" : "ok\n");
	return bad ? 3 : 0;
}

static void on_signal(int sig)
{
	(void)sig;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "mix";
	if (!strcmp(mode, "mix")) {
		mix();
	} else if (!strcmp(mode, "seccomp")) {
		print_seccomp();
	} else if (!strcmp(mode, "loop")) {
		return loop(argc > 2 ? atoi(argv[2]) : 10);
	} else if (!strcmp(mode, "sleep")) {
		struct timespec ts = { 0, 30 * 1000 * 1000 };
		syscall(SYS_getppid);
		syscall(SYS_nanosleep, &ts, NULL);
		syscall(SYS_getppid);
	} else if (!strcmp(mode, "signals")) {
		signal(SIGUSR1, on_signal);
		signal(SIGUSR2, on_signal);
		signal(SIGRTMIN + 2, on_signal);	/* glibc's SIGRTMIN is 34: kernel 36, SIGRT_4 */
		raise(SIGUSR1);
		raise(SIGUSR2);
		raise(SIGUSR1);
		raise(SIGRTMIN + 2);
	} else if (!strcmp(mode, "int80")) {
		long r;
		syscall(SYS_getppid);
		/* i386 getpid is 20 */
		__asm__ volatile("int $0x80" : "=a"(r) : "a"(20L) : "memory");
		syscall(SYS_getppid);
		return r > 0 ? 0 : 1;
	} else if (!strcmp(mode, "block")) {
		int p[2];
		char c;
		if (pipe(p) < 0)
			return 1;
		printf("blocking\n");
		fflush(stdout);
		return (int)read(p[0], &c, 1);
	} else {
		fprintf(stderr, "unknown mode %s\n", mode);
		return 2;
	}
	return 0;
}
