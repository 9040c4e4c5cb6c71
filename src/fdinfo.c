/* SPDX-License-Identifier: MIT */
/* -yy (--decode-fds=socket,dev): what strace 6.1 shows inside "<...>" for
 * sockets and devices:
 *   3<TCP:[127.0.0.1:45678->127.0.0.1:80]>   3<TCPv6:[[::1]:80]>   3<UDP:[57073]>
 *   3<UNIX-STREAM:[57075->57076]>   3<UNIX-STREAM:[57081,"/tmp/sock"]>
 *   3<NETLINK:[ROUTE:1234]>          3</dev/null<char 1:3>>
 * The socket's protocol comes from the "system.sockprotoname" xattr of
 * /proc/PID/fd/N; its addresses from a sock_diag query (NETLINK_SOCK_DIAG),
 * one dump per lookup as strace does. /proc/net/unix has no peer inode, so
 * sock_diag is the one source that covers every family.
 * Found details are cached per inode, in strace's 1024 direct-mapped slots,
 * and never refreshed: strace keeps showing the address a socket had when
 * it was first found (a bound UDP socket that connects later still shows
 * the bound address), and so does this, for identical output. A socket
 * that is not found (not bound yet) prints "TCP:[inode]" and is looked up
 * again the next time. */
#include "argtypes.h"
#include "options.h"
#include "util.h"
#include "xlat.h"
#include <arpa/inet.h>
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/xattr.h>
#include <unistd.h>

enum kind { K_UNIX, K_INET, K_NETLINK };

#define IPPROTO_L2TP_ 115	/* not in every libc header */

static const struct proto {
	const char *name;	/* as the sockprotoname xattr says */
	enum kind kind;
	int family, protocol;
} protos[] = {
	{ "UNIX", K_UNIX, AF_UNIX, 0 },
	{ "UNIX-STREAM", K_UNIX, AF_UNIX, 0 },
	{ "TCP", K_INET, AF_INET, IPPROTO_TCP },
	{ "UDP", K_INET, AF_INET, IPPROTO_UDP },
	{ "UDPLITE", K_INET, AF_INET, IPPROTO_UDPLITE },
	{ "DCCP", K_INET, AF_INET, IPPROTO_DCCP },
	{ "SCTP", K_INET, AF_INET, IPPROTO_SCTP },
	{ "L2TP/IP", K_INET, AF_INET, IPPROTO_L2TP_ },
	{ "PING", K_INET, AF_INET, IPPROTO_ICMP },
	{ "RAW", K_INET, AF_INET, IPPROTO_RAW },
	{ "TCPv6", K_INET, AF_INET6, IPPROTO_TCP },
	{ "UDPv6", K_INET, AF_INET6, IPPROTO_UDP },
	{ "UDPLITEv6", K_INET, AF_INET6, IPPROTO_UDPLITE },
	{ "DCCPv6", K_INET, AF_INET6, IPPROTO_DCCP },
	{ "L2TP/IPv6", K_INET, AF_INET6, IPPROTO_L2TP_ },
	{ "SCTPv6", K_INET, AF_INET6, IPPROTO_SCTP },
	{ "PINGv6", K_INET, AF_INET6, IPPROTO_ICMP },
	{ "RAWv6", K_INET, AF_INET6, IPPROTO_RAW },
	{ "NETLINK", K_NETLINK, AF_NETLINK, 0 },
};

/* ---- the cache ---- */

#define CACHE_SIZE 1024u
static struct {
	unsigned long inode;
	char *details;
} cache[CACHE_SIZE];

static const char *cache_get(unsigned long inode)
{
	return cache[inode & (CACHE_SIZE - 1)].inode == inode ? cache[inode & (CACHE_SIZE - 1)].details : NULL;
}

static const char *cache_put(unsigned long inode, struct sbuf *s)
{
	unsigned i = inode & (CACHE_SIZE - 1);
	free(cache[i].details);
	sbuf_putc(s, '\0');
	cache[i].inode = inode;
	cache[i].details = s->p;	/* the sbuf's memory now belongs to the cache */
	return s->p;
}

/* ---- sock_diag ---- */

