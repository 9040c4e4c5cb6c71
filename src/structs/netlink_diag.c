/* SPDX-License-Identifier: MIT */
/* NETLINK_SOCK_DIAG message bodies, as strace 6.1 prints them. The first
 * byte is an address family, which picks the struct; NLM_F_REQUEST in the
 * header says whether it is a request or an answer:
 *   {sdiag_family=AF_INET, sdiag_protocol=IPPROTO_TCP, idiag_ext=0,
 *    idiag_states=1<<TCP_CLOSE|1<<TCP_LISTEN, id={idiag_sport=htons(0), ...}}
 *   {udiag_family=AF_UNIX, udiag_type=SOCK_STREAM, udiag_state=TCP_LISTEN,
 *    udiag_ino=1234, udiag_cookie=[1, 0]}, [[{nla_len=15,
 *    nla_type=UNIX_DIAG_NAME}, "/tmp/s"], ...]
 * Decoded: inet and inet6 (struct inet_diag_req_v2, the older struct
 * inet_diag_req of TCPDIAG_GETSOCK and DCCPDIAG_GETSOCK, struct
 * inet_diag_msg, INET_DIAG_REQ_* and INET_DIAG_* attributes), unix,
 * netlink and packet sockets (requests, answers and their attributes).
 * Other families print as {family=AF_..., "\x.."}. Left in hex, where
 * strace 6.1 may decode them: INET_DIAG_INFO (strace does not either),
 * INET_DIAG_LOCALS/PEERS, INET_DIAG_MD5SIG, INET_DIAG_ULP_INFO,
 * PACKET_DIAG_FILTER, and the bodies of AF_SMC. Answers are hostile data:
 * every length is checked before a struct is read. */
#include "netlink.h"
#include "../options.h"
#include "../umem.h"
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

/* ---- fields shared by the structs ---- */

static void emit_cookie(struct emit *e, const char *name, const uint32_t *cookie)
{
	emit_array_begin(e, name);
	emit_uint(e, NULL, cookie[0]);
	emit_uint(e, NULL, cookie[1]);
	emit_array_end(e);
}

/* an address in a 16-byte field: inet_addr("1.2.3.4") from its first 4
 * bytes for AF_INET (-X raw shows all 16), inet_pton for AF_INET6, the
 * bytes in hex for another family */
static void emit_sockid_addr(struct emit *e, const char *name, int family, const uint32_t *a)
{
	struct sbuf *b = emit_sb(e);
	if (family == AF_INET6) {
		net_emit_inet_addr(e, name, AF_INET6, a);
		return;
	}
	emit_item(e, name);
	if (family != AF_INET) {
		net_sb_hexstr(b, a, 16);
		return;
	}
	if (!net_raw_open(b, a, 16))
		return;
	const unsigned char *p = (const unsigned char *)a;
	char txt[16];
	snprintf(txt, sizeof(txt), "%u.%u.%u.%u", p[0], p[1], p[2], p[3]);
	sbuf_puts(b, "inet_addr(");
	quote_string(b, (const unsigned char *)txt, strlen(txt), 0);
	sbuf_putc(b, ')');
	net_raw_close(b);
}

static void emit_sockid(struct emit *e, const char *name, int family, const struct inet_diag_sockid *id)
{
	emit_struct_begin(e, name);
	net_emit_port(e, "idiag_sport", &id->idiag_sport);
	net_emit_port(e, "idiag_dport", &id->idiag_dport);
	emit_sockid_addr(e, "idiag_src", family, id->idiag_src);
	emit_sockid_addr(e, "idiag_dst", family, id->idiag_dst);
	net_emit_ifindex(e, "idiag_if", id->idiag_if);
	emit_cookie(e, "idiag_cookie", id->idiag_cookie);
	emit_struct_end(e);
}

/* ---- attribute payloads that need code ---- */

static void u32_elem(struct emit *e, const void *elem)
{
	uint32_t v;
	memcpy(&v, elem, sizeof(v));
	emit_uint(e, NULL, v);
}

/* UNIX_DIAG_ICONS: the inodes of pending connections */
static bool diag_icons(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return nl_array(c, e, addr, len, sizeof(uint32_t), u32_elem);
}

