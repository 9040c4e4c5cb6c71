/* SPDX-License-Identifier: MIT */
/* siginfo_t, as in "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, ...} ---"
 * and in rt_sigqueueinfo/waitid/rt_sigtimedwait. Which union member is
 * valid depends on si_code (and for positive codes on the signal). */
#include "structs.h"
#include "../options.h"
#include "../umem.h"
#include <signal.h>
#include <string.h>

#define SI_KERNEL_ 0x80

static void put_code(struct emit *e, int sig, int code)
{
	const struct xlat *x = NULL;
	if (code > 0 && code != SI_KERNEL_) {
		switch (sig) {
		case SIGSEGV: x = XLAT(segv_codes); break;
		case SIGBUS: x = XLAT(bus_codes); break;
		case SIGILL: x = XLAT(ill_codes); break;
		case SIGFPE: x = XLAT(fpe_codes); break;
		case SIGTRAP: x = XLAT(trap_codes); break;
		case SIGCHLD: x = XLAT(chld_codes); break;
		case SIGPOLL: x = XLAT(poll_codes); break;
		case SIGSYS: x = XLAT(sys_codes); break;
		}
	}
	const char *n = xlat_name(x ? x : XLAT(si_codes), (unsigned long long)(long long)code);
	if (opt.xlat_style == XLAT_STYLE_RAW) {
		emit_hex(e, "si_code", (unsigned)code);	/* strace: si_code=0x1 */
	} else if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
		emit_hex(e, "si_code", (unsigned)code);	/* 0x1 /\* CLD_EXITED *\/ */
		if (n)
			emit_comment(e, n);
	} else if (n)
		emit_text(e, "si_code", n);
	else
		emit_int(e, "si_code", code);
}

static void put_value(struct emit *e, const siginfo_t *si)
{
	emit_struct_begin(e, "si_value");
	emit_int(e, "sival_int", si->si_value.sival_int);
	emit_ptr(e, "sival_ptr", (unsigned long)si->si_value.sival_ptr);
	emit_struct_end(e);
}

void siginfo_format(struct emit *e, const void *p)
{
	const siginfo_t *si = p;
	int sig = si->si_signo, code = si->si_code;
	emit_struct_begin(e, NULL);
	emit_item(e, "si_signo");
	signame_styled(emit_sb(e), sig, true);
	/* strace prints si_code before si_errno */
	put_code(e, sig, code);
	if (si->si_errno) {
		const char *en = errno_name(si->si_errno);
		if (en)
			emit_text(e, "si_errno", en);
		else
			emit_int(e, "si_errno", si->si_errno);
	}
	if (code == SI_USER || code == SI_TKILL) {
		print_pid(e, "si_pid", si->si_pid);
		emit_uint(e, "si_uid", si->si_uid);
	} else if (code == SI_QUEUE || code == SI_MESGQ) {
		print_pid(e, "si_pid", si->si_pid);
		emit_uint(e, "si_uid", si->si_uid);
		put_value(e, si);
	} else if (code == SI_TIMER) {
		emit_hex(e, "si_timerid", (unsigned)si->si_timerid);
		emit_int(e, "si_overrun", si->si_overrun);
		put_value(e, si);
	} else if (code > 0) {
		/* SI_KERNEL too: strace shows the signal's fields, zero as they
		 * are for a signal a tracer injected */
		switch (sig) {
		case SIGCHLD:
			print_pid(e, "si_pid", si->si_pid);
			emit_uint(e, "si_uid", si->si_uid);
			if (code == CLD_EXITED) {
				emit_int(e, "si_status", si->si_status);
			} else {
				emit_item(e, "si_status");
				signame_format(emit_sb(e), si->si_status, true);
			}
			emit_int(e, "si_utime", (long long)si->si_utime);
			emit_int(e, "si_stime", (long long)si->si_stime);
			break;
		case SIGSEGV: case SIGBUS: case SIGILL: case SIGFPE: case SIGTRAP:
			emit_ptr(e, "si_addr", (unsigned long)si->si_addr);
			break;
		case SIGPOLL:
			emit_int(e, "si_band", si->si_band);
			emit_int(e, "si_fd", si->si_fd);
			break;
		case SIGSYS: {
			emit_ptr(e, "si_call_addr", (unsigned long)si->si_call_addr);
			bool native = si->si_arch == 0xc000003eu;
			const struct sysent *se = native ? systab_get(si->si_syscall) : NULL;
			emit_item(e, "si_syscall");
			if (se) {
				sbuf_puts(emit_sb(e), "__NR_");
				sbuf_puts(emit_sb(e), se->name);
			} else {
				sbuf_dec(emit_sb(e), si->si_syscall);
			}
			emit_item(e, "si_arch");
			if (native) {
				sbuf_puts(emit_sb(e), "AUDIT_ARCH_X86_64");
			} else {
				sbuf_hex(emit_sb(e), si->si_arch);
				sbuf_puts(emit_sb(e), " /* AUDIT_ARCH_??? */");
			}
			break;
		}
		}
	}
	emit_struct_end(e);
}

STRUCT_PRINTER(siginfo)
{
	siginfo_t si;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &si, sizeof(si)))
		return;
	emit_item(e, name);
	/* siginfo_format opens its own item; undo the double separator */
	struct emit sub = *e;
	sub.depth = 0;
	sub.kind[0] = EMIT_ARRAY;
	sub.count[0] = 0;
	siginfo_format(&sub, &si);
}
