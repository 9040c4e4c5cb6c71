/* SPDX-License-Identifier: MIT */
/* NETLINK_ROUTE links: the body of RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK
 * and RTM_SETLINK, as strace 6.1 prints it:
 *   {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_LOOPBACK,
 *    ifi_index=if_nametoindex("lo"), ifi_flags=IFF_UP|IFF_LOOPBACK|...,
 *    ifi_change=0}, [[{nla_len=7, nla_type=IFLA_IFNAME}, "lo"], ...]
 * The IFLA_* attributes strace decodes are decoded here, with their nested
 * attributes (IFLA_LINKINFO, IFLA_XDP, IFLA_AF_SPEC for AF_INET, AF_INET6
 * and AF_MCTP, IFLA_PROP_LIST, IFLA_PROTINFO of AF_INET6 links,
 * IFLA_PROTO_DOWN_REASON), and those of bridges and bridge ports
 * (src/structs/netlink_bridge.c), and the port profiles of IFLA_PORT_SELF
 * and IFLA_VF_PORTS. Not decoded, where strace 6.1 does: the payloads of
 * the IFLA_VF_* attributes of a virtual function (in IFLA_VFINFO_LIST, on
 * SR-IOV cards), which print as hex strings. */
#include "netlink.h"
#include "../options.h"
#include "../umem.h"
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

/* what a link message says that decides how later attributes print: its
 * family (first, as rtnl_print wants it), and the kinds of link of the IFLA_LINKINFO being printed ("" until
 * seen: strace reads the attributes in order) */
struct link_ctx {
	unsigned char family;
	char kind[32], slave_kind[32];
};

/* ---- payloads that need code ---- */

/* the length of a hardware address by its ARPHRD_* type, where strace
 * 6.1 knows one */
static unsigned long hwaddr_len(unsigned type)
{
	switch (type) {
	case ARPHRD_NETROM: case ARPHRD_AX25: return 7;
	case ARPHRD_ETHER: case ARPHRD_IEEE802: return 6;
	case ARPHRD_ARCNET: return 1;
	case ARPHRD_DLCI: return 2;
	case ARPHRD_IEEE1394: return 16;
	case ARPHRD_EUI64: return 8;
	case ARPHRD_INFINIBAND: return 20;
	}
	return 32;
}

/* a hardware address of up to MAX_ADDR_LEN (32) bytes, cut to the length
 * of its type; strace 6.1 takes the message's ifi_family (ctx) for that
 * type. -X raw shows the bytes (all of them, cut by -s), -X verbose the
 * bytes and the address. */
static bool ifla_hwaddr(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	unsigned char a[32];
	unsigned long n = len, max = hwaddr_len(((struct link_ctx *)ctx)->family);
	if (len > sizeof(a))
		return false;
	if (n > max)
		n = max;
	if (opt.xlat_style != XLAT_STYLE_ABBREV) {
		nl_hex(c, e, NULL, addr, len);
		if (opt.xlat_style == XLAT_STYLE_RAW || umem_read(c->pid, addr, a, n) < 0)
			return true;
		sbuf_puts(emit_sb(e), " /* ");
	} else {
		if (!net_fetch(c, e, NULL, addr, a, n))
			return true;
		emit_item(e, NULL);
	}
	for (unsigned long i = 0; i < n; i++)
		sbuf_printf(emit_sb(e), i ? ":%02x" : "%02x", a[i]);
	if (opt.xlat_style != XLAT_STYLE_ABBREV)
		sbuf_puts(emit_sb(e), " */");
	return true;
}

/* struct rtnl_link_stats and rtnl_link_stats64 share their field names;
 * the kernel added the last ones over time: strace 6.1 knows 23 or 24
 * u32 fields, 23, 24 or 25 u64 fields */
static const char *const stats_fields[] = {
	"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors", "rx_dropped",
	"tx_dropped", "multicast", "collisions", "rx_length_errors", "rx_over_errors", "rx_crc_errors",
	"rx_frame_errors", "rx_fifo_errors", "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors",
	"tx_fifo_errors", "tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed",
	"rx_nohandler", "rx_otherhost_dropped",
};

/* struct rtnl_link_ifmap up to its last field (port): its padding may be
 * missing */
