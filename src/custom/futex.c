/* SPDX-License-Identifier: MIT */
/* futex(2): which of val, timeout/val2, uaddr2 and val3 print, and how,
 * depends on the command in op; futex_waitv(2)'s array of waiters. */
#include "../structs/proc.h"
#include "../options.h"
#include "../umem.h"

enum {
	F_WAIT, F_WAKE, F_FD, F_REQUEUE, F_CMP_REQUEUE, F_WAKE_OP, F_LOCK_PI,
	F_UNLOCK_PI, F_TRYLOCK_PI, F_WAIT_BITSET, F_WAKE_BITSET, F_WAIT_REQUEUE_PI,
	F_CMP_REQUEUE_PI, F_LOCK_PI2,
};

static void put_bitset(struct emit *e, unsigned v)
{
	bool any = v == 0xffffffffu;
	if (any && opt.xlat_style == XLAT_STYLE_ABBREV) {
		emit_text(e, "val3", "FUTEX_BITSET_MATCH_ANY");
		return;
	}
	emit_hex(e, "val3", v);
	if (any && opt.xlat_style == XLAT_STYLE_VERBOSE)
		emit_comment(e, "FUTEX_BITSET_MATCH_ANY");
}

static const char *const wake_ops[] = { "FUTEX_OP_SET", "FUTEX_OP_ADD", "FUTEX_OP_OR", "FUTEX_OP_ANDN", "FUTEX_OP_XOR" };
static const char *const wake_cmps[] = { "FUTEX_OP_CMP_EQ", "FUTEX_OP_CMP_NE", "FUTEX_OP_CMP_LT", "FUTEX_OP_CMP_LE", "FUTEX_OP_CMP_GT", "FUTEX_OP_CMP_GE" };

/* FUTEX_WAKE_OP's val3: "FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1" */
static void put_wake_op(struct emit *e, unsigned v)
{
	emit_item(e, "val3");
	struct sbuf *b = emit_sb(e);
	if (opt.xlat_style == XLAT_STYLE_RAW) {
		sbuf_hex(b, v);
		return;
	}
	unsigned op = (v >> 28) & 0xf, cmp = (v >> 24) & 0xf;
	if (op & 8) {
		sbuf_puts(b, "FUTEX_OP_OPARG_SHIFT<<28|");
		op &= 7;
	}
	if (op < 5) {
		sbuf_puts(b, wake_ops[op]);
		sbuf_puts(b, "<<28");
	} else {
		sbuf_hex(b, op);
		sbuf_puts(b, "<<28 /* FUTEX_OP_??? */");
	}
	sbuf_putc(b, '|');
	sbuf_hex(b, (v >> 12) & 0xfff);
	sbuf_puts(b, "<<12|");
	if (cmp < 6) {
		sbuf_puts(b, wake_cmps[cmp]);
		sbuf_puts(b, "<<24");
	} else {
		sbuf_hex(b, cmp);
		sbuf_puts(b, "<<24 /* FUTEX_OP_CMP_??? */");
	}
	sbuf_putc(b, '|');
	sbuf_hex(b, v & 0xfff);
}

CUSTOM_DECODER(futex)
{
	if (phase != PHASE_ENTRY)
		return;
	unsigned op = (unsigned)c->args[1], cmd = op & 127;
	unsigned long timeout = c->args[3];
	ARG(c, e, 0, "uaddr", ARG_ptr);
	ARG_X(c, e, 1, "futex_op", ARG_enum, XLAT_futex_ops, -1);
	switch (cmd) {
	case F_UNLOCK_PI: case F_TRYLOCK_PI:
		return;
	case F_LOCK_PI: case F_LOCK_PI2:
		struct_timespec_print(c, e, "timeout", timeout, -1);
		return;
	}
	ARG(c, e, 2, "val", ARG_uint);
	switch (cmd) {
	case F_WAIT:
		struct_timespec_print(c, e, "timeout", timeout, -1);
		break;
	case F_WAKE: case F_FD:
		break;
	case F_REQUEUE:
		emit_uint(e, "val2", (unsigned)timeout);
		ARG(c, e, 4, "uaddr2", ARG_ptr);
		break;
	case F_CMP_REQUEUE: case F_CMP_REQUEUE_PI:
		emit_uint(e, "val2", (unsigned)timeout);
		ARG(c, e, 4, "uaddr2", ARG_ptr);
		emit_uint(e, "val3", (unsigned)c->args[5]);
		break;
	case F_WAKE_OP:
		emit_uint(e, "val2", (unsigned)timeout);
		ARG(c, e, 4, "uaddr2", ARG_ptr);
		put_wake_op(e, (unsigned)c->args[5]);
		break;
	case F_WAIT_BITSET:
		struct_timespec_print(c, e, "timeout", timeout, -1);
		put_bitset(e, (unsigned)c->args[5]);
		break;
	case F_WAKE_BITSET:
		put_bitset(e, (unsigned)c->args[5]);
		break;
	case F_WAIT_REQUEUE_PI:
		struct_timespec_print(c, e, "timeout", timeout, -1);
		ARG(c, e, 4, "uaddr2", ARG_ptr);
		break;
	default:
		ARG(c, e, 3, "timeout", ARG_ptr);
		ARG(c, e, 4, "uaddr2", ARG_ptr);
		ARG(c, e, 5, "val3", ARG_hex);
		break;
	}
}

/* futex_waitv(waiters, nr_futexes, flags, timeout, clockid) */
CUSTOM_DECODER(futex_waitv)
{
	if (phase != PHASE_ENTRY)
		return;
	struct { unsigned long long val, uaddr; unsigned flags, reserved; } w;
	unsigned long addr = c->args[0], n = (unsigned)c->args[1];
	unsigned long max = (unsigned long)opt.strsize, show = n < max ? n : max;
	if (!addr || !n || umem_read(c->pid, addr, &w, sizeof(w)) < 0) {
		emit_ptr(e, "waiters", addr);
	} else {
		emit_array_begin(e, "waiters");
		unsigned long i;
		for (i = 0; i < show; i++) {
			if (umem_read(c->pid, addr + i * sizeof(w), &w, sizeof(w)) < 0) {
				emit_more(e);
				break;
			}
			emit_struct_begin(e, NULL);
			emit_uint(e, "val", w.val);
			emit_ptr(e, "uaddr", w.uaddr);
			emit_flags(e, "flags", XLAT(futex2_flags), w.flags);
			emit_struct_end(e);
		}
		if (i == show && show < n)
			emit_more(e);
		emit_array_end(e);
	}
	ARG(c, e, 1, "nr_futexes", ARG_uint);
	ARG(c, e, 2, "flags", ARG_hex);
	struct_timespec_print(c, e, "timeout", c->args[3], -1);
	ARG_X(c, e, 4, "clockid", ARG_enum, XLAT_clockids, -1);
}
