/* SPDX-License-Identifier: MIT */
/* Netlink messages in socket buffers: an RTM_GETADDR dump request through
 * sendto (a payload shorter than struct ifaddrmsg), the NLMSG_DONE that
 * ends the dump, a request the kernel answers with NLMSG_ERROR quoting it
 * (struct ifaddrmsg in full) through recvmsg, a multi-message buffer
 * and a buffer shorter than a header; RTM_GETLINK for "lo" and the
 * kernel's answer, and a hand-made RTM_NEWLINK (ignored by the kernel: no
 * NLM_F_REQUEST) with the IFLA_* attributes strace decodes, and one of a
 * bridge port with its bridge's attributes; an RTM_GETROUTE dump of the
 * main table and the start of the kernel's first answer, and hand-made
 * RTM_NEWROUTE messages (ignored too) with the RTA_* attributes strace
 * decodes; neighbours: an RTM_GETNEIGH dump request, a single-neighbour
 * RTM_GETNEIGH the kernel answers with an error quoting it, a hand-made
 * RTM_NEWNEIGH (ignored) with the NDA_* attributes strace decodes, and the
 * RTM_GETNEIGH of family AF_BRIDGE that strace prints as a link message;
 * rules: the dump request of "ip rule" and a hand-made RTM_NEWRULE;
 * netconf: the dump request of "ip netconf" and a hand-made RTM_NEWNETCONF;
 * namespace ids: an RTM_GETNSID request with NETNSA_PID (answered with an
 * error or an id) and a hand-made RTM_NEWNSID; neighbour tables: the dump
 * request of "ip ntable" and a hand-made RTM_NEWNEIGHTBL; traffic control:
 * the dump request of "tc qdisc show" and a hand-made RTM_NEWQDISC with the
 * TCA_* attributes strace decodes (TCA_STATS2 and TCA_STAB nested).
 * Run with -e trace=%net. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "expect.h"
#include <errno.h>
/* glibc's <net/if.h> first: the kernel headers then leave out what it has */
#include <net/if.h>
#include <linux/if_arp.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/fib_rules.h>
#include <linux/gen_stats.h>
#include <linux/lwtunnel.h>
#include <linux/net_namespace.h>
#include <linux/netconf.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/xfrm.h>
#include <arpa/inet.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

/* ifi_flags as strace names them (the bits a loopback link can have) */
static const char *iff_names(unsigned f)
{
	static const struct { unsigned bit; const char *name; } names[] = {
		{ IFF_UP, "IFF_UP" }, { IFF_BROADCAST, "IFF_BROADCAST" }, { IFF_DEBUG, "IFF_DEBUG" },
		{ IFF_LOOPBACK, "IFF_LOOPBACK" }, { IFF_POINTOPOINT, "IFF_POINTOPOINT" },
		{ IFF_NOTRAILERS, "IFF_NOTRAILERS" }, { IFF_RUNNING, "IFF_RUNNING" }, { IFF_NOARP, "IFF_NOARP" },
		{ IFF_PROMISC, "IFF_PROMISC" }, { IFF_ALLMULTI, "IFF_ALLMULTI" }, { IFF_MASTER, "IFF_MASTER" },
		{ IFF_SLAVE, "IFF_SLAVE" }, { IFF_MULTICAST, "IFF_MULTICAST" }, { IFF_PORTSEL, "IFF_PORTSEL" },
		{ IFF_AUTOMEDIA, "IFF_AUTOMEDIA" }, { IFF_DYNAMIC, "IFF_DYNAMIC" }, { 0x10000, "IFF_LOWER_UP" },
		{ 0x20000, "IFF_DORMANT" }, { 0x40000, "IFF_ECHO" },
	};
	static char out[512];
	out[0] = 0;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (f & names[i].bit) {
			if (out[0])
				strcat(out, "|");
			strcat(out, names[i].name);
		}
	return out[0] ? out : "0";
}

/* appends one attribute (aligned) at *off of buf */
static void *attr(char *buf, size_t *off, unsigned short type, const void *data, size_t len)
{
	struct nlattr *a = (struct nlattr *)(buf + *off);
	a->nla_len = (unsigned short)(NLA_HDRLEN + len);
	a->nla_type = type;
	if (len)
		memcpy(buf + *off + NLA_HDRLEN, data, len);
	*off += NLA_ALIGN(a->nla_len);
	return a;
}

/* a nested attribute: starts it, and its length is set by nest_end */
/* a message built in place: its length is what was built */
static ssize_t send_built(int fd, struct nlmsghdr *mh, size_t len)
{
	mh->nlmsg_len = (unsigned)len;
	return sendto(fd, mh, len, 0, NULL, 0);
}

/* a route message of type and seq in buf (zeroed: the 16384 bytes of
 * main's buf) with its struct rtmsg: the offset of its attributes */
static size_t route_begin(char *buf, unsigned short type, unsigned seq, const struct rtmsg *hdr)
{
	memset(buf, 0, 16384);
	*(struct nlmsghdr *)buf = (struct nlmsghdr){ 0, type, 0, seq, 0 };
	memcpy(buf + NLMSG_HDRLEN, hdr, sizeof(*hdr));
	return NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(*hdr));
}

static size_t nest_start(char *buf, size_t *off, unsigned short type)
{
	size_t at = *off;
	attr(buf, off, type, NULL, 0);
	return at;
}

