/* SPDX-License-Identifier: MIT */
#include "regs.h"
#include "options.h"
#include <errno.h>
#include <stddef.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#define AUDIT_ARCH_X86_64_ 0xc000003eu
#define ERRNO_MAX 4095

static bool use_info;
bool regs_last_compat;

void regs_init(int mode)
{
	if (mode == REGS_GETREGS) {
		use_info = false;
		return;
	}
	/* probe: on a kernel without it the request fails with EIO before
	 * looking at the pid at all */
	struct __ptrace_syscall_info si;
	errno = 0;
	long r = ptrace(PTRACE_GET_SYSCALL_INFO, 0, sizeof(si), &si);
	use_info = !(r < 0 && errno == EIO);
}

static void set_exit(struct call *c, long ret)
{
	c->ret = ret;
	c->failed = ret < 0 && ret >= -ERRNO_MAX;
}

static enum stop_kind fetch_info(struct task *t, bool seccomp_stop)
{
	struct __ptrace_syscall_info si;
	struct call *c = &t->call;
	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, sizeof(si), &si) < 0)
		return errno == ESRCH ? STOP_GONE : STOP_NONE;
	c->ip = si.instruction_pointer;
	c->sp = si.stack_pointer;
	switch (si.op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
	case PTRACE_SYSCALL_INFO_SECCOMP:
		/* entry and seccomp share the layout of nr and args */
		c->nr = (long)si.entry.nr;
		for (int i = 0; i < 6; i++)
			c->args[i] = si.entry.args[i];
		regs_last_compat = si.arch != AUDIT_ARCH_X86_64_ || (c->nr & 0x40000000);
		return si.op == PTRACE_SYSCALL_INFO_ENTRY ? STOP_ENTRY : STOP_SECCOMP;
	case PTRACE_SYSCALL_INFO_EXIT:
		set_exit(c, si.exit.rval);
		return STOP_EXIT;
	}
	(void)seccomp_stop;
	return STOP_NONE;
}

static void set_entry(struct call *c, const struct user_regs_struct *r)
{
	c->nr = (long)r->orig_rax;
	c->args[0] = r->rdi;
	c->args[1] = r->rsi;
	c->args[2] = r->rdx;
	c->args[3] = r->r10;
	c->args[4] = r->r8;
	c->args[5] = r->r9;
	/* cs 0x23 is the 32-bit code segment */
	regs_last_compat = r->cs == 0x23 || (c->nr & 0x40000000);
}

/* false when they cannot be read; *why says whether the task is gone */
static bool get_regs(struct task *t, struct user_regs_struct *r, enum stop_kind *why)
{
	if (ptrace(PTRACE_GETREGS, t->tid, 0, r) < 0) {
		*why = errno == ESRCH ? STOP_GONE : STOP_NONE;
		return false;
	}
	t->call.ip = r->rip;
	t->call.sp = r->rsp;
	return true;
}

static enum stop_kind fetch_regs(struct task *t, bool seccomp_stop)
{
	struct user_regs_struct r;
	struct call *c = &t->call;
	enum stop_kind why;
	if (!get_regs(t, &r, &why))
		return why;
	/* Entry or exit: the stops alternate, and at entry the kernel has set
	 * rax to -ENOSYS, which settles the first stop after an attach. */
	bool entry = seccomp_stop || !(t->flags & T_INSYSCALL);
	if (!(t->flags & T_STARTED) && !seccomp_stop)
		entry = (long)r.rax == -ENOSYS;
	if (entry) {
		set_entry(c, &r);
		return seccomp_stop ? STOP_SECCOMP : STOP_ENTRY;
	}
	set_exit(c, (long)r.rax);
	return STOP_EXIT;
}

enum stop_kind regs_fetch_exit_call(struct task *t)
{
	struct user_regs_struct r;
	struct call *c = &t->call;
	enum stop_kind why;
	if (!get_regs(t, &r, &why))
		return why;
	set_entry(c, &r);
	/* rt_sigreturn restores the interrupted registers and sets orig_rax
	 * to -1, so that no restart logic runs: the only call that does */
	if (c->nr == -1)
		c->nr = 15;
	set_exit(c, (long)r.rax);
	return STOP_EXIT;
}

enum stop_kind regs_fetch(struct task *t, bool seccomp_stop)
{
	return use_info ? fetch_info(t, seccomp_stop) : fetch_regs(t, seccomp_stop);
}

int regs_get_all(pid_t tid, struct user_regs_struct *r)
{
	return (int)ptrace(PTRACE_GETREGS, tid, 0, r);
}
