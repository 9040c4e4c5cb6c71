/* SPDX-License-Identifier: MIT */
/* poll, ppoll, select, pselect6 and epoll_ctl. The first four annotate
 * their return value as strace 6.1 does (through c->aux):
 *   poll([{fd=3, events=POLLIN}], 1, 100) = 1 ([{fd=3, revents=POLLIN}])
 *   pselect6(5, [3 4], NULL, NULL, {...}, NULL) = 1 (in [3], left {...})
 *   ... = 0 (Timeout) */
#include "../structs/net.h"
#include "../structs/proc.h"
#include "../options.h"
#include "../umem.h"
#include "../util.h"
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>

STRUCT_PRINTER(pollfd);
STRUCT_PRINTER(epoll_event);

/* ---- time values for the "left ..." annotations ---- */

static void sb_time(struct call *c, struct sbuf *b, unsigned long addr, bool nsec)
{
	long long t[2];
	struct emit e;
	if (!addr) {
		sbuf_puts(b, "NULL");
		return;
	}
	if (!net_verbose(c) || umem_read(c->pid, addr, t, sizeof(t)) < 0) {
		sbuf_hex(b, addr);
		return;
	}
	emit_init(&e, b);
	if (nsec) {
		struct timespec ts = { .tv_sec = t[0], .tv_nsec = t[1] };
		time_emit_timespec(&e, NULL, &ts);
	} else {
		struct timeval tv = { .tv_sec = t[0], .tv_usec = t[1] };
		time_emit_timeval(&e, NULL, &tv);
	}
}

void net_sb_timespec(struct call *c, struct sbuf *b, unsigned long addr)
{
	sb_time(c, b, addr, true);
}

void net_sb_timeval(struct call *c, struct sbuf *b, unsigned long addr)
{
	sb_time(c, b, addr, false);
}

/* a timeout argument: {tv_sec=0, tv_nsec=100}, NULL, or the address */
void net_emit_time(struct call *c, struct emit *e, const char *name, unsigned long addr, bool nsec)
{
	long long t[2];
	if (!net_fetch(c, e, name, addr, t, sizeof(t)))
		return;
	if (nsec) {
		struct timespec ts = { .tv_sec = t[0], .tv_nsec = t[1] };
		time_emit_timespec(e, name, &ts);
	} else {
		struct timeval tv = { .tv_sec = t[0], .tv_usec = t[1] };
		time_emit_timeval(e, name, &tv);
	}
}

/* ---- poll, ppoll ---- */

/* strace builds the annotation in a 1024-byte buffer and cuts it with
 * "..." when an entry would not fit: the same limits here */
#define AUX_MAX 1024

static void poll_exit(struct call *c, unsigned long pts, bool has_ts)
{
	struct sbuf *b = &c->aux;
	unsigned long start = c->args[0], nfds = (unsigned)c->args[1];
	const unsigned long esz = sizeof(struct pollfd);
	if (c->failed)
		return;
	if (c->ret == 0) {
		sbuf_puts(b, "(Timeout)");
		return;
	}
	if (!net_verbose(c) || !start || !nfds || start + nfds * esz <= start)
		return;
	size_t open = b->len;
	sbuf_putc(b, '(');
	size_t base = b->len;
	unsigned long printed = 0, max = net_array_max(c), found = 0;
	struct pollfd buf[64];
	bool stop = false;
	for (unsigned long i = 0; i < nfds && !stop; i += 64) {
		unsigned long want = nfds - i < 64 ? nfds - i : 64;
		unsigned long cur = start + i * esz;
		size_t got = umem_read_partial(c->pid, cur, buf, want * esz) / esz;
		for (size_t k = 0; k <= got && k < want; k++) {
			if (k == got) {
				/* unreadable: the address of the element, then stop */
				sbuf_puts(b, b->len == base ? "[" : ", ");
				sbuf_hex(b, cur + k * esz);
				stop = true;
				break;
			}
			if (!buf[k].revents)
				continue;
			sbuf_puts(b, b->len == base ? "[" : ", ");
			if (printed >= max) {
				sbuf_puts(b, "...");
				stop = true;
				break;
			}
			struct sbuf flags = { 0 };
			net_sb_flags(&flags, XLAT(poll_events), (unsigned short)buf[k].revents, NULL);
			size_t need = 16 + 12 + flags.len + 1;
			if (b->len - base + need >= AUX_MAX - (2 + 2 * sizeof(long) + sizeof(", ], ..."))) {
				sbuf_puts(b, "...");
				sbuf_free(&flags);
				stop = true;
				break;
			}
			sbuf_printf(b, "{fd=%d, revents=", buf[k].fd);
			sbuf_add(b, flags.p, flags.len);
			sbuf_putc(b, '}');
			sbuf_free(&flags);
			printed++;
			/* the kernel counts the entries with revents: no more follow */
			if (++found >= (unsigned long)c->ret) {
				stop = true;
				break;
			}
		}
	}
	if (b->len != base)
		sbuf_putc(b, ']');
	if (has_ts && pts) {
		struct sbuf ts = { 0 };
		net_sb_timespec(c, &ts, pts);
		if (b->len - base + sizeof(", left ") + ts.len < AUX_MAX) {
			sbuf_puts(b, b->len == base ? "left " : ", left ");
			sbuf_add(b, ts.p, ts.len);
		} else {
			sbuf_puts(b, ", ...");
		}
		sbuf_free(&ts);
	}
	if (b->len == base)
		b->len = open;
	else
		sbuf_putc(b, ')');
}

