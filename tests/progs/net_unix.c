/* SPDX-License-Identifier: MIT */
/* Unix sockets: socketpair, sendmsg/recvmsg with SCM_RIGHTS and
 * SCM_CREDENTIALS, iovecs cut by the received length, msg_namelen in/out,
 * a failed recvmsg, sendmmsg/recvmmsg, bind/connect on a path and on an
 * abstract name, and bad pointers. Runs in an empty directory; run with
 * -e trace=%net. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "expect.h"
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define EXPECT_RETA(r, fmt, ...) EXPECT(fmt "@@= %s", __VA_ARGS__, r)

int main(void)
{
	int sv[2];
	long r;

	r = socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv);
	EXPECT_RET(ret(r), "socketpair(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC, 0, [%d, %d])", sv[0], sv[1]);
	volatile uintptr_t bad = 8;
	r = syscall(SYS_socketpair, AF_INET, SOCK_STREAM, 0, bad);
	EXPECT_RET(ret(r), "socketpair(AF_INET, SOCK_STREAM, 0, 0x8)");

	/* two descriptors over the pair; the receiver gets new numbers */
	char data[] = "hello";
	struct iovec iov[2] = { { data, 5 }, { data, 3 } };
	union {
		struct cmsghdr h;
		char b[CMSG_SPACE(2 * sizeof(int))];
	} u;
	struct msghdr m = { .msg_iov = iov, .msg_iovlen = 2, .msg_control = u.b, .msg_controllen = sizeof(u.b) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(2 * sizeof(int));
	int fds[2] = { 0, 1 };
	memcpy(CMSG_DATA(c), fds, sizeof(fds));
	r = sendmsg(sv[0], &m, 0);
	EXPECT_RET(ret(r), "sendmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", iov_len=5}, "
		   "{iov_base=\"hel\", iov_len=3}], msg_iovlen=2, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, "
		   "cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}], msg_controllen=24, msg_flags=0}, 0)", sv[0]);

	char rb1[3], rb2[64], cb[256];
	struct iovec riov[2] = { { rb1, 3 }, { rb2, 64 } };
	struct sockaddr_un from;
	struct msghdr rm = { .msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = riov, .msg_iovlen = 2,
			     .msg_control = cb, .msg_controllen = sizeof(cb) };
	r = recvmsg(sv[1], &rm, MSG_CMSG_CLOEXEC);
	int got[2];
	memcpy(got, CMSG_DATA(CMSG_FIRSTHDR(&rm)), sizeof(got));
	EXPECT_RETA(ret(r), "recvmsg(%d, {msg_name=0x@@, msg_namelen=110 => 0, msg_iov=[{iov_base=\"hel\", iov_len=3}, "
		    "{iov_base=\"lohel\", iov_len=64}], msg_iovlen=2, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, "
		    "cmsg_type=SCM_RIGHTS, cmsg_data=[%d, %d]}], msg_controllen=24, msg_flags=MSG_CMSG_CLOEXEC}, "
		    "MSG_CMSG_CLOEXEC)", sv[1], got[0], got[1]);
	close(got[0]);
	close(got[1]);

	/* nothing to read: only the name length is shown */
	rm.msg_namelen = sizeof(from);
	r = recvmsg(sv[1], &rm, MSG_DONTWAIT);
	EXPECT_RET(ret(r), "recvmsg(%d, {msg_namelen=110}, MSG_DONTWAIT)", sv[1]);
	struct msghdr empty = { 0 };
	r = sendmsg(sv[0], &empty, MSG_DONTWAIT | 0x100000);
	EXPECT_RET(ret(r), "sendmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, msg_controllen=0, "
		   "msg_flags=0}, MSG_DONTWAIT|0x100000)", sv[0]);
	recvmsg(sv[1], &empty, MSG_DONTWAIT);
	r = syscall(SYS_sendmsg, sv[0], 16, 0);
	EXPECT_RET(ret(r), "sendmsg(%d, 0x10, 0)", sv[0]);

	/* credentials */
	int one = 1;
	setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one));
	EXPECT_RET("0", "setsockopt(%d, SOL_SOCKET, SO_PASSCRED, [1], 4)", sv[1]);
	struct msghdr m2 = { .msg_iov = iov, .msg_iovlen = 1 };
	sendmsg(sv[0], &m2, 0);
	rm.msg_namelen = sizeof(from);
	rm.msg_controllen = sizeof(cb);
	r = recvmsg(sv[1], &rm, 0);
	EXPECT_RETA(ret(r), "recvmsg(%d, {msg_name=0x@@, msg_namelen=110 => 0, "
		   "msg_iov=[{iov_base=\"hel\", iov_len=3}, {iov_base=\"lo\", iov_len=64}], msg_iovlen=2, "
		   "msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=%d, "
		    "uid=%u, gid=%u}}], msg_controllen=32, msg_flags=0}, 0)", sv[1],
		    (int)getpid(), (unsigned)getuid(), (unsigned)getgid());

	/* several messages at once */
	struct mmsghdr mm[2] = { { .msg_hdr = { .msg_iov = iov, .msg_iovlen = 1 } },
				 { .msg_hdr = { .msg_iov = iov + 1, .msg_iovlen = 1 } } };
	r = sendmmsg(sv[0], mm, 2, 0);
	EXPECT_RET(ret(r), "sendmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
		   "iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}, {msg_hdr={msg_name=NULL, "
		   "msg_namelen=0, msg_iov=[{iov_base=\"hel\", iov_len=3}], msg_iovlen=1, msg_controllen=0, "
		   "msg_flags=0}, msg_len=3}], 2, 0)", sv[0]);
	struct mmsghdr rmm[3];
	struct iovec ri[3] = { { rb2, 10 }, { rb2 + 10, 10 }, { rb2 + 20, 10 } };
	memset(rmm, 0, sizeof(rmm));
	for (int i = 0; i < 3; i++) {
		rmm[i].msg_hdr.msg_iov = &ri[i];
		rmm[i].msg_hdr.msg_iovlen = 1;
	}
	struct timespec ts = { 1, 0 };
	r = recvmmsg(sv[1], rmm, 3, MSG_DONTWAIT, &ts);
	EXPECT("recvmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
		    "iov_len=10}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_CTRUNC}, msg_len=5}, "
		    "{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hel\", iov_len=10}], msg_iovlen=1, "
		    "msg_controllen=0, msg_flags=MSG_CTRUNC}, msg_len=3}], 3, MSG_DONTWAIT, {tv_sec=1, tv_nsec=0}) = %ld "
	       "(left {tv_sec=@@})", sv[1], r);
	r = recvmmsg(sv[1], rmm, 3, MSG_DONTWAIT, NULL);
	EXPECT_RETA(ret(r), "recvmmsg(%d, 0x@@, 3, MSG_DONTWAIT, NULL)", sv[1]);

	/* a path, then an abstract name */
	struct sockaddr_un un = { .sun_family = AF_UNIX, .sun_path = "sock" };
	int l = socket(AF_UNIX, SOCK_STREAM, 0);
	EXPECT_RET(ret(l), "socket(AF_UNIX, SOCK_STREAM, 0)");
	r = bind(l, (struct sockaddr *)&un, sizeof(un));
	EXPECT_RET(ret(r), "bind(%d, {sa_family=AF_UNIX, sun_path=\"sock\"}, 110)", l);
	listen(l, 1);
	int cl = socket(AF_UNIX, SOCK_STREAM, 0);
	r = connect(cl, (struct sockaddr *)&un, offsetof(struct sockaddr_un, sun_path) + 5);
	EXPECT_RET(ret(r), "connect(%d, {sa_family=AF_UNIX, sun_path=\"sock\"}, 7)", cl);
	struct sockaddr_un abs = { .sun_family = AF_UNIX, .sun_path = "\0tattle-none" };
	int cl2 = socket(AF_UNIX, SOCK_STREAM, 0);
	r = connect(cl2, (struct sockaddr *)&abs, offsetof(struct sockaddr_un, sun_path) + 12);
	EXPECT_RET(ret(r), "connect(%d, {sa_family=AF_UNIX, sun_path=@\"tattle-none\"}, 14)", cl2);
	r = connect(cl2, (struct sockaddr *)&abs, 2);
	EXPECT_RET(ret(r), "connect(%d, {sa_family=AF_UNIX}, 2)", cl2);
	struct sockaddr_un st;
	socklen_t len = sizeof(st);
	int s = accept(l, (struct sockaddr *)&st, &len);
	EXPECT_RET(ret(s), "accept(%d, {sa_family=AF_UNIX}, [110 => 2])", l);
	len = sizeof(st);
	r = getpeername(s, (struct sockaddr *)&st, &len);
	EXPECT_RET(ret(r), "getpeername(%d, {sa_family=AF_UNIX}, [110 => 2])", s);
	len = sizeof(st);
	r = getsockname(s, (struct sockaddr *)&st, &len);
	EXPECT_RET(ret(r), "getsockname(%d, {sa_family=AF_UNIX, sun_path=\"sock\"}, [110 => 7])", s);
	unlink("sock");
	return expect_done();
}