#define IFMAP_SIZE (offsetof(struct rtnl_link_ifmap, port) + sizeof(((struct rtnl_link_ifmap *)0)->port))

static const struct nl_field ifmap_fields[] = {
	NL_FIELD(rtnl_link_ifmap, mem_start, NL_X64),
	NL_FIELD(rtnl_link_ifmap, mem_end, NL_X64),
	NL_FIELD(rtnl_link_ifmap, base_addr, NL_X64),
	NL_FIELD(rtnl_link_ifmap, irq, NL_U16),
	NL_FIELD(rtnl_link_ifmap, dma, NL_U8),
	NL_FIELD(rtnl_link_ifmap, port, NL_U8),
};

/* struct ifla_cacheinfo of AF_INET6 */
static const char *const inet6_cacheinfo_fields[] = { "max_reasm_len", "tstamp", "reachable_time", "retrans_time" };

/* struct ifla_port_vsi: its byte arrays always in hex */
static void print_port_vsi(struct emit *e, const void *p)
{
	struct ifla_port_vsi v;
	memcpy(&v, p, sizeof(v));
	emit_struct_begin(e, NULL);
	emit_uint(e, "vsi_mgr_id", v.vsi_mgr_id);
	emit_item(e, "vsi_type_id");
	net_sb_hexstr(emit_sb(e), v.vsi_type_id, sizeof(v.vsi_type_id));
	emit_uint(e, "vsi_type_version", v.vsi_type_version);
	emit_item(e, "pad");
	net_sb_hexstr(emit_sb(e), v.pad, sizeof(v.pad));
	emit_struct_end(e);
}

/* ---- IFLA_LINKINFO: the kind of link, then data by that kind ---- */

/* the kind of link ("veth", "bridge" ...), which strace reads as a C
 * string: up to its first NUL, "..." when there is none; kept in kind for
 * the data that follows */
static bool info_kind_str(struct call *c, struct emit *e, unsigned long addr, unsigned long len, char *kind,
			  size_t size)
{
	char s[256];
	unsigned long lim = (unsigned long)opt.strsize, n = len < lim + 1 ? len : lim + 1;
	if (n < size)
		n = len < size ? len : size;
	if (n > sizeof(s))
		n = sizeof(s);
	if (umem_read(c->pid, addr, s, n) < 0) {
		emit_ptr(e, NULL, addr);
		return true;
	}
	const char *z = memchr(s, 0, n);
	size_t klen = z ? (size_t)(z - s) : n;
	snprintf(kind, size, "%.*s", (int)(klen < size ? klen : size - 1), s);
	if (z && klen <= lim)
		emit_str(e, NULL, s, klen, 0);
	else
		emit_str(e, NULL, s, n < lim ? n : lim, STR_TRUNCATED);
	return true;
}

static bool info_kind(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct link_ctx *lc = ctx;
	return info_kind_str(c, e, addr, len, lc->kind, sizeof(lc->kind));
}

static bool info_slave_kind(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct link_ctx *lc = ctx;
	return info_kind_str(c, e, addr, len, lc->slave_kind, sizeof(lc->slave_kind));
}

static const struct nla_type tun_types[] = {
	[1 /* IFLA_TUN_OWNER */] = NL_ID,
	[2 /* IFLA_TUN_GROUP */] = NL_ID,
	[3 /* IFLA_TUN_TYPE */] = NL_ENUM(1, tun_device_types, "IFF_???"),
	[4 /* IFLA_TUN_PI */] = NL_U8,
	[5 /* IFLA_TUN_VNET_HDR */] = NL_U8,
	[6 /* IFLA_TUN_PERSIST */] = NL_U8,
	[7 /* IFLA_TUN_MULTI_QUEUE */] = NL_U8,
	[8 /* IFLA_TUN_NUM_QUEUES */] = NL_U32,
	[9 /* IFLA_TUN_NUM_DISABLED_QUEUES */] = NL_U32,
};

static const struct nla_policy tun_policy = NL_POLICY(rtnl_ifla_info_data_tun_attrs, "IFLA_TUN_???", tun_types);

/* the data of the kinds strace 6.1 knows (bridges, tun devices), and of
 * the slave kinds (bridge ports); the others print raw */
static const struct {
	const char *kind;
	const struct nla_policy *data, *slave_data;
} kinds[] = {
	{ "bridge", &rtnl_bridge_policy, &rtnl_brport_policy },
	{ "tun", &tun_policy, NULL },
};

