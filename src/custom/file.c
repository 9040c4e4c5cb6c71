/* SPDX-License-Identifier: MIT */
/* File and descriptor calls whose arguments a signature line cannot say:
 * an argument to skip (preadv2's pos_h), a field printed one way or
 * another depending on another (mknod's device, statx's sync type,
 * mount's type and data, fsconfig's value and aux, swapon's priority,
 * memfd_create's huge page size), values that change between entry and
 * exit (sendfile's offset, name_to_handle_at's handle_bytes), and the
 * structs open_how, mount_attr and file_handle. */
#include "../structs/structs.h"
#include "../options.h"
#include "../umem.h"
#include "../util.h"
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define HANDLE_MAX 128	/* MAX_HANDLE_SZ: f_handle bytes shown at most */

/* the separator before the next item when this phase starts mid-list */
static void continue_list(struct emit *e)
{
	e->count[e->depth] = 1;
}

/* ---- preadv2, pwritev2: pos_h (args[4]) is not shown ---- */

static void rw2(struct call *c, struct emit *e, int phase, bool out)
{
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "fd", ARG_fd);
		if (out) {
			c->nprinted = 1;
			return;
		}
	}
	arg_print(c, e, &(struct argdesc){ "iov", ARG_iovec, out ? DIR_OUT : DIR_IN, 0, 2 }, c->args[1]);
	emit_uint(e, "iovcnt", (unsigned)c->args[2]);
	emit_int(e, "offset", (long)c->args[3]);
	emit_flags(e, "flags", XLAT(rwf_flags), (unsigned)c->args[5]);
}

CUSTOM_DECODER(preadv2)
{
	rw2(c, e, phase, true);
}

CUSTOM_DECODER(pwritev2)
{
	if (phase == PHASE_ENTRY)
		rw2(c, e, phase, false);
}

/* ---- statx: AT_STATX_SYNC_AS_STAT (0) shows in front of other flags ---- */

#define SYNC_TYPE_ 0x6000u

/* The sync type (flags & 0x6000) prints first as a value, then "|" and
 * the other flags: AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW. Each part
 * follows -X on its own, and under -X raw strace 6.1 prints nothing for a
 * zero sync type ("|0x100", or an empty argument): kept for parity. A sync
 * type with both bits prints as plain flags. */
static void print_statx_flags(struct emit *e, unsigned v)
{
	const struct xlat *x = XLAT(statx_flags);
	unsigned sync = v & SYNC_TYPE_, rest = v & ~SYNC_TYPE_;
	emit_item(e, "flags");
	struct sbuf *b = emit_sb(e);
	if (sync == SYNC_TYPE_) {
		xlat_flags(b, x, v);
		return;
	}
	const char *n = xlat_name(x, sync);
	switch (opt.xlat_style) {
	case XLAT_STYLE_RAW:
		if (sync)
			sbuf_hex(b, sync);
		break;
	case XLAT_STYLE_VERBOSE:
		sbuf_hex(b, sync);
		sbuf_printf(b, " /* %s */", n);
		break;
	default:
		sbuf_puts(b, n);
		break;
	}
	if (rest) {
		sbuf_putc(b, '|');
		xlat_flags(b, x, rest);
	}
}

CUSTOM_DECODER(statx)
{
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "dirfd", ARG_dirfd);
		ARG(c, e, 1, "pathname", ARG_path);
		print_statx_flags(e, (unsigned)c->args[2]);
		emit_flags(e, "mask", XLAT(statx_masks), (unsigned)c->args[3]);
		c->nprinted = 4;
		return;
	}
	arg_print(c, e, &(struct argdesc){ "statxbuf", ARG_struct, DIR_OUT, STRUCT_statx, -1 }, c->args[4]);
}

/* ---- device numbers: mknod, mknodat, ustat ---- */

