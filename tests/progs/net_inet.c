/* SPDX-License-Identifier: MIT */
/* IPv4/IPv6/netlink sockets on the loopback: socket with type flags and
 * unknown values, bind/connect/listen/accept4, getsockname/getpeername
 * with in/out lengths, [gs]etsockopt by level (ints, strings, structs,
 * short lengths), sendto/recvfrom with and without addresses, shutdown,
 * and bad pointers and lengths. Run with -e trace=%net. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "expect.h"
#include <arpa/inet.h>
#include <errno.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

/* a line with an address we cannot know: "@@" also takes the padding */
#define EXPECT_RETA(r, fmt, ...) EXPECT(fmt "@@= %s", __VA_ARGS__, r)

#define IN4(port) "{sa_family=AF_INET, sin_port=htons(" #port "), sin_addr=inet_addr(\"127.0.0.1\")}"

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr_storage st;
	socklen_t len;
	int one = 1, v;
	long r;
	char buf[64];

	int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
	EXPECT_RET(ret(l), "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP)");
	r = setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	EXPECT_RET(ret(r), "setsockopt(%d, SOL_SOCKET, SO_REUSEADDR, [1], 4)", l);
	r = bind(l, (struct sockaddr *)&a, sizeof(a));
	EXPECT_RET(ret(r), "bind(%d, " IN4(0) ", 16)", l);
	len = sizeof(a);
	r = getsockname(l, (struct sockaddr *)&a, &len);
	int port = ntohs(a.sin_port);
	EXPECT_RET(ret(r), "getsockname(%d, {sa_family=AF_INET, sin_port=htons(%d), "
		   "sin_addr=inet_addr(\"127.0.0.1\")}, [16])", l, port);
	r = listen(l, 8);
	EXPECT_RET(ret(r), "listen(%d, 8)", l);

	int c = socket(AF_INET, SOCK_STREAM, 0);
	EXPECT_RET(ret(c), "socket(AF_INET, SOCK_STREAM, IPPROTO_IP)");
	r = connect(c, (struct sockaddr *)&a, sizeof(a));
	EXPECT_RET(ret(r), "connect(%d, {sa_family=AF_INET, sin_port=htons(%d), "
		   "sin_addr=inet_addr(\"127.0.0.1\")}, 16)", c, port);
	struct sockaddr_in me;
	len = sizeof(me);
	getsockname(c, (struct sockaddr *)&me, &len);
	int cport = ntohs(me.sin_port);
	len = sizeof(st);
	int s = accept4(l, (struct sockaddr *)&st, &len, SOCK_CLOEXEC | SOCK_NONBLOCK);
	EXPECT_RET(ret(s), "accept4(%d, {sa_family=AF_INET, sin_port=htons(%d), sin_addr=inet_addr(\"127.0.0.1\")}, "
		   "[128 => 16], SOCK_CLOEXEC|SOCK_NONBLOCK)", l, cport);
	len = sizeof(st);
	r = getpeername(s, (struct sockaddr *)&st, &len);
	EXPECT_RET(ret(r), "getpeername(%d, {sa_family=AF_INET, sin_port=htons(%d), "
		   "sin_addr=inet_addr(\"127.0.0.1\")}, [128 => 16])", s, cport);

	/* stream data: recvfrom has no source address to give */
	r = sendto(c, "hello", 5, MSG_NOSIGNAL, NULL, 0);
	EXPECT_RET(ret(r), "sendto(%d, \"hello\", 5, MSG_NOSIGNAL, NULL, 0)", c);
	len = sizeof(st);
	r = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&st, &len);
	EXPECT_RETA(ret(r), "recvfrom(%d, \"hello\", 64, 0, 0x@@, [128 => 0])", s);
	r = recvfrom(s, buf, sizeof(buf), MSG_DONTWAIT | MSG_PEEK, NULL, NULL);
	EXPECT_RETA(ret(r), "recvfrom(%d, 0x@@, 64, MSG_PEEK|MSG_DONTWAIT, NULL, NULL)", s);

	/* options: ints, a short length, a struct, a string, unknown names */
	socklen_t vl = sizeof(v);
	r = getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &vl);
	EXPECT_RET(ret(r), "getsockopt(%d, SOL_SOCKET, SO_TYPE, [1], [4])", s);
	long long big;
	vl = sizeof(big);
	r = getsockopt(s, SOL_TCP, TCP_NODELAY, &big, &vl);
	EXPECT_RET(ret(r), "getsockopt(%d, SOL_TCP, TCP_NODELAY, [0], [8 => 4])", s);
	vl = 2;
	r = getsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, &vl);
	EXPECT_RET(ret(r), "getsockopt(%d, SOL_SOCKET, SO_KEEPALIVE, \"\\x00\\x00\", [2])", s);
	r = setsockopt(s, SOL_TCP, TCP_NODELAY, &one, sizeof(one));
	EXPECT_RET(ret(r), "setsockopt(%d, SOL_TCP, TCP_NODELAY, [1], 4)", s);
	struct linger lg = { 1, 0 };
	r = setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	EXPECT_RET(ret(r), "setsockopt(%d, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=0}, 8)", s);
	r = setsockopt(s, SOL_SOCKET, SO_RCVBUF, &one, 2);
	EXPECT_RETA(ret(r), "setsockopt(%d, SOL_SOCKET, SO_RCVBUF, 0x@@, 2)", s);
	r = setsockopt(s, SOL_IP, IP_TOS, "ab", 2);
	EXPECT_RET(ret(r), "setsockopt(%d, SOL_IP, IP_TOS, \"ab\", 2)", s);
	r = setsockopt(s, 0x99, 1, &one, 4);
	EXPECT_RET(ret(r), "setsockopt(%d, 0x99 /* SOL_?? */, 1, [1], 4)", s);
	r = setsockopt(s, SOL_SOCKET, 0x777, &one, 4);
	EXPECT_RET(ret(r), "setsockopt(%d, SOL_SOCKET, 0x777 /* SO_??? */, [1], 4)", s);
	volatile uintptr_t bad = 8;
	r = syscall(SYS_getsockopt, s, SOL_SOCKET, SO_RCVBUF, &v, bad);
	EXPECT_RETA(ret(r), "getsockopt(%d, SOL_SOCKET, SO_RCVBUF, 0x@@, 0x8)", s);

	r = shutdown(c, SHUT_WR);
	EXPECT_RET(ret(r), "shutdown(%d, SHUT_WR)", c);
	r = shutdown(c, 7);
	EXPECT_RET(ret(r), "shutdown(%d, 0x7 /* SHUT_??? */)", c);

	/* bad addresses and lengths (raw calls: a sanitizer would check them) */
	r = syscall(SYS_connect, c, 8, 16);
	EXPECT_RET(ret(r), "connect(%d, 0x8, 16)", c);
	r = syscall(SYS_bind, c, NULL, 16);
	EXPECT_RET(ret(r), "bind(%d, NULL, 16)", c);
	r = bind(c, (struct sockaddr *)&a, 1);
	EXPECT_RETA(ret(r), "bind(%d, 0x@@, 1)", c);
	struct sockaddr_in odd = { .sin_family = AF_INET, .sin_port = htons(0x4142) };
	r = bind(c, (struct sockaddr *)&odd, 4);
	EXPECT_RET(ret(r), "bind(%d, {sa_family=AF_INET, sa_data=\"AB\"}, 4)", c);
	r = syscall(SYS_getsockname, c, &st, 8);
	EXPECT_RETA(ret(r), "getsockname(%d, 0x@@, 0x8)", c);

	/* datagrams: the source address comes back */
	int u = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, IPPROTO_UDP);
	EXPECT_RET(ret(u), "socket(AF_INET, SOCK_DGRAM|SOCK_NONBLOCK, IPPROTO_UDP)");
	struct sockaddr_in ua = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	bind(u, (struct sockaddr *)&ua, sizeof(ua));
	len = sizeof(ua);
	getsockname(u, (struct sockaddr *)&ua, &len);
	int u2 = socket(AF_INET, SOCK_DGRAM, 0);
	r = sendto(u2, "dgram", 5, 0, (struct sockaddr *)&ua, sizeof(ua));
	EXPECT_RET(ret(r), "sendto(%d, \"dgram\", 5, 0, {sa_family=AF_INET, sin_port=htons(%d), "
		   "sin_addr=inet_addr(\"127.0.0.1\")}, 16)", u2, ntohs(ua.sin_port));
	len = sizeof(me);
	getsockname(u2, (struct sockaddr *)&me, &len);
	len = sizeof(st);
	r = recvfrom(u, buf, 3, 0, (struct sockaddr *)&st, &len);
	EXPECT_RET(ret(r), "recvfrom(%d, \"dgr\", 3, 0, {sa_family=AF_INET, sin_port=htons(%d), "
		   "sin_addr=inet_addr(\"127.0.0.1\")}, [128 => 16])", u, ntohs(me.sin_port));
	r = recvfrom(u, buf, 3, 0, (struct sockaddr *)&st, &len);
	EXPECT_RETA(ret(r), "recvfrom(%d, 0x@@, 3, 0, 0x@@, [16])", u);

	/* a multicast membership on the loopback interface */
	struct ip_mreq mreq = { .imr_multiaddr.s_addr = htonl(0xe00000fb), .imr_interface.s_addr = htonl(INADDR_LOOPBACK) };
	r = setsockopt(u, SOL_IP, IP_ADD_MEMBERSHIP, &mreq, sizeof(mreq));
	EXPECT_RET(ret(r), "setsockopt(%d, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr(\"224.0.0.251\"), "
		   "imr_interface=inet_addr(\"127.0.0.1\")}, 8)", u);
	r = setsockopt(u, SOL_IP, IP_DROP_MEMBERSHIP, &mreq, 4);
	EXPECT_RETA(ret(r), "setsockopt(%d, SOL_IP, IP_DROP_MEMBERSHIP, 0x@@, 4)", u);

	/* IPv6 */
	int u6 = socket(AF_INET6, SOCK_DGRAM, 0);
	EXPECT_RET(ret(u6), "socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP)");
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	r = bind(u6, (struct sockaddr *)&a6, sizeof(a6));
	EXPECT_RET(ret(r), "bind(%d, {sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), "
		   "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28)", u6);
	r = connect(u6, (struct sockaddr *)&a6, 24);
	EXPECT_RET(ret(r), "connect(%d, {sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), "
		   "inet_pton(AF_INET6, \"::1\", &sin6_addr)}, 24)", u6);

	/* netlink: the kernel gives the first socket the process id */
	int n = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	EXPECT_RET(ret(n), "socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE)");
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	r = bind(n, (struct sockaddr *)&nl, sizeof(nl));
	EXPECT_RET(ret(r), "bind(%d, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12)", n);
	len = sizeof(nl);
	r = getsockname(n, (struct sockaddr *)&nl, &len);
	EXPECT_RET(ret(r), "getsockname(%d, {sa_family=AF_NETLINK, nl_pid=%d, nl_groups=00000000}, [12])",
		   n, (int)nl.nl_pid);

	/* unknown family and type */
	r = socket(0x63, SOCK_STREAM | SOCK_NONBLOCK, 0);
	EXPECT_RET(ret(r), "socket(0x63 /* AF_??? */, SOCK_STREAM|SOCK_NONBLOCK, 0)");
	r = socket(AF_INET, 0xf, 0);
	EXPECT_RET(ret(r), "socket(AF_INET, 0xf /* SOCK_??? */, IPPROTO_IP)");
	r = socket(AF_INET, SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	EXPECT_RET(ret(r), "socket(AF_INET, SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP)");
	return expect_done();
}
