/* SPDX-License-Identifier: MIT */
/* Process calls whose printing depends on other arguments or on the result:
 * clone/clone3, wait4, getrandom, personality, scheduling masks, group lists,
 * ptrace, seccomp, get_robust_list. */
#include "../structs/proc.h"
#include "../filter.h"
#include "../options.h"
#include "../umem.h"
#include <linux/sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#define CLONE_PIDFD_ 0x1000ul
#define CLONE_SETTLS_ 0x80000ul
#define CLONE_PARENT_SETTID_ 0x100000ul
#define CLONE_CHILD_CLEARTID_ 0x200000ul
#define CLONE_CHILD_SETTID_ 0x1000000ul
#define CLONE_INTO_CGROUP_ 0x200000000ull

/* at the exit stop, continue the argument list after the entry part:
 * strace prints the separator there ("<... clone resumed>, parent_tid=") */
static void continue_args(struct emit *e)
{
	e->count[0] = 1;
}

/* ---- clone ---- */

/* clone's arguments carry their names even without -N, as strace prints them */
static void put_name(struct emit *e, const char *name)
{
	emit_item(e, name);
	if (e->kind[e->depth] == EMIT_ARGS && !opt.arg_names) {
		sbuf_puts(emit_sb(e), name);
		sbuf_putc(emit_sb(e), '=');
	}
}

static void put_named_ptr(struct emit *e, const char *name, unsigned long v)
{
	put_name(e, name);
	if (v)
		sbuf_hex(emit_sb(e), v);
	else
		sbuf_puts(emit_sb(e), "NULL");
}

static void put_clone_flags(struct emit *e, const char *name, unsigned long flags)
{
	put_name(e, name);
	struct sbuf *b = emit_sb(e);
	unsigned long rest = flags & ~0xfful, sig = flags & 0xff;
	if (opt.xlat_style == XLAT_STYLE_RAW) {
		/* strace keeps the exit signal apart even raw: 0x1200000|17 */
		sbuf_hex(b, rest);
		if (sig) {
			sbuf_putc(b, '|');
			sbuf_udec(b, sig);
		}
		return;
	}
	if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
		/* 0x1200000 /\* CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID *\/|17 /\* SIGCHLD *\/ */
		if (rest)
			xlat_flags(b, XLAT(clone_flags), rest);
		if (sig) {
			if (rest)
				sbuf_putc(b, '|');
			signame_styled(b, (int)sig, true);
		}
		if (!rest && !sig)
			sbuf_putc(b, '0');
		return;
	}
	const struct xlat *x = XLAT(clone_flags);
	bool any = false;
	for (unsigned i = 0; i < x->n && rest; i++) {
		unsigned long f = (unsigned long)x->e[i].val;
		if (f && (rest & f) == f) {
			if (any)
				sbuf_putc(b, '|');
			sbuf_puts(b, x->e[i].name);
			rest &= ~f;
			any = true;
		}
	}
	if (rest) {
		if (any)
			sbuf_putc(b, '|');
		sbuf_hex(b, rest);
		if (!any && !sig)
			sbuf_puts(b, " /* CLONE_??? */");
		any = true;
	}
	if (sig) {
		if (any)
			sbuf_putc(b, '|');
		signame_format(b, (int)sig, true);
	} else if (!any) {
		sbuf_putc(b, '0');
	}
}

/* an int the kernel stored for the caller: "[123]" */
/* "[N]"; a tid also gets -Y's "<comm>" inside the brackets, as strace does */
static void put_intptr_at(struct call *c, struct emit *e, const char *name, unsigned long addr, bool tid)
{
	int v;
	if (!addr || umem_read(c->pid, addr, &v, sizeof(v)) < 0) {
		put_named_ptr(e, name, addr);
		return;
	}
	put_name(e, name);
	sbuf_putc(emit_sb(e), '[');
	sbuf_dec(emit_sb(e), v);
	if (tid)
		pid_comm_append(emit_sb(e), v);
	sbuf_putc(emit_sb(e), ']');
}

