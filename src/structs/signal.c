/* SPDX-License-Identifier: MIT */
/* Signal structs: the kernel's struct sigaction (rt_sigaction) and stack_t. */
#include "proc.h"
#include "../options.h"
#include <signal.h>

/* the layout rt_sigaction(2) passes on x86_64, not glibc's */
struct ksigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	unsigned char mask[8];
};

#define KSA_RESTORER 0x04000000ul

static void put_handler(struct emit *e, unsigned long h)
{
	if (opt.xlat_style == XLAT_STYLE_RAW) {
		emit_hex(e, "sa_handler", h);
		return;
	}
	switch (h) {
	case 0: emit_text(e, "sa_handler", "SIG_DFL"); break;
	case 1: emit_text(e, "sa_handler", "SIG_IGN"); break;
	case ~0ul: emit_text(e, "sa_handler", "SIG_ERR"); break;
	default: emit_hex(e, "sa_handler", h); break;
	}
}

STRUCT_PRINTER(sigaction)
{
	struct ksigaction sa;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &sa, sizeof(sa)))
		return;
	emit_struct_begin(e, name);
	put_handler(e, sa.handler);
	emit_item(e, "sa_mask");
	sigset_format(emit_sb(e), sa.mask, sizeof(sa.mask));
	emit_flags(e, "sa_flags", XLAT(sa_flags), sa.flags);
	if (sa.flags & KSA_RESTORER)
		emit_ptr(e, "sa_restorer", sa.restorer);
	emit_struct_end(e);
}

STRUCT_PRINTER(sigaltstack)
{
	stack_t ss;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &ss, sizeof(ss)))
		return;
	emit_struct_begin(e, name);
	emit_ptr(e, "ss_sp", (unsigned long)ss.ss_sp);
	emit_flags(e, "ss_flags", XLAT(sigaltstack_flags), (unsigned)ss.ss_flags);
	emit_uint(e, "ss_size", ss.ss_size);
	emit_struct_end(e);
}
