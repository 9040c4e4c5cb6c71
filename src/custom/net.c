/* SPDX-License-Identifier: MIT */
/* Socket calls whose output depends on more than one argument, as strace
 * 6.1 prints them: the socket type and per-family protocol of socket(2),
 * in/out address lengths ("[16 => 8]") of accept & co, option names and
 * values by level for [gs]etsockopt, the message headers of the
 * send/recv*msg families. bind, connect and listen are signature lines. */
#include "../structs/net.h"
#include "../structs/proc.h"
#include "../options.h"
#include "../umem.h"
#include "../util.h"
#include <linux/filter.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

/* ---- socket, socketpair ---- */

/* "SOCK_STREAM|SOCK_CLOEXEC": the type in the low four bits, then flags */
static void emit_socktype(struct emit *e, const char *name, unsigned type)
{
	const char *n = xlat_name(XLAT(socket_types), type & 0xf);
	struct sbuf *b = emit_sb(e);
	emit_item(e, name);
	if (n) {
		if (opt.xlat_style == XLAT_STYLE_ABBREV) {
			sbuf_puts(b, n);
		} else {
			sbuf_hex(b, type & 0xf);
			if (opt.xlat_style == XLAT_STYLE_VERBOSE)
				sbuf_printf(b, " /* %s */", n);
		}
		type &= ~0xfu;
		if (!type)
			return;
		sbuf_putc(b, '|');
	}
	net_sb_flags(b, XLAT(socket_flags), type, "SOCK_???");
}

CUSTOM_DECODER(socket)
{
	unsigned long domain = c->args[0];
	if (phase != PHASE_ENTRY)
		return;
	net_emit_enum(e, "domain", XLAT(address_families), domain, "AF_???");
	emit_socktype(e, "type", (unsigned)c->args[1]);
	switch (domain) {
	case AF_INET: case AF_INET6:
		net_emit_enum(e, "protocol", XLAT(socket_protocols_inet), c->args[2], "IPPROTO_???");
		break;
	case AF_NETLINK:
		net_emit_enum(e, "protocol", XLAT(netlink_protocols), c->args[2], "NETLINK_???");
		break;
	case AF_PACKET:
		/* the protocol is in network byte order */
		emit_item(e, "protocol");
		sbuf_puts(emit_sb(e), "htons(");
		net_sb_enum(emit_sb(e), XLAT(ethernet_protocols), ntohs((uint16_t)c->args[2]), "ETH_P_???");
		sbuf_putc(emit_sb(e), ')');
		break;
	default:
		emit_uint(e, "protocol", c->args[2]);
		break;
	}
}

CUSTOM_DECODER(socketpair)
{
	if (phase == PHASE_ENTRY) {
		net_emit_enum(e, "domain", XLAT(address_families), c->args[0], "AF_???");
		emit_socktype(e, "type", (unsigned)c->args[1]);
		emit_uint(e, "protocol", c->args[2]);
		c->nprinted = 3;
		return;
	}
	/* out: the address when the call failed */
	arg_print(c, e, &(struct argdesc){ "sv", ARG_fdpair, DIR_OUT, 0, -1 }, c->args[3]);
}

CUSTOM_DECODER(shutdown)
{
	if (phase != PHASE_ENTRY)
		return;
	ARG(c, e, 0, "sockfd", ARG_fd);
	net_emit_enum(e, "how", XLAT(shutdown_how), c->args[1], "SHUT_???");
}

/* ---- address lengths: accept, accept4, getsockname, getpeername ---- */

/* the socklen_t at addr when strace would read it (verbose, both pointers
 * set, readable) */
static bool fetch_socklen(struct call *c, int *len, unsigned long sockaddr, unsigned long socklen)
{
	return net_verbose(c) && sockaddr && socklen && umem_read(c->pid, socklen, len, sizeof(*len)) == 0;
}

/* "[16]", or "[128 => 16]" when the kernel changed it */
static void emit_lens(struct emit *e, const char *name, int ulen, int rlen)
{
	emit_item(e, name);
	if (ulen != rlen)
		sbuf_printf(emit_sb(e), "[%d => %d]", ulen, rlen);
	else
		sbuf_printf(emit_sb(e), "[%d]", rlen);
}

