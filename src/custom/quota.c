/* SPDX-License-Identifier: MIT */
/* quotactl(2) and quotactl_fd(2): the command, QCMD(cmd, type), decides
 * which of the other arguments there are and what they are. The id is a
 * uid-like number for the per-id commands, a quota format for Q_QUOTAON
 * and absent otherwise; the address is a path (Q_QUOTAON), a struct the
 * caller fills (SET commands, printed at entry), a struct the kernel fills
 * (GET commands, printed at exit when the call succeeded, else the
 * address), a bit set in an int (the XFS on/off/remove commands), or
 * absent. Commands without a decoder show the id and the address. */
#include "../structs/structs.h"
#include "../filter.h"
#include "../options.h"
#include <linux/dqblk_xfs.h>
#include <linux/quota.h>
#include <stdint.h>

/* the kernel's command numbers (QCMD(cmd, type) >> 8) */
enum {
	K_SYNC = 0x800001, K_QUOTAON, K_QUOTAOFF, K_GETFMT, K_GETINFO,
	K_SETINFO, K_GETQUOTA, K_SETQUOTA, K_GETNEXTQUOTA,
	K_XQUOTAON = 0x5801, K_XQUOTAOFF, K_XGETQUOTA, K_XSETQLIM,
	K_XGETQSTAT, K_XQUOTARM, K_XQUOTASYNC, K_XGETQSTATV, K_XGETNEXTQUOTA,
};

/* what follows the special file (or the fd) */
enum shape {
	SH_NONE,	/* nothing */
	SH_ID_IN,	/* id, then a struct at entry */
	SH_ID_OUT,	/* id, then a struct at exit */
	SH_IN,		/* a struct at entry */
	SH_OUT,		/* a struct at exit */
	SH_QUOTAON,	/* format, path */
	SH_OTHER,	/* id, address */
};

static enum shape shape_of(unsigned cmd)
{
	switch (cmd) {
	case K_SYNC: case K_QUOTAOFF: case K_XQUOTASYNC:
		return SH_NONE;
	case K_QUOTAON:
		return SH_QUOTAON;
	case K_GETQUOTA: case K_GETNEXTQUOTA: case K_XGETQUOTA: case K_XGETNEXTQUOTA:
		return SH_ID_OUT;
	case K_SETQUOTA: case K_XSETQLIM:
		return SH_ID_IN;
	case K_GETFMT: case K_GETINFO: case K_XGETQSTAT: case K_XGETQSTATV:
		return SH_OUT;
	case K_SETINFO: case K_XQUOTAON: case K_XQUOTAOFF: case K_XQUOTARM:
		return SH_IN;
	default:
		return SH_OTHER;
	}
}

/* QCMD(Q_GETQUOTA, USRQUOTA), names with their unknown markers */
static void qcmd_text(struct sbuf *b, unsigned v)
{
	sbuf_puts(b, "QCMD(");
	xlat_enum_hex(b, XLAT(quota_cmds), v >> 8);
	sbuf_puts(b, ", ");
	xlat_enum_hex(b, XLAT(quota_types), v & 0xff);
	sbuf_putc(b, ')');
}

/* the command as strace shows it: the number in decimal under -X raw, the
 * number and the abbreviated form in a comment under -X verbose */
static void print_qcmd(struct emit *e, const char *name, unsigned v)
{
	emit_item(e, name);
	struct sbuf *b = emit_sb(e);
	int style = opt.xlat_style;
	if (style == XLAT_STYLE_ABBREV) {
		qcmd_text(b, v);
		return;
	}
	sbuf_udec(b, v);
	if (style == XLAT_STYLE_RAW)
		return;
	sbuf_puts(b, " /* ");
	opt.xlat_style = XLAT_STYLE_ABBREV;
	qcmd_text(b, v);
	opt.xlat_style = style;
	sbuf_puts(b, " */");
}

/* a uid-like id: -1 for all ones, else unsigned */
static void print_id(struct emit *e, const char *name, unsigned long v)
{
	if ((unsigned)v == (unsigned)-1)
		emit_int(e, name, -1);
	else
		emit_uint(e, name, (unsigned)v);
}

