/* SPDX-License-Identifier: MIT */
/*
 * seccomp-floor CMD ARGS...: run CMD under a bare allow-all seccomp-bpf
 * filter.  Any --seccomp-bpf tracer installs at least this much, so the
 * time of a workload under this launcher is the floor filtered tracing is
 * measured against.
 */
#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	/* One instruction: return ALLOW for every syscall. */
	struct sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct sock_fprog prog = { .len = 1, .filter = &allow };

	if (argc < 2) {
		fprintf(stderr, "usage: %s CMD [ARGS...]\n", argv[0]);
		return 2;
	}
	/* Required to install a filter without CAP_SYS_ADMIN; harmless as root. */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) {
		perror("PR_SET_NO_NEW_PRIVS");
		return 1;
	}
	/* glibc has no seccomp() wrapper, hence the raw syscall. */
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog)) {
		perror("seccomp");
		return 1;
	}
	execvp(argv[1], argv + 1);
	perror(argv[1]);
	return 127;
}