/* saved[0]: addrlen at entry; saved[1]: 1 when the rest prints at exit */
static void sockname(struct call *c, struct emit *e, int phase, int flags_arg)
{
	int ulen, rlen;
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "sockfd", ARG_fd);
		c->saved[1] = fetch_socklen(c, &ulen, c->args[1], c->args[2]);
		if (c->saved[1]) {
			c->saved[0] = (unsigned long)(long)ulen;
			c->nprinted = 1;
			return;
		}
		emit_ptr(e, "addr", c->args[1]);
		emit_ptr(e, "addrlen", c->args[2]);
		if (flags_arg >= 0)
			net_emit_flags(e, "flags", XLAT(socket_flags), (unsigned)c->args[flags_arg], "SOCK_???");
		return;
	}
	if (!c->saved[1])
		return;
	ulen = (int)(long)c->saved[0];
	if (c->failed || umem_read(c->pid, c->args[2], &rlen, sizeof(rlen)) < 0) {
		emit_ptr(e, "addr", c->args[1]);
		emit_item(e, "addrlen");
		sbuf_printf(emit_sb(e), "[%d]", ulen);
	} else {
		sockaddr_print(c, e, "addr", c->args[1], ulen > rlen ? rlen : ulen);
		emit_lens(e, "addrlen", ulen, rlen);
	}
	if (flags_arg >= 0)
		net_emit_flags(e, "flags", XLAT(socket_flags), (unsigned)c->args[flags_arg], "SOCK_???");
}

CUSTOM_DECODER(accept) { sockname(c, e, phase, -1); }
CUSTOM_DECODER(accept4) { sockname(c, e, phase, 3); }
CUSTOM_DECODER(getsockname) { sockname(c, e, phase, -1); }
CUSTOM_DECODER(getpeername) { sockname(c, e, phase, -1); }

/* ---- sendto, recvfrom ---- */

static void emit_msgflags(struct emit *e, const char *name, unsigned long v)
{
	net_emit_flags(e, name, XLAT(msg_flags), (unsigned)v, "MSG_???");
}

/* a socket buffer: netlink messages on a netlink socket, else bytes */
static void emit_sockbuf(struct call *c, struct emit *e, int fd, unsigned long addr, unsigned long len)
{
	if (net_verbose(c) && fdinfo_is_netlink(c->pid, fd))
		netlink_print(c, e, "buf", fdinfo_netlink_family(c->pid, fd), addr, len);
	else
		print_buf(c, e, "buf", addr, len);
}

CUSTOM_DECODER(sendto)
{
	if (phase != PHASE_ENTRY)
		return;
	ARG(c, e, 0, "sockfd", ARG_fd);
	emit_sockbuf(c, e, (int)c->args[0], c->args[1], c->args[2]);
	emit_uint(e, "len", c->args[2]);
	emit_msgflags(e, "flags", c->args[3]);
	sockaddr_print(c, e, "dest_addr", c->args[4], (int)c->args[5]);
	emit_int(e, "addrlen", (int)c->args[5]);
}

CUSTOM_DECODER(recvfrom)
{
	int ulen, rlen;
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "sockfd", ARG_fd);
		c->saved[0] = fetch_socklen(c, &ulen, c->args[4], c->args[5]) ? (unsigned long)(long)ulen : 0;
		c->nprinted = 1;
		return;
	}
	if (c->failed)
		emit_ptr(e, "buf", c->args[1]);
	else
		emit_sockbuf(c, e, (int)c->args[0], c->args[1],
			     (unsigned long)c->ret < c->args[2] ? (unsigned long)c->ret : c->args[2]);
	emit_uint(e, "len", c->args[2]);
	emit_msgflags(e, "flags", c->args[3]);
	ulen = (int)(long)c->saved[0];
	if (!fetch_socklen(c, &rlen, c->args[4], c->args[5])) {
		emit_ptr(e, "src_addr", c->args[4]);
		emit_ptr(e, "addrlen", c->args[5]);
	} else if (c->failed) {
		emit_ptr(e, "src_addr", c->args[4]);
		emit_item(e, "addrlen");
		sbuf_printf(emit_sb(e), "[%d]", ulen);
	} else {
		sockaddr_print(c, e, "src_addr", c->args[4], ulen > rlen ? rlen : ulen);
		emit_lens(e, "addrlen", ulen, rlen);
	}
}

/* ---- sendmsg, recvmsg, sendmmsg, recvmmsg ---- */