static const struct nla_policy *kind_policy(const char *kind, bool slave)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kind, kinds[i].kind))
			return slave ? kinds[i].slave_data : kinds[i].data;
	return NULL;
}

static bool info_data(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	return nl_nested(c, e, kind_policy(((struct link_ctx *)ctx)->kind, false), addr, len, ctx);
}

static bool info_slave_data(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	return nl_nested(c, e, kind_policy(((struct link_ctx *)ctx)->slave_kind, true), addr, len, ctx);
}

static const struct nla_type linkinfo_types[] = {
	[IFLA_INFO_KIND] = NL_CODE(info_kind),
	[IFLA_INFO_DATA] = NL_CODE(info_data),
	[IFLA_INFO_SLAVE_KIND] = NL_CODE(info_slave_kind),
	[IFLA_INFO_SLAVE_DATA] = NL_CODE(info_slave_data),
};

static const struct nla_policy linkinfo_policy = NL_POLICY(rtnl_ifla_info_attrs, "IFLA_INFO_???", linkinfo_types);

/* each IFLA_LINKINFO starts with no kind known */
static bool ifla_linkinfo(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct link_ctx *lc = ctx;
	lc->kind[0] = lc->slave_kind[0] = 0;
	return nl_nested(c, e, &linkinfo_policy, addr, len, ctx);
}

/* ---- other nested attributes ---- */

static const struct nla_type xdp_types[] = {
	[IFLA_XDP_FD] = NL_FD,
	[IFLA_XDP_ATTACHED] = NL_ENUM(1, rtnl_ifla_xdp_attached_mode, "XDP_ATTACHED_???"),
	[IFLA_XDP_FLAGS] = NL_FLAGS32(xdp_flags, "XDP_FLAGS_???"),
	[IFLA_XDP_PROG_ID] = NL_U32,
	[IFLA_XDP_DRV_PROG_ID] = NL_U32,
	[IFLA_XDP_SKB_PROG_ID] = NL_U32,
	[IFLA_XDP_HW_PROG_ID] = NL_U32,
	[IFLA_XDP_EXPECTED_FD] = NL_FD,
};

static const struct nla_policy xdp_policy = NL_POLICY(rtnl_ifla_xdp_attrs, "IFLA_XDP_???", xdp_types);

/* the alternative names of a link: IFLA_* types again */
static const struct nla_type prop_list_types[] = {
	[IFLA_ALT_IFNAME] = NL_STR,
};

static const struct nla_policy prop_list_policy = NL_POLICY(rtnl_link_attrs, "IFLA_???", prop_list_types);

static const struct nla_type proto_down_reason_types[] = {
	[IFLA_PROTO_DOWN_REASON_MASK] = NL_X32,
	[IFLA_PROTO_DOWN_REASON_VALUE] = NL_X32,
};

static const struct nla_policy proto_down_reason_policy =
	NL_POLICY(rtnl_ifla_proto_down_reason_attrs, "IFLA_PROTO_DOWN_REASON_???", proto_down_reason_types);

/* AF_INET: the IPv4 settings of the link, indexed from 0 for
 * IPV4_DEVCONF_FORWARDING (1) */
static const struct nla_type af_inet_types[] = {
	[IFLA_INET_CONF] = NL_ARRAY(4, inet_devconf_indices, "IPV4_DEVCONF_???"),
};

static const struct nla_policy af_inet_policy =
	NL_POLICY(rtnl_ifla_af_spec_inet_attrs, "IFLA_INET_???", af_inet_types);

/* AF_INET6: flags, settings, statistics */
static const struct nla_type af_inet6_types[] = {
	[IFLA_INET6_FLAGS] = NL_FLAGS(4, inet6_if_flags, "IF_???"),
	[IFLA_INET6_CONF] = NL_ARRAY(4, inet6_devconf_indices, "DEVCONF_???"),
	[IFLA_INET6_STATS] = NL_ARRAY(8, snmp_ip_stats, "IPSTATS_MIB_???"),
	[IFLA_INET6_CACHEINFO] = NL_NUMBERS(4, inet6_cacheinfo_fields, 4, 4),
	[IFLA_INET6_ICMP6STATS] = NL_ARRAY(8, snmp_icmp6_stats, "ICMP6_MIB_???"),
	[IFLA_INET6_TOKEN] = NL_INADDR(16),
	[IFLA_INET6_ADDR_GEN_MODE] = NL_ENUM(1, in6_addr_gen_mode, "IN6_ADDR_GEN_MODE_???"),
	[IFLA_INET6_RA_MTU] = NL_U32,
};