/* NETLINK_DIAG_GROUPS: a bitmap of unsigned longs, each in hex padded to
 * as many characters as it has digits (strace's "%#0*lx" with width 16) */
static void group_elem(struct emit *e, const void *elem)
{
	uint64_t v;
	memcpy(&v, elem, sizeof(v));
	emit_item(e, NULL);
	sbuf_printf(emit_sb(e), "%#0*llx", (int)(2 * sizeof(v)), (unsigned long long)v);
}

static bool diag_groups(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return nl_array(c, e, addr, len, sizeof(uint64_t), group_elem);
}

/* PACKET_DIAG_MCLIST: struct packet_diag_mclist */
static void mclist_elem(struct emit *e, const void *elem)
{
	struct packet_diag_mclist ml;
	memcpy(&ml, elem, sizeof(ml));
	emit_struct_begin(e, NULL);
	net_emit_ifindex(e, "pdmc_index", ml.pdmc_index);
	emit_uint(e, "pdmc_count", ml.pdmc_count);
	emit_uint(e, "pdmc_type", ml.pdmc_type);
	emit_uint(e, "pdmc_alen", ml.pdmc_alen);
	emit_item(e, "pdmc_addr");
	net_sb_hexstr(emit_sb(e), ml.pdmc_addr,
		      ml.pdmc_alen < sizeof(ml.pdmc_addr) ? ml.pdmc_alen : sizeof(ml.pdmc_addr));
	emit_struct_end(e);
}

static bool diag_mclist(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return nl_array(c, e, addr, len, sizeof(struct packet_diag_mclist), mclist_elem);
}

/* INET_DIAG_SOCKOPT: the bits of struct inet_diag_sockopt by name, only
 * those set when abbreviating (strace's default), all under -v */