static void mknod_common(struct call *c, struct emit *e, int first)
{
	unsigned mode = (unsigned)c->args[first + 1];
	ARG(c, e, first, "pathname", ARG_path);
	print_file_mode(e, "mode", mode);
	if (S_ISCHR(mode) || S_ISBLK(mode))
		print_dev(e, "dev", (unsigned)c->args[first + 2]);
}

CUSTOM_DECODER(mknod)
{
	if (phase == PHASE_ENTRY)
		mknod_common(c, e, 0);
}

CUSTOM_DECODER(mknodat)
{
	if (phase != PHASE_ENTRY)
		return;
	ARG(c, e, 0, "dirfd", ARG_dirfd);
	mknod_common(c, e, 1);
}

CUSTOM_DECODER(ustat)
{
	if (phase != PHASE_ENTRY)
		return;
	print_dev(e, "dev", (unsigned)c->args[0]);
	emit_ptr(e, "ubuf", c->args[1]);
}

/* ---- utime: struct utimbuf ---- */

CUSTOM_DECODER(utime)
{
	struct { int64_t actime, modtime; } u;
	if (phase != PHASE_ENTRY)
		return;
	ARG(c, e, 0, "filename", ARG_path);
	if (!fetch_struct(c, e, "times", c->args[1], &u, sizeof(u)))
		return;
	emit_struct_begin(e, "times");
	emit_int(e, "actime", u.actime);
	time_comment(e, u.actime, 0);
	emit_int(e, "modtime", u.modtime);
	time_comment(e, u.modtime, 0);
	emit_struct_end(e);
}

/* ---- sendfile: "[2] => [7]" when the call moved the offset ---- */

CUSTOM_DECODER(sendfile)
{
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "out_fd", ARG_fd);
		ARG(c, e, 1, "in_fd", ARG_fd);
		ARG(c, e, 2, "offset", ARG_longptr);
		/* the offset may change only when there is one and a count */
		if (!c->args[2] || !c->args[3])
			emit_uint(e, "count", c->args[3]);
		else
			c->saved[0] = 1;
		return;
	}
	if (!c->saved[0])
		return;
	c->saved[0] = 0;
	if (!c->failed && c->ret) {
		sbuf_puts(emit_sb(e), " => ");
		ARG(c, e, 2, "offset", ARG_longptr);
	}
	continue_list(e);
	emit_uint(e, "count", c->args[3]);
}

/* ---- fanotify_init: the class field, then the flags ---- */

CUSTOM_DECODER(fanotify_init)
{
	if (phase != PHASE_ENTRY)
		return;
	unsigned flags = (unsigned)c->args[0];
	emit_item(e, "flags");
	struct sbuf *b = emit_sb(e);
	xlat_enum_hex(b, XLAT(fanotify_classes), flags & 0xc);
	if (flags & ~0xcu) {
		sbuf_putc(b, '|');
		xlat_flags(b, XLAT(fanotify_init_flags), flags & ~0xcu);
	}
	ARG(c, e, 1, "event_f_flags", ARG_openflags);
}

/* ---- mount: what the flags say the type and data are ---- */

#define MS_MGC_VAL_ 0xc0ed0000ul
#define MS_MGC_MSK_ 0xffff0000ul
#define MS_REMOUNT_ 0x20ul
/* MS_BIND MS_MOVE MS_UNBINDABLE MS_PRIVATE MS_SLAVE MS_SHARED */
#define MS_NO_TYPE_DATA_ (0x1000ul | 0x2000ul | 0x20000ul | 0x40000ul | 0x80000ul | 0x100000ul)