/* x86_64: clone(flags, stack, parent_tid, child_tid, tls) */
CUSTOM_DECODER(clone)
{
	unsigned long flags = c->args[0];
	if (phase == PHASE_ENTRY) {
		put_named_ptr(e, "child_stack", c->args[1]);
		put_clone_flags(e, "flags", flags);
		return;
	}
	if (!(flags & (CLONE_PARENT_SETTID_ | CLONE_PIDFD_ | CLONE_SETTLS_ |
		       CLONE_CHILD_SETTID_ | CLONE_CHILD_CLEARTID_)))
		return;
	continue_args(e);
	if (flags & (CLONE_PARENT_SETTID_ | CLONE_PIDFD_)) {
		if (c->failed)
			put_named_ptr(e, "parent_tid", c->args[2]);
		else
			put_intptr_at(c, e, "parent_tid", c->args[2], true);
	}
	if (flags & CLONE_SETTLS_)
		put_named_ptr(e, "tls", c->args[4]);
	if (flags & (CLONE_CHILD_SETTID_ | CLONE_CHILD_CLEARTID_))
		put_named_ptr(e, "child_tidptr", c->args[3]);
}

struct clone_args_k {
	unsigned long long flags, pidfd, child_tid, parent_tid, exit_signal;
	unsigned long long stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};

STRUCT_PRINTER(clone_args)
{
	struct clone_args_k ca;
	memset(&ca, 0, sizeof(ca));
	size_t n = len > 0 && (size_t)len < sizeof(ca) ? (size_t)len : sizeof(ca);
	if (len >= 0 && len < 64) {
		emit_ptr(e, name, addr);
		return;
	}
	if (!fetch_struct(c, e, name, addr, &ca, n))
		return;
	emit_struct_begin(e, name);
	emit_flags(e, "flags", XLAT(clone3_flags), ca.flags);
	if (ca.flags & CLONE_PIDFD_)
		emit_ptr(e, "pidfd", ca.pidfd);
	if (ca.flags & (CLONE_CHILD_SETTID_ | CLONE_CHILD_CLEARTID_))
		emit_ptr(e, "child_tid", ca.child_tid);
	if (ca.flags & CLONE_PARENT_SETTID_)
		emit_ptr(e, "parent_tid", ca.parent_tid);
	emit_item(e, "exit_signal");
	if (ca.exit_signal < 65)
		signame_styled(emit_sb(e), (int)ca.exit_signal, true);
	else
		sbuf_udec(emit_sb(e), ca.exit_signal);
	emit_ptr(e, "stack", ca.stack);
	emit_hex(e, "stack_size", ca.stack_size);
	if (ca.flags & CLONE_SETTLS_)
		emit_ptr(e, "tls", ca.tls);
	if (ca.set_tid_size) {
		emit_ptr(e, "set_tid", ca.set_tid);
		emit_uint(e, "set_tid_size", ca.set_tid_size);
	}
	if (ca.flags & CLONE_INTO_CGROUP_)
		emit_uint(e, "cgroup", ca.cgroup);
	emit_struct_end(e);
}

/* clone3(args, size): "{...} => {parent_tid=[N]}, 88" */
CUSTOM_DECODER(clone3)
{
	if (phase == PHASE_ENTRY) {
		struct_clone_args_print(c, e, "cl_args", c->args[0], (long)c->args[1]);
		return;
	}
	struct clone_args_k ca;
	if (!c->failed && c->args[1] >= 64 &&
	    umem_read(c->pid, c->args[0], &ca, 64) == 0 &&
	    (ca.flags & (CLONE_PIDFD_ | CLONE_PARENT_SETTID_))) {
		struct sbuf *b = emit_sb(e);
		sbuf_puts(b, " => ");
		struct emit sub = *e;
		sub.depth = 0;
		sub.count[0] = 0;
		emit_struct_begin(&sub, NULL);
		if (ca.flags & CLONE_PIDFD_)
			put_intptr_at(c, &sub, "pidfd", ca.pidfd, false);
		if (ca.flags & CLONE_PARENT_SETTID_)
			put_intptr_at(c, &sub, "parent_tid", ca.parent_tid, true);
		emit_struct_end(&sub);
	}
	continue_args(e);
	ARG(c, e, 1, "size", ARG_size);
}

