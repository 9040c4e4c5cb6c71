/* SPDX-License-Identifier: MIT */
/* prctl(2) and arch_prctl(2): how many arguments print, and as what,
 * depends on the option. Options strace 6.1 does not special-case print
 * four more arguments in hex. */
#include "../structs/proc.h"
#include "../options.h"
#include "../umem.h"
#include <linux/prctl.h>
#include <string.h>

enum shape {
	SH_HEX4,	/* default: option, then four arguments in hex */
	SH_NONE,	/* option alone */
	SH_DEC,		/* one unsigned decimal */
	SH_HEX,		/* one hex */
	SH_SIG,		/* one signal */
	SH_OUT_SIG,	/* int * filled with a signal: [SIGTERM] */
	SH_OUT_INT,	/* int * filled: [1] */
	SH_OUT_PTR,	/* unsigned long * filled: [0x...] */
	SH_DEC_HEX3,	/* decimal, then three hex */
	SH_ENUM,	/* one value of a family */
	SH_FLAGS,	/* flags of a family */
	SH_OUT_ENUM,	/* int * filled with a value of a family */
	SH_CAP,		/* one capability */
	SH_SET_NAME, SH_GET_NAME, SH_SECCOMP, SH_PTRACER, SH_VMA, SH_CAP_AMBIENT,
};

struct prctl_shape {
	unsigned char shape;
	short xlat;	/* family for SH_ENUM/SH_FLAGS/SH_OUT_ENUM, -1 otherwise */
	short ret_xlat;	/* family naming the return value, -1 for none */
};

static struct prctl_shape shape_of(unsigned long op)
{
	struct prctl_shape s = { SH_HEX4, -1, -1 };
	switch (op) {
	case PR_GET_DUMPABLE: s.shape = SH_NONE; s.ret_xlat = XLAT_pr_dumpable; break;
	case PR_GET_KEEPCAPS: case PR_GET_TIMING: case PR_GET_SECCOMP:
	case PR_GET_SECUREBITS: case PR_GET_TIMERSLACK: case PR_TASK_PERF_EVENTS_DISABLE:
	case PR_TASK_PERF_EVENTS_ENABLE: case PR_GET_FP_MODE: case PR_SVE_GET_VL:
	case 64 /* PR_SME_GET_VL */:
		s.shape = SH_NONE;
		break;
	case PR_SET_PDEATHSIG: s.shape = SH_SIG; break;
	case PR_GET_PDEATHSIG: s.shape = SH_OUT_SIG; break;
	case PR_SET_DUMPABLE: s.shape = SH_ENUM; s.xlat = XLAT_pr_dumpable; break;
	case PR_SET_UNALIGN: s.shape = SH_FLAGS; s.xlat = XLAT_pr_unalign; break;
	case PR_SET_TSC: s.shape = SH_ENUM; s.xlat = XLAT_pr_tsc; break;
	case PR_GET_TSC: s.shape = SH_OUT_ENUM; s.xlat = XLAT_pr_tsc; break;
	case PR_SET_SECUREBITS: s.shape = SH_FLAGS; s.xlat = XLAT_pr_securebits; break;
	case PR_GET_UNALIGN: case PR_GET_FPEMU: case PR_GET_FPEXC: case PR_GET_ENDIAN:
	case PR_GET_CHILD_SUBREAPER:
		s.shape = SH_OUT_INT;
		break;
	case PR_GET_TID_ADDRESS: s.shape = SH_OUT_PTR; break;
	case PR_SET_KEEPCAPS: case PR_SET_FPEMU: case PR_SET_FPEXC: case PR_SET_TIMING:
	case PR_SET_ENDIAN: case PR_SET_TIMERSLACK: case PR_SET_CHILD_SUBREAPER:
		s.shape = SH_DEC;
		break;
	case PR_SVE_SET_VL: case 63 /* PR_SME_SET_VL */: s.shape = SH_HEX; break;
	case PR_SET_NO_NEW_PRIVS: case PR_SET_THP_DISABLE: case PR_SET_IO_FLUSHER:
		s.shape = SH_DEC_HEX3;
		break;
	case PR_CAPBSET_READ: case PR_CAPBSET_DROP: s.shape = SH_CAP; break;
	case PR_SET_NAME: s.shape = SH_SET_NAME; break;
	case PR_GET_NAME: s.shape = SH_GET_NAME; break;
	case PR_SET_SECCOMP: s.shape = SH_SECCOMP; break;
	case PR_SET_PTRACER: s.shape = SH_PTRACER; break;
	case 0x53564d41 /* PR_SET_VMA */: s.shape = SH_VMA; break;
	case PR_CAP_AMBIENT: s.shape = SH_CAP_AMBIENT; break;
	}
	return s;
}

