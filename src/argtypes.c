/* SPDX-License-Identifier: MIT */
/* One printer per argument meaning. Reads from the tracee are bounded: a
 * string by -s (paths by PATH_MAX), a buffer by -s, an array by -s items. */
#include "argtypes.h"
#include "filter.h"
#include "options.h"
#include "structs/structs.h"
#include "umem.h"
#include "util.h"
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PATH_LIMIT 4096

/* ---- strings and buffers ---- */

void print_path(struct call *c, struct emit *e, const char *name, unsigned long addr)
{
	char buf[PATH_LIMIT + 1];
	bool term;
	if (!addr) {
		emit_ptr(e, name, 0);
		return;
	}
	long n = umem_readstr(c->pid, addr, buf, PATH_LIMIT, &term);
	if (n < 0) {
		emit_ptr(e, name, addr);
		return;
	}
	/* as strace: a path that has no NUL within PATH_MAX bytes shows
	 * PATH_MAX - 1 of them, and "..." */
	if (n > PATH_LIMIT - 1) {
		n = PATH_LIMIT - 1;
		term = false;
	}
	emit_str(e, name, buf, (size_t)n, term ? 0 : STR_TRUNCATED);
}

void print_str(struct call *c, struct emit *e, const char *name, unsigned long addr)
{
	size_t max = (size_t)opt.strsize;
	char small[256], *buf = small;
	bool term;
	if (!addr) {
		emit_ptr(e, name, 0);
		return;
	}
	if (max + 1 > sizeof(small))
		buf = xmalloc(max + 1);
	long n = umem_readstr(c->pid, addr, buf, max, &term);
	if (n < 0 && max > 0) {
		emit_ptr(e, name, addr);
	} else {
		/* read one byte more to know whether the string went on */
		bool more = false;
		if (!term) {
			char extra;
			more = umem_read(c->pid, addr + max, &extra, 1) == 0 && extra != 0;
		}
		emit_str(e, name, buf, n < 0 ? 0 : (size_t)n, more ? STR_TRUNCATED : 0);
	}
	if (buf != small)
		free(buf);
}

void print_buf(struct call *c, struct emit *e, const char *name, unsigned long addr, unsigned long len)
{
	size_t show = len < (unsigned long)opt.strsize ? len : (size_t)opt.strsize;
	char small[256], *buf = small;
	if (!addr) {
		emit_ptr(e, name, 0);
		return;
	}
	if (show > sizeof(small))
		buf = xmalloc(show);
	if (umem_read(c->pid, addr, buf, show) < 0)
		emit_ptr(e, name, addr);
	else
		emit_str(e, name, buf, show, show < len ? STR_TRUNCATED : 0);
	if (buf != small)
		free(buf);
}

/* ---- descriptors ---- */

/* a descriptor's path (and -Y's comm) as strace quotes it between <>: the
 * string escapes of quote_string() without the quotes, and < > in octal so
 * that the brackets stay unambiguous */
static void fd_path_quote(struct sbuf *b, const unsigned char *s, size_t n)
{
	int hex = opt.xflag >= 2;
	for (size_t i = 0; i < n && opt.xflag == 1 && !hex; i++)
		if ((s[i] < 0x20 || s[i] >= 0x7f) && !(s[i] >= '\t' && s[i] <= '\r'))
			hex = 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = s[i];
		if (hex) {
			sbuf_printf(b, "\\x%02x", ch);
		} else if (ch == '<' || ch == '>' || ch < 0x20 || ch >= 0x7f) {
			const char *esc = NULL;
			switch (ch) {
			case '\t': esc = "\\t"; break;
			case '\n': esc = "\\n"; break;
			case '\v': esc = "\\v"; break;
			case '\f': esc = "\\f"; break;
			case '\r': esc = "\\r"; break;
			}
			if (esc) {
				sbuf_puts(b, esc);
				continue;
			}
			/* three digits only when an octal digit follows */
			bool pad = i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7';
			sbuf_printf(b, pad ? "\\%03o" : "\\%o", ch);
		} else {
			if (ch == '"' || ch == '\\')
				sbuf_putc(b, '\\');
			sbuf_putc(b, (char)ch);
		}
	}
}

