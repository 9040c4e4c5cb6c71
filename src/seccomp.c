/* SPDX-License-Identifier: MIT */
/* The stop set (filter_sys[] QF_STOP) as a classic BPF program, installed
 * in the started command just before its execve: a number in the set
 * returns SECCOMP_RET_TRACE (a PTRACE_EVENT_SECCOMP stop, then the exit
 * stop that the tracer asks for with PTRACE_SYSCALL), every other number
 * SECCOMP_RET_ALLOW and never stops the tracee, which the tracer resumes
 * with PTRACE_CONT everywhere else, new threads and processes included.
 *
 * The program looks at the arch and the number only, so since Linux 5.11
 * the kernel caches the verdict per number: an allowed call does not even
 * run it, and costs what any seccomp filter costs (bench/seccomp-floor).
 * 32-bit (int 0x80) and x32 calls, numbers past the table and its holes
 * always stop: having no name, they are always traced (src/filter.c, as
 * strace 6.1 does). execve is always in the set:
 * showing a started command begins there. Process control does not need
 * more: clone, exec and exit are reported by PTRACE_O_TRACECLONE/EXEC/EXIT
 * events, which seccomp does not filter.
 *
 * When it is on without --seccomp-bpf (see seccomp_prepare): with -f, a
 * started command and a trace set that leaves calls out. Measured on this
 * machine (2 cores, loaded; bench/filtered.sh, medians of alternating
 * runs, wall time):
 *   1,000,000 getppid + 100 traced openat, -f -e trace=openat
 *     one thread:  0.60 s with it, 32.4 s without (54x); floor 0.60 s
 *     4 threads:   0.46 s with it, 25.9 s without (56x); floor 0.44 s
 *   find /usr/share -name '*.h', -f -e trace=openat: 0.27 s against 1.73 s
 *   the same with -e trace='!futex' (nearly every call traced): 1.86 s
 *     against 1.88 s, 2% more CPU: a traced call costs the same two stops
 *     either way, so nothing gets markedly slower.
 * What it costs is elsewhere, and each is dealt with:
 * - a tracee whose tracer is gone gets ENOSYS from every traced call, so
 *   (1) tattle's own death kills the tracees (PTRACE_O_EXITKILL) instead
 *   of leaving them broken; (2) tattle never detaches from them: on ^C,
 *   SIGTERM, SIGHUP or --syscall-limit it stops showing anything and lets
 *   them run to their end, stopping only where the filter says; a second
 *   signal kills them (src/tracer.c); (3) -b execve, which detaches on
 *   execve, turns it off;
 * - without -f the children would inherit the filter but not a tracer,
 *   so it needs -f (as strace's --seccomp-bpf does);
 * - -p: a running process cannot be given a filter;
 * - what the tracer needs from calls it does not show stops too: -P's fd
 *   table (QF_FDEXIT), -k's view of the mappings (QF_EXIT).
 * --no-seccomp-bpf turns the choice off. */
#include "seccomp.h"
#include "filter.h"
#include "options.h"
#include "util.h"
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SECCOMP_FILTER_FLAG_SPEC_ALLOW
#define SECCOMP_FILTER_FLAG_SPEC_ALLOW (1UL << 2)
#endif
#ifndef SECCOMP_GET_ACTION_AVAIL
#define SECCOMP_GET_ACTION_AVAIL 2
#endif
#define X32_BIT 0x40000000u

bool seccomp_on;
static struct sock_filter prog[BPF_MAXINSNS];
static unsigned short plen;
static bool too_long;

static void add(unsigned short code, unsigned k, unsigned char jt, unsigned char jf)
{
	if (plen >= ARRAY_SIZE(prog)) {
		too_long = true;
		return;
	}
	prog[plen++] = (struct sock_filter){ code, jt, jf, k };
}

static bool stops(int nr)
{
	return filter_sys[nr] & QF_STOP;
}

static void build(void)
{
	unsigned other = filter_other & QF_STOP ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;
	plen = 0;
	add(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch), 0, 0);
	add(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
	add(BPF_RET | BPF_K, other, 0, 0);
	add(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr), 0, 0);
	/* x32 numbers and numbers past the table */
	add(BPF_JMP | BPF_JGE | BPF_K, SYSCALL_MAX, 0, 1);
	add(BPF_RET | BPF_K, other, 0, 0);
	for (int nr = 0; nr < SYSCALL_MAX; nr++) {
		if (!stops(nr))
			continue;
		int end = nr;
		while (end + 1 < SYSCALL_MAX && stops(end + 1))
			end++;
		if (end == nr) {
			add(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)nr, 0, 1);
		} else {
			/* nr <= x <= end */
			add(BPF_JMP | BPF_JGE | BPF_K, (unsigned)nr, 0, 2);
			add(BPF_JMP | BPF_JGT | BPF_K, (unsigned)end, 1, 0);
		}
		add(BPF_RET | BPF_K, SECCOMP_RET_TRACE, 0, 0);
		nr = end;
	}
	add(BPF_RET | BPF_K, SECCOMP_RET_ALLOW, 0, 0);
}

/* true when some call would not stop: otherwise a filter only costs */
static bool something_untraced(void)
{
	if (!(filter_other & QF_STOP))
		return true;
	for (int nr = 0; nr < SYSCALL_MAX; nr++)
		if (!stops(nr))
			return true;
	return false;
}

void seccomp_prepare(void)
{
	bool asked = opt.seccomp > 0;
	if (opt.seccomp < 0)
		return;
	/* strace's wording where strace says it */
	if (!opt.argv || opt.nattach) {
		if (asked)
			warnx("--seccomp-bpf is not enabled for processes attached with -p");
		return;
	}
	if (!opt.follow) {
		if (asked)
			warnx("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
		return;
	}
	if (opt.detach_on_execve) {
		if (asked)
			warnx("--seccomp-bpf cannot be used with -b execve (a detached process would get ENOSYS), disabling");
		return;
	}
	if (!something_untraced()) {
		if (asked)
			warnx("Seccomp filter is requested but there are no syscalls to filter.  See -e trace to filter syscalls.");
		return;
	}
	unsigned action = SECCOMP_RET_TRACE;
	if (syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action) < 0) {
		if (asked)
			warn_errno("seccomp-bpf is not available, disabling");
		return;
	}
	build();
	if (too_long) {
		if (asked)
			warnx("seccomp filter too long, disabling --seccomp-bpf");
		return;
	}
	seccomp_on = true;
}

static int install(struct sock_fprog *fp)
{
	/* SPEC_ALLOW: a filter would otherwise switch on speculation
	 * mitigations in the tracee on some kernels; tracing must not change
	 * how the program runs */
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW, fp) == 0)
		return 0;
	if (errno != EINVAL)
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, fp);
}

int seccomp_install(void)
{
	struct sock_fprog fp = { plen, prog };
	/* root may install without no_new_privs, which keeps set-uid programs
	 * working; anyone else must set it first */
	if (install(&fp) == 0)
		return 0;
	if (errno != EACCES)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	return install(&fp);
}