static void put_hex_args(struct call *c, struct emit *e, int from, int to)
{
	for (int i = from; i <= to; i++)
		ARG(c, e, i, NULL, ARG_hex);
}

/* a capability number: its name; under -X raw the number, under -X
 * verbose both (0x3 /\* CAP_FOWNER *\/); unknown ones with "CAP_???" in
 * a comment where strace gives it */
static void put_cap(struct emit *e, const char *name, unsigned long v, bool unknown_comment)
{
	const char *n = v < 64 ? xlat_name(XLAT(capabilities), v) : NULL;
	if (n && opt.xlat_style == XLAT_STYLE_ABBREV) {
		emit_text(e, name, n);
		return;
	}
	emit_hex(e, name, v);
	if (opt.xlat_style == XLAT_STYLE_RAW)
		return;
	if (n)
		emit_comment(e, n);
	else if (unknown_comment)
		emit_comment(e, "CAP_???");
}

/* the task name: at most 15 bytes, "..." when it goes on */
static void put_comm(struct call *c, struct emit *e, unsigned long addr, bool in)
{
	char buf[17];
	size_t got = addr ? umem_read_partial(c->pid, addr, buf, 16) : 0;
	if (!addr || got == 0) {
		emit_ptr(e, "arg2", addr);
		return;
	}
	size_t n = strnlen(buf, got < 15 ? got : 15);
	bool more = in && n == 15 && got > 15 && buf[15] != 0;
	emit_str(e, "arg2", buf, n, more ? STR_TRUNCATED : 0);
}