static void path_decorate(struct sbuf *b, const char *link)
{
	char target[PATH_LIMIT];
	static const char deleted[] = " (deleted)";
	ssize_t n = readlink(link, target, sizeof(target) - 1);
	if (n <= 0)
		return;
	/* strace puts the kernel's " (deleted)" outside the brackets */
	bool gone = (size_t)n > sizeof(deleted) - 1 &&
		!memcmp(target + n - (sizeof(deleted) - 1), deleted, sizeof(deleted) - 1);
	if (gone)
		n -= (ssize_t)(sizeof(deleted) - 1);
	sbuf_putc(b, '<');
	fd_path_quote(b, (const unsigned char *)target, (size_t)n);
	target[n] = 0;
	if (opt.decode_fds & DECODE_FD_DEV)
		fdinfo_dev(b, target);
	sbuf_putc(b, '>');
	if (gone)
		sbuf_puts(b, "(deleted)");
}

void fd_decorate(struct sbuf *b, pid_t pid, int fd)
{
	char link[64];
	if (fd < 0)
		return;
	if ((opt.decode_fds & DECODE_FD_SOCKET) && fdinfo_socket(b, pid, fd))
		return;
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)pid, fd);
	path_decorate(b, link);
}

/* ---- pids ---- */

size_t pid_comm_read(pid_t pid, char *buf, size_t cap)
{
	char path[32];
	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, buf, cap);
	close(fd);
	if (n <= 0)
		return 0;
	/* the kernel ends it with a newline; a name with a newline of its own
	 * is cut there too, as strace does */
	char *nl = memchr(buf, '\n', (size_t)n);
	return nl ? (size_t)(nl - buf) : (size_t)n;
}

void pid_comm_put(struct sbuf *b, const char *comm, size_t n)
{
	if (!n)
		return;
	sbuf_putc(b, '<');
	fd_path_quote(b, (const unsigned char *)comm, n);
	sbuf_putc(b, '>');
}

void pid_comm_append(struct sbuf *b, pid_t pid)
{
	if (!(opt.decode_pids & DECODE_PID_COMM) || pid <= 0)
		return;
	char comm[64];
	pid_comm_put(b, comm, pid_comm_read(pid, comm, sizeof(comm)));
}

void print_pid(struct emit *e, const char *name, int pid)
{
	emit_int(e, name, pid);
	pid_comm_append(emit_sb(e), pid);
}

void print_fd(struct call *c, struct emit *e, const char *name, int fd)
{
	emit_int(e, name, fd);
	if (opt.decode_fds)
		fd_decorate(emit_sb(e), c->pid, fd);
}

/* ---- signals ---- */

void signame_format(struct sbuf *b, int sig, bool with_prefix)
{
	const char *n = sig > 0 && sig < 32 ? xlat_name(XLAT(signal_names), (unsigned long long)sig) : NULL;
	if (n) {
		sbuf_puts(b, with_prefix ? n : n + 3);
		return;
	}
	if (sig == 32) {
		sbuf_puts(b, with_prefix ? "SIGRTMIN" : "RTMIN");
		return;
	}
	if (sig > 32 && sig <= 64) {
		sbuf_puts(b, with_prefix ? "SIGRT_" : "RT_");
		sbuf_dec(b, sig - 32);
		return;
	}
	sbuf_dec(b, sig);
}

void signame_styled(struct sbuf *b, int sig, bool with_prefix)
{
	if (opt.xlat_style == XLAT_STYLE_ABBREV) {
		signame_format(b, sig, with_prefix);
		return;
	}
	sbuf_dec(b, sig);
	/* -X verbose: the name in a comment, when there is one */
	if (opt.xlat_style == XLAT_STYLE_VERBOSE && sig > 0 && sig <= 64) {
		sbuf_puts(b, " /* ");
		signame_format(b, sig, with_prefix);
		sbuf_puts(b, " */");
	}
}

