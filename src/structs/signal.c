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

/* SIG_DFL, SIG_IGN, SIG_ERR or the address; -X raw the number, -X
 * verbose the number and the name in a comment */
static void put_handler(struct emit *e, unsigned long h)
{
	const char *n = h == 0 ? "SIG_DFL" : h == 1 ? "SIG_IGN" : h == ~0ul ? "SIG_ERR" : NULL;
	if (!n || opt.xlat_style == XLAT_STYLE_RAW) {
		emit_hex(e, "sa_handler", h);
	} else if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
		emit_hex(e, "sa_handler", h);
		emit_comment(e, n);
	} else {
		emit_text(e, "sa_handler", n);
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