CUSTOM_DECODER(sendmsg)
{
	if (phase != PHASE_ENTRY)
		return;
	ARG(c, e, 0, "sockfd", ARG_fd);
	msghdr_print(c, e, "msg", c->args[1], NULL, -1);
	emit_msgflags(e, "flags", c->args[2]);
}

/* saved[0]: msg_namelen at entry */
CUSTOM_DECODER(recvmsg)
{
	struct msghdr m;
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "sockfd", ARG_fd);
		if (c->args[1] && net_verbose(c) && umem_read(c->pid, c->args[1], &m, sizeof(m)) == 0) {
			c->saved[0] = m.msg_namelen;
			c->nprinted = 1;
			return;
		}
		emit_ptr(e, "msg", c->args[1]);
		emit_msgflags(e, "flags", c->args[2]);
		return;
	}
	if (!c->nprinted)
		return;
	int namelen = (int)c->saved[0];
	if (c->failed) {
		emit_struct_begin(e, "msg");
		emit_int(e, "msg_namelen", namelen);
		emit_struct_end(e);
	} else {
		msghdr_print(c, e, "msg", c->args[1], &namelen, c->ret);
	}
	emit_msgflags(e, "flags", c->args[2]);
}

CUSTOM_DECODER(sendmmsg)
{
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "sockfd", ARG_fd);
		if (net_verbose(c)) {
			c->nprinted = 1;
			return;
		}
		emit_ptr(e, "msgvec", c->args[1]);
		emit_uint(e, "vlen", (unsigned)c->args[2]);
		emit_msgflags(e, "flags", c->args[3]);
		return;
	}
	if (!c->nprinted)
		return;
	/* the messages are read at exit: msg_len says what was sent */
	mmsghdr_print_array(c, e, "msgvec", c->args[1], (unsigned)c->args[2],
			    c->failed ? 0 : (unsigned long)c->ret, NULL, 0, false);
	emit_uint(e, "vlen", (unsigned)c->args[2]);
	emit_msgflags(e, "flags", c->args[3]);
}

/* recvmmsg's notes from entry: each msg_namelen, kept in a few static
 * slots by thread (a call that never returns leaves its slot to be taken
 * over, and nothing to free); the timeout as it was goes in c->saved[] */
#define MMSG_NOTES_MAX 1024	/* IOV_MAX, strace's cap */
#define MMSG_SLOTS 8
static struct mmsg_notes {
	pid_t pid;
	unsigned long count;
	int namelen[MMSG_NOTES_MAX];
} mmsg_slots[MMSG_SLOTS];
static unsigned mmsg_next;

static struct mmsg_notes *mmsg_slot(pid_t pid, bool take)
{
	for (unsigned i = 0; i < MMSG_SLOTS; i++)
		if (mmsg_slots[i].pid == pid)
			return &mmsg_slots[i];
	if (!take)
		return NULL;
	for (unsigned i = 0; i < MMSG_SLOTS; i++)
		if (!mmsg_slots[i].pid)
			return &mmsg_slots[i];
	return &mmsg_slots[mmsg_next++ % MMSG_SLOTS];
}

/* saved[0]: 1 when the rest prints at exit; saved[1..2]: the timeout at
 * entry; saved[3]: 0 NULL, 1 read, 2 shown as its address */
static void mmsg_timeout(struct call *c, struct emit *e)
{
	emit_item(e, "timeout");
	struct sbuf *b = emit_sb(e);
	if (c->saved[3] == 0) {
		sbuf_puts(b, "NULL");
	} else if (c->saved[3] == 2) {
		sbuf_hex(b, c->args[4]);
	} else {
		struct emit e2;
		struct timespec ts = { .tv_sec = (time_t)c->saved[1], .tv_nsec = (long)c->saved[2] };
		emit_init(&e2, b);
		time_emit_timespec(&e2, NULL, &ts);
	}
}

