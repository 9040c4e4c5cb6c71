/* SPDX-License-Identifier: MIT */
/* NETLINK_SOCK_DIAG bodies: a unix_diag request for a listening unix
 * socket of this program and the kernel's answer; inet (with an
 * INET_DIAG_REQ_BYTECODE attribute), inet6, the older TCPDIAG_GETSOCK
 * request, netlink and packet requests; and hand-made answers (the kernel
 * ignores them: no NLM_F_REQUEST) with the attributes strace decodes, a
 * body too short for its struct and one of a family with no decoder. Run
 * with -e trace=%net. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "expect.h"
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define HDR "nlmsg_type=SOCK_DIAG_BY_FAMILY"

static char buf[8192];

/* appends one attribute (aligned) at *off of buf */
static void attr(size_t *off, unsigned short type, const void *data, size_t len)
{
	struct nlattr *a = (struct nlattr *)(buf + *off);
	memset(a, 0, NLA_ALIGN(NLA_HDRLEN + len));
	a->nla_len = (unsigned short)(NLA_HDRLEN + len);
	a->nla_type = type;
	memcpy(buf + *off + NLA_HDRLEN, data, len);
	*off += NLA_ALIGN(a->nla_len);
}

/* a message of len bytes in buf: its header, sent as is */
static long send_msg(int fd, unsigned short type, unsigned short flags, unsigned seq, size_t len)
{
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	h->nlmsg_len = (unsigned)len;
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	h->nlmsg_seq = seq;
	h->nlmsg_pid = 0;
	return sendto(fd, buf, len, 0, NULL, 0);
}

#define BODY(T) ((T *)(buf + NLMSG_HDRLEN))