void print_signo(struct emit *e, const char *name, int sig)
{
	emit_item(e, name);
	signame_styled(emit_sb(e), sig, true);
}

static int bit_set(const unsigned char *m, int sig)
{
	return (m[(sig - 1) / 8] >> ((sig - 1) % 8)) & 1;
}

void sigset_format(struct sbuf *b, const unsigned char *mask, size_t bytes)
{
	int nsig = (int)(bytes * 8), set = 0;
	for (int s = 1; s <= nsig; s++)
		set += bit_set(mask, s);
	/* more than half set reads better as what is not set */
	bool inv = set * 2 > nsig;
	int n = 0;
	if (inv)
		sbuf_putc(b, '~');
	sbuf_putc(b, '[');
	for (int s = 1; s <= nsig; s++) {
		if (bit_set(mask, s) == inv)
			continue;
		if (n++)
			sbuf_putc(b, ' ');
		signame_styled(b, s, false);
	}
	sbuf_putc(b, ']');
}

void print_sigset(struct call *c, struct emit *e, const char *name, unsigned long addr, unsigned long size)
{
	unsigned char mask[128];
	if (!addr) {
		emit_ptr(e, name, 0);
		return;
	}
	/* the kernel takes only its own sigset size (8); strace shows any
	 * other as an address, and so do we */
	if (size != 8 || umem_read(c->pid, addr, mask, size) < 0) {
		emit_ptr(e, name, addr);
		return;
	}
	emit_item(e, name);
	sigset_format(emit_sb(e), mask, size);
}

/* ---- structs ---- */

bool fetch_struct(struct call *c, struct emit *e, const char *name, unsigned long addr, void *buf, size_t n)
{
	if (unlikely(!filter_verbose(c->nr)) && addr) {
		emit_ptr(e, name, addr);
		return false;
	}
	if (!addr) {
		emit_ptr(e, name, 0);
		return false;
	}
	if (umem_read(c->pid, addr, buf, n) < 0) {
		emit_ptr(e, name, addr);
		return false;
	}
	return true;
}

/* ---- arrays of strings ---- */

static void print_strarray(struct call *c, struct emit *e, const char *name, unsigned long addr, bool env)
{
	unsigned long ptrs[64];
	if (!addr) {
		emit_ptr(e, name, 0);
		return;
	}
	if (env && filter_abbrev(c->nr)) {
		/* count without printing: strace shows the address and the count */
		unsigned long n = 0, a = addr;
		for (;;) {
			size_t got = umem_read_partial(c->pid, a, ptrs, sizeof(ptrs));
			size_t k = got / sizeof(long), i;
			for (i = 0; i < k && ptrs[i]; i++)
				;
			n += i;
			if (i < k || k == 0 || n > 1000000)
				break;
			a += k * sizeof(long);
		}
		emit_ptr(e, name, addr);
		char tmp[48];
		snprintf(tmp, sizeof(tmp), "%lu var%s", n, n == 1 ? "" : "s");
		emit_comment(e, tmp);
		return;
	}
	unsigned long p;
	if (umem_read(c->pid, addr, &p, sizeof(p)) < 0) {
		emit_ptr(e, name, addr);
		return;
	}
	emit_array_begin(e, name);
	unsigned long i = 0;
	for (;; i++) {
		if (umem_read(c->pid, addr + i * sizeof(long), &p, sizeof(p)) < 0) {
			emit_more(e);
			break;
		}
		if (!p)
			break;
		if (i >= (unsigned long)opt.strsize) {
			emit_more(e);
			break;
		}
		print_str(c, e, NULL, p);
	}
	emit_array_end(e);
}

/* ---- integers through pointers ---- */

static void print_intptr(struct call *c, struct emit *e, const char *name, unsigned long addr, int kind)
{
	union { int i; unsigned u; long l; unsigned long ul; } v;
	size_t n = kind >= 2 ? sizeof(long) : sizeof(int);
	if (!fetch_struct(c, e, name, addr, &v, n))
		return;
	emit_array_begin(e, name);
	switch (kind) {
	case 0: emit_int(e, NULL, v.i); break;
	case 1: emit_uint(e, NULL, v.u); break;
	case 2: emit_int(e, NULL, v.l); break;
	case 3: emit_uint(e, NULL, v.ul); break;
	case 4: print_fd(c, e, NULL, v.i); break;
	}
	emit_array_end(e);
}

