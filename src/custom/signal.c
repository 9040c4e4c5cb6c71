/* SPDX-License-Identifier: MIT */
/* rt_sigreturn's restored mask (read from the signal frame) and
 * rt_sigtimedwait's named return value. */
#include "../structs/proc.h"
#include "../options.h"
#include "../umem.h"

/* x86_64 rt_sigframe: the handler's "ret" popped pretcode, so at the
 * rt_sigreturn stop sp points at the ucontext; uc_sigmask follows
 * uc_flags, uc_link, uc_stack (24) and uc_mcontext (256 bytes). */
#define UC_SIGMASK_OFFSET (8 + 8 + 24 + 256)

CUSTOM_DECODER(rt_sigreturn)
{
	if (phase != PHASE_ENTRY)
		return;
	unsigned char mask[8];
	if (umem_read(c->pid, c->sp + UC_SIGMASK_OFFSET, mask, sizeof(mask)) < 0) {
		emit_ptr(e, NULL, c->sp + UC_SIGMASK_OFFSET);
		return;
	}
	emit_struct_begin(e, NULL);
	emit_item(e, "mask");
	sigset_format(emit_sb(e), mask, sizeof(mask));
	emit_struct_end(e);
}

/* rt_sigtimedwait(set, info, timeout, sigsetsize) = SIG (SIGNAME) */
CUSTOM_DECODER(rt_sigtimedwait)
{
	if (phase == PHASE_ENTRY) {
		print_sigset(c, e, "set", c->args[0], c->args[3]);
		c->nprinted = 1;
		return;
	}
	if (c->failed)
		emit_ptr(e, "info", c->args[1]);
	else
		struct_siginfo_print(c, e, "info", c->args[1], -1);
	struct_timespec_print(c, e, "timeout", c->args[2], -1);
	ARG(c, e, 3, "sigsetsize", ARG_size);
	if (!c->failed && c->ret > 0 && opt.xlat_style != XLAT_STYLE_RAW) {
		sbuf_putc(&c->aux, '(');
		signame_format(&c->aux, (int)c->ret, true);
		sbuf_putc(&c->aux, ')');
	}
}