/* an enum printed as %#x when it has no name (and under -X raw/verbose) */
static void enum_hex(struct emit *e, const char *name, const struct xlat *x, unsigned long v)
{
	emit_item(e, name);
	xlat_enum_hex(emit_sb(e), x, v);
}

/* ---- the structs ---- */

static void print_dqblk(struct call *c, struct emit *e, const char *name, unsigned long addr, bool next)
{
	struct if_nextdqblk d;
	if (!fetch_struct(c, e, name, addr, &d, next ? sizeof(struct if_nextdqblk) : sizeof(struct if_dqblk)))
		return;
	emit_struct_begin(e, name);
	emit_uint(e, "dqb_bhardlimit", d.dqb_bhardlimit);
	emit_uint(e, "dqb_bsoftlimit", d.dqb_bsoftlimit);
	emit_uint(e, "dqb_curspace", d.dqb_curspace);
	emit_uint(e, "dqb_ihardlimit", d.dqb_ihardlimit);
	emit_uint(e, "dqb_isoftlimit", d.dqb_isoftlimit);
	emit_uint(e, "dqb_curinodes", d.dqb_curinodes);
	/* strace shows the id of if_nextdqblk in the abbreviated form too,
	 * before the "..." */
	if (filter_abbrev(c->nr)) {
		if (next)
			emit_uint(e, "dqb_id", d.dqb_id);
		emit_more(e);
	} else {
		emit_uint(e, "dqb_btime", d.dqb_btime);
		emit_uint(e, "dqb_itime", d.dqb_itime);
		emit_flags(e, "dqb_valid", XLAT(quota_dqb_valid), d.dqb_valid);
		if (next)
			emit_uint(e, "dqb_id", d.dqb_id);
	}
	emit_struct_end(e);
}

static void print_dqinfo(struct call *c, struct emit *e, const char *name, unsigned long addr)
{
	struct if_dqinfo d;
	if (!fetch_struct(c, e, name, addr, &d, sizeof(d)))
		return;
	emit_struct_begin(e, name);
	emit_uint(e, "dqi_bgrace", d.dqi_bgrace);
	emit_uint(e, "dqi_igrace", d.dqi_igrace);
	emit_flags(e, "dqi_flags", XLAT(quota_dqi_flags), d.dqi_flags);
	emit_flags(e, "dqi_valid", XLAT(quota_dqi_valid), d.dqi_valid);
	emit_struct_end(e);
}

static void print_disk_quota(struct call *c, struct emit *e, const char *name, unsigned long addr)
{
	struct fs_disk_quota d;
	if (!fetch_struct(c, e, name, addr, &d, sizeof(d)))
		return;
	emit_struct_begin(e, name);
	emit_int(e, "d_version", d.d_version);
	emit_flags(e, "d_flags", XLAT(xfs_quota_types), (uint8_t)d.d_flags);
	emit_hex(e, "d_fieldmask", d.d_fieldmask);
	emit_uint(e, "d_id", d.d_id);
	emit_uint(e, "d_blk_hardlimit", d.d_blk_hardlimit);
	emit_uint(e, "d_blk_softlimit", d.d_blk_softlimit);
	emit_uint(e, "d_ino_hardlimit", d.d_ino_hardlimit);
	emit_uint(e, "d_ino_softlimit", d.d_ino_softlimit);
	emit_uint(e, "d_bcount", d.d_bcount);
	emit_uint(e, "d_icount", d.d_icount);
	if (filter_abbrev(c->nr)) {
		emit_more(e);
	} else {
		emit_int(e, "d_itimer", d.d_itimer);
		emit_int(e, "d_btimer", d.d_btimer);
		emit_uint(e, "d_iwarns", d.d_iwarns);
		emit_uint(e, "d_bwarns", d.d_bwarns);
		emit_uint(e, "d_rtb_hardlimit", d.d_rtb_hardlimit);
		emit_uint(e, "d_rtb_softlimit", d.d_rtb_softlimit);
		emit_uint(e, "d_rtbcount", d.d_rtbcount);
		emit_int(e, "d_rtbtimer", d.d_rtbtimer);
		emit_uint(e, "d_rtbwarns", d.d_rtbwarns);
	}
	emit_struct_end(e);
}

