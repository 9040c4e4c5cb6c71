/* SPDX-License-Identifier: MIT */
/* The interface ioctls with struct ifreq (getters on "lo", setters on a
 * name that does not exist, an unterminated name, a bad address) and
 * SIOCGIFCONF; FS_IOC_GETFLAGS/SETFLAGS; the nsfs ioctls (NS_GET_NSTYPE's
 * result explained, and strace 6.1's stale explanation on a failure);
 * AF_PACKET addresses (struct sockaddr_ll) and a netlink address with a
 * nonzero nl_pad. Run with -e trace=ioctl,bind,getsockname. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "expect.h"
#include <net/if.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <linux/if_arp.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/nsfs.h>
#include <linux/sockios.h>
#include <stdint.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

static const char *inet(const struct sockaddr *sa)
{
	static char buf[2][128];
	static int n;
	const struct sockaddr_in *sin = (const void *)sa;
	char *b = buf[n++ & 1];
	snprintf(b, sizeof(buf[0]), "{sa_family=AF_INET, sin_port=htons(%u), sin_addr=inet_addr(\"%s\")}",
		 ntohs(sin->sin_port), inet_ntoa(sin->sin_addr));
	return b;
}

static void ifreqs(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	struct ifreq r;
	long rc;
	memset(&r, 0, sizeof(r));
	strcpy(r.ifr_name, "lo");
	rc = ioctl(s, SIOCGIFINDEX, &r);
	int idx = r.ifr_ifindex;
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCGIFINDEX, {ifr_name=\"lo\", ifr_ifindex=%d})", s, idx);
	rc = ioctl(s, SIOCGIFNAME, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCGIFNAME, {ifr_ifindex=%d, ifr_name=\"lo\"})", s, idx);
	rc = ioctl(s, SIOCGIFFLAGS, &r);
	if (rc == 0 && r.ifr_flags == (IFF_UP | IFF_LOOPBACK | IFF_RUNNING))
		EXPECT_RET("0", "ioctl(%d, SIOCGIFFLAGS, {ifr_name=\"lo\", ifr_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING})", s);
	else if (rc == 0 && r.ifr_flags == IFF_LOOPBACK)
		EXPECT_RET("0", "ioctl(%d, SIOCGIFFLAGS, {ifr_name=\"lo\", ifr_flags=IFF_LOOPBACK})", s);
	rc = ioctl(s, SIOCGIFMTU, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCGIFMTU, {ifr_name=\"lo\", ifr_mtu=%d})", s, r.ifr_mtu);
	rc = ioctl(s, SIOCGIFHWADDR, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCGIFHWADDR, {ifr_name=\"lo\", ifr_hwaddr={sa_family=ARPHRD_LOOPBACK, "
		   "sa_data=00:00:00:00:00:00}})", s);
	rc = ioctl(s, SIOCGIFTXQLEN, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCGIFTXQLEN, {ifr_name=\"lo\", ifr_qlen=%d})", s, r.ifr_qlen);
	rc = ioctl(s, SIOCGIFMETRIC, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCGIFMETRIC, {ifr_name=\"lo\", ifr_metric=%d})", s, r.ifr_metric);
	rc = ioctl(s, SIOCGIFMAP, &r);
	if (rc == 0)
		EXPECT_RET("0", "ioctl(%d, SIOCGIFMAP, {ifr_name=\"lo\", ifr_map={mem_start=0, mem_end=0, "
			   "base_addr=0, irq=0, dma=0, port=0}})", s);
	rc = ioctl(s, SIOCGIFADDR, &r);
	if (rc == 0)
		EXPECT_RET("0", "ioctl(%d, SIOCGIFADDR, {ifr_name=\"lo\", ifr_addr=%s})", s, inet(&r.ifr_addr));
	else
		EXPECT_RET(ret(rc), "ioctl(%d, SIOCGIFADDR, {ifr_name=\"lo\"})", s);

	/* setters: decoded at entry, on a device that does not exist */
	memset(&r, 0, sizeof(r));
	strcpy(r.ifr_name, "nosuch0");
	r.ifr_flags = (short)0x8003;
	rc = ioctl(s, SIOCSIFFLAGS, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCSIFFLAGS, {ifr_name=\"nosuch0\", ifr_flags=IFF_UP|IFF_BROADCAST|IFF_DYNAMIC})", s);
	r.ifr_mtu = 1234;
	rc = ioctl(s, SIOCSIFMTU, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCSIFMTU, {ifr_name=\"nosuch0\", ifr_mtu=1234})", s);
	strcpy(r.ifr_newname, "new0");
	rc = ioctl(s, SIOCSIFNAME, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCSIFNAME, {ifr_name=\"nosuch0\", ifr_newname=\"new0\"})", s);
	memset(&r.ifr_addr, 0, sizeof(r.ifr_addr));
	struct sockaddr_in *sin = (void *)&r.ifr_addr;
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = htonl(0x0a000001);
	rc = ioctl(s, SIOCSIFNETMASK, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCSIFNETMASK, {ifr_name=\"nosuch0\", ifr_netmask={sa_family=AF_INET, "
		   "sin_port=htons(0), sin_addr=inet_addr(\"10.0.0.1\")}})", s);
	r.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(r.ifr_hwaddr.sa_data, "\x02\xfc\0\0\0\x01\x07\x08", 8);
	rc = ioctl(s, SIOCSIFHWADDR, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCSIFHWADDR, {ifr_name=\"nosuch0\", ifr_hwaddr={sa_family=ARPHRD_ETHER, "
		   "sa_data=02:fc:00:00:00:01}})", s);
	memset(&r.ifr_map, 0, sizeof(r.ifr_map));
	r.ifr_map.mem_start = 0x1000;
	r.ifr_map.mem_end = 0x1fff;
	r.ifr_map.irq = 5;
	rc = ioctl(s, SIOCSIFMAP, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCSIFMAP, {ifr_name=\"nosuch0\", ifr_map={mem_start=0x1000, mem_end=0x1fff, "
		   "base_addr=0, irq=0x5, dma=0, port=0}})", s);
	/* a getter that fails shows what the caller filled in */
	rc = ioctl(s, SIOCGIFINDEX, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCGIFINDEX, {ifr_name=\"nosuch0\"})", s);
	r.ifr_ifindex = 99999;
	rc = ioctl(s, SIOCGIFNAME, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCGIFNAME, {ifr_ifindex=99999})", s);
	memset(r.ifr_name, 'A', sizeof(r.ifr_name));
	rc = ioctl(s, SIOCGIFMTU, &r);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCGIFMTU, {ifr_name=\"AAAAAAAAAAAAAAA\"...})", s);
	rc = ioctl(s, SIOCGIFINDEX, (void *)16);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCGIFINDEX, 0x10)", s);
	/* not decoded by strace 6.1 */
	rc = ioctl(s, SIOCETHTOOL, (void *)16);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCETHTOOL, 0x10)", s);

	/* SIOCGIFCONF: lo comes first */
	struct ifreq buf[8];
	struct ifconf ic = { .ifc_len = sizeof(struct ifreq) + 8, .ifc_buf = (void *)buf };
	rc = ioctl(s, SIOCGIFCONF, &ic);
	if (rc == 0 && ic.ifc_len == sizeof(struct ifreq))
		EXPECT_RET("0", "ioctl(%d, SIOCGIFCONF, {ifc_len=%zu => %zu /* 1 * sizeof(struct ifreq) */, "
			   "ifc_buf=[{ifr_name=\"%s\", ifr_addr=%s}]})", s, sizeof(struct ifreq) + 8,
			   sizeof(struct ifreq), buf[0].ifr_name, inet(&buf[0].ifr_addr));
	ic.ifc_buf = NULL;
	rc = ioctl(s, SIOCGIFCONF, &ic);
	if (rc == 0 && ic.ifc_len > 0)
		EXPECT_RET("0", "ioctl(%d, SIOCGIFCONF, {ifc_len=%d /* %d * sizeof(struct ifreq) */, ifc_buf=NULL})",
			   s, ic.ifc_len, ic.ifc_len / (int)sizeof(struct ifreq));
	ic.ifc_len = 0;
	ic.ifc_buf = (void *)buf;
	rc = ioctl(s, SIOCGIFCONF, &ic);
	EXPECT_RET(ret(rc), "ioctl(%d, SIOCGIFCONF, {ifc_len=0, ifc_buf=[]})", s);
	close(s);
}

static void fsflags(void)
{
	int p[2];
	if (pipe(p))
		return;
	int f = FS_NOATIME_FL | FS_EXTENT_FL | FS_CASEFOLD_FL | 0x1000000;
	long rc = ioctl(p[0], FS_IOC_SETFLAGS, &f);
	EXPECT_RET(ret(rc), "ioctl(%d, FS_IOC_SETFLAGS, [FS_NOATIME_FL|FS_EXTENT_FL|FS_CASEFOLD_FL|0x1000000])", p[0]);
	f = 0x8000000;
	rc = ioctl(p[0], FS_IOC32_SETFLAGS, &f);
	EXPECT_RET(ret(rc), "ioctl(%d, FS_IOC32_SETFLAGS, [0x8000000 /* FS_???_FL */])", p[0]);
	rc = ioctl(p[0], FS_IOC_GETFLAGS, &f);
	EXPECT_RET(ret(rc), "ioctl(%d, FS_IOC_GETFLAGS, %p)", p[0], (void *)&f);
	close(p[0]);
	close(p[1]);
}

static void nsfs(void)
{
	int ns = open("/proc/self/ns/net", O_RDONLY);
	if (ns < 0)
		return;
	long rc = ioctl(ns, NS_GET_NSTYPE);
	if (rc == CLONE_NEWNET)
		EXPECT_RET("1073741824 (CLONE_NEWNET)", "ioctl(%d, NS_GET_NSTYPE)", ns);
	rc = ioctl(ns, NS_GET_PARENT);
	EXPECT_RET(ret(rc), "ioctl(%d, NS_GET_PARENT)", ns);
	unsigned uid = 7;
	rc = ioctl(ns, NS_GET_OWNER_UID, &uid);
	EXPECT_RET(ret(rc), "ioctl(%d, NS_GET_OWNER_UID, %p)", ns, (void *)&uid);
	/* a failed one has no explanation (strace 6.1 repeats the previous
	 * call's: tattle does not) */
	int p[2];
	if (pipe(p) == 0) {
		rc = ioctl(p[0], NS_GET_NSTYPE);
		EXPECT_RET(ret(rc), "ioctl(%d, NS_GET_NSTYPE)", p[0]);
		close(p[0]);
		close(p[1]);
	}
	int us = open("/proc/self/ns/user", O_RDONLY);
	if (us >= 0) {
		rc = ioctl(us, NS_GET_OWNER_UID, &uid);
		if (rc == 0)
			EXPECT_RET("0", "ioctl(%d, NS_GET_OWNER_UID, [%u])", us, uid);
		close(us);
	}
	close(ns);
}

static void addrs(void)
{
	int n = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	if (n >= 0) {
		struct sockaddr_nl nl = { .nl_family = AF_NETLINK, .nl_pad = 0xbce3 };
		long rc = bind(n, (void *)&nl, sizeof(nl));
		EXPECT_RET(ret(rc), "bind(%d, {sa_family=AF_NETLINK, nl_pad=0xbce3, nl_pid=0, nl_groups=00000000}, %zu)",
			   n, sizeof(nl));
		close(n);
	}
	int s = socket(AF_PACKET, SOCK_DGRAM, 0);
	if (s < 0)
		return;	/* no CAP_NET_RAW */
	struct sockaddr_ll ll = {
		.sll_family = AF_PACKET, .sll_protocol = htons(0x0800), .sll_ifindex = (int)if_nametoindex("lo"),
		.sll_hatype = 0x4d, .sll_pkttype = PACKET_OUTGOING, .sll_halen = 9,
		.sll_addr = { 1, 2, 3, 4, 5, 6, 7, 8 },
	};
	long rc = bind(s, (void *)&ll, sizeof(ll));
	EXPECT_RET(ret(rc), "bind(%d, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IP), "
		   "sll_ifindex=if_nametoindex(\"lo\"), sll_hatype=0x4d /* ARPHRD_??? */, sll_pkttype=PACKET_OUTGOING, "
		   "sll_halen=9, sll_addr=[0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, ...]}, %zu)", s, sizeof(ll));
	ll.sll_protocol = htons(0x1234);
	ll.sll_halen = 0;
	ll.sll_hatype = ARPHRD_ETHER;
	ll.sll_pkttype = 9;
	rc = bind(s, (void *)&ll, sizeof(ll));
	EXPECT_RET(ret(rc), "bind(%d, {sa_family=AF_PACKET, sll_protocol=htons(0x1234 /* ETH_P_??? */), "
		   "sll_ifindex=if_nametoindex(\"lo\"), sll_hatype=ARPHRD_ETHER, sll_pkttype=0x9 /* PACKET_??? */, "
		   "sll_halen=0}, %zu)", s, sizeof(ll));
	/* shorter than struct sockaddr_ll: the bytes */
	rc = bind(s, (void *)&ll, 4);
	EXPECT_RET(ret(rc), "bind(%d, {sa_family=AF_PACKET, sa_data=@@}, 4)", s);
	struct sockaddr_ll got;
	socklen_t len = sizeof(got);
	close(s);
	s = socket(AF_PACKET, SOCK_DGRAM, htons(0x0800));
	ll.sll_protocol = htons(0x0800);
	ll.sll_pkttype = 0;
	if (bind(s, (void *)&ll, sizeof(ll)) == 0 && getsockname(s, (void *)&got, &len) == 0 && len == 18)
		EXPECT("getsockname(%d, {sa_family=AF_PACKET, sa_data=@@}, [20 => 18]) = 0", s);
	close(s);
}

int main(void)
{
	ifreqs();
	fsflags();
	nsfs();
	addrs();
	return expect_done();
}