static void print_fdpair(struct call *c, struct emit *e, const char *name, unsigned long addr)
{
	int fds[2];
	if (!fetch_struct(c, e, name, addr, fds, sizeof(fds)))
		return;
	emit_array_begin(e, name);
	print_fd(c, e, NULL, fds[0]);
	print_fd(c, e, NULL, fds[1]);
	emit_array_end(e);
}

/* the access mode, always, then the other flags: O_RDONLY|O_CLOEXEC */
static void openflags_text(struct sbuf *b, unsigned long v)
{
	size_t mark = b->len;
	const char *acc = xlat_name(XLAT(open_accmode), v & O_ACCMODE);
	if (acc) {
		sbuf_puts(b, acc);
		v &= ~(unsigned long)O_ACCMODE;
	}
	if (v) {
		if (b->len > mark)
			sbuf_putc(b, '|');
		xlat_flags(b, XLAT(open_flags), v);
	} else if (b->len == mark) {
		sbuf_putc(b, '0');
	}
}

static void print_openflags(struct emit *e, const char *name, unsigned long v)
{
	emit_item(e, name);
	struct sbuf *b = emit_sb(e);
	if (opt.xlat_style == XLAT_STYLE_RAW) {
		sbuf_hex(b, v);
		return;
	}
	if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
		/* strace: the number, then the whole set of names in one
		 * comment (the parts print abbreviated inside it) */
		sbuf_hex(b, v);
		sbuf_puts(b, " /* ");
		opt.xlat_style = XLAT_STYLE_ABBREV;
		openflags_text(b, v);
		opt.xlat_style = XLAT_STYLE_VERBOSE;
		sbuf_puts(b, " */");
		return;
	}
	openflags_text(b, v);
}

static void print_clockid(struct emit *e, const char *name, int id)
{
	if (id < 0) {
		/* dynamic clocks: a pid or an fd encoded in the id */
		emit_item(e, name);
		char tmp[64];
		if ((id & 7) == 3)
			snprintf(tmp, sizeof(tmp), "FD_TO_CLOCKID(%d)", ~(id >> 3));
		else
			snprintf(tmp, sizeof(tmp), "MAKE_PROCESS_CPUCLOCK(%d, %d)", ~(id >> 3), id & 3);
		sbuf_puts(emit_sb(e), tmp);
		return;
	}
	emit_enum(e, name, XLAT(clockids), (unsigned long long)id);
}

/* modes as strace's %#03o: 000, 022, 0644 */
static void print_mode_octal(struct emit *e, const char *name, unsigned mode)
{
	emit_item(e, name);
	/* the kernel's umode_t is 16 bits wide, and strace prints it so */
	sbuf_printf(emit_sb(e), "%#03o", mode & 0xffff);
}

static unsigned long arg_len(const struct call *c, const struct argdesc *a)
{
	if (a->len == LEN_RET)
		return (unsigned long)c->ret;
	if (a->len >= 0 && a->len < 6)
		return c->args[(int)a->len];
	return 0;
}

