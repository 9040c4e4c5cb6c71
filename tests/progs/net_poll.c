/* SPDX-License-Identifier: MIT */
/* Polling: poll and ppoll with ready, idle and ignored (-1) descriptors,
 * the revents annotation, "(Timeout)", the time left; select and pselect6
 * with their "(in [..], out [..], left ...)" annotation and the sigmask
 * argument; epoll (create, ctl with an unknown op, wait with results and
 * none, pwait, pwait2); eventfd; bad pointers. All timeouts are short and
 * every call returns at once or within them. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "expect.h"
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	long r;
	volatile uintptr_t bad = 8;

	if (pipe(p) < 0 || write(p[1], "x", 1) != 1)
		return 1;
	/* the read end is ready, the write end is writable, -1 is ignored */
	struct pollfd f[3] = { { p[0], POLLIN | POLLPRI, 0 }, { p[1], POLLOUT, 0 }, { -1, POLLIN, 0 } };
	char two[128], one[64];
	snprintf(two, sizeof(two), "2 ([{fd=%d, revents=POLLIN}, {fd=%d, revents=POLLOUT}])", p[0], p[1]);
	snprintf(one, sizeof(one), "1 ([{fd=%d, revents=POLLIN}])", p[0]);
	r = poll(f, 3, 100);
	EXPECT_RET(two,
		   "poll([{fd=%d, events=POLLIN|POLLPRI}, {fd=%d, events=POLLOUT}, {fd=-1}], 3, 100)", p[0], p[1]);
	struct pollfd g = { p[1], POLLIN, 0 };
	r = poll(&g, 1, 0);
	EXPECT_RET("0 (Timeout)", "poll([{fd=%d, events=POLLIN}], 1, 0)", p[1]);
	r = poll(NULL, 0, 1);
	EXPECT_RET("0 (Timeout)", "poll(NULL, 0, 1)");
	r = syscall(SYS_poll, bad, 1, 0);
	EXPECT_RET(ret(r), "poll(0x8, 1, 0)");
	struct pollfd u = { p[0], 0x4000 | POLLIN, 0 };
	r = poll(&u, 1, 0);
	EXPECT_RET(one, "poll([{fd=%d, events=POLLIN|0x4000}], 1, 0)", p[0]);

	struct timespec ts = { 0, 1000 };
	sigset_t ss;
	sigemptyset(&ss);
	sigaddset(&ss, SIGUSR1);
	r = ppoll(f, 2, &ts, &ss);
	EXPECT("ppoll([{fd=%d, events=POLLIN|POLLPRI}, {fd=%d, events=POLLOUT}], 2, {tv_sec=0, tv_nsec=1000}, "
	       "[USR1], 8) = 2 ([{fd=%d, revents=POLLIN}, {fd=%d, revents=POLLOUT}], left {tv_sec=0, tv_nsec=@@})",
	       p[0], p[1], p[0], p[1]);
	r = ppoll(&g, 1, &ts, NULL);
	EXPECT_RET("0 (Timeout)", "ppoll([{fd=%d, events=POLLIN}], 1, {tv_sec=0, tv_nsec=1000}, NULL, 8)", p[1]);

	/* select(2) itself (glibc's select() calls pselect6) */
	fd_set rd, wr;
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &rd);
	FD_SET(p[1], &wr);
	struct timeval tv = { 0, 100 };
	r = syscall(SYS_select, p[1] + 1, &rd, &wr, NULL, &tv);
	EXPECT("select(%d, [%d %d], [%d], NULL, {tv_sec=0, tv_usec=100}) = 2 (in [%d], out [%d], left {tv_sec=0, "
	       "tv_usec=@@})", p[1] + 1, p[0], p[1], p[1], p[0], p[1]);
	FD_ZERO(&rd);
	FD_SET(p[1], &rd);
	tv.tv_usec = 100;
	r = syscall(SYS_select, p[1] + 1, &rd, NULL, NULL, &tv);
	EXPECT_RET("0 (Timeout)", "select(%d, [%d], NULL, NULL, {tv_sec=0, tv_usec=100})", p[1] + 1, p[1]);
	r = syscall(SYS_select, p[1] + 1, (fd_set *)bad, NULL, NULL, NULL);
	EXPECT_RET(ret(r), "select(%d, 0x8, NULL, NULL, NULL)", p[1] + 1);

	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	struct { const sigset_t *ss; size_t len; } sig = { &ss, 8 };
	r = syscall(SYS_pselect6, p[1] + 1, &rd, NULL, NULL, &ts, &sig);
	EXPECT("pselect6(%d, [%d], NULL, NULL, {tv_sec=0, tv_nsec=1000}, {sigmask=[USR1], sigsetsize=8}) = 1 "
	       "(in [%d], left {tv_sec=0, tv_nsec=@@})", p[1] + 1, p[0], p[0]);
	ts.tv_nsec = 1000;
	r = syscall(SYS_pselect6, 0, NULL, NULL, NULL, &ts, NULL);
	EXPECT_RET("0 (Timeout)", "pselect6(0, NULL, NULL, NULL, {tv_sec=0, tv_nsec=1000}, NULL)");

	/* epoll */
	int ep = epoll_create1(EPOLL_CLOEXEC);
	EXPECT_RET(ret(ep), "epoll_create1(EPOLL_CLOEXEC)");
	int ep2 = epoll_create(5);
	EXPECT_RET(ret(ep2), "epoll_create(5)");
	struct epoll_event ev = { EPOLLIN | EPOLLET, { .u64 = 0x100000003ull } };
	r = epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
	EXPECT_RET(ret(r), "epoll_ctl(%d, EPOLL_CTL_ADD, %d, {events=EPOLLIN|EPOLLET, data={u32=3, u64=4294967299}})",
		   ep, p[0]);
	ev.events = EPOLLOUT;
	ev.data.u64 = (uint64_t)p[1];
	r = epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev);
	r = epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL);
	EXPECT_RET(ret(r), "epoll_ctl(%d, EPOLL_CTL_DEL, %d, NULL)", ep, p[1]);
	r = syscall(SYS_epoll_ctl, ep, 0, p[1], bad);
	EXPECT_RET(ret(r), "epoll_ctl(%d, 0 /* EPOLL_CTL_??? */, %d, 0x8)", ep, p[1]);
	struct epoll_event out[4];
	r = epoll_wait(ep, out, 4, 10);
	EXPECT_RET(ret(r), "epoll_wait(%d, [{events=EPOLLIN, data={u32=3, u64=4294967299}}], 4, 10)", ep);
	r = epoll_pwait(ep, out, 4, 0, &ss);
	EXPECT_RET(ret(r), "epoll_pwait(%d, [], 4, 0, [USR1], 8)", ep);
	/* nothing is ready (edge-triggered): no events, whatever the pointer */
	r = syscall(SYS_epoll_wait, ep, bad, 4, 0);
	EXPECT_RET(ret(r), "epoll_wait(%d, [], 4, 0)", ep);
	ts.tv_nsec = 1000;
	r = syscall(SYS_epoll_pwait2, ep, out, 4, &ts, NULL, 8);
	EXPECT_RET(ret(r), "epoll_pwait2(%d, [], 4, {tv_sec=0, tv_nsec=1000}, NULL, 8)", ep);

	int e = eventfd(3, EFD_CLOEXEC | EFD_NONBLOCK);
	EXPECT_RET(ret(e), "eventfd2(3, EFD_CLOEXEC|EFD_NONBLOCK)");
	int e2 = (int)syscall(SYS_eventfd, 2);
	EXPECT_RET(ret(e2), "eventfd(2)");
	r = eventfd(0, 0x7);
	EXPECT_RET(ret(r), "eventfd2(0, EFD_SEMAPHORE|0x6)");
	return expect_done();
}