CUSTOM_DECODER(recvmmsg)
{
	struct mmsg_notes *notes;
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "sockfd", ARG_fd);
		c->saved[0] = 0;
		if (!net_verbose(c)) {
			emit_ptr(e, "msgvec", c->args[1]);
			emit_uint(e, "vlen", (unsigned)c->args[2]);
			emit_msgflags(e, "flags", c->args[3]);
			net_emit_time(c, e, "timeout", c->args[4], true);
			return;
		}
		unsigned long n = (unsigned)c->args[2], i;
		if (n > MMSG_NOTES_MAX)
			n = MMSG_NOTES_MAX;
		notes = mmsg_slot(c->pid, true);
		notes->pid = c->pid;
		for (i = 0; i < n; i++) {
			struct mmsghdr mh;
			if (umem_read(c->pid, c->args[1] + i * sizeof(mh), &mh, sizeof(mh)) < 0)
				break;
			notes->namelen[i] = (int)mh.msg_hdr.msg_namelen;
		}
		notes->count = i;
		long long t[2];
		if (!c->args[4]) {
			c->saved[3] = 0;
		} else if (umem_read(c->pid, c->args[4], t, sizeof(t)) < 0) {
			c->saved[3] = 2;
		} else {
			c->saved[1] = (unsigned long)t[0];
			c->saved[2] = (unsigned long)t[1];
			c->saved[3] = 1;
		}
		c->saved[0] = 1;
		c->nprinted = 1;
		return;
	}
	if (c->saved[0]) {
		notes = mmsg_slot(c->pid, false);
		if (c->failed)
			emit_ptr(e, "msgvec", c->args[1]);
		else
			mmsghdr_print_array(c, e, "msgvec", c->args[1], (unsigned long)c->ret, (unsigned long)c->ret,
					    notes ? notes->namelen : NULL, notes ? notes->count : 0, true);
		if (notes)
			notes->pid = 0;
		emit_uint(e, "vlen", (unsigned)c->args[2]);
		emit_msgflags(e, "flags", c->args[3]);
		mmsg_timeout(c, e);
	}
	if (c->failed)
		return;
	if (c->ret == 0) {
		sbuf_puts(&c->aux, "(Timeout)");
		return;
	}
	if (!c->saved[0] || !c->args[4])
		return;
	sbuf_puts(&c->aux, "(left ");
	net_sb_timespec(c, &c->aux, c->args[4]);
	sbuf_putc(&c->aux, ')');
}

/* ---- setsockopt, getsockopt ---- */

/* SOL_SOCKET options that take an int: strace 6.1 shows them as [N] when
 * at least an int long, and as the address (set) or a hex string (get)
 * when shorter */
static bool so_int_opt(unsigned name)
{
	switch (name) {
	case 1: case 2: case 5: case 6: case 7: case 8: case 9: case 10:
	case 11: case 12: case 14: case 15: case 16: case 18: case 19:
	case 27: case 29: case 30: case 32: case 33: case 34: case 35:
	case 36: case 37: case 40: case 41: case 42: case 43: case 44:
	case 45: case 46: case 49: case 53: case 56: case 60: case 63:
	case 64: case 65: case 68: case 69: case 70: case 73: case 74:
	case 75:
		return true;
	}
	return false;
}

#define SOL_NETLINK_ 270
#define SOL_PACKET_ 263
#define SOL_RAW_ 255
#define SOL_UDP_ 17
#define SOL_TCP_ 6

static void emit_optname(struct emit *e, unsigned level, unsigned name, bool get)
{
	const struct xlat *x = NULL, *x2 = NULL;
	const char *unk = NULL;
	switch (level) {
	case SOL_SOCKET:
		x = XLAT(sockopt_sol_socket);
		x2 = get ? XLAT(sockopt_sol_socket_get) : XLAT(sockopt_sol_socket_set);
		unk = "SO_???";
		break;
	case SOL_IP:
		x = XLAT(sockopt_ip);
		x2 = get ? XLAT(sockopt_ip_get) : XLAT(sockopt_ip_set);
		unk = "IP_???";
		break;
	case SOL_IPV6:
		x = XLAT(sockopt_ipv6);
		x2 = get ? XLAT(sockopt_ipv6_get) : XLAT(sockopt_ipv6_set);
		unk = "IPV6_???";
		break;
	case SOL_TCP_: x = XLAT(sockopt_tcp); unk = "TCP_???"; break;
	case SOL_UDP_: x = XLAT(sockopt_udp); unk = "UDP_???"; break;
	case SOL_NETLINK_: x = XLAT(sockopt_netlink); unk = "NETLINK_???"; break;
	case SOL_PACKET_: x = XLAT(sockopt_packet); unk = "PACKET_???"; break;
	case SOL_RAW_: x = XLAT(sockopt_raw); unk = "RAW_???"; break;
	default:
		emit_uint(e, "optname", name);
		return;
	}
	if (x2 && !xlat_name(x, name) && xlat_name(x2, name))
		x = x2;
	net_emit_enum(e, "optname", x, name, unk);
}