void arg_print(struct call *c, struct emit *e, const struct argdesc *a, unsigned long v)
{
	const char *n = a->name;
	/* -e verbose=none for this call: what points to data is an address
	 * (strings and buffers excepted), as strace prints it */
	if (unlikely(!filter_verbose(c->nr))) {
		switch (a->type) {
		case ARG_struct: case ARG_argv: case ARG_envp: case ARG_fdpair: case ARG_intptr:
		case ARG_uintptr: case ARG_longptr: case ARG_ulongptr: case ARG_fdptr:
		case ARG_sigset: case ARG_iovec: case ARG_dirents:
			emit_ptr(e, n, v);
			return;
		}
	}
	/* output arguments of a failed call: only the address */
	if (a->dir == DIR_OUT && c->failed) {
		switch (a->type) {
		case ARG_buf: case ARG_struct: case ARG_intptr: case ARG_uintptr:
		case ARG_longptr: case ARG_ulongptr: case ARG_fdptr: case ARG_fdpair:
		case ARG_sigset: case ARG_dirents: case ARG_str: case ARG_path:
			emit_ptr(e, n, v);
			return;
		}
	}
	switch ((enum argtype)a->type) {
	case ARG_int: emit_int(e, n, (int)v); break;
	case ARG_uint: emit_uint(e, n, (unsigned)v); break;
	case ARG_long: case ARG_off: emit_int(e, n, (long)v); break;
	case ARG_ulong: case ARG_size: emit_uint(e, n, v); break;
	case ARG_hex: emit_hex(e, n, v); break;
	case ARG_ptr: emit_ptr(e, n, v); break;
	case ARG_fd: print_fd(c, e, n, (int)v); break;
	case ARG_dirfd:
		if ((int)v == AT_FDCWD) {
			emit_text(e, n, opt.xlat_style == XLAT_STYLE_RAW ? "-100" :
				opt.xlat_style == XLAT_STYLE_VERBOSE ? "-100 /* AT_FDCWD */" : "AT_FDCWD");
			/* -y: strace shows the working directory after AT_FDCWD */
			if (opt.decode_fds) {
				char link[64];
				snprintf(link, sizeof(link), "/proc/%d/cwd", (int)c->pid);
				path_decorate(emit_sb(e), link);
			}
		} else {
			print_fd(c, e, n, (int)v);
		}
		break;
	case ARG_path: print_path(c, e, n, v); break;
	case ARG_str: print_str(c, e, n, v); break;
	case ARG_buf: print_buf(c, e, n, v, arg_len(c, a)); break;
	case ARG_mode: case ARG_umode: print_mode_octal(e, n, (unsigned)v); break;
	case ARG_openmode: {
		unsigned long flags = a > c->se->args ? c->args[a - c->se->args - 1] : 0;
		/* the kernel's __O_TMPFILE bit alone: glibc's __O_TMPFILE
		 * includes O_DIRECTORY */
		if (flags & (O_CREAT | 020000000))
			print_mode_octal(e, n, (unsigned)v);
		break;
	}
	case ARG_openflags: print_openflags(e, n, v); break;
	case ARG_flags: emit_flags(e, n, xlat_table[a->param], (unsigned)v); break;
	case ARG_enum: emit_enum(e, n, xlat_table[a->param], (unsigned)v); break;
	case ARG_struct: {
		struct_printer p = struct_printers[a->param];
		if (p)
			p(c, e, n, v, (long)arg_len(c, a));
		else
			emit_ptr(e, n, v);
		break;
	}
	case ARG_signo: print_signo(e, n, (int)v); break;
	case ARG_pid: print_pid(e, n, (int)v); break;
	case ARG_uid:
		if ((unsigned)v == (unsigned)-1)
			emit_int(e, n, -1);
		else
			emit_uint(e, n, (unsigned)v);
		break;
	case ARG_sigset: print_sigset(c, e, n, v, arg_len(c, a)); break;
	case ARG_argv: print_strarray(c, e, n, v, false); break;
	case ARG_envp: print_strarray(c, e, n, v, true); break;
	case ARG_fdpair: print_fdpair(c, e, n, v); break;
	case ARG_intptr: print_intptr(c, e, n, v, 0); break;
	case ARG_uintptr: print_intptr(c, e, n, v, 1); break;
	case ARG_longptr: print_intptr(c, e, n, v, 2); break;
	case ARG_ulongptr: print_intptr(c, e, n, v, 3); break;
	case ARG_fdptr: print_intptr(c, e, n, v, 4); break;
	case ARG_clockid: print_clockid(e, n, (int)v); break;
	case ARG_timeout_ms: emit_int(e, n, (int)v); break;
	case ARG_iovec: case ARG_dirents:
	default:
		if (a->type < ARGTYPE_COUNT && arg_printers[a->type])
			arg_printers[a->type](c, e, a, v);
		else
			emit_hex(e, n, v);
		break;
	}
}