/* Q_XGETQSTAT's struct fs_quota_stat and Q_XGETQSTATV's fs_quota_statv
 * hold the same fields in two layouts (the second with the project quota
 * file, and the in-core count moved up): both are read into this one and
 * printed by one printer, in the order of the layout they came in */
struct qstat {
	int version;
	unsigned flags, incoredqs;
	struct { unsigned long long ino, nblks; unsigned nextents; } file[3];	/* u, g, p */
	int btimelimit, itimelimit, rtbtimelimit;
	unsigned bwarnlimit, iwarnlimit;
};

#define QSTAT_FILE(f, qfs) ((f).ino = (qfs).qfs_ino, (f).nblks = (qfs).qfs_nblks, (f).nextents = (qfs).qfs_nextents)
#define QSTAT_FROM(q, s) do { \
	(q)->version = (s).qs_version; \
	(q)->flags = (s).qs_flags; \
	(q)->incoredqs = (s).qs_incoredqs; \
	QSTAT_FILE((q)->file[0], (s).qs_uquota); \
	QSTAT_FILE((q)->file[1], (s).qs_gquota); \
	(q)->btimelimit = (s).qs_btimelimit; \
	(q)->itimelimit = (s).qs_itimelimit; \
	(q)->rtbtimelimit = (s).qs_rtbtimelimit; \
	(q)->bwarnlimit = (s).qs_bwarnlimit; \
	(q)->iwarnlimit = (s).qs_iwarnlimit; \
} while (0)

static void print_qfs(struct emit *e, const char *name, const struct qstat *q, int i)
{
	emit_struct_begin(e, name);
	emit_uint(e, "qfs_ino", q->file[i].ino);
	emit_uint(e, "qfs_nblks", q->file[i].nblks);
	emit_uint(e, "qfs_nextents", q->file[i].nextents);
	emit_struct_end(e);
}

/* Q_XGETQSTAT (fs_qfilestat members unaligned on 32-bit ABIs, natural on
 * x86_64) and, versioned, Q_XGETQSTATV */
static void print_quota_stat(struct call *c, struct emit *e, const char *name, unsigned long addr, bool versioned)
{
	struct qstat q;
	if (versioned) {
		struct fs_quota_statv s;
		if (!fetch_struct(c, e, name, addr, &s, sizeof(s)))
			return;
		QSTAT_FROM(&q, s);
		QSTAT_FILE(q.file[2], s.qs_pquota);
	} else {
		struct fs_quota_stat s;
		if (!fetch_struct(c, e, name, addr, &s, sizeof(s)))
			return;
		QSTAT_FROM(&q, s);
	}
	emit_struct_begin(e, name);
	emit_int(e, "qs_version", q.version);
	if (filter_abbrev(c->nr)) {
		emit_more(e);
	} else {
		emit_flags(e, "qs_flags", XLAT(xfs_quota_flags), q.flags);
		if (versioned)
			emit_uint(e, "qs_incoredqs", q.incoredqs);
		print_qfs(e, "qs_uquota", &q, 0);
		print_qfs(e, "qs_gquota", &q, 1);
		if (versioned)
			print_qfs(e, "qs_pquota", &q, 2);
		else
			emit_uint(e, "qs_incoredqs", q.incoredqs);
		emit_int(e, "qs_btimelimit", q.btimelimit);
		emit_int(e, "qs_itimelimit", q.itimelimit);
		emit_int(e, "qs_rtbtimelimit", q.rtbtimelimit);
		emit_uint(e, "qs_bwarnlimit", q.bwarnlimit);
		emit_uint(e, "qs_iwarnlimit", q.iwarnlimit);
	}
	emit_struct_end(e);
}