static void sockopt_head(struct call *c, struct emit *e, bool get)
{
	unsigned level = (unsigned)c->args[1], name = (unsigned)c->args[2];
	ARG(c, e, 0, "sockfd", ARG_fd);
	net_emit_enum(e, "level", XLAT(socket_levels), level, "SOL_??");
	emit_optname(e, level, name, get);
}

/* "[N]" for the int optval points to, the address when unreadable */
static void emit_intval(struct call *c, struct emit *e)
{
	ARG_X(c, e, 3, "optval", ARG_intptr, 0, -1);
}

/* n bytes in hex escapes: how strace shows a value cut short */
static void emit_hexstr(struct emit *e, const char *name, const unsigned char *p, size_t n)
{
	emit_item(e, name);
	net_sb_hexstr(emit_sb(e), p, n);
}

/* struct fields of 4 bytes each, as far as len reaches (partial ones in
 * hex): SO_LINGER and SO_PEERCRED at getsockopt; ids: fields after the
 * first are uid/gid ("-1" or unsigned) */
static void emit_int_fields(struct call *c, struct emit *e, unsigned long addr, long len,
			    const char *const *names, int nfields, bool ids)
{
	unsigned char buf[16];
	if ((unsigned long)len > (unsigned long)nfields * 4)
		len = nfields * 4;
	if (!net_fetch(c, e, "optval", addr, buf, (size_t)len))
		return;
	emit_struct_begin(e, "optval");
	for (int i = 0; i < nfields && len > i * 4; i++) {
		if (len >= (i + 1) * 4) {
			int v;
			memcpy(&v, buf + i * 4, 4);
			if (i && ids && v != -1)
				emit_uint(e, names[i], (unsigned)v);
			else if (ids)	/* struct ucred's pid */
				print_pid(e, names[i], v);
			else
				emit_int(e, names[i], v);
		} else {
			emit_hexstr(e, names[i], buf + i * 4, (size_t)(len - i * 4));
		}
	}
	emit_struct_end(e);
}

static void emit_strval(struct call *c, struct emit *e, unsigned long addr, long len)
{
	print_buf(c, e, "optval", addr, (unsigned long)len);
}

/* SOL_RAW ICMP_FILTER: the message types as a bit set, inverted ("~[...]")
 * when more than half the bits are set; unread bits count as set */
static void emit_icmp_filter(struct call *c, struct emit *e, unsigned long addr, int len)
{
	unsigned data = ~0u;
	if (len > (int)sizeof(data))
		len = sizeof(data);
	else if (len <= 0) {
		emit_ptr(e, "optval", addr);
		return;
	}
	if (!net_fetch(c, e, "optval", addr, &data, (size_t)len))
		return;
	struct sbuf *b = emit_sb(e);
	bool inv = __builtin_popcount(data) > 16;
	emit_item(e, "optval");
	sbuf_puts(b, inv ? "~[" : "[");
	for (unsigned k = 0, n = 0; k < 32; k++) {
		if (!((data >> k) & 1) != inv)
			continue;
		if (n++)
			sbuf_putc(b, ' ');
		net_sb_enum(b, XLAT(icmp_filter_types), k, "ICMP_???");
	}
	sbuf_putc(b, ']');
}

/* multicast memberships: ip_mreq, ipv6_mreq and group_req; the address
 * when the length is short (group_req: when it is not exact) */