CUSTOM_DECODER(poll)
{
	if (phase == PHASE_ENTRY) {
		struct_pollfd_print(c, e, "fds", c->args[0], (long)(unsigned)c->args[1]);
		emit_uint(e, "nfds", (unsigned)c->args[1]);
		emit_int(e, "timeout", (int)c->args[2]);
		return;
	}
	poll_exit(c, 0, false);
}

CUSTOM_DECODER(ppoll)
{
	if (phase == PHASE_ENTRY) {
		struct_pollfd_print(c, e, "fds", c->args[0], (long)(unsigned)c->args[1]);
		emit_uint(e, "nfds", (unsigned)c->args[1]);
		net_emit_time(c, e, "tmo_p", c->args[2], true);
		print_sigset(c, e, "sigmask", c->args[3], c->args[4]);
		emit_uint(e, "sigsetsize", c->args[4]);
		return;
	}
	poll_exit(c, c->args[2], true);
}

/* ---- select, pselect6 ---- */

#define FDSET_MAX_FDS (1024 * 1024)

/* the bytes select's sets span for nfds, as the kernel rounds them */
static unsigned long fdset_size(long nfds_arg, int *nfds)
{
	int n = (int)nfds_arg;
	if (n < 0)
		n = 0;
	if (n > FDSET_MAX_FDS)
		n = FDSET_MAX_FDS;
	*nfds = n;
	return (((unsigned long)n + 7) / 8 + sizeof(long) - 1) & ~(sizeof(long) - 1);
}

/* the next set bit at or after fd, below nfds; -1 when none */
static int next_bit(const unsigned long *set, int fd, int nfds)
{
	const int w = (int)(8 * sizeof(long));
	while (fd < nfds) {
		unsigned long bits = set[fd / w] >> (fd % w);
		if (bits) {
			fd += __builtin_ctzl(bits);
			return fd < nfds ? fd : -1;
		}
		fd = (fd / w + 1) * w;
	}
	return -1;
}

/* a set at entry: "[3 4]" with -y decorations; NULL, or the address
 * when unreadable or when nothing can be read (nfds 0, -e verbose) */
static void print_fdset(struct call *c, struct emit *e, const char *name, unsigned long addr,
			unsigned long *buf, unsigned long size, int nfds)
{
	if (!addr || !buf || umem_read(c->pid, addr, buf, size) < 0) {
		emit_ptr(e, name, addr);
		return;
	}
	emit_item(e, name);
	sbuf_putc(emit_sb(e), '[');
	for (int fd = next_bit(buf, 0, nfds), n = 0; fd >= 0; fd = next_bit(buf, fd + 1, nfds), n++) {
		if (n)
			sbuf_putc(emit_sb(e), ' ');
		sbuf_dec(emit_sb(e), fd);
		if (opt.decode_fds)
			fd_decorate(emit_sb(e), c->pid, fd);
	}
	sbuf_putc(emit_sb(e), ']');
}