/* ---- wait ---- */

void proc_format_wait_status(struct sbuf *b, int st)
{
	sbuf_puts(b, "[{");
	if (WIFEXITED(st)) {
		sbuf_puts(b, "WIFEXITED(s) && WEXITSTATUS(s) == ");
		sbuf_dec(b, WEXITSTATUS(st));
	} else if (WIFSIGNALED(st)) {
		sbuf_puts(b, "WIFSIGNALED(s) && WTERMSIG(s) == ");
		signame_format(b, WTERMSIG(st), true);
		if (WCOREDUMP(st))
			sbuf_puts(b, " && WCOREDUMP(s)");
	} else if (WIFSTOPPED(st)) {
		sbuf_puts(b, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
		signame_format(b, WSTOPSIG(st), true);
	} else if (WIFCONTINUED(st)) {
		sbuf_puts(b, "WIFCONTINUED(s)");
	} else {
		sbuf_hex(b, (unsigned)st);
		sbuf_puts(b, "}]");
		return;
	}
	sbuf_putc(b, '}');
	/* ptrace event bits above the stop signal */
	if (WIFSTOPPED(st) && (st >> 16)) {
		sbuf_puts(b, " | ");
		sbuf_hex(b, (unsigned)st >> 16);
		sbuf_puts(b, " << 16");
	}
	sbuf_putc(b, ']');
}

/* wait4(pid, wstatus, options, rusage): the status only when a child was reaped */
CUSTOM_DECODER(wait4)
{
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "pid", ARG_pid);
		c->nprinted = 1;
		return;
	}
	unsigned long sp = c->args[1];
	int st;
	if (!sp) {
		emit_ptr(e, "wstatus", 0);
	} else if (c->failed || c->ret == 0 || !filter_verbose(c->nr) ||
		   umem_read(c->pid, sp, &st, sizeof(st)) < 0) {
		emit_ptr(e, "wstatus", sp);
	} else {
		emit_item(e, "wstatus");
		proc_format_wait_status(emit_sb(e), st);
	}
	ARG_X(c, e, 2, "options", ARG_flags, XLAT_wait_options, -1);
	if (c->failed)
		emit_ptr(e, "rusage", c->args[3]);
	else
		struct_rusage_print(c, e, "rusage", c->args[3], -1);
}

/* waitid(idtype, id, infop, options, rusage): id is a pid (-Y's "<comm>")
 * only for P_PID; a pgid, a pidfd or nothing otherwise */
CUSTOM_DECODER(waitid)
{
	if (phase == PHASE_ENTRY) {
		ARG_X(c, e, 0, "idtype", ARG_enum, XLAT_waitid_idtype, -1);
		ARG(c, e, 1, "id", (int)c->args[0] == 1 /* P_PID */ ? ARG_pid : ARG_int);
		c->nprinted = 2;
		return;
	}
	/* infop and rusage are written by the kernel: only their addresses
	 * when the call failed */
	arg_print(c, e, &(struct argdesc){ "infop", ARG_struct, DIR_OUT, STRUCT_siginfo, -1 }, c->args[2]);
	ARG_X(c, e, 3, "options", ARG_flags, XLAT_wait_options, -1);
	arg_print(c, e, &(struct argdesc){ "rusage", ARG_struct, DIR_OUT, STRUCT_rusage, -1 }, c->args[4]);
}

/* ioprio_get(which, who), ioprio_set(which, who, ioprio): who is a pid
 * (-Y's "<comm>") only for IOPRIO_WHO_PROCESS */
