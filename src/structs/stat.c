/* SPDX-License-Identifier: MIT */
/* struct stat, struct statx and struct statfs, and the pieces they share
 * with other file calls: symbolic modes, device numbers, file times.
 * Abbreviated (the default) shows what strace shows without -v: the mode
 * and the size (or the device for device files), then "...". */
#include "structs.h"
#include "proc.h"
#include "../filter.h"
#include "../options.h"
#include <stdio.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>


/* the symbolic part of a mode: TYPE|S_ISUID|0644, or the whole mode in
 * octal when the type has no name */
static void mode_symbolic(struct sbuf *b, unsigned mode)
{
	unsigned type = mode & S_IFMT;
	const char *tn = type ? xlat_name(XLAT(file_types), type) : NULL;
	if (type && !tn) {
		sbuf_printf(b, "%#03o", mode);
		return;
	}
	if (tn) {
		sbuf_puts(b, tn);
		sbuf_putc(b, '|');
	}
	unsigned bits = mode & (S_ISUID | S_ISGID | S_ISVTX);
	if (bits) {
		const struct xlat *x = XLAT(mode_bits);
		for (unsigned i = 0; i < x->n; i++)
			if (bits & x->e[i].val) {
				sbuf_puts(b, x->e[i].name);
				sbuf_putc(b, '|');
			}
	}
	sbuf_printf(b, "%#03o", mode & 0777);
}

void print_file_mode(struct emit *e, const char *name, unsigned mode)
{
	emit_item(e, name);
	struct sbuf *b = emit_sb(e);
	if (opt.xlat_style == XLAT_STYLE_RAW) {
		sbuf_printf(b, "%#03o", mode);
		return;
	}
	if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
		sbuf_printf(b, "%#03o", mode);
		/* an unknown type has no symbolic form to add */
		unsigned type = mode & S_IFMT;
		if (type && !xlat_name(XLAT(file_types), type))
			return;
		sbuf_puts(b, " /* ");
		mode_symbolic(b, mode);
		sbuf_puts(b, " */");
		return;
	}
	mode_symbolic(b, mode);
}

static void dev_symbolic(struct sbuf *b, unsigned long long dev)
{
	sbuf_printf(b, "makedev(%#x, %#x)", major(dev), minor(dev));
}

void print_dev(struct emit *e, const char *name, unsigned long long dev)
{
	emit_item(e, name);
	struct sbuf *b = emit_sb(e);
	if (opt.xlat_style == XLAT_STYLE_RAW) {
		sbuf_printf(b, "%#llx", dev);
		return;
	}
	if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
		sbuf_printf(b, "%#llx /* ", dev);
		dev_symbolic(b, dev);
		sbuf_puts(b, " */");
		return;
	}
	dev_symbolic(b, dev);
}

void time_comment(struct emit *e, long long sec, unsigned long long nsec)
{
	/* strace leaves the epoch itself (and nonsense) without a date */
	if ((sec == 0 && nsec == 0) || nsec > 999999999ULL)
		return;
	time_emit_date_comment(e, sec, (long)nsec, 9);
}

/* st_atime=1779294449 /\* date *\/, st_atime_nsec=0 */
static void stat_time(struct emit *e, const char *name, const char *nsname, long long sec, unsigned long long nsec)
{
	emit_int(e, name, sec);
	time_comment(e, sec, nsec);
	emit_uint(e, nsname, nsec);
}

static bool is_device(unsigned mode)
{
	return S_ISCHR(mode) || S_ISBLK(mode);
}

STRUCT_PRINTER(stat)
{
	(void)len;
	struct stat st;
	if (!fetch_struct(c, e, name, addr, &st, sizeof(st)))
		return;
	emit_struct_begin(e, name);
	if (filter_abbrev(c->nr)) {
		print_file_mode(e, "st_mode", st.st_mode);
		if (is_device(st.st_mode))
			print_dev(e, "st_rdev", st.st_rdev);
		else
			emit_int(e, "st_size", st.st_size);
		emit_more(e);
		emit_struct_end(e);
		return;
	}
	print_dev(e, "st_dev", st.st_dev);
	emit_uint(e, "st_ino", st.st_ino);
	print_file_mode(e, "st_mode", st.st_mode);
	emit_uint(e, "st_nlink", st.st_nlink);
	emit_uint(e, "st_uid", st.st_uid);
	emit_uint(e, "st_gid", st.st_gid);
	emit_int(e, "st_blksize", st.st_blksize);
	emit_int(e, "st_blocks", st.st_blocks);
	if (is_device(st.st_mode))
		print_dev(e, "st_rdev", st.st_rdev);
	else
		emit_int(e, "st_size", st.st_size);
	stat_time(e, "st_atime", "st_atime_nsec", st.st_atim.tv_sec, (unsigned long)st.st_atim.tv_nsec);
	stat_time(e, "st_mtime", "st_mtime_nsec", st.st_mtim.tv_sec, (unsigned long)st.st_mtim.tv_nsec);
	stat_time(e, "st_ctime", "st_ctime_nsec", st.st_ctim.tv_sec, (unsigned long)st.st_ctim.tv_nsec);
	emit_struct_end(e);
}

/* ---- statx ---- */