CUSTOM_DECODER(mount)
{
	if (phase != PHASE_ENTRY)
		return;
	unsigned long flags = c->args[3];
	bool magic = (flags & MS_MGC_MSK_) == MS_MGC_VAL_;
	if (magic)
		flags &= ~MS_MGC_MSK_;
	bool no_type = flags & (MS_REMOUNT_ | MS_NO_TYPE_DATA_);
	bool no_data = !(flags & MS_REMOUNT_) && (flags & MS_NO_TYPE_DATA_);
	ARG(c, e, 0, "source", ARG_path);
	ARG(c, e, 1, "target", ARG_path);
	if (no_type)
		emit_ptr(e, "filesystemtype", c->args[2]);
	else
		ARG(c, e, 2, "filesystemtype", ARG_str);
	emit_item(e, "mountflags");
	struct sbuf *b = emit_sb(e);
	if (magic) {
		sbuf_puts(b, opt.xlat_style == XLAT_STYLE_RAW ? "0xc0ed0000" :
			opt.xlat_style == XLAT_STYLE_VERBOSE ? "0xc0ed0000 /* MS_MGC_VAL */" : "MS_MGC_VAL");
		if (flags)
			sbuf_putc(b, '|');
	}
	if (flags || !magic)
		xlat_flags(b, XLAT(mount_flags), flags);
	if (no_data)
		emit_ptr(e, "data", c->args[4]);
	else
		ARG(c, e, 4, "data", ARG_str);
}

/* ---- swapon: flags, then the priority ---- */

#define SWAP_PRIO_MASK_ 0x7fffu

CUSTOM_DECODER(swapon)
{
	if (phase != PHASE_ENTRY)
		return;
	unsigned v = (unsigned)c->args[1], prio = v & SWAP_PRIO_MASK_;
	ARG(c, e, 0, "path", ARG_path);
	emit_item(e, "swapflags");
	struct sbuf *b = emit_sb(e);
	if (v & ~SWAP_PRIO_MASK_) {
		xlat_flags(b, XLAT(swap_flags), v & ~SWAP_PRIO_MASK_);
		sbuf_putc(b, '|');
	}
	sbuf_udec(b, prio);
}

/* ---- struct open_how (openat2) ---- */

/* strace's "\x.." form of a byte string, whatever -x says */
static void hex_string(struct sbuf *b, const unsigned char *p, size_t n, bool more)
{
	sbuf_putc(b, '"');
	for (size_t i = 0; i < n; i++)
		sbuf_printf(b, "\\x%02x", p[i]);
	sbuf_putc(b, '"');
	if (more)
		sbuf_puts(b, "...");
}

#define STRUCT_TAIL_MAX 256	/* bytes past the known fields looked at */

/* a struct larger than this program knows (a newer caller's): its
 * non-zero tail, as strace shows it: /\* bytes 24..31 *\/ "\x00..." */
static void print_tail(struct call *c, struct emit *e, unsigned long addr, size_t known, unsigned long len)
{
	unsigned char extra[STRUCT_TAIL_MAX];
	if (len <= known)
		return;
	size_t n = len - known;
	bool more = n > STRUCT_TAIL_MAX;
	if (more)
		n = STRUCT_TAIL_MAX;
	if (umem_read(c->pid, addr + known, extra, n) < 0)
		return;
	size_t i = 0;
	while (i < n && !extra[i])
		i++;
	if (i == n && !more)
		return;
	emit_item(e, NULL);
	sbuf_printf(emit_sb(e), "/* bytes %zu..%lu */ ", known, len - 1);
	hex_string(emit_sb(e), extra, n, more);
}

#define OPEN_HOW_SIZE 24

STRUCT_PRINTER(open_how)
{
	struct { uint64_t flags, mode, resolve; } how;
	if (len < OPEN_HOW_SIZE) {
		emit_ptr(e, name, addr);
		return;
	}
	if (!fetch_struct(c, e, name, addr, &how, sizeof(how)))
		return;
	emit_struct_begin(e, name);
	arg_print(c, e, &(struct argdesc){ "flags", ARG_openflags, DIR_IN, 0, -1 }, how.flags);
	/* 020000000: the kernel's __O_TMPFILE (glibc's has O_DIRECTORY in it) */
	if ((how.flags & (O_CREAT | 020000000)) || how.mode)
		arg_print(c, e, &(struct argdesc){ "mode", ARG_mode, DIR_IN, 0, -1 }, how.mode);
	emit_flags(e, "resolve", XLAT(resolve_flags), how.resolve);
	print_tail(c, e, addr, OPEN_HOW_SIZE, (unsigned long)len);
	emit_struct_end(e);
}