CUSTOM_DECODER(prctl)
{
	unsigned long op = c->args[0];
	struct prctl_shape s = shape_of(op);
	if (phase == PHASE_ENTRY) {
		ARG_X(c, e, 0, "option", ARG_enum, XLAT_prctl_options, -1);
		switch (s.shape) {
		case SH_HEX4: put_hex_args(c, e, 1, 4); break;
		case SH_NONE: break;
		case SH_DEC: ARG(c, e, 1, "arg2", ARG_ulong); break;
		case SH_HEX: ARG(c, e, 1, "arg2", ARG_hex); break;
		case SH_SIG: ARG(c, e, 1, "arg2", ARG_signo); break;
		case SH_DEC_HEX3:
			ARG(c, e, 1, "arg2", ARG_ulong);
			put_hex_args(c, e, 2, 4);
			break;
		case SH_ENUM: ARG_X(c, e, 1, "arg2", ARG_enum, s.xlat, -1); break;
		case SH_FLAGS: ARG_X(c, e, 1, "arg2", ARG_flags, s.xlat, -1); break;
		case SH_CAP: put_cap(e, "arg2", c->args[1], true); break;
		case SH_SET_NAME: put_comm(c, e, c->args[1], true); break;
		case SH_SECCOMP:
			ARG_X(c, e, 1, "arg2", ARG_enum, XLAT_seccomp_mode, -1);
			if (c->args[1] == 2)
				proc_emit_sock_fprog(c, e, "arg3", c->args[2]);
			else if (c->args[1] != 1)
				put_hex_args(c, e, 2, 4);
			break;
		case SH_PTRACER:
			if ((int)c->args[1] == -1 && opt.xlat_style != XLAT_STYLE_RAW)
				emit_text(e, "arg2", "PR_SET_PTRACER_ANY");
			else
				ARG(c, e, 1, "arg2", ARG_ulong);
			break;
		case SH_VMA:
			if (c->args[1] == 0 && opt.xlat_style != XLAT_STYLE_RAW)
				emit_text(e, "arg2", "PR_SET_VMA_ANON_NAME");
			else
				ARG(c, e, 1, "arg2", ARG_hex);
			ARG(c, e, 2, "arg3", ARG_hex);
			ARG(c, e, 3, "arg4", ARG_ulong);
			ARG(c, e, 4, "arg5", ARG_str);
			break;
		case SH_CAP_AMBIENT:
			ARG_X(c, e, 1, "arg2", ARG_enum, XLAT_pr_cap_ambient, -1);
			if (c->args[1] == PR_CAP_AMBIENT_CLEAR_ALL) {
				put_hex_args(c, e, 2, 4);
			} else {
				put_cap(e, "arg3", c->args[2], false);
				put_hex_args(c, e, 3, 4);
			}
			break;
		default:
			/* printed at exit */
			c->nprinted = 1;
			break;
		}
		return;
	}
	unsigned long a = c->args[1];
	int v;
	unsigned long p;
	switch (s.shape) {
	case SH_OUT_SIG: case SH_OUT_INT: case SH_OUT_ENUM:
		if (c->failed || !a || umem_read(c->pid, a, &v, sizeof(v)) < 0) {
			emit_ptr(e, "arg2", a);
			break;
		}
		emit_array_begin(e, "arg2");
		if (s.shape == SH_OUT_SIG)
			print_signo(e, NULL, v);
		else if (s.shape == SH_OUT_ENUM)
			emit_enum(e, NULL, xlat_table[s.xlat], (unsigned)v);
		else
			emit_int(e, NULL, v);
		emit_array_end(e);
		break;
	case SH_OUT_PTR:
		if (c->failed || !a || umem_read(c->pid, a, &p, sizeof(p)) < 0) {
			emit_ptr(e, "arg2", a);
			break;
		}
		emit_array_begin(e, "arg2");
		emit_ptr(e, NULL, p);
		emit_array_end(e);
		break;
	case SH_GET_NAME:
		if (c->failed)
			emit_ptr(e, "arg2", a);
		else
			put_comm(c, e, a, false);
		break;
	}
	/* explained whatever -X says, as strace does */
	if (s.ret_xlat >= 0 && !c->failed) {
		const char *n = xlat_name(xlat_table[s.ret_xlat], (unsigned long)c->ret);
		if (n) {
			sbuf_putc(&c->aux, '(');
			sbuf_puts(&c->aux, n);
			sbuf_putc(&c->aux, ')');
		}
	}
}

#define ARCH_GET_FS_ 0x1003
#define ARCH_GET_GS_ 0x1004
#define ARCH_GET_CPUID_ 0x1011
#define ARCH_GET_XCOMP_SUPP_ 0x1021
#define ARCH_GET_XCOMP_PERM_ 0x1022
#define ARCH_GET_XCOMP_GUEST_PERM_ 0x1024

static bool arch_out(unsigned long code)
{
	return code == ARCH_GET_FS_ || code == ARCH_GET_GS_ || code == ARCH_GET_XCOMP_SUPP_ ||
	       code == ARCH_GET_XCOMP_PERM_ || code == ARCH_GET_XCOMP_GUEST_PERM_;
}

/* arch_prctl(code, addr): addr is an output for the GET codes */
CUSTOM_DECODER(arch_prctl)
{
	unsigned long code = c->args[0];
	if (phase == PHASE_ENTRY) {
		ARG_X(c, e, 0, "code", ARG_enum, XLAT_arch_prctl_codes, -1);
		if (code == ARCH_GET_CPUID_)
			return;
		if (arch_out(code))
			c->nprinted = 1;
		else
			ARG(c, e, 1, "addr", ARG_hex);
		return;
	}
	if (!arch_out(code))
		return;
	unsigned long v;
	if (c->failed || umem_read(c->pid, c->args[1], &v, sizeof(v)) < 0) {
		emit_hex(e, "addr", c->args[1]);
		return;
	}
	emit_array_begin(e, "addr");
	emit_hex(e, NULL, v);
	if (code != ARCH_GET_FS_ && code != ARCH_GET_GS_ && opt.xlat_style != XLAT_STYLE_RAW) {
		struct sbuf *b = emit_sb(e);
		sbuf_puts(b, " /* ");
		xlat_flags(b, XLAT(xfeature_masks), v);
		sbuf_puts(b, " */");
	}
	emit_array_end(e);
}