static bool diag_send(int fd, void *req, size_t len)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	struct iovec iov = { req, len };
	struct msghdr m = { .msg_name = &nl, .msg_namelen = sizeof(nl), .msg_iov = &iov, .msg_iovlen = 1 };
	for (;;) {
		if (sendmsg(fd, &m, 0) >= 0)
			return true;
		if (errno != EINTR)
			return false;
	}
}

/* one response for inode: 1 when it was the one (details in *out), 0 to
 * read on, -1 to give up */
typedef int (*diag_parser)(const void *data, int len, unsigned long inode, const struct proto *p, struct sbuf *out);

/* NLMSG_OK and NLMSG_NEXT, with the sizes unsigned (the macros compare an
 * int with the header's u32) and no step past the end of the buffer */
static bool msg_fits(const struct nlmsghdr *h, size_t left)
{
	return left >= sizeof(*h) && h->nlmsg_len >= sizeof(*h) && h->nlmsg_len <= left;
}

static const struct nlmsghdr *next_msg(const struct nlmsghdr *h, size_t *left)
{
	size_t step = NLMSG_ALIGN(h->nlmsg_len);
	if (step >= *left) {
		*left = 0;	/* the last one: msg_fits() ends the walk */
		return h;
	}
	*left -= step;
	return (const struct nlmsghdr *)((const char *)h + step);
}

/* reads responses until the parser finds the inode or the dump ends (a
 * message of another type: NLMSG_DONE or NLMSG_ERROR) */
static bool diag_receive(int fd, unsigned long inode, diag_parser parse, const struct proto *p, struct sbuf *out)
{
	static long buf[8192 / sizeof(long)];
	int flags = 0;
	for (;;) {
		struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
		struct iovec iov = { buf, sizeof(buf) };
		struct msghdr m = { .msg_name = &nl, .msg_namelen = sizeof(nl), .msg_iov = &iov, .msg_iovlen = 1 };
		ssize_t n = recvmsg(fd, &m, flags);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		const struct nlmsghdr *h = (const struct nlmsghdr *)buf;
		size_t left = (size_t)n;
		if (!msg_fits(h, left))
			return false;
		for (; msg_fits(h, left); h = next_msg(h, &left)) {
			if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY)
				return false;
			int rc = parse(NLMSG_DATA(h), (int)h->nlmsg_len, inode, p, out);
			if (rc > 0)
				return true;
			if (rc < 0)
				return false;
		}
		/* the kernel makes the next part of a dump as this one is read */
		flags = MSG_DONTWAIT;
	}
}

static int inet_parse(const void *data, int len, unsigned long inode, const struct proto *p, struct sbuf *out)
{
	const struct inet_diag_msg *d = data;
	static const unsigned char zero[16];
	char src[INET6_ADDRSTRLEN], dst[INET6_ADDRSTRLEN];
	size_t asz;
	if (len < (int)NLMSG_LENGTH(sizeof(*d)))
		return -1;
	if (d->idiag_inode != inode)
		return 0;
	if (d->idiag_family == AF_INET)
		asz = 4;
	else if (d->idiag_family == AF_INET6)
		asz = 16;
	else
		return -1;
	/* IPv6 addresses go in brackets: "[::1]:80" */
	const char *ob = d->idiag_family == AF_INET6 ? "[" : "", *cb = d->idiag_family == AF_INET6 ? "]" : "";
	if (!inet_ntop(d->idiag_family, d->id.idiag_src, src, sizeof(src)))
		return -1;
	if (d->id.idiag_dport || memcmp(zero, d->id.idiag_dst, asz)) {
		if (!inet_ntop(d->idiag_family, d->id.idiag_dst, dst, sizeof(dst)))
			return -1;
		sbuf_printf(out, "%s:[%s%s%s:%u->%s%s%s:%u]", p->name, ob, src, cb, ntohs(d->id.idiag_sport),
			    ob, dst, cb, ntohs(d->id.idiag_dport));
	} else {
		sbuf_printf(out, "%s:[%s%s%s:%u]", p->name, ob, src, cb, ntohs(d->id.idiag_sport));
	}
	return 1;
}

