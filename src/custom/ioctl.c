/* SPDX-License-Identifier: MIT */
/* ioctl(2): the request by name (every name strace has for the value,
 * joined by " or "), or decoded as _IOC(dir, type, nr, size); then the
 * argument, for the terminal, file (FS_IOC_*FLAGS), socket (FIO*OWN,
 * SIOC*PGRP; the interface ones in src/structs/ifreq.c) and nsfs requests
 * whose argument layout is known. Requests that fill memory print it at
 * exit; an argument this decoder does not know prints in hex, as strace
 * does. */
#include "../structs/net.h"
#include "../util.h"
#include "../filter.h"
#include "../options.h"
#include "../umem.h"
#include <stdint.h>
#include <stdio.h>

/* request numbers (x86_64) */
enum {
	TCGETS_ = 0x5401, TCSETS_, TCSETSW_, TCSETSF_, TCGETA_, TCSETA_, TCSETAW_, TCSETAF_,
	TCSBRK_ = 0x5409, TCXONC_, TCFLSH_, TIOCEXCL_, TIOCNXCL_, TIOCSCTTY_,
	TIOCGPGRP_ = 0x540f, TIOCSPGRP_, TIOCOUTQ_, TIOCSTI_, TIOCGWINSZ_, TIOCSWINSZ_,
	TIOCMGET_ = 0x5415, TIOCMBIS_, TIOCMBIC_, TIOCMSET_,
	FIONREAD_ = 0x541b, TIOCCONS_ = 0x541d, TIOCPKT_ = 0x5420, FIONBIO_ = 0x5421,
	TIOCNOTTY_ = 0x5422, TIOCSETD_ = 0x5423, TIOCGETD_ = 0x5424, TCSBRKP_ = 0x5425,
	TIOCSBRK_ = 0x5427, TIOCCBRK_ = 0x5428, TIOCGSID_ = 0x5429,
	TIOCVHANGUP_ = 0x5437, FIONCLEX_ = 0x5450, FIOCLEX_ = 0x5451, FIOASYNC_ = 0x5452,
	TIOCGPTN_ = 0x80045430, TIOCSPTLCK_ = 0x40045431, TIOCGPTLCK_ = 0x80045439,
	TIOCGPKT_ = 0x80045438, TIOCGEXCL_ = 0x80045440,
	FICLONE_ = 0x40049409,
	FS_IOC_GETFLAGS_ = 0x80086601, FS_IOC_SETFLAGS_ = 0x40086602,
	FS_IOC32_GETFLAGS_ = 0x80046601, FS_IOC32_SETFLAGS_ = 0x40046602,
	NS_GET_USERNS_ = 0xb701, NS_GET_PARENT_ = 0xb702, NS_GET_NSTYPE_ = 0xb703,
	NS_GET_OWNER_UID_ = 0xb704,
	FIOSETOWN_ = 0x8901, SIOCSPGRP_ = 0x8902, FIOGETOWN_ = 0x8903, SIOCGPGRP_ = 0x8904,
	SIOCATMARK_ = 0x8905,
};

/* an enum the way strace's printxval prints it: hex under -X raw/verbose
 * and for values without a name */
static void enum_hex(struct emit *e, const char *name, const struct xlat *x, unsigned long v)
{
	emit_item(e, name);
	xlat_enum_hex(emit_sb(e), x, v);
}

/* how the argument of a request prints */
enum argkind {
	A_HEX,		/* unknown layout: the value in hex, at entry */
	A_NONE,		/* no argument */
	A_INT,		/* the value itself, decimal */
	A_INTPTR,	/* [int] */
	A_UINTPTR,	/* [unsigned] */
	A_MODEM,	/* [TIOCM_...] */
	A_TERMIOS,
	A_TERMIO,
	A_WINSIZE,
	A_FLUSH,	/* TCFLSH queue */
	A_XONC,		/* TCXONC action */
	A_CHAR,		/* TIOCSTI: one byte as a string */
	A_FD,		/* a descriptor (FICLONE) */
	A_FSFLAGS,	/* [FS_*_FL], an int whatever the request's size says */
	A_NSTYPE,	/* no argument; the result explained as (CLONE_NEW*) */
};

struct reqinfo {
	unsigned req;
	unsigned char kind;	/* enum argkind */
	bool at_exit;		/* the kernel fills it */
};