/* ---- the mount API: struct mount_attr, fsconfig ---- */

#define MOUNT_ATTR_SIZE 32

STRUCT_PRINTER(mount_attr)
{
	struct { uint64_t attr_set, attr_clr, propagation, userns_fd; } ma;
	if (len < MOUNT_ATTR_SIZE) {
		emit_ptr(e, name, addr);
		return;
	}
	if (!fetch_struct(c, e, name, addr, &ma, sizeof(ma)))
		return;
	emit_struct_begin(e, name);
	emit_flags(e, "attr_set", XLAT(mount_attr_flags), ma.attr_set);
	emit_flags(e, "attr_clr", XLAT(mount_attr_flags), ma.attr_clr);
	emit_item(e, "propagation");
	xlat_enum_hex(emit_sb(e), XLAT(mount_propagation), ma.propagation);
	emit_uint(e, "userns_fd", ma.userns_fd);
	print_tail(c, e, addr, MOUNT_ATTR_SIZE, (unsigned long)len);
	emit_struct_end(e);
}

/* fsconfig(fd, cmd, key, value, aux): what key, value and aux are
 * depends on the command */
enum { FSC_SET_FLAG, FSC_SET_STRING, FSC_SET_BINARY, FSC_SET_PATH, FSC_SET_PATH_EMPTY, FSC_SET_FD };

CUSTOM_DECODER(fsconfig)
{
	if (phase != PHASE_ENTRY)
		return;
	unsigned cmd = (unsigned)c->args[1];
	ARG(c, e, 0, "fd", ARG_fd);
	emit_item(e, "cmd");
	xlat_enum_hex(emit_sb(e), XLAT(fsconfig_cmds), cmd);
	if (cmd <= FSC_SET_FD)
		ARG(c, e, 2, "key", ARG_str);
	else
		emit_ptr(e, "key", c->args[2]);
	switch (cmd) {
	case FSC_SET_STRING:
		ARG(c, e, 3, "value", ARG_str);
		break;
	case FSC_SET_PATH: case FSC_SET_PATH_EMPTY:
		ARG(c, e, 3, "value", ARG_path);
		break;
	case FSC_SET_BINARY: {
		unsigned long n = (unsigned)c->args[4], max = opt.strsize < 0 ? 0 : (unsigned long)opt.strsize;
		unsigned char small[256];
		size_t show = n < max ? n : max;
		unsigned char *p = show > sizeof(small) ? xmalloc(show) : small;
		if (!c->args[3] || umem_read(c->pid, c->args[3], p, show) < 0) {
			emit_ptr(e, "value", c->args[3]);
		} else {
			emit_item(e, "value");
			hex_string(emit_sb(e), p, show, show < n);
		}
		if (p != small)
			free(p);
		break;
	}
	default:
		emit_ptr(e, "value", c->args[3]);
		break;
	}
	if (cmd == FSC_SET_PATH || cmd == FSC_SET_PATH_EMPTY)
		ARG(c, e, 4, "aux", ARG_dirfd);
	else if (cmd == FSC_SET_FD)
		ARG(c, e, 4, "aux", ARG_fd);
	else
		emit_int(e, "aux", (int)c->args[4]);
}

/* ---- struct file_handle (name_to_handle_at, open_by_handle_at) ---- */

static void print_f_handle(struct call *c, struct emit *e, unsigned long addr, unsigned bytes)
{
	unsigned char h[HANDLE_MAX];
	size_t n = bytes < HANDLE_MAX ? bytes : HANDLE_MAX;
	emit_item(e, "f_handle");
	if (umem_read(c->pid, addr + 8, h, n) < 0) {
		sbuf_hex(emit_sb(e), addr + 8);
		return;
	}
	hex_string(emit_sb(e), h, n, bytes > HANDLE_MAX);
}