static void put_ioprio_who(struct call *c, struct emit *e)
{
	ARG_X(c, e, 0, "which", ARG_enum, XLAT_ioprio_who, -1);
	ARG(c, e, 1, "who", (int)c->args[0] == 1 /* IOPRIO_WHO_PROCESS */ ? ARG_pid : ARG_int);
}

/* IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4): the class is the bits above
 * the 13 of the data */
static void put_ioprio_value(struct sbuf *b, unsigned v)
{
	sbuf_puts(b, "IOPRIO_PRIO_VALUE(");
	xlat_enum_hex(b, XLAT(ioprio_class), v >> 13);
	sbuf_puts(b, ", ");
	sbuf_udec(b, v & 0x1fff);
	sbuf_putc(b, ')');
}

CUSTOM_DECODER(ioprio_get)
{
	if (phase == PHASE_ENTRY) {
		put_ioprio_who(c, e);	/* all at entry: no separator */
	} else if (!c->failed && opt.xlat_style != XLAT_STYLE_RAW) {
		/* the value the call returns, explained after it */
		sbuf_putc(&c->aux, '(');
		put_ioprio_value(&c->aux, (unsigned)c->ret);
		sbuf_putc(&c->aux, ')');
	}
}

/* the priority: IOPRIO_PRIO_VALUE(...); -X raw the number, -X verbose the
 * number with that in a comment */
CUSTOM_DECODER(ioprio_set)
{
	if (phase != PHASE_ENTRY)
		return;
	put_ioprio_who(c, e);
	unsigned v = (unsigned)c->args[2];
	struct sbuf t = { 0 };
	if (opt.xlat_style != XLAT_STYLE_ABBREV)
		sbuf_dec(&t, (int)v);
	if (opt.xlat_style == XLAT_STYLE_VERBOSE)
		sbuf_puts(&t, " /* ");
	if (opt.xlat_style != XLAT_STYLE_RAW)
		put_ioprio_value(&t, v);
	if (opt.xlat_style == XLAT_STYLE_VERBOSE)
		sbuf_puts(&t, " */");
	sbuf_putc(&t, 0);
	emit_text(e, "ioprio", t.p);
	sbuf_free(&t);
}

/* ---- ids, randomness, personality ---- */

/* getrandom's bytes are printed in hex whatever -x says */
CUSTOM_DECODER(getrandom)
{
	if (phase == PHASE_ENTRY)
		return;
	unsigned long buf = c->args[0];
	if (c->failed || !buf) {
		emit_ptr(e, "buf", buf);
	} else {
		unsigned long n = (unsigned long)c->ret;
		unsigned long show = n < (unsigned long)opt.strsize ? n : (unsigned long)opt.strsize;
		unsigned char small[256], *p = show > sizeof(small) ? malloc(show) : small;
		if (!p || umem_read(c->pid, buf, p, show) < 0) {
			emit_ptr(e, "buf", buf);
		} else {
			emit_item(e, "buf");
			struct sbuf *b = emit_sb(e);
			sbuf_putc(b, '"');
			for (unsigned long i = 0; i < show; i++) {
				sbuf_puts(b, "\\x");
				sbuf_putc(b, "0123456789abcdef"[p[i] >> 4]);
				sbuf_putc(b, "0123456789abcdef"[p[i] & 15]);
			}
			sbuf_putc(b, '"');
			if (show < n)
				sbuf_puts(b, "...");
		}
		if (p && p != small)
			free(p);
	}
	ARG(c, e, 1, "buflen", ARG_size);
	ARG_X(c, e, 2, "flags", ARG_flags, XLAT_getrandom_flags, -1);
}

static void format_persona(struct sbuf *b, unsigned long v)
{
	unsigned long low = v & 0xff, rest = v & ~0xfful;
	const char *n = xlat_name(XLAT(personality_types), low);
	if (n) {
		sbuf_puts(b, n);
	} else {
		sbuf_hex(b, low);
		sbuf_puts(b, " /* PER_??? */");
	}
	if (rest) {
		sbuf_putc(b, '|');
		xlat_flags(b, XLAT(personality_flags), rest);
	}
}

