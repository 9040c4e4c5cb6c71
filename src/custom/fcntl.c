/* SPDX-License-Identifier: MIT */
/* fcntl(2): the third argument and the return value depend on the
 * command. Structs the kernel fills (F_GETLK, F_GETOWN_EX) print at exit;
 * everything else at entry. Results that are bit sets print in hex with
 * their names after them, as strace does: "= 0x1 (flags FD_CLOEXEC)". */
#include "../structs/structs.h"
#include "../options.h"
#include <fcntl.h>
#include <stdint.h>

/* the kernel's command numbers, whatever the libc headers say (glibc on
 * x86_64 maps F_GETLK64 to F_GETLK) */
enum {
	K_DUPFD = 0, K_GETFD, K_SETFD, K_GETFL, K_SETFL, K_GETLK, K_SETLK,
	K_SETLKW, K_SETOWN, K_GETOWN, K_SETSIG, K_GETSIG, K_GETLK64, K_SETLK64,
	K_SETLKW64, K_SETOWN_EX, K_GETOWN_EX, K_GETOWNER_UIDS,
	K_OFD_GETLK = 36, K_OFD_SETLK, K_OFD_SETLKW,
	K_SETLEASE = 1024, K_GETLEASE, K_NOTIFY, K_CANCELLK = 1029,
	K_DUPFD_CLOEXEC, K_SETPIPE_SZ, K_GETPIPE_SZ, K_ADD_SEALS, K_GET_SEALS,
};

/* an enum the way strace's printxval prints it: hex under -X raw/verbose
 * and for values without a name */
static void enum_hex(struct emit *e, const char *name, const struct xlat *x, unsigned long v)
{
	emit_item(e, name);
	xlat_enum_hex(emit_sb(e), x, v);
}

struct kflock {
	int16_t l_type, l_whence;
	int64_t l_start, l_len;
	int32_t l_pid;
};

struct kowner {
	int32_t type, pid;
};

static void print_flock(struct call *c, struct emit *e, unsigned long addr, bool with_pid)
{
	struct kflock fl;
	if (!fetch_struct(c, e, "arg", addr, &fl, sizeof(fl)))
		return;
	emit_struct_begin(e, "arg");
	enum_hex(e, "l_type", XLAT(flock_types), (unsigned short)fl.l_type);
	enum_hex(e, "l_whence", XLAT(lseek_whence), (unsigned short)fl.l_whence);
	emit_int(e, "l_start", fl.l_start);
	emit_int(e, "l_len", fl.l_len);
	if (with_pid)
		print_pid(e, "l_pid", fl.l_pid);
	emit_struct_end(e);
}

static void print_owner(struct call *c, struct emit *e, unsigned long addr)
{
	struct kowner o;
	if (!fetch_struct(c, e, "arg", addr, &o, sizeof(o)))
		return;
	emit_struct_begin(e, "arg");
	enum_hex(e, "type", XLAT(f_owner_types), (unsigned)o.type);
	if (o.type == 2)	/* F_OWNER_PGRP: a process group, no comm */
		emit_int(e, "pid", o.pid);
	else
		print_pid(e, "pid", o.pid);
	emit_struct_end(e);
}

/* the third argument at entry; false when it prints at exit instead */
static bool arg_at_entry(struct call *c, struct emit *e, unsigned cmd)
{
	unsigned long v = c->args[2];
	switch (cmd) {
	case K_GETFD: case K_GETFL: case K_GETOWN: case K_GETSIG:
	case K_GETLEASE: case K_GETPIPE_SZ: case K_GET_SEALS:
		return true;	/* no third argument */
	case K_SETFD:
		emit_flags(e, "arg", XLAT(fd_flags), (unsigned)v);
		return true;
	case K_SETFL:
		ARG(c, e, 2, "arg", ARG_openflags);
		return true;
	case K_SETOWN:
		print_pid(e, "arg", (int)v);	/* a pgid when negative: no comm */
		return true;
	case K_DUPFD: case K_DUPFD_CLOEXEC: case K_SETPIPE_SZ:
		emit_int(e, "arg", (int)v);
		return true;
	case K_SETSIG:
		print_signo(e, "arg", (int)v);
		return true;
	case K_SETLEASE:
		enum_hex(e, "arg", XLAT(flock_types), (unsigned)v);
		return true;
	case K_NOTIFY:
		emit_flags(e, "arg", XLAT(dnotify_flags), (unsigned)v);
		return true;
	case K_ADD_SEALS:
		emit_flags(e, "arg", XLAT(seal_flags), (unsigned)v);
		return true;
	case K_SETLK: case K_SETLKW: case K_OFD_SETLK: case K_OFD_SETLKW:
		print_flock(c, e, v, false);
		return true;
	case K_SETOWN_EX:
		print_owner(c, e, v);
		return true;
	case K_GETLK: case K_OFD_GETLK: case K_GETOWN_EX:
	/* the 64-bit lock commands of 32-bit ABIs: x86_64 rejects them, so
	 * strace shows their argument at exit, which is as an address */
	case K_GETLK64: case K_SETLK64: case K_SETLKW64:
		return false;
	case K_GETOWNER_UIDS:
		emit_ptr(e, "arg", v);
		return true;
	default:
		emit_hex(e, "arg", v);
		return true;
	}
}