static const struct reqinfo reqs[] = {
	{ TCGETS_, A_TERMIOS, true }, { TCSETS_, A_TERMIOS, false },
	{ TCSETSW_, A_TERMIOS, false }, { TCSETSF_, A_TERMIOS, false },
	{ TCGETA_, A_TERMIO, true }, { TCSETA_, A_TERMIO, false },
	{ TCSETAW_, A_TERMIO, false }, { TCSETAF_, A_TERMIO, false },
	{ TCSBRK_, A_INT, false }, { TCSBRKP_, A_INT, false }, { TIOCSCTTY_, A_INT, false },
	{ TCXONC_, A_XONC, false }, { TCFLSH_, A_FLUSH, false },
	{ TIOCEXCL_, A_NONE, false }, { TIOCNXCL_, A_NONE, false },
	{ TIOCNOTTY_, A_NONE, false }, { TIOCCONS_, A_NONE, false },
	{ TIOCSBRK_, A_NONE, false }, { TIOCCBRK_, A_NONE, false },
	{ TIOCVHANGUP_, A_NONE, false }, { FIONCLEX_, A_NONE, false }, { FIOCLEX_, A_NONE, false },
	{ TIOCGPGRP_, A_INTPTR, true }, { TIOCSPGRP_, A_INTPTR, false }, { TIOCGSID_, A_INTPTR, true },
	{ TIOCOUTQ_, A_INTPTR, true }, { FIONREAD_, A_INTPTR, true },
	{ TIOCGETD_, A_INTPTR, true }, { TIOCSETD_, A_INTPTR, false },
	{ FIONBIO_, A_INTPTR, false }, { FIOASYNC_, A_INTPTR, false }, { TIOCPKT_, A_INTPTR, false },
	{ TIOCGPTN_, A_UINTPTR, true }, { TIOCSPTLCK_, A_INTPTR, false },
	{ TIOCGPTLCK_, A_INTPTR, true }, { TIOCGPKT_, A_INTPTR, true }, { TIOCGEXCL_, A_INTPTR, true },
	{ TIOCMGET_, A_MODEM, true }, { TIOCMSET_, A_MODEM, false },
	{ TIOCMBIS_, A_MODEM, false }, { TIOCMBIC_, A_MODEM, false },
	{ TIOCGWINSZ_, A_WINSIZE, true }, { TIOCSWINSZ_, A_WINSIZE, false },
	{ TIOCSTI_, A_CHAR, false },
	{ FICLONE_, A_FD, false },
	{ FS_IOC_GETFLAGS_, A_FSFLAGS, true }, { FS_IOC_SETFLAGS_, A_FSFLAGS, false },
	{ FS_IOC32_GETFLAGS_, A_FSFLAGS, true }, { FS_IOC32_SETFLAGS_, A_FSFLAGS, false },
	{ FIOSETOWN_, A_INTPTR, false }, { SIOCSPGRP_, A_INTPTR, false },
	{ FIOGETOWN_, A_INTPTR, true }, { SIOCGPGRP_, A_INTPTR, true }, { SIOCATMARK_, A_INTPTR, true },
	{ NS_GET_USERNS_, A_NONE, false }, { NS_GET_PARENT_, A_NONE, false },
	{ NS_GET_NSTYPE_, A_NSTYPE, false }, { NS_GET_OWNER_UID_, A_UINTPTR, true },
};

static const struct reqinfo *req_find(unsigned req)
{
	for (size_t i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++)
		if (reqs[i].req == req)
			return &reqs[i];
	return NULL;
}

/* every name of the value, " or " between them; false when none */
static bool req_names(struct sbuf *b, unsigned req)
{
	const struct xlat *x = XLAT(ioctl_cmds);
	int n = 0;
	for (unsigned i = 0; i < x->n; i++) {
		if (x->e[i].val != req)
			continue;
		if (n++)
			sbuf_puts(b, " or ");
		sbuf_puts(b, x->e[i].name);
	}
	return n > 0;
}

static void req_ioc(struct sbuf *b, unsigned req)
{
	static const char *const dirs[] = {
		"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE",
	};
	sbuf_printf(b, "_IOC(%s, %#x, %#x, %#x)", dirs[req >> 30], (req >> 8) & 0xff,
		req & 0xff, (req >> 16) & 0x3fff);
}