static bool emit_mreq(struct call *c, struct emit *e, unsigned level, unsigned name, unsigned long addr, int len)
{
	if (level == SOL_IP && (name == IP_ADD_MEMBERSHIP || name == IP_DROP_MEMBERSHIP)) {
		struct ip_mreq m;
		if (len < (int)sizeof(m)) {
			emit_ptr(e, "optval", addr);
		} else if (net_fetch(c, e, "optval", addr, &m, sizeof(m))) {
			emit_struct_begin(e, "optval");
			net_emit_inet_addr(e, "imr_multiaddr", AF_INET, &m.imr_multiaddr);
			net_emit_inet_addr(e, "imr_interface", AF_INET, &m.imr_interface);
			emit_struct_end(e);
		}
		return true;
	}
	if (level == SOL_IPV6 && (name == IPV6_ADD_MEMBERSHIP || name == IPV6_DROP_MEMBERSHIP
				  || name == IPV6_JOIN_ANYCAST || name == IPV6_LEAVE_ANYCAST)) {
		struct ipv6_mreq m;
		if (len < (int)sizeof(m)) {
			emit_ptr(e, "optval", addr);
		} else if (net_fetch(c, e, "optval", addr, &m, sizeof(m))) {
			emit_struct_begin(e, "optval");
			net_emit_inet_addr(e, "ipv6mr_multiaddr", AF_INET6, &m.ipv6mr_multiaddr);
			net_emit_ifindex(e, "ipv6mr_interface", m.ipv6mr_interface);
			emit_struct_end(e);
		}
		return true;
	}
	if ((level == SOL_IP || level == SOL_IPV6) && (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP)) {
		struct group_req g;
		if (len != (int)sizeof(g) || umem_read(c->pid, addr, &g, sizeof(g)) < 0) {
			emit_ptr(e, "optval", addr);
			return true;
		}
		emit_struct_begin(e, "optval");
		net_emit_ifindex(e, "gr_interface", g.gr_interface);
		sockaddr_print_mem(e, "gr_group", &g.gr_group, sizeof(g.gr_group));
		emit_struct_end(e);
		return true;
	}
	return false;
}

#define PACKET_ADD_MEMBERSHIP_ 1
#define PACKET_DROP_MEMBERSHIP_ 2
#define PACKET_RX_RING_ 5
#define PACKET_TX_RING_ 13
#define ICMP_FILTER_ 1

static void setsockopt_val(struct call *c, struct emit *e)
{
	unsigned level = (unsigned)c->args[1], name = (unsigned)c->args[2];
	unsigned long addr = c->args[3];
	int len = (int)c->args[4];
	if (!net_verbose(c)) {
		emit_ptr(e, "optval", addr);
		return;
	}
	if (addr && level == SOL_SOCKET) {
		if (name == SO_LINGER) {
			struct linger l;
			if (len < (int)sizeof(l) || !net_fetch(c, e, "optval", addr, &l, sizeof(l))) {
				if (len < (int)sizeof(l))
					emit_ptr(e, "optval", addr);
				return;
			}
			emit_struct_begin(e, "optval");
			emit_int(e, "l_onoff", l.l_onoff);
			emit_int(e, "l_linger", l.l_linger);
			emit_struct_end(e);
			return;
		}
		if (name == SO_ATTACH_FILTER || name == SO_ATTACH_REUSEPORT_CBPF) {
			if ((unsigned)len == sizeof(struct sock_fprog))
				proc_emit_sock_fprog(c, e, "optval", addr);
			else
				emit_ptr(e, "optval", addr);
			return;
		}
		if (so_int_opt(name)) {
			if (len < (int)sizeof(int))
				emit_ptr(e, "optval", addr);
			else
				emit_intval(c, e);
			return;
		}
	}
	if (addr && level == SOL_NETLINK_) {
		if (len < (int)sizeof(int))
			emit_ptr(e, "optval", addr);
		else
			emit_intval(c, e);
		return;
	}
	if (addr && level == SOL_RAW_ && name == ICMP_FILTER_) {
		emit_icmp_filter(c, e, addr, len);
		return;
	}
	if (addr && emit_mreq(c, e, level, name, addr, len))
		return;
	/* packet_mreq and tpacket_req (16 bytes each) print raw: the address
	 * when the length is not theirs, as strace does */
	if (addr && level == SOL_PACKET_ && (name == PACKET_ADD_MEMBERSHIP_ || name == PACKET_DROP_MEMBERSHIP_
					     || name == PACKET_RX_RING_ || name == PACKET_TX_RING_) && len != 16) {
		emit_ptr(e, "optval", addr);
		return;
	}
	if (len == (int)sizeof(int))
		emit_intval(c, e);
	else
		emit_strval(c, e, addr, len);
}

CUSTOM_DECODER(setsockopt)
{
	if (phase != PHASE_ENTRY)
		return;
	sockopt_head(c, e, false);
	setsockopt_val(c, e);
	emit_int(e, "optlen", (int)c->args[4]);
}