static const struct nla_policy af_inet6_policy =
	NL_POLICY(rtnl_ifla_af_spec_inet6_attrs, "IFLA_INET6_???", af_inet6_types);

static const struct nla_type af_mctp_types[] = {
	[1 /* IFLA_MCTP_NET */] = NL_U32,
};

static const struct nla_policy af_mctp_policy =
	NL_POLICY(rtnl_ifla_af_spec_mctp_attrs, "IFLA_MCTP_???", af_mctp_types);

/* per address family: each family's attributes, typed by the family */
static const struct nla_type af_spec_types[] = {
	[AF_INET] = NL_NESTED(af_inet_policy),
	[AF_INET6] = NL_NESTED(af_inet6_policy),
	[AF_MCTP] = NL_NESTED(af_mctp_policy),
};

static const struct nla_policy af_spec_policy = {
	.names = XLAT_address_families, .unknown = "AF_???", .types = af_spec_types,
	.n = sizeof(af_spec_types) / sizeof(af_spec_types[0]), .low_byte = true,
};

/* AF_BRIDGE messages hold the bridge's own attributes here */
static bool ifla_af_spec(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	bool bridge = ((struct link_ctx *)ctx)->family == AF_BRIDGE;
	return nl_nested(c, e, bridge ? &rtnl_bridge_af_spec_policy : &af_spec_policy, addr, len, ctx);
}

/* the protocol's own attributes, by the family of the message */
static bool ifla_protinfo(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	switch (((struct link_ctx *)ctx)->family) {
	case AF_INET6: return nl_nested(c, e, &af_inet6_policy, addr, len, ctx);
	case AF_BRIDGE: return nl_nested(c, e, &rtnl_brport_policy, addr, len, ctx);
	}
	return false;
}

/* ---- virtual functions (SR-IOV) and port profiles ---- */

static const struct nla_type port_types[] = {
	[IFLA_PORT_VF] = NL_U32,
	[IFLA_PORT_PROFILE] = NL_STR,
	[IFLA_PORT_VSI_TYPE] = NL_STRUCT(sizeof(struct ifla_port_vsi), print_port_vsi),
	[IFLA_PORT_REQUEST] = NL_U8,
	[IFLA_PORT_RESPONSE] = NL_U16,
};

static const struct nla_policy port_policy = NL_POLICY(rtnl_ifla_port_attrs, "IFLA_VF_PORT_???", port_types);

static const struct nla_type vf_ports_types[] = {
	[IFLA_VF_PORT] = NL_NESTED(port_policy),
};

static const struct nla_policy vf_ports_policy =
	NL_POLICY(rtnl_ifla_vf_ports_attrs, "IFLA_VF_PORT_???", vf_ports_types);

/* the attributes of one virtual function, by name only */
static const struct nla_policy vf_info_policy = { .names = XLAT_rtnl_ifla_vf_info_attrs, .unknown = "IFLA_VF_???" };

static const struct nla_type vfinfo_list_types[] = {
	[IFLA_VF_INFO] = NL_NESTED(vf_info_policy),
};

static const struct nla_policy vfinfo_list_policy =
	NL_POLICY(rtnl_ifla_vfinfo_list_attrs, "IFLA_VF_INFO_???", vfinfo_list_types);

/* ---- the message ---- */