static void print_request(struct emit *e, unsigned req)
{
	emit_item(e, "request");
	struct sbuf *b = emit_sb(e);
	if (opt.xlat_style == XLAT_STYLE_RAW) {
		sbuf_hex(b, req);
		return;
	}
	if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
		sbuf_hex(b, req);
		sbuf_puts(b, " /* ");
		if (!req_names(b, req))
			req_ioc(b, req);
		sbuf_puts(b, " */");
		return;
	}
	if (!req_names(b, req))
		req_ioc(b, req);
}

/* ---- termios ---- */

/* strace 6.1 prints a flags field with no bit set as nothing at all
 * ("c_iflag=, "), and a zero remainder after the fixed fields likewise */
static void flags_or_nothing(struct sbuf *b, const struct xlat *x, unsigned v)
{
	if (v)
		xlat_flags(b, x, v);
}

static void field_enum(struct sbuf *b, const struct xlat *x, unsigned v)
{
	xlat_enum_hex(b, x, v);
}

static void print_oflag(struct emit *e, unsigned v)
{
	static const struct { int id; unsigned mask; } delays[] = {
		{ XLAT_term_nl_delay, 0400 }, { XLAT_term_cr_delay, 03000 },
		{ XLAT_term_tab_delay, 014000 }, { XLAT_term_bs_delay, 020000 },
		{ XLAT_term_vt_delay, 040000 }, { XLAT_term_ff_delay, 0100000 },
	};
	emit_item(e, "c_oflag");
	struct sbuf *b = emit_sb(e);
	for (size_t i = 0; i < sizeof(delays) / sizeof(delays[0]); i++) {
		field_enum(b, xlat_table[delays[i].id], v & delays[i].mask);
		sbuf_putc(b, '|');
		v &= ~delays[i].mask;
	}
	flags_or_nothing(b, XLAT(term_oflags), v);
}

#define CBAUD_ 010017u
#define CIBAUD_ (CBAUD_ << 16)
#define CSIZE_ 060u

static void print_cflag(struct emit *e, unsigned v)
{
	emit_item(e, "c_cflag");
	struct sbuf *b = emit_sb(e);
	field_enum(b, XLAT(term_bauds), v & CBAUD_);
	sbuf_putc(b, '|');
	if (v & CIBAUD_) {
		field_enum(b, XLAT(term_bauds), (v & CIBAUD_) >> 16);
		if (opt.xlat_style == XLAT_STYLE_RAW)
			sbuf_puts(b, "<<0x10|");
		else if (opt.xlat_style == XLAT_STYLE_VERBOSE)
			sbuf_puts(b, "<<0x10 /* IBSHIFT */|");
		else
			sbuf_puts(b, "<<IBSHIFT|");
	}
	field_enum(b, XLAT(term_csize), v & CSIZE_);
	sbuf_putc(b, '|');
	flags_or_nothing(b, XLAT(term_cflags), v & ~(CBAUD_ | CIBAUD_ | CSIZE_));
}

/* struct termios (19 control characters) and struct termio (8): the
 * common fields widened to unsigned */
static void print_term(struct emit *e, bool abbrev, const unsigned flags[4], unsigned char line,
	const unsigned char *cc, unsigned ncc)
{
	emit_struct_begin(e, "argp");
	emit_item(e, "c_iflag");
	flags_or_nothing(emit_sb(e), XLAT(term_iflags), flags[0]);
	print_oflag(e, flags[1]);
	print_cflag(e, flags[2]);
	emit_item(e, "c_lflag");
	flags_or_nothing(emit_sb(e), XLAT(term_lflags), flags[3]);
	if (abbrev) {
		emit_more(e);
		emit_struct_end(e);
		return;
	}
	emit_item(e, "c_line");
	field_enum(emit_sb(e), XLAT(term_ldiscs), line);
	emit_array_begin(e, "c_cc");
	for (unsigned i = 0; i < ncc; i++) {
		emit_item(e, NULL);
		struct sbuf *b = emit_sb(e);
		const char *n = xlat_name(XLAT(term_cc_names), i);
		sbuf_putc(b, '[');
		if (n && opt.xlat_style != XLAT_STYLE_RAW)
			sbuf_puts(b, n);
		else
			sbuf_dec(b, i);
		sbuf_puts(b, "]=");
		sbuf_hex(b, cc[i]);
	}
	emit_array_end(e);
	emit_struct_end(e);
}