static void arg_at_exit(struct call *c, struct emit *e, unsigned cmd)
{
	unsigned long v = c->args[2];
	if (c->failed) {
		emit_ptr(e, "arg", v);
		return;
	}
	switch (cmd) {
	case K_GETLK: case K_OFD_GETLK:
		print_flock(c, e, v, true);
		break;
	case K_GETOWN_EX:
		print_owner(c, e, v);
		break;
	default:
		emit_ptr(e, "arg", v);
		break;
	}
}

/* names of the bits of v whatever -X says, as strace writes the F_GETFL
 * result (its other results follow -X): NAME|NAME|0x... */
static void aux_flags(struct sbuf *b, const struct xlat *x, unsigned long v)
{
	int n = 0;
	for (unsigned i = 0; i < x->n && v; i++) {
		unsigned long f = (unsigned long)x->e[i].val;
		if (f && (v & f) == f) {
			if (n++)
				sbuf_putc(b, '|');
			sbuf_puts(b, x->e[i].name);
			v &= ~f;
		}
	}
	if (v || !n) {
		if (n)
			sbuf_putc(b, '|');
		sbuf_hex(b, v);
	}
}

/* "= 0x8002 (flags O_RDWR|O_LARGEFILE)" and the like */
static void result(struct call *c, unsigned cmd)
{
	struct sbuf *aux = &c->aux;
	unsigned long r = (unsigned long)c->ret;
	if (c->failed)
		return;
	switch (cmd) {
	case K_DUPFD: case K_DUPFD_CLOEXEC:
		c->ret_as = RET_FD + 1;
		break;
	case K_GETFD:
		if (!r)
			break;
		c->ret_as = RET_HEX + 1;
		sbuf_puts(aux, "(flags ");
		xlat_flags(aux, XLAT(fd_flags), r);
		sbuf_putc(aux, ')');
		break;
	case K_GETFL: {
		c->ret_as = RET_HEX + 1;
		const char *acc = xlat_name(XLAT(open_accmode), r & O_ACCMODE);
		sbuf_puts(aux, "(flags ");
		sbuf_puts(aux, acc ? acc : "O_ACCMODE");
		if (r & ~(unsigned long)O_ACCMODE) {
			sbuf_putc(aux, '|');
			aux_flags(aux, XLAT(open_flags), r & ~(unsigned long)O_ACCMODE);
		}
		sbuf_putc(aux, ')');
		break;
	}
	case K_GETLEASE: {
		c->ret_as = RET_HEX + 1;
		const char *n = xlat_name(XLAT(flock_types), r);
		if (n) {
			sbuf_putc(aux, '(');
			sbuf_puts(aux, n);
			sbuf_putc(aux, ')');
		}
		break;
	}
	case K_GET_SEALS:
		if (!r)
			break;
		c->ret_as = RET_HEX + 1;
		sbuf_puts(aux, "(seals ");
		xlat_flags(aux, XLAT(seal_flags), r);
		sbuf_putc(aux, ')');
		break;
	case K_GETSIG:
		if (!r)
			break;
		sbuf_putc(aux, '(');
		signame_format(aux, (int)r, true);
		sbuf_putc(aux, ')');
		break;
	}
}

CUSTOM_DECODER(fcntl)
{
	unsigned cmd = (unsigned)c->args[1];
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "fd", ARG_fd);
		enum_hex(e, "cmd", XLAT(fcntl_cmds), cmd);
		if (!arg_at_entry(c, e, cmd))
			c->nprinted = 2;
		return;
	}
	if (c->nprinted)
		arg_at_exit(c, e, cmd);
	result(c, cmd);
}