/* for tables that name fd_set: len is nfds */
STRUCT_PRINTER(fd_set)
{
	int nfds;
	unsigned long size = fdset_size(len, &nfds);
	unsigned long *buf = size && net_verbose(c) ? xmalloc(size) : NULL;
	print_fdset(c, e, name, addr, buf, size, nfds);
	free(buf);
}

static void select_entry(struct call *c, struct emit *e, bool nsec)
{
	int nfds;
	unsigned long size = fdset_size((long)c->args[0], &nfds);
	unsigned long *buf = size && net_verbose(c) ? xmalloc(size) : NULL;
	static const char *const names[3] = { "readfds", "writefds", "exceptfds" };
	emit_int(e, "nfds", (int)c->args[0]);
	for (int i = 0; i < 3; i++)
		print_fdset(c, e, names[i], c->args[i + 1], buf, size, nfds);
	free(buf);
	net_emit_time(c, e, "timeout", c->args[4], nsec);
}

/* "(in [3], out [4], left {...})"; strace's quirk of a second "]" after a
 * set with no ready descriptor that follows one with some is kept */
static void select_exit(struct call *c, bool nsec)
{
	struct sbuf *b = &c->aux;
	static const char *const kinds[3] = { "in", "out", "except" };
	if (c->failed)
		return;
	if (c->ret == 0) {
		sbuf_puts(b, "(Timeout)");
		return;
	}
	int nfds;
	unsigned long size = fdset_size((long)c->args[0], &nfds);
	unsigned long *buf = size ? xmalloc(size) : NULL;
	size_t open = b->len;
	sbuf_putc(b, '(');
	size_t base = b->len;
	const char *sep = "";
	long ready = c->ret;
	for (int i = 0; i < 3 && ready > 0; i++) {
		unsigned long addr = c->args[i + 1];
		bool first = true;
		if (!addr || !buf || umem_read(c->pid, addr, buf, size) < 0)
			continue;
		for (int fd = next_bit(buf, 0, nfds); fd >= 0; fd = next_bit(buf, fd + 1, nfds)) {
			if (b->len - base < AUX_MAX - (sizeof(", except [") + sizeof(int) * 3 + 2)) {
				if (first) {
					sbuf_printf(b, "%s%s [%u", sep, kinds[i], (unsigned)fd);
					first = false;
					sep = ", ";
				} else {
					sbuf_printf(b, " %u", (unsigned)fd);
				}
			}
			if (--ready == 0)
				break;
		}
		if (b->len != base)
			sbuf_putc(b, ']');
	}
	free(buf);
	if (c->args[4]) {
		struct sbuf ts = { 0 };
		sb_time(c, &ts, c->args[4], nsec);
		if (b->len - base + sizeof("left ") + strlen(sep) + ts.len < AUX_MAX) {
			sbuf_puts(b, sep);
			sbuf_puts(b, "left ");
			sbuf_add(b, ts.p, ts.len);
		}
		sbuf_free(&ts);
	}
	/* strace prints "()" when nothing was found: keep that */
	(void)open;
	sbuf_putc(b, ')');
}

CUSTOM_DECODER(select)
{
	if (phase == PHASE_ENTRY)
		select_entry(c, e, false);
	else
		select_exit(c, false);
}

CUSTOM_DECODER(pselect6)
{
	if (phase == PHASE_EXIT) {
		select_exit(c, true);
		return;
	}
	select_entry(c, e, true);
	/* the sixth argument points to { const sigset_t *ss; size_t ss_len; } */
	unsigned long data[2];
	if (!net_fetch(c, e, "sig", c->args[5], data, sizeof(data)))
		return;
	emit_struct_begin(e, "sig");
	print_sigset(c, e, "sigmask", data[0], data[1]);
	emit_uint(e, "sigsetsize", data[1]);
	emit_struct_end(e);
}

/* ---- epoll_ctl ---- */

CUSTOM_DECODER(epoll_ctl)
{
	unsigned op = (unsigned)c->args[1];
	if (phase != PHASE_ENTRY)
		return;
	ARG(c, e, 0, "epfd", ARG_fd);
	net_emit_enum(e, "op", XLAT(epoll_ctl_ops), op, "EPOLL_CTL_???");
	ARG(c, e, 2, "fd", ARG_fd);
	if (op == EPOLL_CTL_DEL)
		emit_ptr(e, "event", c->args[3]);
	else
		struct_epoll_event_print(c, e, "event", c->args[3], -1);
}