/* ---- return values ---- */

static const struct { int err; const char *name, *msg; } kernel_errs[] = {
	{ 512, "ERESTARTSYS", "To be restarted if SA_RESTART is set" },
	{ 513, "ERESTARTNOINTR", "To be restarted" },
	{ 514, "ERESTARTNOHAND", "To be restarted if no handler" },
	{ 515, "ENOIOCTLCMD", "No ioctl command" },
	{ 516, "ERESTART_RESTARTBLOCK", "Interrupted by signal" },
	{ 517, "EPROBE_DEFER", "Driver requests probe retry" },
	{ 518, "EOPENSTALE", "An open with O_CREAT was interrupted" },
	{ 519, "ENOPARAM", "Parameter not supported" },
	{ 521, "EBADHANDLE", "Illegal NFS file handle" },
	{ 522, "ENOTSYNC", "Update synchronization mismatch" },
	{ 523, "EBADCOOKIE", "Cookie is stale" },
	{ 524, "ENOTSUPP", "Operation is not supported" },
	{ 525, "ETOOSMALL", "Buffer or request is too small" },
	{ 526, "ESERVERFAULT", "An untranslatable error occurred" },
	{ 527, "EBADTYPE", "Type not supported by server" },
	{ 528, "EJUKEBOX", "Request initiated, but will not complete before timeout" },
	{ 529, "EIOCBQUEUED", "iocb queued, will get completion event" },
	{ 530, "ERECALLCONFLICT", "Conflict with recalled state" },
};

const char *errno_name(int err)
{
	if (err >= 512) {
		for (size_t i = 0; i < ARRAY_SIZE(kernel_errs); i++)
			if (kernel_errs[i].err == err)
				return kernel_errs[i].name;
		return NULL;
	}
	return xlat_name(XLAT(errnos), (unsigned long long)err);
}

int retval_kind(const struct call *c)
{
	int kind = c->se ? c->se->ret : RET_INT;
	if (c->se && !c->se->has_sig)
		kind = RET_LONG;
	if (c->ret_as)
		kind = c->ret_as - 1;
	if (filter_raw(c->nr))	/* -e raw=: the value as hex, like the arguments */
		kind = RET_HEX;
	return kind;
}

void print_retval(struct call *c, struct sbuf *b)
{
	if (c->failed) {
		int err = (int)-c->ret;
		const char *name = errno_name(err), *msg = NULL;
		for (size_t i = 0; i < ARRAY_SIZE(kernel_errs); i++)
			if (kernel_errs[i].err == err)
				msg = kernel_errs[i].msg;
		/* restart codes never reach the program: strace shows "?" */
		if (!name && !msg) {
			/* a number with no name: strace says just that */
			sbuf_printf(b, "-1 (errno %d)", err);
			return;
		}
		sbuf_puts(b, msg ? "? " : "-1 ");
		sbuf_puts(b, name ? name : "E???");
		sbuf_putc(b, ' ');
		sbuf_putc(b, '(');
		sbuf_puts(b, msg ? msg : strerror(err));
		sbuf_putc(b, ')');
		return;
	}
	switch (retval_kind(c)) {
	case RET_HEX: sbuf_hex(b, (unsigned long)c->ret); break;
	case RET_OCTAL: sbuf_printf(b, "%#03lo", (unsigned long)c->ret); break;
	case RET_UINT: sbuf_udec(b, (unsigned)c->ret); break;
	case RET_ULONG: sbuf_udec(b, (unsigned long)c->ret); break;
	case RET_NONE: sbuf_putc(b, '?'); break;
	case RET_INT: sbuf_dec(b, (int)c->ret); break;
	case RET_PID:
		sbuf_dec(b, (int)c->ret);
		pid_comm_append(b, (pid_t)c->ret);
		break;
	case RET_FD:
		sbuf_dec(b, c->ret);
		if (opt.decode_fds)
			fd_decorate(b, c->pid, (int)c->ret);
		break;
	default: sbuf_dec(b, c->ret); break;
	}
}