int main(void)
{
	struct sockaddr_nl any = { .nl_family = AF_NETLINK };
	socklen_t alen = sizeof(any);
	int d = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (d < 0)
		return 77;
	bind(d, (struct sockaddr *)&any, sizeof(any));
	getsockname(d, (struct sockaddr *)&any, &alen);
	unsigned pid = any.nl_pid;

	/* a listening unix socket, asked for by inode */
	struct sockaddr_un sun = { .sun_family = AF_UNIX, .sun_path = "diag.sock" };
	int u = socket(AF_UNIX, SOCK_STREAM, 0);
	unlink(sun.sun_path);
	bind(u, (struct sockaddr *)&sun, sizeof(sun));
	listen(u, 5);
	struct stat st;
	fstat(u, &st);
	unsigned ino = (unsigned)st.st_ino;
	memset(buf, 0, sizeof(buf));
	*BODY(struct unix_diag_req) = (struct unix_diag_req){
		.sdiag_family = AF_UNIX, .udiag_states = 1 << 10, .udiag_ino = ino,
		.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_RQLEN, .udiag_cookie = { ~0U, ~0U } };
	size_t len = NLMSG_HDRLEN + sizeof(struct unix_diag_req);
	long r = send_msg(d, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, 1, len);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, " HDR ", nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=1, nlmsg_pid=0}, "
	       "{sdiag_family=AF_UNIX, sdiag_protocol=0, udiag_states=1<<TCP_LISTEN, udiag_ino=%u, "
	       "udiag_show=UDIAG_SHOW_NAME|UDIAG_SHOW_RQLEN, udiag_cookie=[4294967295, 4294967295]}], %zu, 0, "
	       "NULL, 0) = %ld", d, len, ino, len, r);
	r = recvfrom(d, buf, sizeof(buf), 0, NULL, NULL);
	struct unix_diag_msg *um = BODY(struct unix_diag_msg);
	if (r >= (long)(NLMSG_HDRLEN + sizeof(*um)) && ((struct nlmsghdr *)buf)->nlmsg_type == SOCK_DIAG_BY_FAMILY)
		EXPECT("recvfrom(%d, [{nlmsg_len=%ld, " HDR ", nlmsg_flags=0, nlmsg_seq=1, nlmsg_pid=%u}, "
		       "{udiag_family=AF_UNIX, udiag_type=SOCK_STREAM, udiag_state=TCP_LISTEN, udiag_ino=%u, "
		       "udiag_cookie=[%u, %u]}, [[{nla_len=14, nla_type=UNIX_DIAG_NAME}, \"diag.sock\"], "
		       "[{nla_len=12, nla_type=UNIX_DIAG_RQLEN}, {udiag_rqueue=0, udiag_wqueue=5}], "
		       "[{nla_len=5, nla_type=UNIX_DIAG_SHUTDOWN}, 0]]], 8192, 0, NULL, NULL) = %ld",
		       d, r, pid, ino, um->udiag_cookie[0], um->udiag_cookie[1], r);
	else
		EXPECT("recvfrom: no unix_diag answer (%ld)", r);
	close(u);
	unlink(sun.sun_path);

	/* requests whose answers are not read */
	int q = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	struct sockaddr_nl any2 = { .nl_family = AF_NETLINK };
	bind(q, (struct sockaddr *)&any2, sizeof(any2));
	memset(buf, 0, sizeof(buf));
	struct inet_diag_req_v2 *iq = BODY(struct inet_diag_req_v2);
	iq->sdiag_family = AF_INET;
	iq->sdiag_protocol = IPPROTO_TCP;
	iq->idiag_ext = (1 << (INET_DIAG_MEMINFO - 1)) | (1 << (INET_DIAG_SKMEMINFO - 1));
	iq->idiag_states = 0xfff;
	iq->id.idiag_sport = htons(8080);
	iq->id.idiag_src[0] = htonl(INADDR_LOOPBACK);
	iq->id.idiag_if = 0;
	iq->id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
	iq->id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
	len = NLMSG_HDRLEN + sizeof(*iq);
	struct {
		struct inet_diag_bc_op op;
		struct inet_diag_bc_op port;
	} bc = { { INET_DIAG_BC_S_GE, 8, 12 }, { 0, 0, 1024 } };
	attr(&len, INET_DIAG_REQ_BYTECODE, &bc, sizeof(bc));
	r = send_msg(q, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 2, len);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, " HDR ", nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=2, "
	       "nlmsg_pid=0}, {sdiag_family=AF_INET, sdiag_protocol=IPPROTO_TCP, "
	       "idiag_ext=1<<(INET_DIAG_MEMINFO-1)|1<<(INET_DIAG_SKMEMINFO-1), idiag_states=1<<TCP_ESTABLISHED|"
	       "1<<TCP_SYN_SENT|1<<TCP_SYN_RECV|1<<TCP_FIN_WAIT1|1<<TCP_FIN_WAIT2|1<<TCP_TIME_WAIT|1<<TCP_CLOSE|"
	       "1<<TCP_CLOSE_WAIT|1<<TCP_LAST_ACK|1<<TCP_LISTEN|1<<TCP_CLOSING|0x1, id={idiag_sport=htons(8080), "
	       "idiag_dport=htons(0), idiag_src=inet_addr(\"127.0.0.1\"), idiag_dst=inet_addr(\"0.0.0.0\"), "
	       "idiag_if=0, idiag_cookie=[4294967295, 4294967295]}}, [{nla_len=12, "
	       "nla_type=INET_DIAG_REQ_BYTECODE}, {code=INET_DIAG_BC_S_GE, yes=8, no=12}, "
	       "{code=INET_DIAG_BC_NOP, yes=0, no=1024}]], %zu, 0, NULL, 0) = %ld", q, len, len, r);

	memset(buf, 0, sizeof(buf));
	iq->sdiag_family = AF_INET6;
	iq->sdiag_protocol = IPPROTO_UDP;
	iq->idiag_states = 1 << 7;
	inet_pton(AF_INET6, "::1", iq->id.idiag_src);
	len = NLMSG_HDRLEN + sizeof(*iq);
	r = send_msg(q, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 3, len);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, " HDR ", nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=3, "
	       "nlmsg_pid=0}, {sdiag_family=AF_INET6, sdiag_protocol=IPPROTO_UDP, idiag_ext=0, "
	       "idiag_states=1<<TCP_CLOSE, id={idiag_sport=htons(0), idiag_dport=htons(0), "
	       "inet_pton(AF_INET6, \"::1\", &idiag_src), inet_pton(AF_INET6, \"::\", &idiag_dst), idiag_if=0, "
	       "idiag_cookie=[0, 0]}}], %zu, 0, NULL, 0) = %ld", q, len, len, r);

	/* the older request of TCPDIAG_GETSOCK */
	memset(buf, 0, sizeof(buf));
	struct inet_diag_req *oq = BODY(struct inet_diag_req);
	oq->idiag_family = AF_INET;
	oq->idiag_src_len = 32;
	oq->idiag_ext = 1 << (INET_DIAG_CONG - 1);
	oq->idiag_states = 1 << 10;
	oq->idiag_dbs = 3;
	len = NLMSG_HDRLEN + sizeof(*oq);
	r = send_msg(q, TCPDIAG_GETSOCK, NLM_F_REQUEST | NLM_F_DUMP, 4, len);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, nlmsg_type=TCPDIAG_GETSOCK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, "
	       "nlmsg_seq=4, nlmsg_pid=0}, {idiag_family=AF_INET, idiag_src_len=32, idiag_dst_len=0, "
	       "idiag_ext=1<<(INET_DIAG_CONG-1), id={idiag_sport=htons(0), idiag_dport=htons(0), "
	       "idiag_src=inet_addr(\"0.0.0.0\"), idiag_dst=inet_addr(\"0.0.0.0\"), idiag_if=0, "
	       "idiag_cookie=[0, 0]}, idiag_states=1<<TCP_LISTEN, idiag_dbs=3}], %zu, 0, NULL, 0) = %ld",
	       q, len, len, r);

	memset(buf, 0, sizeof(buf));
	*BODY(struct netlink_diag_req) = (struct netlink_diag_req){
		.sdiag_family = AF_NETLINK, .sdiag_protocol = NDIAG_PROTO_ALL, .ndiag_ino = 0,
		.ndiag_show = NDIAG_SHOW_MEMINFO | NDIAG_SHOW_GROUPS | NDIAG_SHOW_FLAGS };
	len = NLMSG_HDRLEN + sizeof(struct netlink_diag_req);
	r = send_msg(q, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 5, len);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, " HDR ", nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=5, "
	       "nlmsg_pid=0}, {sdiag_family=AF_NETLINK, sdiag_protocol=NDIAG_PROTO_ALL, ndiag_ino=0, "
	       "ndiag_show=NDIAG_SHOW_MEMINFO|NDIAG_SHOW_GROUPS|NDIAG_SHOW_FLAGS, ndiag_cookie=[0, 0]}], %zu, 0, "
	       "NULL, 0) = %ld", q, len, len, r);

	memset(buf, 0, sizeof(buf));
	*BODY(struct packet_diag_req) = (struct packet_diag_req){
		.sdiag_family = AF_PACKET, .pdiag_ino = 77, .pdiag_show = PACKET_SHOW_INFO | PACKET_SHOW_FILTER | 0x80 };
	len = NLMSG_HDRLEN + sizeof(struct packet_diag_req);
	r = send_msg(q, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, 6, len);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, " HDR ", nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=6, nlmsg_pid=0}, "
	       "{sdiag_family=AF_PACKET, sdiag_protocol=0, pdiag_ino=77, "
	       "pdiag_show=PACKET_SHOW_INFO|PACKET_SHOW_FILTER|0x80, pdiag_cookie=[0, 0]}], %zu, 0, NULL, 0) = %ld",
	       q, len, len, r);
	close(q);

	/* hand-made answers: an inet6 one */
	memset(buf, 0, sizeof(buf));
	struct inet_diag_msg *im = BODY(struct inet_diag_msg);
	im->idiag_family = AF_INET6;
	im->idiag_state = 10;
	im->idiag_timer = 1;
	im->idiag_retrans = 2;
	im->id.idiag_sport = htons(443);
	im->id.idiag_dport = htons(51000);
	inet_pton(AF_INET6, "fe80::1", im->id.idiag_src);
	inet_pton(AF_INET6, "::1", im->id.idiag_dst);
	im->id.idiag_cookie[0] = 42;
	im->idiag_expires = 3;
	im->idiag_rqueue = 4;
	im->idiag_wqueue = 5;
	im->idiag_uid = 1000;
	im->idiag_inode = 123456;
	len = NLMSG_HDRLEN + sizeof(*im);
	struct inet_diag_meminfo mi = { 1, 2, 3, 4 };
	attr(&len, INET_DIAG_MEMINFO, &mi, sizeof(mi));
	attr(&len, INET_DIAG_CONG, "cubic", 6);
	uint32_t skm[9] = { 0, 212992, 0, 212992, 4096, 0, 0, 0, 7 };
	attr(&len, INET_DIAG_SKMEMINFO, skm, sizeof(skm));
	uint8_t one = 1;
	attr(&len, INET_DIAG_SHUTDOWN, &one, 1);
	attr(&len, INET_DIAG_TCLASS, &one, 1);
	uint64_t cg = 99;
	attr(&len, INET_DIAG_CGROUP_ID, &cg, sizeof(cg));
	uint16_t so = 0x52;
	attr(&len, INET_DIAG_SOCKOPT, &so, sizeof(so));
	struct tcp_bbr_info bbr = { 0xabc, 0, 10, 256, 512 };
	attr(&len, INET_DIAG_BBRINFO, &bbr, sizeof(bbr));
	attr(&len, 99, "\1\2", 2);
	r = send_msg(d, SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 7, len);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, " HDR ", nlmsg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=0}, "
	       "{idiag_family=AF_INET6, idiag_state=TCP_LISTEN, idiag_timer=1, idiag_retrans=2, "
	       "id={idiag_sport=htons(443), idiag_dport=htons(51000), inet_pton(AF_INET6, \"fe80::1\", &idiag_src), "
	       "inet_pton(AF_INET6, \"::1\", &idiag_dst), idiag_if=0, idiag_cookie=[42, 0]}, idiag_expires=3, "
	       "idiag_rqueue=4, idiag_wqueue=5, idiag_uid=1000, idiag_inode=123456}, "
	       "[[{nla_len=20, nla_type=INET_DIAG_MEMINFO}, {idiag_rmem=1, idiag_wmem=2, idiag_fmem=3, idiag_tmem=4}], "
	       "[{nla_len=10, nla_type=INET_DIAG_CONG}, \"cubic\"], "
	       "[{nla_len=40, nla_type=INET_DIAG_SKMEMINFO}, [[SK_MEMINFO_RMEM_ALLOC]=0, [SK_MEMINFO_RCVBUF]=212992, "
	       "[SK_MEMINFO_WMEM_ALLOC]=0, [SK_MEMINFO_SNDBUF]=212992, [SK_MEMINFO_FWD_ALLOC]=4096, "
	       "[SK_MEMINFO_WMEM_QUEUED]=0, [SK_MEMINFO_OPTMEM]=0, [SK_MEMINFO_BACKLOG]=0, [SK_MEMINFO_DROPS]=7]], "
	       "[{nla_len=5, nla_type=INET_DIAG_SHUTDOWN}, 0x1 /* RCV_SHUTDOWN */], [{nla_len=5, nla_type=INET_DIAG_TCLASS}, 1], "
	       "[{nla_len=12, nla_type=INET_DIAG_CGROUP_ID}, 99], "
	       "[{nla_len=6, nla_type=INET_DIAG_SOCKOPT}, {is_icsk=1, mc_loop=1, mc_all=1}], "
	       "[{nla_len=24, nla_type=INET_DIAG_BBRINFO}, {bbr_bw_lo=0xabc, bbr_bw_hi=0, bbr_min_rtt=10, "
	       "bbr_pacing_gain=256, bbr_cwnd_gain=512}], "
	       "[{nla_len=6, nla_type=0x63 /* INET_DIAG_??? */}, \"\\x01\\x02\"]]], %zu, 0, NULL, 0) = %ld",
	       d, len, len, r);

	/* a netlink one */
	memset(buf, 0, sizeof(buf));
	*BODY(struct netlink_diag_msg) = (struct netlink_diag_msg){
		.ndiag_family = AF_NETLINK, .ndiag_type = SOCK_RAW, .ndiag_protocol = NETLINK_SOCK_DIAG,
		.ndiag_state = 7, .ndiag_portid = 1234, .ndiag_dst_portid = 0, .ndiag_dst_group = 5,
		.ndiag_ino = 4321, .ndiag_cookie = { 7, 8 } };
	len = NLMSG_HDRLEN + sizeof(struct netlink_diag_msg);
	uint64_t groups[2] = { 0x11, 0 };
	attr(&len, NETLINK_DIAG_GROUPS, groups, sizeof(groups));
	struct netlink_diag_ring ring = { 4096, 2, 2048, 4 };
	attr(&len, NETLINK_DIAG_RX_RING, &ring, sizeof(ring));
	uint32_t nflags = NDIAG_FLAG_CB_RUNNING | NDIAG_FLAG_CAP_ACK;
	attr(&len, NETLINK_DIAG_FLAGS, &nflags, sizeof(nflags));
	r = send_msg(d, SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 8, len);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, " HDR ", nlmsg_flags=NLM_F_MULTI, nlmsg_seq=8, nlmsg_pid=0}, "
	       "{ndiag_family=AF_NETLINK, ndiag_type=SOCK_RAW, ndiag_protocol=NETLINK_SOCK_DIAG, "
	       "ndiag_state=TCP_CLOSE, ndiag_portid=1234, ndiag_dst_portid=0, ndiag_dst_group=5, ndiag_ino=4321, "
	       "ndiag_cookie=[7, 8]}, [[{nla_len=20, nla_type=NETLINK_DIAG_GROUPS}, [0x00000000000011, "
	       "0000000000000000]], [{nla_len=20, nla_type=NETLINK_DIAG_RX_RING}, {ndr_block_size=4096, "
	       "ndr_block_nr=2, ndr_frame_size=2048, ndr_frame_nr=4}], [{nla_len=8, nla_type=NETLINK_DIAG_FLAGS}, "
	       "NDIAG_FLAG_CB_RUNNING|NDIAG_FLAG_CAP_ACK]]], %zu, 0, NULL, 0) = %ld", d, len, len, r);

	/* a packet one */
	memset(buf, 0, sizeof(buf));
	*BODY(struct packet_diag_msg) = (struct packet_diag_msg){
		.pdiag_family = AF_PACKET, .pdiag_type = SOCK_DGRAM, .pdiag_num = 0x800, .pdiag_ino = 55,
		.pdiag_cookie = { 1, 2 } };
	len = NLMSG_HDRLEN + sizeof(struct packet_diag_msg);
	struct packet_diag_info pi = { 0, 2, 0, 0, 0, PDI_RUNNING | PDI_LOSS };
	attr(&len, PACKET_DIAG_INFO, &pi, sizeof(pi));
	struct packet_diag_mclist ml = { 0, 1, 0, 6, { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 } };
	attr(&len, PACKET_DIAG_MCLIST, &ml, sizeof(ml));
	struct packet_diag_ring pr = { 4096, 1, 2048, 2, 60, 0, 1 };
	attr(&len, PACKET_DIAG_TX_RING, &pr, sizeof(pr));
	uint32_t fan = 0x10003, uid = 0xffffffff;
	attr(&len, PACKET_DIAG_FANOUT, &fan, sizeof(fan));
	attr(&len, PACKET_DIAG_UID, &uid, sizeof(uid));
	r = send_msg(d, SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 9, len);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, " HDR ", nlmsg_flags=NLM_F_MULTI, nlmsg_seq=9, nlmsg_pid=0}, "
	       "{pdiag_family=AF_PACKET, pdiag_type=SOCK_DGRAM, pdiag_num=ETH_P_IP, pdiag_ino=55, "
	       "pdiag_cookie=[1, 2]}, [[{nla_len=28, nla_type=PACKET_DIAG_INFO}, {pdi_index=0, "
	       "pdi_version=TPACKET_V3, pdi_reserve=0, pdi_copy_thresh=0, pdi_tstamp=0, "
	       "pdi_flags=PDI_RUNNING|PDI_LOSS}], [{nla_len=48, nla_type=PACKET_DIAG_MCLIST}, [{pdmc_index=0, "
	       "pdmc_count=1, pdmc_type=0, pdmc_alen=6, pdmc_addr=\"\\x01\\x00\\x5e\\x00\\x00\\x01\"}]], [{nla_len=32, "
	       "nla_type=PACKET_DIAG_TX_RING}, {pdr_block_size=4096, pdr_block_nr=1, pdr_frame_size=2048, "
	       "pdr_frame_nr=2, pdr_retire_tmo=60, pdr_sizeof_priv=0, pdr_features=1}], [{nla_len=8, "
	       "nla_type=PACKET_DIAG_FANOUT}, 65539], [{nla_len=8, nla_type=PACKET_DIAG_UID}, -1]]], %zu, 0, NULL, "
	       "0) = %ld", d, len, len, r);

	/* a unix one with the inodes of pending connections */
	memset(buf, 0, sizeof(buf));
	*BODY(struct unix_diag_msg) = (struct unix_diag_msg){
		.udiag_family = AF_UNIX, .udiag_type = SOCK_SEQPACKET, .udiag_state = 1, .udiag_ino = 9,
		.udiag_cookie = { 3, 0 } };
	len = NLMSG_HDRLEN + sizeof(struct unix_diag_msg);
	uint32_t icons[2] = { 10, 11 }, peer = 12;
	attr(&len, UNIX_DIAG_ICONS, icons, sizeof(icons));
	attr(&len, UNIX_DIAG_PEER, &peer, sizeof(peer));
	attr(&len, UNIX_DIAG_NAME, "\0abs", 4);
	r = send_msg(d, SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 10, len);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, " HDR ", nlmsg_flags=NLM_F_MULTI, nlmsg_seq=10, nlmsg_pid=0}, "
	       "{udiag_family=AF_UNIX, udiag_type=SOCK_SEQPACKET, udiag_state=TCP_ESTABLISHED, udiag_ino=9, "
	       "udiag_cookie=[3, 0]}, [[{nla_len=12, nla_type=UNIX_DIAG_ICONS}, [10, 11]], [{nla_len=8, "
	       "nla_type=UNIX_DIAG_PEER}, 12], [{nla_len=8, nla_type=UNIX_DIAG_NAME}, \"\\0abs\"...]]], %zu, 0, "
	       "NULL, 0) = %ld", d, len, len, r);

	/* too short for its struct, and a family with no decoder */
	memset(buf, 0, sizeof(buf));
	buf[NLMSG_HDRLEN] = AF_UNIX;
	buf[NLMSG_HDRLEN + 1] = SOCK_STREAM;
	len = NLMSG_HDRLEN + 8;
	r = send_msg(d, SOCK_DIAG_BY_FAMILY, 0, 11, len);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, " HDR ", nlmsg_flags=0, nlmsg_seq=11, nlmsg_pid=0}, "
	       "{udiag_family=AF_UNIX, ...}], %zu, 0, NULL, 0) = %ld", d, len, len, r);
	buf[NLMSG_HDRLEN] = AF_BLUETOOTH;
	r = send_msg(d, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, 12, len);
	EXPECT("sendto(%d, [{nlmsg_len=%zu, " HDR ", nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=12, nlmsg_pid=0}, "
	       "{family=AF_BLUETOOTH, data=\"\\x01\\x00\\x00\\x00\\x00\\x00\\x00\"}], %zu, 0, NULL, 0) = %ld",
	       d, len, len, r);
	close(d);
	return expect_done();
}