STRUCT_PRINTER(file_handle)
{
	struct { uint32_t bytes; int32_t type; } h;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &h, sizeof(h)))
		return;
	emit_struct_begin(e, name);
	emit_uint(e, "handle_bytes", h.bytes);
	emit_int(e, "handle_type", h.type);
	print_f_handle(c, e, addr, h.bytes);
	emit_struct_end(e);
}

/* name_to_handle_at(dirfd, path, handle, mount_id, flags): the kernel
 * rewrites handle_bytes (shown as "128 => 8") and fills the rest */
CUSTOM_DECODER(name_to_handle_at)
{
	struct { uint32_t bytes; int32_t type; } h;
	unsigned long addr = c->args[2];
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "dirfd", ARG_dirfd);
		ARG(c, e, 1, "pathname", ARG_path);
		if (!fetch_struct(c, e, "handle", addr, &h, sizeof(h))) {
			c->nprinted = 3;
			c->saved[0] = 0;
			return;
		}
		emit_struct_begin(e, "handle");
		emit_uint(e, "handle_bytes", h.bytes);
		/* the struct stays open until the exit */
		c->saved[0] = 1;
		c->saved[1] = h.bytes;
		return;
	}
	if (c->saved[0]) {
		int err = call_errno(c);
		struct sbuf *b = emit_sb(e);
		if ((!err || err == 75 /* EOVERFLOW */) && umem_read(c->pid, addr, &h, sizeof(h)) == 0) {
			if (h.bytes != c->saved[1]) {
				sbuf_puts(b, " => ");
				sbuf_udec(b, h.bytes);
			}
			if (!err) {
				sbuf_puts(b, ", handle_type=");
				sbuf_dec(b, h.type);
				sbuf_puts(b, ", ");
				emit_init(e, b);
				e->kind[0] = EMIT_STRUCT;
				print_f_handle(c, e, addr, h.bytes);
			}
		}
		sbuf_putc(b, '}');
		emit_init(e, b);
		continue_list(e);
	}
	arg_print(c, e, &(struct argdesc){ "mount_id", ARG_intptr, DIR_OUT, 0, -1 }, c->args[3]);
	emit_flags(e, "flags", XLAT(at_flags), (unsigned)c->args[4]);
}

/* ---- memfd_create: the huge page size in the top bits, last ---- */

#define MFD_HUGE_SHIFT_ 26

CUSTOM_DECODER(memfd_create)
{
	if (phase != PHASE_ENTRY)
		return;
	unsigned v = (unsigned)c->args[1];
	unsigned huge = v >> MFD_HUGE_SHIFT_, rest = v & ((1u << MFD_HUGE_SHIFT_) - 1);
	ARG(c, e, 0, "name", ARG_str);
	emit_item(e, "flags");
	struct sbuf *b = emit_sb(e);
	int style = opt.xlat_style;
	if (style == XLAT_STYLE_RAW || (style == XLAT_STYLE_VERBOSE && !v)) {
		sbuf_hex(b, v);
		return;
	}
	/* -X verbose: the number, then all of the abbreviated form in one
	 * comment (an unknown marker included, as strace 6.1 prints it) */
	if (style == XLAT_STYLE_VERBOSE) {
		sbuf_hex(b, v);
		sbuf_puts(b, " /* ");
		opt.xlat_style = XLAT_STYLE_ABBREV;
	}
	if (rest || !huge)
		xlat_flags(b, XLAT(memfd_flags), rest);
	if (huge)
		sbuf_printf(b, "%s%u<<MFD_HUGE_SHIFT", rest ? "|" : "", huge);
	if (style == XLAT_STYLE_VERBOSE) {
		opt.xlat_style = style;
		sbuf_puts(b, " */");
	}
}