static int unix_parse(const void *data, int len, unsigned long inode, const struct proto *p, struct sbuf *out)
{
	const struct unix_diag_msg *d = data;
	int rta_len = len - (int)NLMSG_LENGTH(sizeof(*d));
	unsigned peer = 0;
	size_t path_len = 0;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path) + 1];
	if (rta_len < 0)
		return -1;
	if (d->udiag_ino != inode)
		return 0;
	if (d->udiag_family != AF_UNIX)
		return -1;
	for (const struct rtattr *a = (const struct rtattr *)(d + 1); RTA_OK(a, rta_len); a = RTA_NEXT(a, rta_len)) {
		if (a->rta_type == UNIX_DIAG_NAME && !path_len) {
			path_len = RTA_PAYLOAD(a);
			if (path_len > sizeof(path) - 1)
				path_len = sizeof(path) - 1;
			memcpy(path, RTA_DATA(a), path_len);
			path[path_len] = 0;
		} else if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= 4) {
			memcpy(&peer, RTA_DATA(a), sizeof(peer));
		}
	}
	/* neither bound nor connected: nothing to add to the inode */
	if (!peer && !path_len)
		return -1;
	sbuf_printf(out, "%s:[%lu", p->name, inode);
	if (peer)
		sbuf_printf(out, "->%u", peer);
	if (path_len) {
		sbuf_putc(out, ',');
		if (!path[0]) {
			sbuf_putc(out, '@');
			quote_string(out, (const unsigned char *)path + 1, strnlen(path + 1, path_len - 1), 0);
		} else {
			quote_string(out, (const unsigned char *)path, strnlen(path, path_len), 0);
		}
	}
	sbuf_putc(out, ']');
	return 1;
}

static int netlink_parse(const void *data, int len, unsigned long inode, const struct proto *p, struct sbuf *out)
{
	const struct netlink_diag_msg *d = data;
	if (len < (int)NLMSG_LENGTH(sizeof(*d)))
		return -1;
	if (d->ndiag_ino != inode)
		return 0;
	if (d->ndiag_family != AF_NETLINK)
		return -1;
	const char *n = xlat_name(XLAT(netlink_protocols), d->ndiag_protocol);
	if (n) {
		if (!strncmp(n, "NETLINK_", 8))
			n += 8;
		sbuf_printf(out, "%s:[%s:%u]", p->name, n, d->ndiag_portid);
	} else {
		sbuf_printf(out, "%s:[%u]", p->name, (unsigned)d->ndiag_protocol);
	}
	return 1;
}

static bool diag_lookup(int fd, unsigned long inode, const struct proto *p, struct sbuf *out)
{
	switch (p->kind) {
	case K_INET: {
		struct {
			struct nlmsghdr h;
			struct inet_diag_req_v2 r;
		} req = {
			.h = { .nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
			       .nlmsg_flags = NLM_F_DUMP | NLM_F_REQUEST },
			.r = { .sdiag_family = (unsigned char)p->family, .sdiag_protocol = (unsigned char)p->protocol,
			       .idiag_states = ~0u },
		};
		return diag_send(fd, &req, sizeof(req)) && diag_receive(fd, inode, inet_parse, p, out);
	}
	case K_UNIX: {
		struct {
			struct nlmsghdr h;
			struct unix_diag_req r;
		} req = {
			.h = { .nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY, .nlmsg_flags = NLM_F_REQUEST },
			.r = { .sdiag_family = AF_UNIX, .udiag_ino = (unsigned)inode, .udiag_states = ~0u,
			       .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER, .udiag_cookie = { ~0u, ~0u } },
		};
		return diag_send(fd, &req, sizeof(req)) && diag_receive(fd, inode, unix_parse, p, out);
	}
	case K_NETLINK: {
		struct {
			struct nlmsghdr h;
			struct netlink_diag_req r;
		} req = {
			.h = { .nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
			       .nlmsg_flags = NLM_F_DUMP | NLM_F_REQUEST },
			.r = { .sdiag_family = AF_NETLINK, .sdiag_protocol = NDIAG_PROTO_ALL },
		};
		return diag_send(fd, &req, sizeof(req)) && diag_receive(fd, inode, netlink_parse, p, out);
	}
	}
	return false;
}

/* the details of inode by one protocol, or by each in turn when the
 * protocol is not known (p NULL); a new diag socket per lookup, as a dump
 * left half read would confuse the next one */