static void nest_end(char *buf, size_t *off, size_t at)
{
	((struct nlattr *)(buf + at))->nla_len = (unsigned short)(*off - at);
}

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

	/* RTM_GETLINK for one link, "lo", and the kernel's answer: its first
	 * attributes are the name and the queue length */
	n = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	bind(n, (struct sockaddr *)&any, sizeof(any));
	len = sizeof(nl);
	getsockname(n, (struct sockaddr *)&nl, &len);
	pid = nl.nl_pid;
	int lo = (int)if_nametoindex("lo");
	struct {
		struct nlmsghdr h;
		struct ifinfomsg i;
		struct nlattr a;
		unsigned mask;
	} gl = { { sizeof(gl), RTM_GETLINK, NLM_F_REQUEST, 12, 0 }, { AF_UNSPEC, 0, 0, lo, 0, 0 },
		 { 8, IFLA_EXT_MASK }, RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS };
	r = sendto(n, &gl, sizeof(gl), 0, NULL, 0);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=12, "
	       "nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=if_nametoindex(\"lo\"), "
	       "ifi_flags=0, ifi_change=0}, [{nla_len=8, nla_type=IFLA_EXT_MASK}, "
	       "RTEXT_FILTER_VF|RTEXT_FILTER_SKIP_STATS]], %zu, 0, NULL, 0) = %ld", n, sizeof(gl), sizeof(gl), r);
	r = recvfrom(n, buf, sizeof(buf), 0, NULL, NULL);
	struct nlmsghdr *ah = (struct nlmsghdr *)buf;
	struct ifinfomsg *ai = NLMSG_DATA(ah);
	struct nlattr *name = (struct nlattr *)((char *)ai + NLMSG_ALIGN(sizeof(*ai)));
	struct nlattr *txq = (struct nlattr *)((char *)name + NLA_ALIGN(name->nla_len));
	unsigned qlen;
	memcpy(&qlen, (char *)txq + NLA_HDRLEN, sizeof(qlen));
	if (r > 0 && ah->nlmsg_type == RTM_NEWLINK && name->nla_type == IFLA_IFNAME && txq->nla_type == IFLA_TXQLEN)
		EXPECT("recvfrom(%d, [{nlmsg_len=%u, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=12, "
		       "nlmsg_pid=%u}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_LOOPBACK, "
		       "ifi_index=if_nametoindex(\"lo\"), ifi_flags=%s, ifi_change=0}, [[{nla_len=7, "
		       "nla_type=IFLA_IFNAME}, \"lo\"], [{nla_len=8, nla_type=IFLA_TXQLEN}, %u], @@]], "
		       "%zu, 0, NULL, NULL) = %ld", n, ah->nlmsg_len, pid, iff_names(ai->ifi_flags), qlen,
		       sizeof(buf), r);
	else
		EXPECT("recvfrom: no RTM_NEWLINK for lo (%ld)", r);

	/* a hand-made link with the attributes strace decodes; the kernel
	 * ignores it (no NLM_F_REQUEST) */
	memset(buf, 0, sizeof(buf));
	struct nlmsghdr *mh = (struct nlmsghdr *)buf;
	struct ifinfomsg *mi = NLMSG_DATA(mh);
	*mh = (struct nlmsghdr){ 0, RTM_NEWLINK, 0, 13, 0 };
	*mi = (struct ifinfomsg){ AF_UNSPEC, 0, ARPHRD_ETHER, lo, IFF_UP | IFF_BROADCAST | IFF_MULTICAST, 0xffffffff };
	size_t off = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(*mi)), nest, inner;
	unsigned mtu = 1500, mask = RTEXT_FILTER_VF, stats[24] = { 7, 5 };
	unsigned char oper = 6, mac[6] = { 2, 0, 0, 0, 0, 1 }, none = XDP_ATTACHED_NONE, gen = 0;
	int conf[2] = { 1, 0 };
	unsigned ready = 0x80000000, unknown = 0x04030201;
	struct rtnl_link_ifmap map = { .mem_start = 0x1000, .irq = 9, .dma = 1, .port = 2 };
	attr(buf, &off, IFLA_IFNAME, "tt0", 4);
	attr(buf, &off, IFLA_MTU, &mtu, sizeof(mtu));
	attr(buf, &off, IFLA_OPERSTATE, &oper, 1);
	attr(buf, &off, IFLA_ADDRESS, mac, sizeof(mac));
	attr(buf, &off, IFLA_STATS, stats, sizeof(stats));
	attr(buf, &off, IFLA_MAP, &map, sizeof(map));
	nest = nest_start(buf, &off, IFLA_LINKINFO);
	attr(buf, &off, IFLA_INFO_KIND, "veth", 5);
	nest_end(buf, &off, nest);
	nest = nest_start(buf, &off, IFLA_XDP);
	attr(buf, &off, IFLA_XDP_ATTACHED, &none, 1);
	nest_end(buf, &off, nest);
	nest = nest_start(buf, &off, IFLA_AF_SPEC);
	inner = nest_start(buf, &off, AF_INET);
	attr(buf, &off, IFLA_INET_CONF, conf, sizeof(conf));
	nest_end(buf, &off, inner);
	inner = nest_start(buf, &off, AF_INET6);
	attr(buf, &off, IFLA_INET6_FLAGS, &ready, sizeof(ready));
	attr(buf, &off, IFLA_INET6_ADDR_GEN_MODE, &gen, 1);
	nest_end(buf, &off, inner);
	nest_end(buf, &off, nest);
	nest = nest_start(buf, &off, IFLA_PROP_LIST | NLA_F_NESTED);
	attr(buf, &off, IFLA_ALT_IFNAME, "alt", 4);
	nest_end(buf, &off, nest);
	attr(buf, &off, IFLA_EXT_MASK, &mask, sizeof(mask));
	attr(buf, &off, 0x3e, &unknown, sizeof(unknown));
	/* the last one says it is longer than the message */
	((struct nlattr *)attr(buf, &off, IFLA_GROUP, NULL, 0))->nla_len = 12;
	r = send_built(n, mh, off);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=13, nlmsg_pid=0}, "
	       "{ifi_family=AF_UNSPEC, ifi_type=ARPHRD_ETHER, ifi_index=if_nametoindex(\"lo\"), "
	       "ifi_flags=IFF_UP|IFF_BROADCAST|IFF_MULTICAST, ifi_change=0xffffffff}, "
	       "[[{nla_len=8, nla_type=IFLA_IFNAME}, \"tt0\"], [{nla_len=8, nla_type=IFLA_MTU}, 1500], "
	       "[{nla_len=5, nla_type=IFLA_OPERSTATE}, 6], [{nla_len=10, nla_type=IFLA_ADDRESS}, 02:00:00:00:00:01], "
	       "[{nla_len=100, nla_type=IFLA_STATS}, {rx_packets=7, tx_packets=5, rx_bytes=0, tx_bytes=0, "
	       "rx_errors=0, tx_errors=0, rx_dropped=0, tx_dropped=0, multicast=0, collisions=0, "
	       "rx_length_errors=0, rx_over_errors=0, rx_crc_errors=0, rx_frame_errors=0, rx_fifo_errors=0, "
	       "rx_missed_errors=0, tx_aborted_errors=0, tx_carrier_errors=0, tx_fifo_errors=0, "
	       "tx_heartbeat_errors=0, tx_window_errors=0, rx_compressed=0, tx_compressed=0, rx_nohandler=0}], "
	       "[{nla_len=36, nla_type=IFLA_MAP}, {mem_start=0x1000, mem_end=0, base_addr=0, irq=9, dma=1, "
	       "port=2}], [{nla_len=16, nla_type=IFLA_LINKINFO}, [{nla_len=9, nla_type=IFLA_INFO_KIND}, "
	       "\"veth\"]], [{nla_len=12, nla_type=IFLA_XDP}, [{nla_len=5, nla_type=IFLA_XDP_ATTACHED}, "
	       "XDP_ATTACHED_NONE]], [{nla_len=40, nla_type=IFLA_AF_SPEC}, [[{nla_len=16, nla_type=AF_INET}, "
	       "[{nla_len=12, nla_type=IFLA_INET_CONF}, [[IPV4_DEVCONF_FORWARDING-1]=1, "
	       "[IPV4_DEVCONF_MC_FORWARDING-1]=0]]], [{nla_len=20, nla_type=AF_INET6}, [[{nla_len=8, "
	       "nla_type=IFLA_INET6_FLAGS}, IF_READY], [{nla_len=5, nla_type=IFLA_INET6_ADDR_GEN_MODE}, "
	       "IN6_ADDR_GEN_MODE_EUI64]]]]], [{nla_len=12, nla_type=NLA_F_NESTED|IFLA_PROP_LIST}, "
	       "[{nla_len=8, nla_type=IFLA_ALT_IFNAME}, \"alt\"]], [{nla_len=8, nla_type=IFLA_EXT_MASK}, "
	       "RTEXT_FILTER_VF], [{nla_len=8, nla_type=0x3e /* IFLA_??? */}, \"\\x01\\x02\\x03\\x04\"], "
	       "{nla_len=12, nla_type=IFLA_GROUP}]], %zu, 0, NULL, 0) = %ld", n, off, off, r);

	/* a bridge port (AF_BRIDGE) with its bridge's data: the attributes of
	 * src/structs/netlink_bridge.c */
	memset(buf, 0, sizeof(buf));
	*mh = (struct nlmsghdr){ 0, RTM_NEWLINK, 0, 14, 0 };
	*mi = (struct ifinfomsg){ AF_BRIDGE, 0, ARPHRD_ETHER, lo, 0, 0 };
	off = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(*mi));
	unsigned char state = 3;
	unsigned short prio = 32, brflags = BRIDGE_FLAGS_MASTER;
	unsigned long long age = 261, hello = 0;
	unsigned delay = 1500;
	struct bridge_vlan_info vi = { BRIDGE_VLAN_INFO_PVID | BRIDGE_VLAN_INFO_UNTAGGED, 1 };
	struct ifla_bridge_id id = { { 128, 0 }, { 2, 0, 0, 0, 0, 1 } };
	nest = nest_start(buf, &off, IFLA_PROTINFO | NLA_F_NESTED);
	attr(buf, &off, IFLA_BRPORT_STATE, &state, 1);
	attr(buf, &off, IFLA_BRPORT_PRIORITY, &prio, sizeof(prio));
	attr(buf, &off, IFLA_BRPORT_MESSAGE_AGE_TIMER, &age, sizeof(age));
	attr(buf, &off, IFLA_BRPORT_HOLD_TIMER, &hello, sizeof(hello));
	nest_end(buf, &off, nest);
	nest = nest_start(buf, &off, IFLA_AF_SPEC);
	attr(buf, &off, IFLA_BRIDGE_FLAGS, &brflags, sizeof(brflags));
	attr(buf, &off, IFLA_BRIDGE_VLAN_INFO, &vi, sizeof(vi));
	nest_end(buf, &off, nest);
	nest = nest_start(buf, &off, IFLA_LINKINFO);
	attr(buf, &off, IFLA_INFO_KIND, "bridge", 7);
	inner = nest_start(buf, &off, IFLA_INFO_DATA);
	attr(buf, &off, IFLA_BR_FORWARD_DELAY, &delay, sizeof(delay));
	attr(buf, &off, IFLA_BR_ROOT_ID, &id, sizeof(id));
	nest_end(buf, &off, inner);
	nest_end(buf, &off, nest);
	r = send_built(n, mh, off);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=14, nlmsg_pid=0}, "
	       "{ifi_family=AF_BRIDGE, ifi_type=ARPHRD_ETHER, ifi_index=if_nametoindex(\"lo\"), ifi_flags=0, "
	       "ifi_change=0}, [[{nla_len=44, nla_type=NLA_F_NESTED|IFLA_PROTINFO}, [[{nla_len=5, "
	       "nla_type=IFLA_BRPORT_STATE}, 3], [{nla_len=6, nla_type=IFLA_BRPORT_PRIORITY}, 32], [{nla_len=12, "
	       "nla_type=IFLA_BRPORT_MESSAGE_AGE_TIMER}, 261 /* 2.61 s */], [{nla_len=12, "
	       "nla_type=IFLA_BRPORT_HOLD_TIMER}, 0]]], [{nla_len=20, nla_type=IFLA_AF_SPEC}, [[{nla_len=6, "
	       "nla_type=IFLA_BRIDGE_FLAGS}, BRIDGE_FLAGS_MASTER], [{nla_len=8, nla_type=IFLA_BRIDGE_VLAN_INFO}, "
	       "{flags=BRIDGE_VLAN_INFO_PVID|BRIDGE_VLAN_INFO_UNTAGGED, vid=1}]]], [{nla_len=40, "
	       "nla_type=IFLA_LINKINFO}, [[{nla_len=11, nla_type=IFLA_INFO_KIND}, \"bridge\"], [{nla_len=24, "
	       "nla_type=IFLA_INFO_DATA}, [[{nla_len=8, nla_type=IFLA_BR_FORWARD_DELAY}, 1500 /* 15.00 s */], "
	       "[{nla_len=12, nla_type=IFLA_BR_ROOT_ID}, {prio=[128, 0], addr=02:00:00:00:00:01}]]]]]]], "
	       "%zu, 0, NULL, 0) = %ld", n, off, off, r);
	/* the IPv4 routes of the main table: the kernel filters the dump by
	 * the table (strict checking), so its first answer, if any, is a
	 * route of the main table; what route it is depends on the machine */
	int strict = 1;
	setsockopt(n, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &strict, sizeof(strict));
	struct {
		struct nlmsghdr h;
		struct rtmsg m;
		struct nlattr a;
		unsigned table;
	} gr = { { sizeof(gr), RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, 15, 0 }, { .rtm_family = AF_INET },
		 { 8, RTA_TABLE }, RT_TABLE_MAIN };
	r = sendto(n, &gr, sizeof(gr), 0, NULL, 0);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_GETROUTE, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, "
	       "nlmsg_seq=15, nlmsg_pid=0}, {rtm_family=AF_INET, rtm_dst_len=0, rtm_src_len=0, rtm_tos=0, "
	       "rtm_table=RT_TABLE_UNSPEC, rtm_protocol=RTPROT_UNSPEC, rtm_scope=RT_SCOPE_UNIVERSE, "
	       "rtm_type=RTN_UNSPEC, rtm_flags=0}, [{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_MAIN]], %zu, 0, "
	       "NULL, 0) = %ld", n, sizeof(gr), sizeof(gr), r);
	for (bool first = true;; first = false) {
		r = recvfrom(n, buf, sizeof(buf), 0, NULL, NULL);
		if (r <= 0)
			break;
		struct nlmsghdr *rh = (struct nlmsghdr *)buf;
		struct rtmsg *rm = NLMSG_DATA(rh);
		if (first && rh->nlmsg_type == RTM_NEWROUTE)
			EXPECT("recvfrom(%d, @@{nlmsg_len=%u, nlmsg_type=RTM_NEWROUTE, "
			       "nlmsg_flags=NLM_F_MULTI|NLM_F_DUMP_FILTERED, nlmsg_seq=15, nlmsg_pid=%u}, "
			       "{rtm_family=AF_INET, rtm_dst_len=%u, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN, "
			       "@@, %zu, 0, NULL, NULL) = %ld", n, rh->nlmsg_len, pid, rm->rtm_dst_len, sizeof(buf), r);
		else if (first)
			EXPECT("recvfrom(%d, [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI|NLM_F_DUMP_FILTERED, "
			       "nlmsg_seq=15, nlmsg_pid=%u}, @@], %zu, 0, NULL, NULL) = %ld", n, pid, sizeof(buf), r);
		/* the dump ends with NLMSG_DONE, maybe after routes in the same buffer */
		bool done = false;
		for (int left = (int)r; NLMSG_OK(rh, left); rh = NLMSG_NEXT(rh, left))
			done = done || rh->nlmsg_type == NLMSG_DONE || rh->nlmsg_type == NLMSG_ERROR;
		if (done)
			break;
	}

	/* a hand-made IPv4 route with the attributes strace decodes */
	struct rtmsg r4 = { AF_INET, 24, 0, 0, RT_TABLE_MAIN, RTPROT_STATIC, RT_SCOPE_UNIVERSE, RTN_UNICAST,
			    RTM_F_NOTIFY };
	off = route_begin(buf, RTM_NEWROUTE, 16, &r4);
	unsigned table = RT_TABLE_MAIN, metric = 100, rmtu = 1400, uid = 1000, mark = 0x10;
	struct in_addr dst = { htonl(0xc0000200) }, gw = { htonl(0xc0000201) };
	uint16_t encap = LWTUNNEL_ENCAP_MPLS;
	uint64_t expires = 300;
	unsigned char pref = 0;
	struct rta_cacheinfo ci = { .rta_clntref = 1, .rta_lastuse = 2, .rta_id = 10 };
	attr(buf, &off, RTA_TABLE, &table, sizeof(table));
	attr(buf, &off, RTA_DST, &dst, sizeof(dst));
	attr(buf, &off, RTA_GATEWAY, &gw, sizeof(gw));
	attr(buf, &off, RTA_OIF, &lo, sizeof(lo));
	attr(buf, &off, RTA_PRIORITY, &metric, sizeof(metric));
	nest = nest_start(buf, &off, RTA_METRICS);
	attr(buf, &off, RTAX_MTU, &rmtu, sizeof(rmtu));
	attr(buf, &off, RTAX_CC_ALGO, "cubic", 6);
	nest_end(buf, &off, nest);
	attr(buf, &off, RTA_CACHEINFO, &ci, sizeof(ci));
	attr(buf, &off, RTA_PREF, &pref, sizeof(pref));
	attr(buf, &off, RTA_ENCAP_TYPE, &encap, sizeof(encap));
	attr(buf, &off, RTA_EXPIRES, &expires, sizeof(expires));
	attr(buf, &off, RTA_UID, &uid, sizeof(uid));
	attr(buf, &off, RTA_MARK, &mark, sizeof(mark));
	/* an address shorter than the family's is hex */
	attr(buf, &off, RTA_PREFSRC, &dst, 2);
	r = send_built(n, mh, off);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=0, nlmsg_seq=16, nlmsg_pid=0}, "
	       "{rtm_family=AF_INET, rtm_dst_len=24, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN, "
	       "rtm_protocol=RTPROT_STATIC, rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNICAST, "
	       "rtm_flags=RTM_F_NOTIFY}, [[{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_MAIN], [{nla_len=8, "
	       "nla_type=RTA_DST}, inet_addr(\"192.0.2.0\")], [{nla_len=8, nla_type=RTA_GATEWAY}, "
	       "inet_addr(\"192.0.2.1\")], [{nla_len=8, nla_type=RTA_OIF}, if_nametoindex(\"lo\")], "
	       "[{nla_len=8, nla_type=RTA_PRIORITY}, 100], [{nla_len=24, nla_type=RTA_METRICS}, [[{nla_len=8, "
	       "nla_type=RTAX_MTU}, 1400], [{nla_len=10, nla_type=RTAX_CC_ALGO}, \"cubic\"]]], [{nla_len=36, "
	       "nla_type=RTA_CACHEINFO}, {rta_clntref=1, rta_lastuse=2, rta_expires=0, rta_error=0, rta_used=0, "
	       "rta_id=0xa, rta_ts=0, rta_tsage=0}], [{nla_len=5, nla_type=RTA_PREF}, 0], [{nla_len=6, "
	       "nla_type=RTA_ENCAP_TYPE}, LWTUNNEL_ENCAP_MPLS], [{nla_len=12, nla_type=RTA_EXPIRES}, 300], "
	       "[{nla_len=8, nla_type=RTA_UID}, 1000], [{nla_len=8, nla_type=RTA_MARK}, 16], [{nla_len=6, "
	       "nla_type=RTA_PREFSRC}, \"\\xc0\\x00\"]]], %zu, 0, NULL, 0) = %ld", n, off, off, r);

	/* an IPv6 route: its addresses are IPv6 ones; unknown values */
	struct rtmsg r6 = { AF_INET6, 64, 0, 0x10, 100, 0xff, 7, 0xf, RTM_F_CLONED | 0x80000000 };
	off = route_begin(buf, RTM_DELROUTE, 17, &r6);
	struct in6_addr dst6 = { { { 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 } } };
	attr(buf, &off, RTA_DST, &dst6, sizeof(dst6));
	attr(buf, &off, RTA_IIF, &lo, sizeof(lo));
	attr(buf, &off, RTA_TABLE, &metric, sizeof(metric));
	attr(buf, &off, RTA_NH_ID, &metric, sizeof(metric));
	r = send_built(n, mh, off);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_DELROUTE, nlmsg_flags=0, nlmsg_seq=17, nlmsg_pid=0}, "
	       "{rtm_family=AF_INET6, rtm_dst_len=64, rtm_src_len=0, rtm_tos=IPTOS_LOWDELAY, rtm_table=0x64, "
	       "rtm_protocol=0xff /* RTPROT_??? */, rtm_scope=0x7, rtm_type=0xf /* RTN_??? */, "
	       "rtm_flags=RTM_F_CLONED|0x80000000}, [[{nla_len=20, nla_type=RTA_DST}, inet_pton(AF_INET6, "
	       "\"fd00::\")], [{nla_len=8, nla_type=RTA_IIF}, if_nametoindex(\"lo\")], [{nla_len=8, "
	       "nla_type=RTA_TABLE}, 0x64], [{nla_len=8, nla_type=RTA_NH_ID}, \"\\x64\\x00\\x00\\x00\"]]], %zu, 0, "
	       "NULL, 0) = %ld", n, off, off, r);

	/* neighbours: the dump request of "ip neigh" (its answers depend on
	 * the machine: read to the end, unchecked) */
	struct {
		struct nlmsghdr h;
		struct ndmsg nd;
	} gn = { { sizeof(gn), RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP, 18, 0 }, { .ndm_family = AF_UNSPEC } };
	r = sendto(n, &gn, sizeof(gn), 0, NULL, 0);
	EXPECT("sendto(%d, [{nlmsg_len=28, nlmsg_type=RTM_GETNEIGH, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, "
	       "nlmsg_seq=18, nlmsg_pid=0}, {ndm_family=AF_UNSPEC, ndm_ifindex=0, ndm_state=NUD_NONE, ndm_flags=0, "
	       "ndm_type=RTN_UNSPEC}], 28, 0, NULL, 0) = %ld", n, r);
	for (;;) {
		r = recvfrom(n, buf, sizeof(buf), 0, NULL, NULL);
		if (r <= 0)
			break;
		bool done = false;
		int left = (int)r;
		for (struct nlmsghdr *nh = (struct nlmsghdr *)buf; NLMSG_OK(nh, left); nh = NLMSG_NEXT(nh, left))
			done = done || nh->nlmsg_type == NLMSG_DONE || nh->nlmsg_type == NLMSG_ERROR;
		if (done)
			break;
	}
	/* one neighbour that is not there: the kernel's error quotes the
	 * request, with its attribute */
	struct {
		struct nlmsghdr h;
		struct ndmsg nd;
		struct nlattr a;
		struct in_addr dst;
	} g1 = { { sizeof(g1), RTM_GETNEIGH, NLM_F_REQUEST, 19, 0 }, { AF_INET, 0, 0, lo, 0, 0, 0 },
		 { 8, NDA_DST }, { htonl(0xc0000263) } };
	r = sendto(n, &g1, sizeof(g1), 0, NULL, 0);
	const char *g1_line = "{nlmsg_len=36, nlmsg_type=RTM_GETNEIGH, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=19, "
			      "nlmsg_pid=0}, {ndm_family=AF_INET, ndm_ifindex=if_nametoindex(\"lo\"), ndm_state=NUD_NONE, "
			      "ndm_flags=0, ndm_type=RTN_UNSPEC}, [{nla_len=8, nla_type=NDA_DST}, inet_addr(\"192.0.2.99\")]";
	EXPECT("sendto(%d, [%s], 36, 0, NULL, 0) = %ld", n, g1_line, r);
	r = recvfrom(n, buf, sizeof(buf), 0, NULL, NULL);
	err = NLMSG_DATA((struct nlmsghdr *)buf);
	if (r > 0 && ((struct nlmsghdr *)buf)->nlmsg_type == NLMSG_ERROR && err->error == -ENOENT)
		EXPECT("recvfrom(%d, [{nlmsg_len=%ld, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq=19, "
		       "nlmsg_pid=%u}, {error=-ENOENT, msg=[%s]}], %zu, 0, NULL, NULL) = %ld", n, r, pid, g1_line,
		       sizeof(buf), r);
	else
		EXPECT("recvfrom: no -ENOENT for 192.0.2.99 (%ld)", r);

	/* a hand-made neighbour with the attributes strace decodes (ignored:
	 * no NLM_F_REQUEST) */
	memset(buf, 0, sizeof(buf));
	*mh = (struct nlmsghdr){ 0, RTM_NEWNEIGH, 0, 20, 0 };
	struct ndmsg *nd = NLMSG_DATA(mh);
	*nd = (struct ndmsg){ AF_INET6, 0, 0, lo, NUD_REACHABLE | NUD_PERMANENT, NTF_SELF | NTF_ROUTER, RTN_UNICAST };
	off = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(*nd));
	struct in6_addr nd6 = { { { 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9 } } };
	unsigned char ll[6] = { 0, 0x11, 0x22, 0x33, 0x44, 0x55 }, proto = IPPROTO_TCP;
	struct nda_cacheinfo nci = { 1, 2, 3, 0 };
	unsigned probes = 3, vni = 42, fext = NTF_EXT_MANAGED;
	unsigned short vlan = 10, port = htons(4789), smask = NUD_STALE;
	attr(buf, &off, NDA_DST, &nd6, sizeof(nd6));
	attr(buf, &off, NDA_LLADDR, ll, sizeof(ll));
	attr(buf, &off, NDA_CACHEINFO, &nci, sizeof(nci));
	attr(buf, &off, NDA_PROBES, &probes, sizeof(probes));
	attr(buf, &off, NDA_VLAN, &vlan, sizeof(vlan));
	attr(buf, &off, NDA_PORT, &port, sizeof(port));
	attr(buf, &off, NDA_VNI, &vni, sizeof(vni));
	attr(buf, &off, NDA_MASTER, &lo, sizeof(lo));
	attr(buf, &off, NDA_PROTOCOL, &proto, sizeof(proto));
	attr(buf, &off, NDA_FLAGS_EXT, &fext, sizeof(fext));
	attr(buf, &off, NDA_NDM_STATE_MASK, &smask, sizeof(smask));
	nest = nest_start(buf, &off, NDA_FDB_EXT_ATTRS);
	attr(buf, &off, NFEA_DONT_REFRESH, NULL, 0);
	nest_end(buf, &off, nest);
	/* a cache info too short is hex */
	attr(buf, &off, NDA_CACHEINFO, &nci, 8);
	r = send_built(n, mh, off);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_NEWNEIGH, nlmsg_flags=0, nlmsg_seq=20, nlmsg_pid=0}, "
	       "{ndm_family=AF_INET6, ndm_ifindex=if_nametoindex(\"lo\"), ndm_state=NUD_REACHABLE|NUD_PERMANENT, "
	       "ndm_flags=NTF_SELF|NTF_ROUTER, ndm_type=RTN_UNICAST}, [[{nla_len=20, nla_type=NDA_DST}, "
	       "inet_pton(AF_INET6, \"fd00::9\")], [{nla_len=10, nla_type=NDA_LLADDR}, 00:11:22:33:44:55], "
	       "[{nla_len=20, nla_type=NDA_CACHEINFO}, {ndm_confirmed=1, ndm_used=2, ndm_updated=3, ndm_refcnt=0}], "
	       "[{nla_len=8, nla_type=NDA_PROBES}, 3], [{nla_len=6, nla_type=NDA_VLAN}, 10], [{nla_len=6, "
	       "nla_type=NDA_PORT}, htons(4789)], [{nla_len=8, nla_type=NDA_VNI}, 42], [{nla_len=8, "
	       "nla_type=NDA_MASTER}, if_nametoindex(\"lo\")], [{nla_len=5, nla_type=NDA_PROTOCOL}, IPPROTO_TCP], "
	       "[{nla_len=8, nla_type=NDA_FLAGS_EXT}, NTF_EXT_MANAGED], [{nla_len=6, nla_type=NDA_NDM_STATE_MASK}, "
	       "NUD_STALE], [{nla_len=8, nla_type=NDA_FDB_EXT_ATTRS}, {nla_len=4, nla_type=NFEA_DONT_REFRESH}], "
	       "[{nla_len=12, nla_type=NDA_CACHEINFO}, \"\\x01\\x00\\x00\\x00\\x02\\x00\\x00\\x00\"]]], "
	       "%zu, 0, NULL, 0) = %ld", n, off, off, r);

	/* the fdb dump request of "bridge fdb": a struct ifinfomsg, shown as
	 * a link message, its family only when it is short */
	struct {
		struct nlmsghdr h;
		struct ifinfomsg i;
	} fdb = { { sizeof(fdb), RTM_GETNEIGH, 0, 21, 0 }, { AF_BRIDGE, 0, ARPHRD_ETHER, lo, 0, 0 } };
	r = sendto(n, &fdb, sizeof(fdb), 0, NULL, 0);
	EXPECT("sendto(%d, [{nlmsg_len=32, nlmsg_type=RTM_GETNEIGH, nlmsg_flags=0, nlmsg_seq=21, nlmsg_pid=0}, "
	       "{ifi_family=AF_BRIDGE, ifi_type=ARPHRD_ETHER, ifi_index=if_nametoindex(\"lo\"), ifi_flags=0, "
	       "ifi_change=0}], 32, 0, NULL, 0) = %ld", n, r);
	fdb.h.nlmsg_len = NLMSG_HDRLEN + 4;
	r = sendto(n, &fdb, NLMSG_HDRLEN + 4, 0, NULL, 0);
	EXPECT("sendto(%d, [{nlmsg_len=20, nlmsg_type=RTM_GETNEIGH, nlmsg_flags=0, nlmsg_seq=21, nlmsg_pid=0}, "
	       "{ifi_family=AF_BRIDGE, ...}], 20, 0, NULL, 0) = %ld", n, r);

	/* rules: the dump request of "ip rule", and a hand-made rule
	 * (ignored: no NLM_F_REQUEST) */
	struct {
		struct nlmsghdr h;
		struct fib_rule_hdr f;
	} gru = { { sizeof(gru), RTM_GETRULE, NLM_F_REQUEST | NLM_F_DUMP, 22, 0 }, { .family = AF_INET } };
	r = sendto(n, &gru, sizeof(gru), MSG_DONTWAIT, NULL, 0);
	EXPECT("sendto(%d, [{nlmsg_len=28, nlmsg_type=RTM_GETRULE, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, "
	       "nlmsg_seq=22, nlmsg_pid=0}, {family=AF_INET, dst_len=0, src_len=0, tos=0, table=RT_TABLE_UNSPEC, "
	       "action=FR_ACT_UNSPEC, flags=0}], 28, MSG_DONTWAIT, NULL, 0) = %ld", n, r);
	memset(buf, 0, sizeof(buf));
	*mh = (struct nlmsghdr){ 0, RTM_NEWRULE, 0, 23, 0 };
	struct fib_rule_hdr *fr = NLMSG_DATA(mh);
	*fr = (struct fib_rule_hdr){ AF_INET, 24, 0, 0, 100, 0, 0, FR_ACT_TO_TBL, FIB_RULE_INVERT };
	off = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(*fr));
	struct fib_rule_uid_range ur = { 1000, 2000 };
	struct fib_rule_port_range pr = { 80, 90 };
	unsigned rprio = 100, rtable = 100;
	unsigned char rproto = RTPROT_STATIC;
	uint64_t tun = 0;
	attr(buf, &off, FRA_DST, &dst, sizeof(dst));
	attr(buf, &off, FRA_IIFNAME, "lo", 3);
	attr(buf, &off, FRA_PRIORITY, &rprio, sizeof(rprio));
	attr(buf, &off, FRA_TABLE, &rtable, sizeof(rtable));
	attr(buf, &off, FRA_TUN_ID, &tun, sizeof(tun));
	attr(buf, &off, FRA_UID_RANGE, &ur, sizeof(ur));
	attr(buf, &off, FRA_PROTOCOL, &rproto, sizeof(rproto));
	attr(buf, &off, FRA_IP_PROTO, &proto, sizeof(proto));
	attr(buf, &off, FRA_SPORT_RANGE, &pr, sizeof(pr));
	r = send_built(n, mh, off);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_NEWRULE, nlmsg_flags=0, nlmsg_seq=23, nlmsg_pid=0}, "
	       "{family=AF_INET, dst_len=24, src_len=0, tos=0, table=0x64 /* RT_TABLE_??? */, "
	       "action=FR_ACT_TO_TBL, flags=FIB_RULE_INVERT}, [[{nla_len=8, nla_type=FRA_DST}, "
	       "inet_addr(\"192.0.2.0\")], [{nla_len=7, nla_type=FRA_IIFNAME}, \"lo\"], [{nla_len=8, "
	       "nla_type=FRA_PRIORITY}, 100], [{nla_len=8, nla_type=FRA_TABLE}, 0x64], [{nla_len=12, "
	       "nla_type=FRA_TUN_ID}, htobe64(0)], [{nla_len=12, nla_type=FRA_UID_RANGE}, {start=1000, end=2000}], "
	       "[{nla_len=5, nla_type=FRA_PROTOCOL}, RTPROT_STATIC], [{nla_len=5, nla_type=FRA_IP_PROTO}, "
	       "IPPROTO_TCP], [{nla_len=8, nla_type=FRA_SPORT_RANGE}, {start=80, end=90}]]], %zu, 0, NULL, 0) = %ld",
	       n, off, off, r);

	/* netconf: the dump request of "ip netconf" (its answers: not checked,
	 * they depend on the machine), and a hand-made one (ignored) */
	struct {
		struct nlmsghdr h;
		struct netconfmsg m;
		char pad[3];
	} gnc = { { 20, RTM_GETNETCONF, NLM_F_REQUEST | NLM_F_DUMP, 24, 0 }, { AF_UNSPEC }, { 0 } };
	r = sendto(n, &gnc, sizeof(gnc), MSG_DONTWAIT, NULL, 0);
	EXPECT("sendto(%d, [{nlmsg_len=20, nlmsg_type=RTM_GETNETCONF, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, "
	       "nlmsg_seq=24, nlmsg_pid=0}, {ncm_family=AF_UNSPEC}], 20, MSG_DONTWAIT, NULL, 0) = %ld", n, r);
	memset(buf, 0, sizeof(buf));
	*mh = (struct nlmsghdr){ 0, RTM_NEWNETCONF, 0, 25, 0 };
	*(unsigned char *)NLMSG_DATA(mh) = AF_INET6;
	off = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct netconfmsg));
	int ncval = -1, ncall = NETCONFA_IFINDEX_ALL, ncone = 1;
	unsigned ncidx = 1;
	attr(buf, &off, NETCONFA_IFINDEX, &ncidx, sizeof(ncidx));
	attr(buf, &off, NETCONFA_IFINDEX, &ncall, sizeof(ncall));
	attr(buf, &off, NETCONFA_FORWARDING, &ncval, sizeof(ncval));
	attr(buf, &off, NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN, &ncone, sizeof(ncone));
	attr(buf, &off, NETCONFA_BC_FORWARDING, &ncone, 2);
	r = send_built(n, mh, off);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_NEWNETCONF, nlmsg_flags=0, nlmsg_seq=25, nlmsg_pid=0}, "
	       "{ncm_family=AF_INET6}, [[{nla_len=8, nla_type=NETCONFA_IFINDEX}, if_nametoindex(\"lo\")], "
	       "[{nla_len=8, nla_type=NETCONFA_IFINDEX}, 4294967295], [{nla_len=8, nla_type=NETCONFA_FORWARDING}, -1], "
	       "[{nla_len=8, nla_type=NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN}, 1], [{nla_len=6, "
	       "nla_type=NETCONFA_BC_FORWARDING}, \"\\x01\\x00\"]]], %zu, 0, NULL, 0) = %ld", n, off, off, r);

	/* namespace ids: the request of "ip netns identify"-like tools for the
	 * id of this process's namespace, and a hand-made answer (ignored) */
	memset(buf, 0, sizeof(buf));
	*mh = (struct nlmsghdr){ 0, RTM_GETNSID, NLM_F_REQUEST, 26, 0 };
	off = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct rtgenmsg));
	unsigned nspid = (unsigned)getpid();
	attr(buf, &off, NETNSA_PID, &nspid, sizeof(nspid));
	r = send_built(n, mh, off);
	EXPECT("sendto(%d, [{nlmsg_len=28, nlmsg_type=RTM_GETNSID, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=26, "
	       "nlmsg_pid=0}, {rtgen_family=AF_UNSPEC}, [{nla_len=8, nla_type=NETNSA_PID}, %u]], 28, 0, NULL, 0) = %ld",
	       n, nspid, r);
	memset(buf, 0, sizeof(buf));
	*mh = (struct nlmsghdr){ 0, RTM_NEWNSID, 0, 27, 0 };
	off = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct rtgenmsg));
	int nsid = NETNSA_NSID_NOT_ASSIGNED, nsfd = -1;
	attr(buf, &off, NETNSA_NSID, &nsid, sizeof(nsid));
	attr(buf, &off, NETNSA_FD, &nsfd, sizeof(nsfd));
	attr(buf, &off, NETNSA_CURRENT_NSID, &ncone, sizeof(ncone));
	attr(buf, &off, 6, &ncone, sizeof(ncone));
	r = send_built(n, mh, off);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_NEWNSID, nlmsg_flags=0, nlmsg_seq=27, nlmsg_pid=0}, "
	       "{rtgen_family=AF_UNSPEC}, [[{nla_len=8, nla_type=NETNSA_NSID}, -1], [{nla_len=8, nla_type=NETNSA_FD}, "
	       "-1], [{nla_len=8, nla_type=NETNSA_CURRENT_NSID}, 1], [{nla_len=8, nla_type=0x6 /* NETNSA_??? */}, "
	       "\"\\x01\\x00\\x00\\x00\"]]], %zu, 0, NULL, 0) = %ld", n, off, off, r);

	/* neighbour tables: the dump request of "ip ntable" (its answers: not
	 * checked, they change by the second), and a hand-made one (ignored) */
	struct {
		struct nlmsghdr h;
		struct ndtmsg m;
	} gnt = { { sizeof(gnt), RTM_GETNEIGHTBL, NLM_F_REQUEST | NLM_F_DUMP, 28, 0 }, { AF_UNSPEC, 0, 0 } };
	r = sendto(n, &gnt, sizeof(gnt), MSG_DONTWAIT, NULL, 0);
	EXPECT("sendto(%d, [{nlmsg_len=20, nlmsg_type=RTM_GETNEIGHTBL, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, "
	       "nlmsg_seq=28, nlmsg_pid=0}, {ndtm_family=AF_UNSPEC}], 20, MSG_DONTWAIT, NULL, 0) = %ld", n, r);
	memset(buf, 0, sizeof(buf));
	*mh = (struct nlmsghdr){ 0, RTM_NEWNEIGHTBL, 0, 29, 0 };
	*(unsigned char *)NLMSG_DATA(mh) = AF_INET;
	off = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct ndtmsg));
	struct ndt_config ndtc = { 4, 336, 2, 100, 200, 300, 7, 0, 9 };
	struct ndt_stats ndts;
	memset(&ndts, 0, sizeof(ndts));
	ndts.ndts_allocs = 25;
	ndts.ndts_table_fulls = 3;
	uint64_t gc = 30000;
	unsigned thresh = 128;
	attr(buf, &off, NDTA_NAME, "arp_cache", 10);
	attr(buf, &off, NDTA_GC_INTERVAL, &gc, sizeof(gc));
	attr(buf, &off, NDTA_THRESH1, &thresh, sizeof(thresh));
	attr(buf, &off, NDTA_CONFIG, &ndtc, sizeof(ndtc));
	ndtc.ndtc_hash_mask = 0;
	attr(buf, &off, NDTA_CONFIG, &ndtc, sizeof(ndtc));
	attr(buf, &off, NDTA_STATS, &ndts, sizeof(ndts));
	attr(buf, &off, NDTA_STATS, &ndts, sizeof(ndts) - 8);
	size_t parms = nest_start(buf, &off, NDTA_PARMS);
	attr(buf, &off, NDTPA_IFINDEX, &ncidx, sizeof(ncidx));
	attr(buf, &off, NDTPA_REFCNT, &ncidx, sizeof(ncidx));
	attr(buf, &off, NDTPA_REACHABLE_TIME, &gc, sizeof(gc));
	attr(buf, &off, NDTPA_LOCKTIME, &thresh, sizeof(thresh));
	nest_end(buf, &off, parms);
	r = send_built(n, mh, off);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_NEWNEIGHTBL, nlmsg_flags=0, nlmsg_seq=29, nlmsg_pid=0}, "
	       "{ndtm_family=AF_INET}, [[{nla_len=14, nla_type=NDTA_NAME}, \"arp_cache\"], [{nla_len=12, "
	       "nla_type=NDTA_GC_INTERVAL}, 30000], [{nla_len=8, nla_type=NDTA_THRESH1}, 128], [{nla_len=36, "
	       "nla_type=NDTA_CONFIG}, {ndtc_key_len=4, ndtc_entry_size=336, ndtc_entries=2, ndtc_last_flush=100, "
	       "ndtc_last_rand=200, ndtc_hash_rnd=300, ndtc_hash_mask=0x000007, ndtc_hash_chain_gc=0, "
	       "ndtc_proxy_qlen=9}], [{nla_len=36, nla_type=NDTA_CONFIG}, {ndtc_key_len=4, ndtc_entry_size=336, "
	       "ndtc_entries=2, ndtc_last_flush=100, ndtc_last_rand=200, ndtc_hash_rnd=300, ndtc_hash_mask=00000000, "
	       "ndtc_hash_chain_gc=0, ndtc_proxy_qlen=9}], [{nla_len=92, nla_type=NDTA_STATS}, {ndts_allocs=25, "
	       "ndts_destroys=0, ndts_hash_grows=0, ndts_res_failed=0, ndts_lookups=0, ndts_hits=0, "
	       "ndts_rcv_probes_mcast=0, ndts_rcv_probes_ucast=0, ndts_periodic_gc_runs=0, ndts_forced_gc_runs=0, "
	       "ndts_table_fulls=3}], [{nla_len=84, nla_type=NDTA_STATS}, {ndts_allocs=25, ndts_destroys=0, "
	       "ndts_hash_grows=0, ndts_res_failed=0, ndts_lookups=0, ndts_hits=0, ndts_rcv_probes_mcast=0, "
	       "ndts_rcv_probes_ucast=0, ndts_periodic_gc_runs=0, ndts_forced_gc_runs=0}], [{nla_len=40, "
	       "nla_type=NDTA_PARMS}, [[{nla_len=8, nla_type=NDTPA_IFINDEX}, if_nametoindex(\"lo\")], [{nla_len=8, "
	       "nla_type=NDTPA_REFCNT}, 1], [{nla_len=12, nla_type=NDTPA_REACHABLE_TIME}, 30000], [{nla_len=8, "
	       "nla_type=NDTPA_LOCKTIME}, \"\\x80\\x00\\x00\\x00\"]]]]], %zu, 0, NULL, 0) = %ld", n, off, off, r);
	/* traffic control: the dump request of "tc qdisc show" (its answers:
	 * not checked, the counters move), and a hand-made qdisc (ignored) */
	struct {
		struct nlmsghdr h;
		struct tcmsg t;
	} gq = { { sizeof(gq), RTM_GETQDISC, NLM_F_REQUEST | NLM_F_DUMP, 30, 0 }, { .tcm_family = AF_UNSPEC } };
	r = sendto(n, &gq, sizeof(gq), MSG_DONTWAIT, NULL, 0);
	EXPECT("sendto(%d, [{nlmsg_len=36, nlmsg_type=RTM_GETQDISC, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, "
	       "nlmsg_seq=30, nlmsg_pid=0}, {tcm_family=AF_UNSPEC, tcm_ifindex=0, tcm_handle=0, tcm_parent=0, "
	       "tcm_info=0}], 36, MSG_DONTWAIT, NULL, 0) = %ld", n, r);
	memset(buf, 0, sizeof(buf));
	*mh = (struct nlmsghdr){ 0, RTM_NEWQDISC, 0, 31, 0 };
	*(struct tcmsg *)NLMSG_DATA(mh) = (struct tcmsg){ .tcm_family = AF_UNSPEC, .tcm_ifindex = (int)ncidx,
		.tcm_handle = 0x10000, .tcm_parent = TC_H_ROOT, .tcm_info = 2 };
	off = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct tcmsg));
	struct tc_estimator est = { -1, 3 };
	struct tc_stats tst = { .bytes = 1000, .packets = 10, .drops = 1, .overlimits = 2, .bps = 3, .pps = 4,
				.qlen = 5, .backlog = 6 };
	struct gnet_stats_basic gsb = { 4096, 32 };
	struct gnet_stats_rate_est gsr = { 100, 2 };
	struct gnet_stats_queue gsq = { 1, 2, 3, 4, 5 };
	struct gnet_stats_rate_est64 gsr64 = { 1ULL << 40, 7 };
	struct tc_sizespec tss = { .cell_log = 3, .size_log = 0, .cell_align = -1, .overhead = -4,
				   .linklayer = TC_LINKLAYER_ETHERNET, .mpu = 64, .mtu = 1500, .tsize = 2 };
	uint16_t slots[2] = { 60, 1514 };
	uint64_t pkts = 77;
	unsigned block = 22, opts = 0x01020304;
	unsigned char hw = 1;
	attr(buf, &off, TCA_KIND, "htb", 4);
	attr(buf, &off, TCA_OPTIONS, &opts, sizeof(opts));
	attr(buf, &off, TCA_RATE, &est, sizeof(est));
	attr(buf, &off, TCA_STATS, &tst, sizeof(tst));
	attr(buf, &off, TCA_STATS, &tst, 12);
	size_t st2 = nest_start(buf, &off, TCA_STATS2);
	attr(buf, &off, TCA_STATS_BASIC, &gsb, 12);
	attr(buf, &off, TCA_STATS_RATE_EST, &gsr, sizeof(gsr));
	attr(buf, &off, TCA_STATS_QUEUE, &gsq, sizeof(gsq));
	attr(buf, &off, TCA_STATS_RATE_EST64, &gsr64, sizeof(gsr64));
	attr(buf, &off, TCA_STATS_BASIC_HW, &gsb, 11);
	attr(buf, &off, TCA_STATS_PKT64, &pkts, sizeof(pkts));
	attr(buf, &off, TCA_STATS_APP, &block, sizeof(block));
	attr(buf, &off, TCA_STATS_PKT64 + 1, &block, sizeof(block));
	nest_end(buf, &off, st2);
	size_t stab = nest_start(buf, &off, TCA_STAB);
	attr(buf, &off, TCA_STAB_BASE, &tss, sizeof(tss));
	attr(buf, &off, TCA_STAB_DATA, slots, sizeof(slots));
	nest_end(buf, &off, stab);
	attr(buf, &off, TCA_CHAIN, &block, sizeof(block));
	attr(buf, &off, TCA_HW_OFFLOAD, &hw, sizeof(hw));
	attr(buf, &off, TCA_INGRESS_BLOCK, &block, sizeof(block));
	attr(buf, &off, TCA_EGRESS_BLOCK, &block, 2);
	attr(buf, &off, TCA_DUMP_FLAGS + 1, "warn", 5);
	r = send_built(n, mh, off);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_NEWQDISC, nlmsg_flags=0, nlmsg_seq=31, nlmsg_pid=0}, "
	       "{tcm_family=AF_UNSPEC, tcm_ifindex=if_nametoindex(\"lo\"), tcm_handle=65536, tcm_parent=4294967295, "
	       "tcm_info=2}, [[{nla_len=8, nla_type=TCA_KIND}, \"htb\"], [{nla_len=8, nla_type=TCA_OPTIONS}, "
	       "\"\\x04\\x03\\x02\\x01\"], [{nla_len=6, nla_type=TCA_RATE}, {interval=-1, ewma_log=3}], [{nla_len=44, "
	       "nla_type=TCA_STATS}, {bytes=1000, packets=10, drops=1, overlimits=2, bps=3, pps=4, qlen=5, "
	       "backlog=6}], [{nla_len=16, nla_type=TCA_STATS}, \"\\xe8\\x03\\x00\\x00\\x00\\x00\\x00\\x00\\x0a\\x00"
	       "\\x00\\x00\"], [{nla_len=120, nla_type=TCA_STATS2}, [[{nla_len=16, "
	       "nla_type=TCA_STATS_BASIC}, {bytes=4096, packets=32}], [{nla_len=12, nla_type=TCA_STATS_RATE_EST}, "
	       "{bps=100, pps=2}], [{nla_len=24, nla_type=TCA_STATS_QUEUE}, {qlen=1, backlog=2, drops=3, requeues=4, "
	       "overlimits=5}], [{nla_len=20, nla_type=TCA_STATS_RATE_EST64}, {bps=1099511627776, pps=7}], "
	       "[{nla_len=15, nla_type=TCA_STATS_BASIC_HW}, \"\\x00\\x10\\x00\\x00\\x00\\x00\\x00\\x00\\x20\\x00"
	       "\\x00\"], [{nla_len=12, nla_type=TCA_STATS_PKT64}, 77], [{nla_len=8, nla_type=TCA_STATS_APP}, "
	       "\"\\x16\\x00\\x00\\x00\"], [{nla_len=8, nla_type=0x9 /* TCA_STATS_??? */}, \"\\x16\\x00\\x00\\x00\"]]], "
	       "[{nla_len=40, nla_type=TCA_STAB}, [[{nla_len=28, nla_type=TCA_STAB_BASE}, {cell_log=3, size_log=0, "
	       "cell_align=-1, overhead=-4, linklayer=1, mpu=64, mtu=1500, tsize=2}], [{nla_len=8, "
	       "nla_type=TCA_STAB_DATA}, [60, 1514]]]], [{nla_len=8, nla_type=TCA_CHAIN}, 22], [{nla_len=5, "
	       "nla_type=TCA_HW_OFFLOAD}, 1], [{nla_len=8, nla_type=TCA_INGRESS_BLOCK}, 22], [{nla_len=6, "
	       "nla_type=TCA_EGRESS_BLOCK}, \"\\x16\\x00\"], [{nla_len=9, nla_type=0x10 /* TCA_??? */}, "
	       "\"\\x77\\x61\\x72\\x6e\\x00\"]]], %zu, 0, NULL, 0) = %ld", n, off, off, r);
	close(n);

	/* an error with extended acknowledgement (NETLINK_EXT_ACK): the
	 * kernel's text and the offset of the attribute it refused after the
	 * quoted request, [{error=..., msg=...}, [attributes]] */
	int xa = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	int ack_on = 1;
	if (xa >= 0 && setsockopt(xa, SOL_NETLINK, NETLINK_EXT_ACK, &ack_on, sizeof(ack_on)) == 0) {
		struct {
			struct nlmsghdr h;
			struct ifinfomsg i;
			struct nlattr a;
			unsigned char mtu[4];	/* 2 bytes of it are the attribute: too short */
		} bad = { { sizeof(bad), RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, 41, 0 }, { .ifi_index = 1 },
			  { 6, IFLA_MTU }, { 1, 2, 0, 0 } };
		sendto(xa, &bad, sizeof(bad), 0, NULL, 0);
		r = recvfrom(xa, buf, sizeof(buf), 0, NULL, NULL);
		struct nlmsghdr *eh = (struct nlmsghdr *)buf;
		if (r > 0 && eh->nlmsg_type == NLMSG_ERROR && (eh->nlmsg_flags & NLM_F_ACK_TLVS))
			EXPECT("recvfrom(%d, [{nlmsg_len=%ld, nlmsg_type=NLMSG_ERROR, nlmsg_flags=NLM_F_ACK_TLVS, nlmsg_seq=41, "
			       "nlmsg_pid=@@}, [{error=-ERANGE, msg=[{nlmsg_len=40, nlmsg_type=RTM_NEWLINK, "
			       "nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, nlmsg_seq=41, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, "
			       "ifi_type=ARPHRD_NETROM, ifi_index=if_nametoindex(\"lo\"), ifi_flags=0, ifi_change=0}, "
			       "[{nla_len=6, nla_type=IFLA_MTU}, \"\\x01\\x02\"]]}, [[{nla_len=@@, nla_type=NLMSGERR_ATTR_MSG}, "
			       "\"@@], [{nla_len=8, nla_type=NLMSGERR_ATTR_OFFS}, 32]@@], %ld, 0, NULL, NULL) = %ld",
			       xa, r, sizeof(buf) + 0L, r);
		close(xa);
	}
	return expect_done();
}