CUSTOM_DECODER(personality)
{
	unsigned v = (unsigned)c->args[0];
	if (phase == PHASE_ENTRY) {
		emit_item(e, "persona");
		if (v == 0xffffffffu || opt.xlat_style == XLAT_STYLE_RAW)
			sbuf_hex(emit_sb(e), v);
		else
			format_persona(emit_sb(e), v);
		return;
	}
	if (!c->failed && opt.xlat_style != XLAT_STYLE_RAW) {
		sbuf_putc(&c->aux, '(');
		format_persona(&c->aux, (unsigned)c->ret);
		sbuf_putc(&c->aux, ')');
	}
}

/* ---- scheduling ---- */

/* a CPU mask as the list of set CPUs: "[0 1]" */
static void put_cpumask(struct call *c, struct emit *e, const char *name, unsigned long addr, unsigned long size)
{
	unsigned char mask[512];
	if (size > sizeof(mask))
		size = sizeof(mask);
	if (!addr || umem_read(c->pid, addr, mask, size) < 0) {
		emit_ptr(e, name, addr);
		return;
	}
	emit_item(e, name);
	struct sbuf *b = emit_sb(e);
	sbuf_putc(b, '[');
	int n = 0;
	for (unsigned long i = 0; i < size * 8; i++) {
		if (!(mask[i / 8] >> (i % 8) & 1))
			continue;
		if (n++)
			sbuf_putc(b, ' ');
		sbuf_udec(b, i);
	}
	sbuf_putc(b, ']');
}

CUSTOM_DECODER(sched_getaffinity)
{
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "pid", ARG_pid);
		ARG(c, e, 1, "cpusetsize", ARG_size);
		c->nprinted = 2;
		return;
	}
	if (c->failed)
		emit_ptr(e, "mask", c->args[2]);
	else
		put_cpumask(c, e, "mask", c->args[2], (unsigned long)c->ret);
}

CUSTOM_DECODER(sched_setaffinity)
{
	if (phase != PHASE_ENTRY)
		return;
	ARG(c, e, 0, "pid", ARG_pid);
	ARG(c, e, 1, "cpusetsize", ARG_size);
	put_cpumask(c, e, "mask", c->args[2], c->args[1]);
}

/* the policy it returns is named: "= 0 (SCHED_OTHER)" */
CUSTOM_DECODER(sched_getscheduler)
{
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "pid", ARG_pid);
		return;
	}
	const char *n = c->failed ? NULL : xlat_name(XLAT(sched_policies), (unsigned long)c->ret);
	if (n && opt.xlat_style != XLAT_STYLE_RAW) {
		sbuf_putc(&c->aux, '(');
		sbuf_puts(&c->aux, n);
		sbuf_putc(&c->aux, ')');
	}
}

STRUCT_PRINTER(sched_param)
{
	int prio;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &prio, sizeof(prio)))
		return;
	/* strace prints struct sched_param as its one int in brackets */
	emit_array_begin(e, name);
	emit_int(e, NULL, prio);
	emit_array_end(e);
}

/* ---- groups ---- */

static void put_gids(struct call *c, struct emit *e, const char *name, unsigned long addr, unsigned long n)
{
	unsigned gids[64];
	unsigned long max = (unsigned long)opt.strsize, show = n < max ? n : max;
	if (show > 64)
		show = 64;
	if (!addr || umem_read(c->pid, addr, gids, show * sizeof(unsigned)) < 0) {
		emit_ptr(e, name, addr);
		return;
	}
	emit_array_begin(e, name);
	for (unsigned long i = 0; i < show; i++)
		emit_uint(e, NULL, gids[i]);
	if (show < n)
		emit_more(e);
	emit_array_end(e);
}