/* one unsigned int in brackets: [FS_QUOTA_UDQ_ACCT], [QFMT_VFS_V1] */
static void print_boxed(struct call *c, struct emit *e, const char *name, unsigned long addr,
			const struct xlat *x, bool is_enum)
{
	uint32_t v;
	if (!fetch_struct(c, e, name, addr, &v, sizeof(v)))
		return;
	emit_array_begin(e, name);
	if (is_enum)
		enum_hex(e, NULL, x, v);
	else
		emit_flags(e, NULL, x, v);
	emit_array_end(e);
}

/* the address argument of a command whose struct the caller fills */
static void addr_in(struct call *c, struct emit *e, unsigned cmd, unsigned long addr)
{
	switch (cmd) {
	case K_SETQUOTA:
		print_dqblk(c, e, "addr", addr, false);
		break;
	case K_XSETQLIM:
		print_disk_quota(c, e, "addr", addr);
		break;
	case K_SETINFO:
		print_dqinfo(c, e, "addr", addr);
		break;
	case K_XQUOTAON: case K_XQUOTAOFF:
		print_boxed(c, e, "addr", addr, XLAT(xfs_quota_flags), false);
		break;
	case K_XQUOTARM:
		print_boxed(c, e, "addr", addr, XLAT(xfs_quota_types), false);
		break;
	}
}

/* the address argument of a command whose struct the kernel fills */
static void addr_out(struct call *c, struct emit *e, unsigned cmd, unsigned long addr)
{
	if (c->failed) {
		emit_ptr(e, "addr", addr);
		return;
	}
	switch (cmd) {
	case K_GETQUOTA:
		print_dqblk(c, e, "addr", addr, false);
		break;
	case K_GETNEXTQUOTA:
		print_dqblk(c, e, "addr", addr, true);
		break;
	case K_XGETQUOTA: case K_XGETNEXTQUOTA:
		print_disk_quota(c, e, "addr", addr);
		break;
	case K_GETINFO:
		print_dqinfo(c, e, "addr", addr);
		break;
	case K_GETFMT:
		print_boxed(c, e, "addr", addr, XLAT(quota_formats), true);
		break;
	case K_XGETQSTAT:
		print_quota_stat(c, e, "addr", addr, false);
		break;
	case K_XGETQSTATV:
		print_quota_stat(c, e, "addr", addr, true);
		break;
	default:
		emit_ptr(e, "addr", addr);
		break;
	}
}

/* the id (args[2]) and the address (args[3]) of both calls, after two
 * items; at entry the items shown so far go to nprinted when something is
 * left for exit */
static void rest(struct call *c, struct emit *e, int phase, unsigned qcmd)
{
	unsigned cmd = qcmd >> 8;
	unsigned long id = c->args[2], addr = c->args[3];
	enum shape sh = shape_of(cmd);
	if (phase != PHASE_ENTRY) {
		if (c->nprinted)
			addr_out(c, e, cmd, addr);
		return;
	}
	switch (sh) {
	case SH_NONE:
		break;
	case SH_QUOTAON:
		enum_hex(e, "id", XLAT(quota_formats), (unsigned)id);
		print_path(c, e, "addr", addr);
		break;
	case SH_OTHER:
		print_id(e, "id", id);
		emit_ptr(e, "addr", addr);
		break;
	case SH_ID_IN:
		print_id(e, "id", id);
		addr_in(c, e, cmd, addr);
		break;
	case SH_IN:
		addr_in(c, e, cmd, addr);
		break;
	case SH_ID_OUT:
		print_id(e, "id", id);
		c->nprinted = 3;
		break;
	case SH_OUT:
		c->nprinted = 2;
		break;
	}
}

CUSTOM_DECODER(quotactl)
{
	if (phase == PHASE_ENTRY) {
		print_qcmd(e, "cmd", (unsigned)c->args[0]);
		print_path(c, e, "special", c->args[1]);
	}
	rest(c, e, phase, (unsigned)c->args[0]);
}

CUSTOM_DECODER(quotactl_fd)
{
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "fd", ARG_fd);
		print_qcmd(e, "cmd", (unsigned)c->args[1]);
	}
	rest(c, e, phase, (unsigned)c->args[1]);
}
