/* SPDX-License-Identifier: MIT */
/* Polling structs as strace 6.1 prints them: pollfd arrays
 * ([{fd=3, events=POLLIN}, {fd=-1}]), epoll_event
 * ({events=EPOLLIN, data={u32=3, u64=3}}) alone or as an array (fd_set is
 * in src/custom/poll.c). Arrays stop after -s elements ("...") and at the
 * first unreadable element ("... /\* 0x... *\/"), as strace's print_array
 * does. */
#include "net.h"
#include "../umem.h"
#include <poll.h>
#include <stdio.h>
#include <sys/epoll.h>

/* the parts of an array print that strace's print_array shares: returns
 * false when the element at i is not to be printed (and the array is
 * closed or was never opened) */
static bool array_next(struct call *c, struct emit *e, const char *name, unsigned long addr,
		       unsigned long i, unsigned long elem, void *buf, bool *open)
{
	unsigned long cur = addr + i * elem;
	if (i >= net_array_max(c)) {
		if (!*open) {
			/* strace prints no "[" here */
			emit_item(e, name);
			sbuf_puts(emit_sb(e), "...]");
			return false;
		}
		emit_more(e);
		emit_array_end(e);
		*open = false;
		return false;
	}
	if (umem_read(c->pid, cur, buf, elem) < 0) {
		if (!*open) {
			emit_ptr(e, name, addr);
			return false;
		}
		char tmp[32];
		emit_more(e);
		snprintf(tmp, sizeof(tmp), "%#lx", cur);
		emit_comment(e, tmp);
		emit_array_end(e);
		*open = false;
		return false;
	}
	if (!*open) {
		emit_array_begin(e, name);
		*open = true;
	}
	return true;
}


/* poll/ppoll at entry: len is nfds */
STRUCT_PRINTER(pollfd)
{
	unsigned long n = (unsigned)len;
	bool open = false;
	if (!net_array_start(c, e, name, addr, n, sizeof(struct pollfd)))
		return;
	for (unsigned long i = 0; i < n; i++) {
		struct pollfd p;
		if (!array_next(c, e, name, addr, i, sizeof(p), &p, &open))
			return;
		emit_struct_begin(e, NULL);
		print_fd(c, e, "fd", p.fd);
		if (p.fd >= 0)
			net_emit_flags(e, "events", XLAT(poll_events), (unsigned short)p.events, "POLL???");
		emit_struct_end(e);
	}
	emit_array_end(e);
}

static void emit_epoll_event(struct emit *e, const char *name, const struct epoll_event *ev)
{
	emit_struct_begin(e, name);
	net_emit_flags(e, "events", XLAT(epoll_events), ev->events, "EPOLL???");
	emit_struct_begin(e, "data");
	emit_uint(e, "u32", ev->data.u32);
	emit_uint(e, "u64", ev->data.u64);
	emit_struct_end(e);
	emit_struct_end(e);
}

/* epoll_ctl: one event (len -1); epoll_wait & co: len events at exit */
STRUCT_PRINTER(epoll_event)
{
	struct epoll_event ev;
	if (len < 0) {
		if (net_fetch(c, e, name, addr, &ev, sizeof(ev)))
			emit_epoll_event(e, name, &ev);
		return;
	}
	unsigned long n = (unsigned long)len;
	bool open = false;
	if (!net_array_start(c, e, name, addr, n, sizeof(ev)))
		return;
	for (unsigned long i = 0; i < n; i++) {
		if (!array_next(c, e, name, addr, i, sizeof(ev), &ev, &open))
			return;
		emit_epoll_event(e, NULL, &ev);
	}
	emit_array_end(e);
}
