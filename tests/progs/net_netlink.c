/* SPDX-License-Identifier: MIT */
/* Netlink messages in socket buffers: an RTM_GETADDR dump request through
 * sendto (a payload shorter than struct ifaddrmsg), the NLMSG_DONE that
 * ends the dump, a request the kernel answers with NLMSG_ERROR quoting it
 * (struct ifaddrmsg in full) through recvmsg, a multi-message buffer
 * and a buffer shorter than a header. Run with -e trace=%net. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "expect.h"
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/xfrm.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	char buf[16384];
	int n = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	socklen_t len = sizeof(nl);
	bind(n, (struct sockaddr *)&nl, sizeof(nl));
	getsockname(n, (struct sockaddr *)&nl, &len);
	unsigned pid = nl.nl_pid;

	/* the dump request glibc makes: only the family after the header */
	struct {
		struct nlmsghdr h;
		struct rtgenmsg g;
		char pad[3];
	} rq = { { sizeof(rq), RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 7, 0 }, { AF_UNSPEC }, { 0 } };
	long r = sendto(n, &rq, sizeof(rq), 0, NULL, 0);
	EXPECT("sendto(%d, [{nlmsg_len=20, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, "
	       "nlmsg_seq=7, nlmsg_pid=0}, {ifa_family=AF_UNSPEC, ...}], 20, 0, NULL, 0) = %ld", n, r);
	for (;;) {
		r = recvfrom(n, buf, sizeof(buf), 0, NULL, NULL);
		if (r <= 0)
			return 1;
		struct nlmsghdr *h = (struct nlmsghdr *)buf;
		if (h->nlmsg_type == NLMSG_DONE)
			break;
	}
	EXPECT("recvfrom(%d, [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=7, "
	       "nlmsg_pid=%u}, 0], 16384, 0, NULL, NULL) = 20", n, pid);

	/* IPv4 has no single-address GET: the kernel answers with an error
	 * that quotes the request */
	struct {
		struct nlmsghdr h;
		struct ifaddrmsg a;
	} one = { { sizeof(one), RTM_GETADDR, NLM_F_REQUEST | NLM_F_ACK, 8, 0 }, { AF_INET, 8, 0, RT_SCOPE_HOST, 1 } };
	sendto(n, &one, sizeof(one), 0, NULL, 0);
	EXPECT("sendto(%d, [{nlmsg_len=24, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, nlmsg_seq=8, "
	       "nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=0, ifa_scope=RT_SCOPE_HOST, "
	       "ifa_index=if_nametoindex(\"lo\")}], 24, 0, NULL, 0) = 24", n);
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr m = { .msg_name = &nl, .msg_namelen = sizeof(nl), .msg_iov = &iov, .msg_iovlen = 1 };
	r = recvmsg(n, &m, 0);
	struct nlmsgerr *err = NLMSG_DATA((struct nlmsghdr *)buf);
	const char *en = err->error == -EOPNOTSUPP ? "-EOPNOTSUPP" : err->error == -EINVAL ? "-EINVAL" : "?";
	EXPECT("recvmsg(%d, {msg_name={sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, msg_namelen=12, "
	       "msg_iov=[{iov_base=[{nlmsg_len=%ld, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq=8, nlmsg_pid=%u}, "
	       "{error=%s, msg=[{nlmsg_len=24, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, "
	       "nlmsg_seq=8, nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=0, "
	       "ifa_scope=RT_SCOPE_HOST, ifa_index=if_nametoindex(\"lo\")}]}], iov_len=16384}], msg_iovlen=1, "
	       "msg_controllen=0, msg_flags=0}, 0) = %ld", n, r, pid, en, r);

	/* two messages in one buffer (both ignored: no NLM_F_REQUEST), and
	 * a buffer too short for a header */
	struct nlmsghdr two[2] = { { 16, NLMSG_NOOP, 0, 1, 0 }, { 16, 0x77, 0x40, 2, 0 } };
	sendto(n, two, sizeof(two), MSG_DONTWAIT, NULL, 0);
	EXPECT("sendto(%d, [{nlmsg_len=16, nlmsg_type=NLMSG_NOOP, nlmsg_flags=0, nlmsg_seq=1, nlmsg_pid=0}, "
	       "{nlmsg_len=16, nlmsg_type=0x77 /* RTM_??? */, nlmsg_flags=0x40 /* NLM_F_??? */, nlmsg_seq=2, "
	       "nlmsg_pid=0}], 32, MSG_DONTWAIT, NULL, 0) = 32", n);
	r = sendto(n, "\1\2\3", 3, 0, NULL, 0);
	EXPECT("sendto(%d, \"\\x01\\x02\\x03\", 3, 0, NULL, 0) = %ld", n, r);
	close(n);

	/* the message types of two more families, header only (the kernel's
	 * answers are not read); bound first, as an unbound socket's family
	 * is not known to strace until its first send binds it */
	struct sockaddr_nl any = { .nl_family = AF_NETLINK };
	int d = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	bind(d, (struct sockaddr *)&any, sizeof(any));
	struct nlmsghdr dh = { 16, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 9, 0 };
	r = sendto(d, &dh, sizeof(dh), 0, NULL, 0);
	EXPECT("sendto(%d, {nlmsg_len=16, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, "
	       "nlmsg_seq=9, nlmsg_pid=0}, 16, 0, NULL, 0) = %ld", d, r);
	close(d);
	int x = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_XFRM);
	if (x >= 0) {
		bind(x, (struct sockaddr *)&any, sizeof(any));
		struct nlmsghdr xh[2] = { { 16, XFRM_MSG_DELPOLICY, NLM_F_REQUEST | NLM_F_NONREC, 10, 0 },
					  { 16, XFRM_MSG_GETDEFAULT, NLM_F_REQUEST | NLM_F_ROOT, 11, 0 } };
		r = sendto(x, xh, sizeof(xh), 0, NULL, 0);
		EXPECT("sendto(%d, [{nlmsg_len=16, nlmsg_type=XFRM_MSG_DELPOLICY, nlmsg_flags=NLM_F_REQUEST|NLM_F_NONREC, "
		       "nlmsg_seq=10, nlmsg_pid=0}, {nlmsg_len=16, nlmsg_type=XFRM_MSG_GETDEFAULT, "
		       "nlmsg_flags=NLM_F_REQUEST|0x100, nlmsg_seq=11, nlmsg_pid=0}], 32, 0, NULL, 0) = %ld", x, r);
		close(x);
	}
	return expect_done();
}