/* the kernel's struct statx, spelled out so that the build does not
 * depend on how new the installed headers are */
struct kstatx_ts {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t pad;
};
struct kstatx {
	uint32_t stx_mask, stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink, stx_uid, stx_gid;
	uint16_t stx_mode, pad1;
	uint64_t stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct kstatx_ts stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	uint64_t stx_mnt_id;
	uint32_t stx_dio_mem_align, stx_dio_offset_align;
	uint64_t spare[12];
};

#define KSTATX_ATIME 0x20u
#define KSTATX_MTIME 0x40u
#define KSTATX_CTIME 0x80u
#define KSTATX_BTIME 0x800u
#define KSTATX_DIOALIGN 0x2000u

static void statx_time(struct emit *e, const char *name, const struct kstatx_ts *ts)
{
	emit_struct_begin(e, name);
	emit_int(e, "tv_sec", ts->tv_sec);
	emit_uint(e, "tv_nsec", ts->tv_nsec);
	emit_struct_end(e);
	time_comment(e, ts->tv_sec, ts->tv_nsec);
}

STRUCT_PRINTER(statx)
{
	(void)len;
	struct kstatx sx;
	if (!fetch_struct(c, e, name, addr, &sx, sizeof(sx)))
		return;
	bool full = !filter_abbrev(c->nr);
	emit_struct_begin(e, name);
	emit_flags(e, "stx_mask", XLAT(statx_masks), sx.stx_mask);
	if (full)
		emit_uint(e, "stx_blksize", sx.stx_blksize);
	emit_flags(e, "stx_attributes", XLAT(statx_attrs), sx.stx_attributes);
	if (full) {
		emit_uint(e, "stx_nlink", sx.stx_nlink);
		emit_uint(e, "stx_uid", sx.stx_uid);
		emit_uint(e, "stx_gid", sx.stx_gid);
	}
	print_file_mode(e, "stx_mode", sx.stx_mode);
	if (full)
		emit_uint(e, "stx_ino", sx.stx_ino);
	emit_uint(e, "stx_size", sx.stx_size);
	if (!full) {
		emit_more(e);
		emit_struct_end(e);
		return;
	}
	emit_uint(e, "stx_blocks", sx.stx_blocks);
	emit_flags(e, "stx_attributes_mask", XLAT(statx_attrs), sx.stx_attributes_mask);
	/* times the kernel did not fill are left out, as strace does */
	if (sx.stx_mask & KSTATX_ATIME)
		statx_time(e, "stx_atime", &sx.stx_atime);
	if (sx.stx_mask & KSTATX_BTIME)
		statx_time(e, "stx_btime", &sx.stx_btime);
	if (sx.stx_mask & KSTATX_CTIME)
		statx_time(e, "stx_ctime", &sx.stx_ctime);
	if (sx.stx_mask & KSTATX_MTIME)
		statx_time(e, "stx_mtime", &sx.stx_mtime);
	emit_uint(e, "stx_rdev_major", sx.stx_rdev_major);
	emit_uint(e, "stx_rdev_minor", sx.stx_rdev_minor);
	emit_uint(e, "stx_dev_major", sx.stx_dev_major);
	emit_uint(e, "stx_dev_minor", sx.stx_dev_minor);
	emit_hex(e, "stx_mnt_id", sx.stx_mnt_id);
	if (sx.stx_mask & KSTATX_DIOALIGN) {
		emit_uint(e, "stx_dio_mem_align", sx.stx_dio_mem_align);
		emit_uint(e, "stx_dio_offset_align", sx.stx_dio_offset_align);
	}
	emit_struct_end(e);
}

/* ---- statfs ---- */

#define KST_VALID 0x20

STRUCT_PRINTER(statfs)
{
	(void)len;
	struct statfs sf;
	if (!fetch_struct(c, e, name, addr, &sf, sizeof(sf)))
		return;
	emit_struct_begin(e, name);
	emit_item(e, "f_type");
	xlat_enum_hex(emit_sb(e), XLAT(fs_magics), (unsigned long long)(unsigned long)sf.f_type);
	emit_int(e, "f_bsize", sf.f_bsize);
	emit_uint(e, "f_blocks", sf.f_blocks);
	emit_uint(e, "f_bfree", sf.f_bfree);
	emit_uint(e, "f_bavail", sf.f_bavail);
	emit_uint(e, "f_files", sf.f_files);
	emit_uint(e, "f_ffree", sf.f_ffree);
	emit_struct_begin(e, "f_fsid");
	emit_array_begin(e, "val");
	int fsid[2];
	memcpy(fsid, &sf.f_fsid, sizeof(fsid));
	emit_hex(e, NULL, (unsigned)fsid[0]);
	emit_hex(e, NULL, (unsigned)fsid[1]);
	emit_array_end(e);
	emit_struct_end(e);
	emit_int(e, "f_namelen", sf.f_namelen);
	emit_int(e, "f_frsize", sf.f_frsize);
	/* the kernel sets ST_VALID when f_flags means something */
	if (sf.f_flags & KST_VALID)
		emit_flags(e, "f_flags", XLAT(statfs_flags), (unsigned long)sf.f_flags);
	emit_struct_end(e);
}
