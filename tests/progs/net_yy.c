/* SPDX-License-Identifier: MIT */
/* -yy: what a descriptor shows between <>: the protocol and inode of a
 * socket nothing is known about yet, its addresses once bound or
 * connected (TCP, UDP, IPv6, unix with peers and paths, netlink), and the
 * device numbers after a device's path. Runs in an empty directory; run
 * with -yy -e trace=%net,close. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "expect.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

static unsigned long ino(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 ? (unsigned long)st.st_ino : 0;
}

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len;

	/* TCP: the inode until bound, then the address (kept from then on) */
	int l = socket(AF_INET, SOCK_STREAM, 0);
	EXPECT_RET("@@", "socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
	unsigned long li = ino(l);
	bind(l, (struct sockaddr *)&a, sizeof(a));
	EXPECT_RET("0", "bind(%d<TCP:[%lu]>, {sa_family=AF_INET, sin_port=htons(0), "
		   "sin_addr=inet_addr(\"127.0.0.1\")}, 16)", l, li);
	len = sizeof(a);
	getsockname(l, (struct sockaddr *)&a, &len);
	int port = ntohs(a.sin_port);
	EXPECT_RET("0", "getsockname(%d<TCP:[127.0.0.1:%d]>, {sa_family=AF_INET, sin_port=htons(%d), "
		   "sin_addr=inet_addr(\"127.0.0.1\")}, [16])", l, port, port);
	listen(l, 1);
	EXPECT_RET("0", "listen(%d<TCP:[127.0.0.1:%d]>, 1)", l, port);
	int c = socket(AF_INET, SOCK_STREAM, 0);
	unsigned long ci = ino(c);
	connect(c, (struct sockaddr *)&a, sizeof(a));
	struct sockaddr_in me;
	len = sizeof(me);
	getsockname(c, (struct sockaddr *)&me, &len);
	int cport = ntohs(me.sin_port);
	EXPECT_RET("0", "connect(%d<TCP:[%lu]>, {sa_family=AF_INET, sin_port=htons(%d), "
		   "sin_addr=inet_addr(\"127.0.0.1\")}, 16)", c, ci, port);
	int s = accept(l, NULL, NULL);
	char r[96];
	snprintf(r, sizeof(r), "%d<TCP:[127.0.0.1:%d->127.0.0.1:%d]>", s, port, cport);
	EXPECT_RET(r, "accept(%d<TCP:[127.0.0.1:%d]>, NULL, NULL)", l, port);
	shutdown(c, SHUT_RDWR);
	EXPECT_RET("0", "shutdown(%d<TCP:[127.0.0.1:%d->127.0.0.1:%d]>, SHUT_RDWR)", c, cport, port);
	close(s);
	close(c);
	close(l);

	/* UDP over IPv6: brackets around the address */
	int u = socket(AF_INET6, SOCK_DGRAM, 0);
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	bind(u, (struct sockaddr *)&a6, sizeof(a6));
	len = sizeof(a6);
	getsockname(u, (struct sockaddr *)&a6, &len);
	EXPECT("getsockname(%d<UDPv6:[[::1]:%d]>, @@", u, ntohs(a6.sin6_port));
	close(u);

	/* unix: the peer inode, and the path of a bound socket */
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	unsigned long i0 = ino(sv[0]), i1 = ino(sv[1]);
	EXPECT_RET("0", "socketpair(AF_UNIX, SOCK_STREAM, 0, [%d<UNIX-STREAM:[%lu->%lu]>, %d<UNIX-STREAM:[%lu->%lu]>])",
		   sv[0], i0, i1, sv[1], i1, i0);
	close(sv[0]);
	close(sv[1]);
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	i0 = ino(sv[0]);
	i1 = ino(sv[1]);
	EXPECT_RET("0", "socketpair(AF_UNIX, SOCK_DGRAM, 0, [%d<UNIX:[%lu->%lu]>, %d<UNIX:[%lu->%lu]>])",
		   sv[0], i0, i1, sv[1], i1, i0);
	close(sv[0]);
	close(sv[1]);
	struct sockaddr_un un = { .sun_family = AF_UNIX, .sun_path = "ysock" };
	int us = socket(AF_UNIX, SOCK_STREAM, 0);
	unsigned long ui = ino(us);
	bind(us, (struct sockaddr *)&un, offsetof(struct sockaddr_un, sun_path) + 6);
	listen(us, 1);
	EXPECT_RET("0", "listen(%d<UNIX-STREAM:[%lu,\"ysock\"]>, 1)", us, ui);
	close(us);
	unlink("ysock");

	/* netlink: the protocol and the port id */
	int n = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	bind(n, (struct sockaddr *)&nl, sizeof(nl));
	len = sizeof(nl);
	getsockname(n, (struct sockaddr *)&nl, &len);
	EXPECT("getsockname(%d<NETLINK:[ROUTE:%u]>, @@", n, (unsigned)nl.nl_pid);
	close(n);

	/* a character device */
	int d = open("/dev/null", O_RDONLY);
	struct stat st;
	fstat(d, &st);
	close(d);
	EXPECT_RET("0", "close(%d</dev/null<char %u:%u>>)", d, major(st.st_rdev), minor(st.st_rdev));
	return expect_done();
}