static bool diag_sockopt(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	static const char *const bits[] = {
		"recverr", "is_icsk", "freebind", "hdrincl", "mc_loop", "transparent", "mc_all", "nodefrag",
		"bind_address_no_port", "recverr_rfc4884", "defer_connect",
	};
	unsigned char p[sizeof(struct inet_diag_sockopt)];
	(void)ctx;
	if (len < sizeof(p))
		return false;
	if (!net_fetch(c, e, NULL, addr, p, sizeof(p)))
		return true;
	unsigned word = p[0] | (unsigned)p[1] << 8;
	bool all = !net_abbrev(c);
	emit_struct_begin(e, NULL);
	for (unsigned i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (all || word & (1u << i))
			emit_uint(e, bits[i], (word >> i) & 1);
	if (all || word >> 11) {
		emit_hex(e, "unused", word >> 11);
		sbuf_puts(emit_sb(e), " /* bits 3..8 */");
	}
	emit_struct_end(e);
	return true;
}

/* UNIX_DIAG_VFS */
static void print_unix_vfs(struct emit *e, const void *v)
{
	struct unix_diag_vfs vfs;
	memcpy(&vfs, v, sizeof(vfs));
	emit_struct_begin(e, NULL);
	print_dev(e, "udiag_vfs_dev", vfs.udiag_vfs_dev);
	emit_uint(e, "udiag_vfs_ino", vfs.udiag_vfs_ino);
	emit_struct_end(e);
}

/* INET_DIAG_REQ_BYTECODE: struct inet_diag_bc_op after struct
 * inet_diag_bc_op, each on its own after the header (strace 6.1 prints
 * the conditions' operands as ops too); bytes after the last whole one
 * are not shown */
static void bc_op_elem(struct emit *e, const void *elem)
{
	struct inet_diag_bc_op op;
	memcpy(&op, elem, sizeof(op));
	emit_struct_begin(e, NULL);
	net_emit_enum(e, "code", XLAT(inet_diag_bytecodes), op.code, "INET_DIAG_BC_???");
	emit_uint(e, "yes", op.yes);
	emit_uint(e, "no", op.no);
	emit_struct_end(e);
}

static bool diag_bytecode(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct inet_diag_bc_op op;
	unsigned long n = len / sizeof(op), max = net_array_max(c);
	(void)ctx;
	if (!n)
		return false;
	for (unsigned long i = 0; i < n; i++) {
		if (umem_read(c->pid, addr + i * sizeof(op), &op, sizeof(op)) < 0) {
			if (!i)
				emit_ptr(e, NULL, addr);
			else
				net_emit_cut(e, addr + i * sizeof(op));
			break;
		}
		if (i >= max) {
			emit_more(e);
			break;
		}
		bc_op_elem(e, &op);
	}
	return true;
}

/* the kernel's sk_shutdown bits */
#define RCV_SHUTDOWN_BIT 1
#define SEND_SHUTDOWN_BIT 2

/* INET_DIAG_SHUTDOWN, UNIX_DIAG_SHUTDOWN: a u8 of RCV_SHUTDOWN and
 * SEND_SHUTDOWN bits, which strace 6.1 prints in hex with the names in a
 * comment (0 alone) */
static bool diag_shutdown(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	uint8_t v;
	(void)ctx;
	if (len < sizeof(v))
		return false;
	if (!net_fetch(c, e, NULL, addr, &v, sizeof(v)))
		return true;
	emit_hex(e, NULL, v);
	if (v && opt.xlat_style != XLAT_STYLE_RAW) {
		struct sbuf *b = emit_sb(e);
		const char *sep = "";
		sbuf_puts(b, " /* ");
		if (v & RCV_SHUTDOWN_BIT) {
			sbuf_puts(b, "RCV_SHUTDOWN");
			sep = "|";
		}
		if (v & SEND_SHUTDOWN_BIT) {
			sbuf_printf(b, "%sSEND_SHUTDOWN", sep);
			sep = "|";
		}
		if (v & ~(RCV_SHUTDOWN_BIT | SEND_SHUTDOWN_BIT))
			sbuf_printf(b, "%s%#x", sep, v & ~(RCV_SHUTDOWN_BIT | SEND_SHUTDOWN_BIT));
		sbuf_puts(b, " */");
	}
	return true;
}

/* ---- attribute tables ---- */

/* SK_MEMINFO_* indexed u32 numbers */
#define NL_MEMINFO NL_UARRAY32(sk_meminfo, "SK_MEMINFO_???")

static const struct nla_type inet_req_types[] = {
	[INET_DIAG_REQ_BYTECODE] = NL_CODE(diag_bytecode),
};

static const struct nla_policy inet_req_policy = NL_POLICY(inet_diag_req_attrs, "INET_DIAG_REQ_???", inet_req_types);

static const struct nl_field inet_meminfo_fields[] = {
	NL_FIELD(inet_diag_meminfo, idiag_rmem, NL_U32),
	NL_FIELD(inet_diag_meminfo, idiag_wmem, NL_U32),
	NL_FIELD(inet_diag_meminfo, idiag_fmem, NL_U32),
	NL_FIELD(inet_diag_meminfo, idiag_tmem, NL_U32),
};

static const struct nl_field vegas_fields[] = {
	NL_FIELD(tcpvegas_info, tcpv_enabled, NL_U32),
	NL_FIELD(tcpvegas_info, tcpv_rttcnt, NL_U32),
	NL_FIELD(tcpvegas_info, tcpv_rtt, NL_U32),
	NL_FIELD(tcpvegas_info, tcpv_minrtt, NL_U32),
};

static const struct nl_field dctcp_fields[] = {
	NL_FIELD(tcp_dctcp_info, dctcp_enabled, NL_U16),
	NL_FIELD(tcp_dctcp_info, dctcp_ce_state, NL_U16),
	NL_FIELD(tcp_dctcp_info, dctcp_alpha, NL_U32),
	NL_FIELD(tcp_dctcp_info, dctcp_ab_ecn, NL_U32),
	NL_FIELD(tcp_dctcp_info, dctcp_ab_tot, NL_U32),
};

static const struct nl_field bbr_fields[] = {
	NL_FIELD(tcp_bbr_info, bbr_bw_lo, NL_X32),
	NL_FIELD(tcp_bbr_info, bbr_bw_hi, NL_X32),
	NL_FIELD(tcp_bbr_info, bbr_min_rtt, NL_U32),
	NL_FIELD(tcp_bbr_info, bbr_pacing_gain, NL_U32),
	NL_FIELD(tcp_bbr_info, bbr_cwnd_gain, NL_U32),
};

static const struct nla_type inet_msg_types[] = {
	[INET_DIAG_MEMINFO] = NL_MEMBERS(sizeof(struct inet_diag_meminfo), inet_meminfo_fields),
	[INET_DIAG_VEGASINFO] = NL_MEMBERS(sizeof(struct tcpvegas_info), vegas_fields),
	[INET_DIAG_CONG] = NL_STR,
	[INET_DIAG_TOS] = NL_U8,
	[INET_DIAG_TCLASS] = NL_U8,
	[INET_DIAG_SKMEMINFO] = NL_MEMINFO,
	[INET_DIAG_SHUTDOWN] = NL_CODE(diag_shutdown),
	[INET_DIAG_DCTCPINFO] = NL_MEMBERS(sizeof(struct tcp_dctcp_info), dctcp_fields),
	[INET_DIAG_PROTOCOL] = NL_U8,
	[INET_DIAG_SKV6ONLY] = NL_U8,
	[INET_DIAG_MARK] = NL_U32,
	[INET_DIAG_BBRINFO] = NL_MEMBERS(sizeof(struct tcp_bbr_info), bbr_fields),
	[INET_DIAG_CLASS_ID] = NL_U32,
	[INET_DIAG_CGROUP_ID] = NL_U64,
	[INET_DIAG_SOCKOPT] = NL_CODE(diag_sockopt),
};

static const struct nla_policy inet_msg_policy = NL_POLICY(inet_diag_attrs, "INET_DIAG_???", inet_msg_types);

static const struct nl_field unix_rqlen_fields[] = {
	NL_FIELD(unix_diag_rqlen, udiag_rqueue, NL_U32),
	NL_FIELD(unix_diag_rqlen, udiag_wqueue, NL_U32),
};

static const struct nla_type unix_msg_types[] = {
	[UNIX_DIAG_NAME] = NL_STR,
	[UNIX_DIAG_VFS] = NL_STRUCT(sizeof(struct unix_diag_vfs), print_unix_vfs),
	[UNIX_DIAG_PEER] = NL_U32,
	[UNIX_DIAG_ICONS] = NL_CODE(diag_icons),
	[UNIX_DIAG_RQLEN] = NL_MEMBERS(sizeof(struct unix_diag_rqlen), unix_rqlen_fields),
	[UNIX_DIAG_MEMINFO] = NL_MEMINFO,
	[UNIX_DIAG_SHUTDOWN] = NL_CODE(diag_shutdown),
	[UNIX_DIAG_UID] = NL_ID,
};

static const struct nla_policy unix_msg_policy = NL_POLICY(unix_diag_attrs, "UNIX_DIAG_???", unix_msg_types);

static const struct nl_field netlink_ring_fields[] = {
	NL_FIELD(netlink_diag_ring, ndr_block_size, NL_U32),
	NL_FIELD(netlink_diag_ring, ndr_block_nr, NL_U32),
	NL_FIELD(netlink_diag_ring, ndr_frame_size, NL_U32),
	NL_FIELD(netlink_diag_ring, ndr_frame_nr, NL_U32),
};

static const struct nla_type netlink_msg_types[] = {
	[NETLINK_DIAG_MEMINFO] = NL_MEMINFO,
	[NETLINK_DIAG_GROUPS] = NL_CODE(diag_groups),
	[NETLINK_DIAG_RX_RING] = NL_MEMBERS(sizeof(struct netlink_diag_ring), netlink_ring_fields),
	[NETLINK_DIAG_TX_RING] = NL_MEMBERS(sizeof(struct netlink_diag_ring), netlink_ring_fields),
	[NETLINK_DIAG_FLAGS] = NL_FLAGS(4, netlink_socket_flags, "NDIAG_FLAG_???"),
};

static const struct nla_policy netlink_msg_policy =
	NL_POLICY(netlink_diag_attrs, "NETLINK_DIAG_???", netlink_msg_types);

static const struct nl_field packet_info_fields[] = {
	NL_FIELD(packet_diag_info, pdi_index, NL_IFINDEX),
	NL_FIELD(packet_diag_info, pdi_version, NL_ENUM(4, packet_versions, "TPACKET_???")),
	NL_FIELD(packet_diag_info, pdi_reserve, NL_U32),
	NL_FIELD(packet_diag_info, pdi_copy_thresh, NL_U32),
	NL_FIELD(packet_diag_info, pdi_tstamp, NL_U32),
	NL_FIELD(packet_diag_info, pdi_flags, NL_FLAGS(4, packet_diag_info_flags, "PDI_???")),
};

static const struct nl_field packet_ring_fields[] = {
	NL_FIELD(packet_diag_ring, pdr_block_size, NL_U32),
	NL_FIELD(packet_diag_ring, pdr_block_nr, NL_U32),
	NL_FIELD(packet_diag_ring, pdr_frame_size, NL_U32),
	NL_FIELD(packet_diag_ring, pdr_frame_nr, NL_U32),
	NL_FIELD(packet_diag_ring, pdr_retire_tmo, NL_U32),
	NL_FIELD(packet_diag_ring, pdr_sizeof_priv, NL_U32),
	NL_FIELD(packet_diag_ring, pdr_features, NL_U32),
};

static const struct nla_type packet_msg_types[] = {
	[PACKET_DIAG_INFO] = NL_MEMBERS(sizeof(struct packet_diag_info), packet_info_fields),
	[PACKET_DIAG_MCLIST] = NL_CODE(diag_mclist),
	[PACKET_DIAG_RX_RING] = NL_MEMBERS(sizeof(struct packet_diag_ring), packet_ring_fields),
	[PACKET_DIAG_TX_RING] = NL_MEMBERS(sizeof(struct packet_diag_ring), packet_ring_fields),
	[PACKET_DIAG_FANOUT] = NL_U32,
	[PACKET_DIAG_UID] = NL_ID,
	[PACKET_DIAG_MEMINFO] = NL_MEMINFO,
};

static const struct nla_policy packet_msg_policy = NL_POLICY(packet_diag_attrs, "PACKET_DIAG_???", packet_msg_types);

/* ---- the structs ---- */

/* the fields after the family of a struct read whole into v */
typedef void (*diag_fields)(struct emit *e, const void *v);

static void unix_req(struct emit *e, const void *v)
{
	struct unix_diag_req r;
	memcpy(&r, v, sizeof(r));
	emit_uint(e, "sdiag_protocol", r.sdiag_protocol);
	net_emit_flags(e, "udiag_states", XLAT(tcp_state_flags), r.udiag_states, "1<<TCP_???");
	emit_uint(e, "udiag_ino", r.udiag_ino);
	net_emit_flags(e, "udiag_show", XLAT(unix_diag_show), r.udiag_show, "UDIAG_SHOW_???");
	emit_cookie(e, "udiag_cookie", r.udiag_cookie);
}

static void unix_msg(struct emit *e, const void *v)
{
	struct unix_diag_msg m;
	memcpy(&m, v, sizeof(m));
	net_emit_enum(e, "udiag_type", XLAT(socket_types), m.udiag_type, "SOCK_???");
	net_emit_enum(e, "udiag_state", XLAT(tcp_states), m.udiag_state, "TCP_???");
	emit_uint(e, "udiag_ino", m.udiag_ino);
	emit_cookie(e, "udiag_cookie", m.udiag_cookie);
}

static void inet_req_v2(struct emit *e, const void *v)
{
	struct inet_diag_req_v2 r;
	memcpy(&r, v, sizeof(r));
	net_emit_enum(e, "sdiag_protocol", XLAT(socket_protocols_inet), r.sdiag_protocol, "IPPROTO_???");
	net_emit_flags(e, "idiag_ext", XLAT(inet_diag_extended_flags), r.idiag_ext, "1<<(INET_DIAG_??\?-1)");
	net_emit_flags(e, "idiag_states", XLAT(tcp_state_flags), r.idiag_states, "1<<TCP_???");
	emit_sockid(e, "id", r.sdiag_family, &r.id);
}

/* struct inet_diag_req of TCPDIAG_GETSOCK and DCCPDIAG_GETSOCK */
static void inet_req_compat(struct emit *e, const void *v)
{
	struct inet_diag_req r;
	memcpy(&r, v, sizeof(r));
	emit_uint(e, "idiag_src_len", r.idiag_src_len);
	emit_uint(e, "idiag_dst_len", r.idiag_dst_len);
	net_emit_flags(e, "idiag_ext", XLAT(inet_diag_extended_flags), r.idiag_ext, "1<<(INET_DIAG_??\?-1)");
	emit_sockid(e, "id", r.idiag_family, &r.id);
	net_emit_flags(e, "idiag_states", XLAT(tcp_state_flags), r.idiag_states, "1<<TCP_???");
	emit_uint(e, "idiag_dbs", r.idiag_dbs);
}

static void inet_msg(struct emit *e, const void *v)
{
	struct inet_diag_msg m;
	memcpy(&m, v, sizeof(m));
	net_emit_enum(e, "idiag_state", XLAT(tcp_states), m.idiag_state, "TCP_???");
	emit_uint(e, "idiag_timer", m.idiag_timer);
	emit_uint(e, "idiag_retrans", m.idiag_retrans);
	emit_sockid(e, "id", m.idiag_family, &m.id);
	emit_uint(e, "idiag_expires", m.idiag_expires);
	emit_uint(e, "idiag_rqueue", m.idiag_rqueue);
	emit_uint(e, "idiag_wqueue", m.idiag_wqueue);
	emit_uint(e, "idiag_uid", m.idiag_uid);
	emit_uint(e, "idiag_inode", m.idiag_inode);
}

static void netlink_req(struct emit *e, const void *v)
{
	struct netlink_diag_req r;
	memcpy(&r, v, sizeof(r));
	net_emit_enum(e, "sdiag_protocol",
		      r.sdiag_protocol == NDIAG_PROTO_ALL ? XLAT(netlink_diag_proto_all) : XLAT(netlink_protocols),
		      r.sdiag_protocol, "NETLINK_???");
	emit_uint(e, "ndiag_ino", r.ndiag_ino);
	net_emit_flags(e, "ndiag_show", XLAT(netlink_diag_show), r.ndiag_show, "NDIAG_SHOW_???");
	emit_cookie(e, "ndiag_cookie", r.ndiag_cookie);
}

static void netlink_msg(struct emit *e, const void *v)
{
	struct netlink_diag_msg m;
	memcpy(&m, v, sizeof(m));
	net_emit_enum(e, "ndiag_type", XLAT(socket_types), m.ndiag_type, "SOCK_???");
	net_emit_enum(e, "ndiag_protocol", XLAT(netlink_protocols), m.ndiag_protocol, "NETLINK_???");
	net_emit_enum(e, "ndiag_state", XLAT(tcp_states), m.ndiag_state, "TCP_???");
	emit_uint(e, "ndiag_portid", m.ndiag_portid);
	emit_uint(e, "ndiag_dst_portid", m.ndiag_dst_portid);
	emit_uint(e, "ndiag_dst_group", m.ndiag_dst_group);
	emit_uint(e, "ndiag_ino", m.ndiag_ino);
	emit_cookie(e, "ndiag_cookie", m.ndiag_cookie);
}

static void packet_req(struct emit *e, const void *v)
{
	struct packet_diag_req r;
	memcpy(&r, v, sizeof(r));
	emit_uint(e, "sdiag_protocol", r.sdiag_protocol);
	emit_uint(e, "pdiag_ino", r.pdiag_ino);
	net_emit_flags(e, "pdiag_show", XLAT(packet_diag_show), r.pdiag_show, "PACKET_SHOW_???");
	emit_cookie(e, "pdiag_cookie", r.pdiag_cookie);
}

static void packet_msg(struct emit *e, const void *v)
{
	struct packet_diag_msg m;
	memcpy(&m, v, sizeof(m));
	net_emit_enum(e, "pdiag_type", XLAT(socket_types), m.pdiag_type, "SOCK_???");
	net_emit_enum(e, "pdiag_num", XLAT(ethernet_protocols), m.pdiag_num, "ETH_P_???");
	emit_uint(e, "pdiag_ino", m.pdiag_ino);
	emit_cookie(e, "pdiag_cookie", m.pdiag_cookie);
}

/* one struct: its family field name, its size, its fields, and the
 * attributes that may follow it (none: what follows is not shown) */
struct diag_struct {
	const char *family_field;
	size_t size;
	diag_fields fields;
	const struct nla_policy *attrs;
};

#define DIAG(field, st, fn, policy) { field, sizeof(struct st), fn, policy }

static const struct diag_struct unix_structs[2] = {
	DIAG("sdiag_family", unix_diag_req, unix_req, NULL),
	DIAG("udiag_family", unix_diag_msg, unix_msg, &unix_msg_policy),
};
static const struct diag_struct inet_structs[2] = {
	DIAG("sdiag_family", inet_diag_req_v2, inet_req_v2, &inet_req_policy),
	DIAG("idiag_family", inet_diag_msg, inet_msg, &inet_msg_policy),
};
static const struct diag_struct inet_compat_req = DIAG("idiag_family", inet_diag_req, inet_req_compat, &inet_req_policy);
static const struct diag_struct netlink_structs[2] = {
	DIAG("sdiag_family", netlink_diag_req, netlink_req, NULL),
	DIAG("ndiag_family", netlink_diag_msg, netlink_msg, &netlink_msg_policy),
};
static const struct diag_struct packet_structs[2] = {
	DIAG("sdiag_family", packet_diag_req, packet_req, NULL),
	DIAG("pdiag_family", packet_diag_msg, packet_msg, &packet_msg_policy),
};

/* "{xx_family=AF_..., fields}" (or ", ..." when len is short of the
 * struct), then the attributes after it */
static void diag_print(struct call *c, struct emit *e, const struct diag_struct *d, unsigned char family,
		       unsigned long addr, unsigned long len)
{
	union {
		unsigned char b[128];
		uint64_t align;
	} v = { 0 };
	bool attrs = false;
	emit_struct_begin(e, NULL);
	net_emit_enum(e, d->family_field, XLAT(address_families), family, "AF_???");
	if (len >= d->size && d->size <= sizeof(v)) {
		if (net_fetch(c, e, NULL, addr, v.b, d->size)) {
			d->fields(e, v.b);
			attrs = true;
		}
	} else {
		emit_more(e);
	}
	emit_struct_end(e);
	if (attrs && d->attrs && len > NLMSG_ALIGN(d->size)) {
		unsigned char ctx = family;
		nl_attrs(c, e, d->attrs, addr + NLMSG_ALIGN(d->size), len - NLMSG_ALIGN(d->size), &ctx);
	}
}

bool sock_diag_print(struct call *c, struct emit *e, unsigned type, unsigned flags, unsigned long addr,
		     unsigned long len)
{
	unsigned char family;
	const struct diag_struct *pair = NULL;
	if (type == NLMSG_DONE)
		return false;
	if (!net_fetch(c, e, NULL, addr, &family, 1))
		return true;
	switch (family) {
	case AF_UNIX: pair = unix_structs; break;
	case AF_INET: case AF_INET6: pair = inet_structs; break;
	case AF_NETLINK: pair = netlink_structs; break;
	case AF_PACKET: pair = packet_structs; break;
	}
	if (!pair || len <= 1) {
		emit_struct_begin(e, NULL);
		net_emit_enum(e, "family", XLAT(address_families), family, "AF_???");
		if (len > 1)
			nl_hex(c, e, "data", addr + 1, len - 1);
		emit_struct_end(e);
		return true;
	}
	if (!(flags & NLM_F_REQUEST)) {
		diag_print(c, e, &pair[1], family, addr, len);
		return true;
	}
	if (pair == inet_structs && (type == TCPDIAG_GETSOCK || type == DCCPDIAG_GETSOCK))
		diag_print(c, e, &inet_compat_req, family, addr, len);
	else
		diag_print(c, e, &pair[0], family, addr, len);
	return true;
}