static const char *lookup(unsigned long inode, const struct proto *p)
{
	const char *found = NULL;
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(protos) && !found; i++) {
		const struct proto *q = p ? p : &protos[i];
		struct sbuf out = { 0 };
		if (diag_lookup(fd, inode, q, &out))
			found = cache_put(inode, &out);
		else
			sbuf_free(&out);
		if (p)
			break;
	}
	close(fd);
	return found;
}

/* the inode of a socket descriptor from its /proc link, or 0 */
static unsigned long socket_inode(const char *path)
{
	char link[64];
	unsigned long inode;
	int used = 0;
	ssize_t n = readlink(path, link, sizeof(link) - 1);
	if (n <= 0)
		return 0;
	link[n] = 0;
	if (sscanf(link, "socket:[%lu]%n", &inode, &used) != 1 || !used || link[used])
		return 0;
	return inode;
}

static bool socket_details(struct sbuf *b, const char *path)
{
	char name[256];
	unsigned long inode = socket_inode(path);
	if (!inode)
		return false;
	const char *details = cache_get(inode);
	if (details) {
		sbuf_puts(b, details);
		return true;
	}
	const struct proto *p = NULL;
	ssize_t n = getxattr(path, "system.sockprotoname", name, sizeof(name) - 1);
	if (n > 0) {
		name[n] = 0;
		for (size_t i = 0; i < ARRAY_SIZE(protos); i++)
			if (!strcmp(name, protos[i].name))
				p = &protos[i];
		/* a protocol sock_diag cannot describe (PACKET, ALG, ...): the
		 * link text, as strace prints it */
		if (!p)
			return false;
	}
	details = lookup(inode, p);
	if (details) {
		sbuf_puts(b, details);
		return true;
	}
	if (!p)
		return false;
	sbuf_printf(b, "%s:[%lu]", p->name, inode);
	return true;
}

bool fdinfo_socket(struct sbuf *b, pid_t pid, int fd)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)pid, fd);
	size_t mark = b->len;
	sbuf_putc(b, '<');
	if (!socket_details(b, path)) {
		b->len = mark;
		return false;
	}
	sbuf_putc(b, '>');
	return true;
}

int (*fdinfo_netlink_override)(pid_t pid, int fd);

bool fdinfo_is_netlink(pid_t pid, int fd)
{
	if (fdinfo_netlink_override)
		return fdinfo_netlink_override(pid, fd) >= -1;
	char path[64], name[16];
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)pid, fd);
	ssize_t n = getxattr(path, "system.sockprotoname", name, sizeof(name) - 1);
	if (n <= 0)
		return false;
	name[n] = 0;
	return !strcmp(name, "NETLINK");
}

/* from "NETLINK:[ROUTE:1234]" (or "NETLINK:[17]" for a protocol without a
 * name); as strace does, "NETLINK:[inode]" of a socket not found yet
 * gives the inode as the family, which matches no decoder */
int fdinfo_netlink_family(pid_t pid, int fd)
{
	char path[64];
	struct sbuf b = { 0 };
	int family = -1;
	if (fdinfo_netlink_override) {
		family = fdinfo_netlink_override(pid, fd);
		return family < -1 ? -1 : family;
	}
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)pid, fd);
	if (socket_details(&b, path) && b.len > 9 && !memcmp(b.p, "NETLINK:[", 9)) {
		sbuf_putc(&b, '\0');
		const char *d = b.p + 9;
		const struct xlat *x = XLAT(netlink_protocols);
		for (unsigned i = 0; i < x->n && family < 0; i++) {
			const char *nm = x->e[i].name;
			if (!strncmp(nm, "NETLINK_", 8))
				nm += 8;
			if (!strncmp(d, nm, strlen(nm)))
				family = (int)x->e[i].val;
		}
		if (family < 0 && *d >= '0' && *d <= '9')
			family = atoi(d);
	}
	sbuf_free(&b);
	return family;
}

bool fdinfo_dev(struct sbuf *b, const char *path)
{
	struct stat st;
	if (path[0] != '/' || stat(path, &st) < 0)
		return false;
	if (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode))
		return false;
	sbuf_printf(b, "<%s %u:%u>", S_ISBLK(st.st_mode) ? "block" : "char", major(st.st_rdev), minor(st.st_rdev));
	return true;
}