static void print_termios(struct call *c, struct emit *e, unsigned long addr)
{
	struct { uint32_t f[4]; uint8_t line, cc[19]; } t;
	if (!fetch_struct(c, e, "argp", addr, &t, sizeof(t)))
		return;
	unsigned f[4] = { t.f[0], t.f[1], t.f[2], t.f[3] };
	print_term(e, filter_abbrev(c->nr), f, t.line, t.cc, 19);
}

static void print_termio(struct call *c, struct emit *e, unsigned long addr)
{
	struct { uint16_t f[4]; uint8_t line, cc[8]; } t;
	if (!fetch_struct(c, e, "argp", addr, &t, sizeof(t)))
		return;
	unsigned f[4] = { t.f[0], t.f[1], t.f[2], t.f[3] };
	print_term(e, filter_abbrev(c->nr), f, t.line, t.cc, 8);
}

static void print_winsize(struct call *c, struct emit *e, unsigned long addr)
{
	struct { uint16_t row, col, xpixel, ypixel; } w;
	if (!fetch_struct(c, e, "argp", addr, &w, sizeof(w)))
		return;
	emit_struct_begin(e, "argp");
	emit_uint(e, "ws_row", w.row);
	emit_uint(e, "ws_col", w.col);
	emit_uint(e, "ws_xpixel", w.xpixel);
	emit_uint(e, "ws_ypixel", w.ypixel);
	emit_struct_end(e);
}

static void print_arg(struct call *c, struct emit *e, const struct reqinfo *ri)
{
	unsigned long v = c->args[2];
	switch (ri ? ri->kind : A_HEX) {
	case A_NONE:
	case A_NSTYPE:
		break;
	case A_INT:
		emit_int(e, "argp", (int)v);
		break;
	case A_INTPTR:
		ARG(c, e, 2, "argp", ARG_intptr);
		break;
	case A_UINTPTR:
		ARG(c, e, 2, "argp", ARG_uintptr);
		break;
	case A_MODEM: {
		unsigned m;
		if (!fetch_struct(c, e, "argp", v, &m, sizeof(m)))
			break;
		emit_array_begin(e, "argp");
		emit_flags(e, NULL, XLAT(modem_flags), m);
		emit_array_end(e);
		break;
	}
	case A_TERMIOS:
		print_termios(c, e, v);
		break;
	case A_TERMIO:
		print_termio(c, e, v);
		break;
	case A_WINSIZE:
		print_winsize(c, e, v);
		break;
	case A_FLUSH:
		enum_hex(e, "argp", XLAT(tcflsh_queues), (unsigned)v);
		break;
	case A_XONC:
		enum_hex(e, "argp", XLAT(tcxonc_actions), (unsigned)v);
		break;
	case A_CHAR:
		print_buf(c, e, "argp", v, 1);
		break;
	case A_FD:
		emit_int(e, "argp", (int)v);	/* no -y path, as strace */
		break;
	case A_FSFLAGS: {
		unsigned f;
		if (!fetch_struct(c, e, "argp", v, &f, sizeof(f)))
			break;
		emit_array_begin(e, "argp");
		net_emit_flags(e, NULL, XLAT(fs_flags), f, "FS_???_FL");
		emit_array_end(e);
		break;
	}
	default:
		emit_hex(e, "argp", v);
		break;
	}
}

/* NS_GET_NSTYPE's "(CLONE_NEWNET)" after the result. (strace 6.1 does
 * not clear it, so a failing call repeats the explanation of the thread's
 * previous one; a failed call here has none.) */
static void nstype_aux(struct call *c)
{
	const char *n = c->failed ? NULL : xlat_name(XLAT(setns_types), (unsigned long)c->ret);
	if (n) {
		sbuf_putc(&c->aux, '(');
		sbuf_puts(&c->aux, n);
		sbuf_putc(&c->aux, ')');
	}
}

CUSTOM_DECODER(ioctl)
{
	unsigned req = (unsigned)c->args[1];
	const struct reqinfo *ri = req_find(req);
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "fd", ARG_fd);
		print_request(e, req);
	}
	if (ifreq_ioctl(c, e, req, phase))
		return;
	if (phase == PHASE_EXIT && ri && ri->kind == A_NSTYPE)
		nstype_aux(c);
	if (phase == PHASE_ENTRY) {
		if (ri && ri->at_exit)
			c->nprinted = 2;
		else
			print_arg(c, e, ri);
		return;
	}
	if (!c->nprinted)
		return;
	if (c->failed)
		emit_ptr(e, "argp", c->args[2]);
	else
		print_arg(c, e, ri);
}