static void getsockopt_val(struct call *c, struct emit *e, int ulen, int rlen)
{
	static const char *const linger[] = { "l_onoff", "l_linger" };
	static const char *const ucred[] = { "pid", "uid", "gid" };
	unsigned level = (unsigned)c->args[1], name = (unsigned)c->args[2];
	unsigned long addr = c->args[3];
	unsigned char buf[4];
	if (ulen <= 0 || rlen <= 0) {
		emit_ptr(e, "optval", addr);
		return;
	}
	if (addr && net_verbose(c) && level == SOL_SOCKET) {
		if (name == SO_LINGER) {
			emit_int_fields(c, e, addr, rlen, linger, 2, false);
			return;
		}
		if (name == SO_PEERCRED) {
			emit_int_fields(c, e, addr, rlen, ucred, 3, true);
			return;
		}
		if (name == SO_ERROR || so_int_opt(name)) {
			if (rlen >= (int)sizeof(int)) {
				int v;
				if (!net_fetch(c, e, "optval", addr, &v, sizeof(v)))
					return;
				emit_item(e, "optval");
				const char *en = name == SO_ERROR && v > 0 ? errno_name(v) : NULL;
				if (en)
					sbuf_printf(emit_sb(e), "[%s]", en);
				else
					sbuf_printf(emit_sb(e), "[%d]", v);
			} else if (net_fetch(c, e, "optval", addr, buf, (size_t)rlen)) {
				/* a string read from the tracee: cut by -s */
				size_t show = (size_t)rlen < (size_t)opt.strsize ? (size_t)rlen : (size_t)opt.strsize;
				emit_hexstr(e, "optval", buf, show);
				if (show < (size_t)rlen)
					sbuf_puts(emit_sb(e), "...");
			}
			return;
		}
	}
	if (addr && net_verbose(c) && level == SOL_RAW_ && name == ICMP_FILTER_) {
		emit_icmp_filter(c, e, addr, rlen);
		return;
	}
	if (addr && net_verbose(c) && level == SOL_NETLINK_) {
		if (name == NETLINK_LIST_MEMBERSHIPS) {
			unsigned long n = (unsigned long)(ulen < rlen ? ulen : rlen) / 4, max = net_array_max(c);
			unsigned v;
			if (!n) {
				emit_array_begin(e, "optval");
				emit_array_end(e);
				return;
			}
			if (!net_fetch(c, e, "optval", addr, &v, sizeof(v)))
				return;
			emit_array_begin(e, "optval");
			for (unsigned long i = 0; i < n; i++) {
				if (i >= max) {
					emit_more(e);
					break;
				}
				if (umem_read(c->pid, addr + i * 4, &v, sizeof(v)) < 0) {
					net_emit_cut(e, addr + i * 4);
					break;
				}
				emit_uint(e, NULL, v);
			}
			emit_array_end(e);
		} else {
			emit_intval(c, e);
		}
		return;
	}
	if (!net_verbose(c))
		emit_ptr(e, "optval", addr);
	else if (rlen == (int)sizeof(int))
		emit_intval(c, e);
	else
		emit_strval(c, e, addr, rlen);
}

/* saved[0]: optlen at entry; saved[1]: 1 when the rest prints at exit */
CUSTOM_DECODER(getsockopt)
{
	int ulen, rlen;
	if (phase == PHASE_ENTRY) {
		sockopt_head(c, e, true);
		c->saved[1] = net_verbose(c) && c->args[4] && umem_read(c->pid, c->args[4], &ulen, sizeof(ulen)) == 0;
		if (c->saved[1]) {
			c->saved[0] = (unsigned long)(long)ulen;
			c->nprinted = 3;
			return;
		}
		emit_ptr(e, "optval", c->args[3]);
		emit_ptr(e, "optlen", c->args[4]);
		return;
	}
	if (!c->saved[1])
		return;
	ulen = (int)(long)c->saved[0];
	if (c->failed || umem_read(c->pid, c->args[4], &rlen, sizeof(rlen)) < 0) {
		emit_ptr(e, "optval", c->args[3]);
		emit_item(e, "optlen");
		sbuf_printf(emit_sb(e), "[%d]", ulen);
		return;
	}
	getsockopt_val(c, e, ulen, rlen);
	emit_lens(e, "optlen", ulen, rlen);
}