static const struct nla_type ifla_types[] = {
	[IFLA_ADDRESS] = NL_CODE(ifla_hwaddr),
	[IFLA_BROADCAST] = NL_CODE(ifla_hwaddr),
	[IFLA_IFNAME] = NL_STR,
	[IFLA_MTU] = NL_U32,
	[IFLA_LINK] = NL_U32,
	[IFLA_QDISC] = NL_STR,
	[IFLA_STATS] = NL_NUMBERS(4, stats_fields, 23, 24),
	[IFLA_MASTER] = NL_U32,
	[IFLA_PROTINFO] = NL_CODE(ifla_protinfo),
	[IFLA_TXQLEN] = NL_U32,
	[IFLA_MAP] = NL_MEMBERS(IFMAP_SIZE, ifmap_fields),
	[IFLA_WEIGHT] = NL_U32,
	[IFLA_OPERSTATE] = NL_U8,
	[IFLA_LINKMODE] = NL_U8,
	[IFLA_LINKINFO] = NL_CODE(ifla_linkinfo),
	[IFLA_NET_NS_PID] = NL_U32,
	[IFLA_IFALIAS] = NL_STR,
	[IFLA_NUM_VF] = NL_U32,
	[IFLA_VFINFO_LIST] = NL_NESTED(vfinfo_list_policy),
	[IFLA_STATS64] = NL_NUMBERS(8, stats_fields, 23, 25),
	[IFLA_VF_PORTS] = NL_NESTED(vf_ports_policy),
	[IFLA_PORT_SELF] = NL_NESTED(port_policy),
	[IFLA_AF_SPEC] = NL_CODE(ifla_af_spec),
	[IFLA_GROUP] = NL_U32,
	[IFLA_NET_NS_FD] = NL_FD,
	[IFLA_EXT_MASK] = NL_FLAGS(4, rtnl_ifla_ext_filter_flags, "RTEXT_FILTER_???"),
	[IFLA_PROMISCUITY] = NL_U32,
	[IFLA_NUM_TX_QUEUES] = NL_U32,
	[IFLA_NUM_RX_QUEUES] = NL_U32,
	[IFLA_CARRIER] = NL_U8,
	[IFLA_CARRIER_CHANGES] = NL_U32,
	[IFLA_LINK_NETNSID] = NL_S32,
	[IFLA_PHYS_PORT_NAME] = NL_STR,
	[IFLA_PROTO_DOWN] = NL_U8,
	[IFLA_GSO_MAX_SEGS] = NL_U32,
	[IFLA_GSO_MAX_SIZE] = NL_U32,
	[IFLA_XDP] = NL_NESTED(xdp_policy),
	[IFLA_EVENT] = NL_ENUM32(rtnl_ifla_events, "IFLA_EVENT_???"),
	[IFLA_NEW_NETNSID] = NL_S32,
	[IFLA_IF_NETNSID] = NL_S32,
	[IFLA_CARRIER_UP_COUNT] = NL_U32,
	[IFLA_CARRIER_DOWN_COUNT] = NL_U32,
	[IFLA_NEW_IFINDEX] = NL_IFINDEX,
	[IFLA_MIN_MTU] = NL_U32,
	[IFLA_MAX_MTU] = NL_U32,
	[IFLA_PROP_LIST] = NL_NESTED(prop_list_policy),
	[IFLA_ALT_IFNAME] = NL_STR,
	[IFLA_PERM_ADDRESS] = NL_CODE(ifla_hwaddr),
	[IFLA_PROTO_DOWN_REASON] = NL_NESTED(proto_down_reason_policy),
	[IFLA_PARENT_DEV_NAME] = NL_STR,
	[IFLA_PARENT_DEV_BUS_NAME] = NL_STR,
	[IFLA_GRO_MAX_SIZE] = NL_U32,
	[IFLA_TSO_MAX_SIZE] = NL_U32,
	[IFLA_TSO_MAX_SEGS] = NL_U32,
	[IFLA_ALLMULTI] = NL_U32,
};

static const struct nla_policy ifla_policy = NL_POLICY(rtnl_link_attrs, "IFLA_???", ifla_types);

static const struct nl_field ifinfomsg_fields[] = {
	NL_FIELD(ifinfomsg, ifi_type, NL_ENUM(2, arp_hardware_types, "ARPHRD_???")),
	NL_FIELD(ifinfomsg, ifi_index, NL_IFINDEX),
	NL_FIELD(ifinfomsg, ifi_flags, NL_FLAGS(4, iff_flags, "IFF_???")),
	NL_FIELD(ifinfomsg, ifi_change, NL_X32),
};

static const struct rtnl_msg ifinfomsg = RTNL_MSG("ifi_family", ifinfomsg, ifinfomsg_fields, ifla_policy);

void rtnl_link_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len)
{
	struct link_ctx lc = { 0 };
	rtnl_print(c, e, &ifinfomsg, family, addr, len, &lc);
}