CUSTOM_DECODER(getgroups)
{
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "size", ARG_int);
		c->nprinted = 1;
		return;
	}
	/* size 0 asks for the count only: strace shows NULL, or [] for a buffer */
	if (c->failed || ((int)c->args[0] == 0 && !c->args[1]))
		emit_ptr(e, "list", c->args[1]);
	else if ((int)c->args[0] == 0)
		emit_text(e, "list", "[]");
	else
		put_gids(c, e, "list", c->args[1], (unsigned long)c->ret);
}

CUSTOM_DECODER(setgroups)
{
	if (phase != PHASE_ENTRY)
		return;
	ARG(c, e, 0, "size", ARG_int);
	int n = (int)c->args[0];
	if (n <= 0 || n > 65536)
		emit_ptr(e, "list", c->args[1]);
	else
		put_gids(c, e, "list", c->args[1], (unsigned long)n);
}

/* ---- robust futex list ---- */

CUSTOM_DECODER(get_robust_list)
{
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "pid", ARG_pid);
		c->nprinted = 1;
		return;
	}
	unsigned long head;
	if (c->failed || !c->args[1] || umem_read(c->pid, c->args[1], &head, sizeof(head)) < 0) {
		emit_ptr(e, "head_ptr", c->args[1]);
	} else {
		emit_array_begin(e, "head_ptr");
		emit_ptr(e, NULL, head);
		emit_array_end(e);
	}
	if (c->failed)
		emit_ptr(e, "len_ptr", c->args[2]);
	else
		ARG_X(c, e, 2, "len_ptr", ARG_ulongptr, 0, -1);
}

/* ---- ptrace and seccomp ---- */

CUSTOM_DECODER(ptrace)
{
	if (phase != PHASE_ENTRY)
		return;
	unsigned long req = c->args[0];
	ARG_X(c, e, 0, "request", ARG_enum, XLAT_ptrace_requests, -1);
	if (req == 0 /* PTRACE_TRACEME */)
		return;
	ARG(c, e, 1, "pid", ARG_pid);
	if (req == 0x10 /* PTRACE_ATTACH */)
		return;
	ARG(c, e, 2, "addr", ARG_ptr);
	switch (req) {
	case 0x4200: case 0x4206: /* PTRACE_SETOPTIONS, PTRACE_SEIZE */
		ARG_X(c, e, 3, "data", ARG_flags, XLAT_ptrace_options, -1);
		break;
	case 7: case 9: case 0x11: case 0x18: case 0x1f: case 0x20: case 0x21:
		/* CONT, SINGLESTEP, DETACH, SYSCALL, SYSEMU*, SINGLEBLOCK: a signal */
		ARG(c, e, 3, "data", ARG_signo);
		break;
	default:
		ARG(c, e, 3, "data", ARG_hex);
		break;
	}
}

/* struct sock_fprog: "{len=4, filter=0x...}" */
void proc_emit_sock_fprog(struct call *c, struct emit *e, const char *name, unsigned long addr)
{
	struct { unsigned short len; unsigned long filter; } fp;
	if (!fetch_struct(c, e, name, addr, &fp, sizeof(fp)))
		return;
	emit_struct_begin(e, name);
	emit_uint(e, "len", fp.len);
	emit_ptr(e, "filter", fp.filter);
	emit_struct_end(e);
}

CUSTOM_DECODER(seccomp)
{
	if (phase != PHASE_ENTRY)
		return;
	unsigned op = (unsigned)c->args[0];
	ARG_X(c, e, 0, "operation", ARG_enum, XLAT_seccomp_ops, -1);
	if (op == 1 /* SECCOMP_SET_MODE_FILTER */) {
		ARG_X(c, e, 1, "flags", ARG_flags, XLAT_seccomp_filter_flags, -1);
		proc_emit_sock_fprog(c, e, "args", c->args[2]);
	} else {
		ARG(c, e, 1, "flags", ARG_uint);
		ARG(c, e, 2, "args", ARG_ptr);
	}
}
