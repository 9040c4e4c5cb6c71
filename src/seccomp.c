/* SPDX-License-Identifier: MIT */
/* The trace set as classic BPF: ranges of traced numbers return
 * SECCOMP_RET_TRACE (a PTRACE_EVENT_SECCOMP stop), everything else ALLOW.
 * execve is always traced: the tracer starts showing calls there. Calls of
 * another arch (int 0x80) and x32 numbers are always traced, so nothing the
 * table does not know slips by unseen. */
#include "seccomp.h"
#include "filter.h"
#include "options.h"
#include "util.h"
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

bool seccomp_on;
static struct sock_filter prog[4096];
static unsigned short plen;

static void add(unsigned short code, unsigned k, unsigned char jt, unsigned char jf)
{
	if (plen >= ARRAY_SIZE(prog))
		die("seccomp filter too long");
	prog[plen++] = (struct sock_filter){ code, jt, jf, k };
}

static bool wanted(int nr)
{
	return filter_traced(nr) || nr == 59 || nr == 322;
}

void seccomp_prepare(void)
{
	if (opt.seccomp != 1)
		return;
	if (!opt.argv) {
		/* strace says the same: a filter cannot be put into a running process */
		warnx("--seccomp-bpf cannot be used with -p, ignored");
		return;
	}
	if (filter_all_traced) {
		warnx("--seccomp-bpf is not enabled because it is not compatible with tracing all system calls");
		return;
	}
	seccomp_on = true;
	add(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch), 0, 0);
	add(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
	add(BPF_RET | BPF_K, SECCOMP_RET_TRACE, 0, 0);
	add(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr), 0, 0);
	add(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u, 0, 1);	/* x32 */
	add(BPF_RET | BPF_K, SECCOMP_RET_TRACE, 0, 0);
	for (int nr = 0; nr < SYSCALL_MAX; nr++) {
		if (!wanted(nr))
			continue;
		int end = nr;
		while (end + 1 < SYSCALL_MAX && wanted(end + 1))
			end++;
		if (end == nr) {
			add(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)nr, 0, 1);
		} else {
			add(BPF_JMP | BPF_JGE | BPF_K, (unsigned)nr, 0, 2);
			add(BPF_JMP | BPF_JGT | BPF_K, (unsigned)end, 1, 0);
		}
		add(BPF_RET | BPF_K, SECCOMP_RET_TRACE, 0, 0);
		nr = end;
	}
	/* numbers past the table: traced when unknown calls are */
	if (filter_trace_unknown) {
		add(BPF_JMP | BPF_JGE | BPF_K, SYSCALL_MAX, 0, 1);
		add(BPF_RET | BPF_K, SECCOMP_RET_TRACE, 0, 0);
	}
	add(BPF_RET | BPF_K, SECCOMP_RET_ALLOW, 0, 0);
}

int seccomp_install(void)
{
	struct sock_fprog fp = { plen, prog };
	/* root may install without no_new_privs, which keeps set-uid programs
	 * working; anyone else must set it first */
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) == 0)
		return 0;
	if (errno != EACCES)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp);
}
