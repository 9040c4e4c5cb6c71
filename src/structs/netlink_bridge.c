/* SPDX-License-Identifier: MIT */
/* NETLINK_ROUTE bridges, inside RTM_*LINK messages: the attributes of a
 * bridge (IFLA_BR_*, in IFLA_INFO_DATA of kind "bridge") and of a bridge
 * port (IFLA_BRPORT_*, in IFLA_PROTINFO of AF_BRIDGE messages and in
 * IFLA_INFO_SLAVE_DATA of slave kind "bridge"), as strace 6.1 prints them.
 * Not decoded, where strace 6.1 does: IFLA_BR_MCAST_QUERIER_STATE, which
 * prints as a hex string. */
#include "netlink.h"
#include "../options.h"
#include "../umem.h"
#include <arpa/inet.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <stdint.h>
#include <sys/socket.h>
#include <string.h>

#define NDECODERS(a) (sizeof(a) / sizeof((a)[0]))

/* a number of one to eight bytes, as strace reads the values it names */
static bool fetch_upto8(struct call *c, struct emit *e, unsigned long addr, unsigned long len, uint64_t *v)
{
	*v = 0;
	return net_fetch(c, e, NULL, addr, v, len);
}

/* a time in hundredths of a second (clock_t at USER_HZ): "261 /\* 2.61 s *\/",
 * and 0 alone */
static bool br_clock(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	uint64_t v;
	(void)ctx;
	if (len > sizeof(v))
		return false;
	if (!fetch_upto8(c, e, addr, len, &v))
		return true;
	emit_uint(e, NULL, v);
	if (v && opt.xlat_style != XLAT_STYLE_RAW)
		sbuf_printf(emit_sb(e), " /* %llu.%02llu s */", (unsigned long long)(v / 100),
			    (unsigned long long)(v % 100));
	return true;
}

static bool br_u16(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	uint16_t v;
	(void)ctx;
	if (len < sizeof(v))
		return false;
	if (net_fetch(c, e, NULL, addr, &v, sizeof(v)))
		emit_uint(e, NULL, v);
	return true;
}

static bool br_x16(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	uint16_t v;
	(void)ctx;
	if (len < sizeof(v))
		return false;
	if (net_fetch(c, e, NULL, addr, &v, sizeof(v)))
		emit_hex(e, NULL, v);
	return true;
}

/* n bytes of a MAC address already read: 42:b0:19:fd:b7:cd; -X raw shows
 * the bytes, -X verbose both */
static void emit_mac(struct emit *e, const char *name, const unsigned char *a, unsigned long n)
{
	struct sbuf *b = emit_sb(e);
	emit_item(e, name);
	if (opt.xlat_style != XLAT_STYLE_ABBREV) {
		net_sb_hexstr(b, a, n);
		if (opt.xlat_style == XLAT_STYLE_RAW)
			return;
		sbuf_puts(b, " /* ");
	}
	for (unsigned long i = 0; i < n; i++)
		sbuf_printf(b, i ? ":%02x" : "%02x", a[i]);
	if (opt.xlat_style != XLAT_STYLE_ABBREV)
		sbuf_puts(b, " */");
}

/* struct ifla_bridge_id: {prio=[128, 0], addr=42:b0:19:fd:b7:cd} */
static bool br_id(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct ifla_bridge_id id;
	(void)ctx;
	if (len < sizeof(id))
		return false;
	if (!net_fetch(c, e, NULL, addr, &id, sizeof(id)))
		return true;
	emit_struct_begin(e, NULL);
	emit_array_begin(e, "prio");
	emit_uint(e, NULL, id.prio[0]);
	emit_uint(e, NULL, id.prio[1]);
	emit_array_end(e);
	emit_mac(e, "addr", id.addr, sizeof(id.addr));
	emit_struct_end(e);
	return true;
}

/* a MAC address of any length */
static bool br_group_addr(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	unsigned char a[64];
	(void)ctx;
	if (len > sizeof(a))
		return false;
	if (net_fetch(c, e, NULL, addr, a, len))
		emit_mac(e, NULL, a, len);
	return true;
}

/* an ethertype in network byte order: htons(ETH_P_8021Q) */
static bool br_vlan_protocol(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	uint16_t v;
	(void)ctx;
	if (len < sizeof(v) || len > 8)
		return false;
	if (!net_fetch(c, e, NULL, addr, &v, sizeof(v)))
		return true;
	emit_item(e, NULL);
	sbuf_puts(emit_sb(e), "htons(");
	net_sb_enum(emit_sb(e), XLAT(ethernet_protocols), ntohs(v), "ETHER_P_???");
	sbuf_putc(emit_sb(e), ')');
	return true;
}

/* the names of the option bits of v as 1<<NAME, then the unknown ones in
 * hex; false when no bit has a name */
static bool sb_boolopt_names(struct sbuf *b, uint32_t v)
{
	uint32_t left = v;
	int n = 0;
	for (unsigned bit = 0; bit < 32; bit++) {
		const char *name = (v >> bit) & 1 ? xlat_name(XLAT(br_boolopt_bits), bit) : NULL;
		if (!name)
			continue;
		sbuf_printf(b, "%s1<<%s", n++ ? "|" : "", name);
		left &= ~(UINT32_C(1) << bit);
	}
	if (n && left) {
		sbuf_putc(b, '|');
		sbuf_hex(b, left);
	}
	return n;
}

/* as strace's printflags for bit numbers: NAMES, "0x18 /\* 1<<BR_BOOLOPT_??? *\/" */
static void sb_boolopts(struct sbuf *b, uint32_t v)
{
	if (!v || opt.xlat_style == XLAT_STYLE_RAW) {
		sbuf_hex(b, v);
		return;
	}
	if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
		sbuf_hex(b, v);
		sbuf_puts(b, " /* ");
		if (!sb_boolopt_names(b, v))
			sbuf_puts(b, "1<<BR_BOOLOPT_???");
		sbuf_puts(b, " */");
		return;
	}
	if (!sb_boolopt_names(b, v)) {
		sbuf_hex(b, v);
		sbuf_puts(b, " /* 1<<BR_BOOLOPT_??? */");
	}
}

static bool br_multi_boolopt(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct br_boolopt_multi bm;
	(void)ctx;
	if (len < sizeof(bm))
		return false;
	if (!net_fetch(c, e, NULL, addr, &bm, sizeof(bm)))
		return true;
	emit_struct_begin(e, NULL);
	emit_item(e, "optval");
	sb_boolopts(emit_sb(e), bm.optval);
	emit_item(e, "optmask");
	sb_boolopts(emit_sb(e), bm.optmask);
	emit_struct_end(e);
	return true;
}

static const nla_decoder brport_decoders[] = {
	[IFLA_BRPORT_STATE] = nla_u8,
	[IFLA_BRPORT_PRIORITY] = br_u16,
	[IFLA_BRPORT_COST] = nla_u32,
	[IFLA_BRPORT_MODE] = nla_u8,
	[IFLA_BRPORT_GUARD] = nla_u8,
	[IFLA_BRPORT_PROTECT] = nla_u8,
	[IFLA_BRPORT_FAST_LEAVE] = nla_u8,
	[IFLA_BRPORT_LEARNING] = nla_u8,
	[IFLA_BRPORT_UNICAST_FLOOD] = nla_u8,
	[IFLA_BRPORT_PROXYARP] = nla_u8,
	[IFLA_BRPORT_LEARNING_SYNC] = nla_u8,
	[IFLA_BRPORT_PROXYARP_WIFI] = nla_u8,
	[IFLA_BRPORT_ROOT_ID] = br_id,
	[IFLA_BRPORT_BRIDGE_ID] = br_id,
	[IFLA_BRPORT_DESIGNATED_PORT] = br_u16,
	[IFLA_BRPORT_DESIGNATED_COST] = br_u16,
	[IFLA_BRPORT_ID] = br_u16,
	[IFLA_BRPORT_NO] = br_u16,
	[IFLA_BRPORT_TOPOLOGY_CHANGE_ACK] = nla_u8,
	[IFLA_BRPORT_CONFIG_PENDING] = nla_u8,
	[IFLA_BRPORT_MESSAGE_AGE_TIMER] = br_clock,
	[IFLA_BRPORT_FORWARD_DELAY_TIMER] = br_clock,
	[IFLA_BRPORT_HOLD_TIMER] = br_clock,
	[IFLA_BRPORT_MULTICAST_ROUTER] = nla_u8,
	[IFLA_BRPORT_MCAST_FLOOD] = nla_u8,
	[IFLA_BRPORT_MCAST_TO_UCAST] = nla_u8,
	[IFLA_BRPORT_VLAN_TUNNEL] = nla_u8,
	[IFLA_BRPORT_BCAST_FLOOD] = nla_u8,
	[IFLA_BRPORT_GROUP_FWD_MASK] = br_x16,
	[IFLA_BRPORT_NEIGH_SUPPRESS] = nla_u8,
	[IFLA_BRPORT_ISOLATED] = nla_u8,
	[IFLA_BRPORT_BACKUP_PORT] = nla_ifindex,
	[IFLA_BRPORT_MRP_RING_OPEN] = nla_u8,
	[IFLA_BRPORT_MRP_IN_OPEN] = nla_u8,
	[IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT] = nla_u32,
	[IFLA_BRPORT_MCAST_EHT_HOSTS_CNT] = nla_u32,
	[IFLA_BRPORT_LOCKED] = nla_u8,
};

bool rtnl_bridge_port(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_brport_attrs), "IFLA_BRPORT_???", brport_decoders,
				      NDECODERS(brport_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

/* an IPv4 (4 bytes) or IPv6 (16 bytes) address, as the first bytes */
static bool querier_addr(struct call *c, struct emit *e, unsigned long addr, unsigned long len, int family)
{
	unsigned char a[16];
	unsigned long size = family == AF_INET ? 4 : 16;
	if (len < size)
		return false;
	if (net_fetch(c, e, NULL, addr, a, size))
		net_emit_inet_addr(e, NULL, family, a);
	return true;
}

static bool querier_ip(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return querier_addr(c, e, addr, len, AF_INET);
}

static bool querier_ipv6(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return querier_addr(c, e, addr, len, AF_INET6);
}

static const nla_decoder querier_decoders[] = {
	[BRIDGE_QUERIER_IP_ADDRESS] = querier_ip,
	[BRIDGE_QUERIER_IP_PORT] = nla_ifindex,
	[BRIDGE_QUERIER_IP_OTHER_TIMER] = br_clock,
	[BRIDGE_QUERIER_IPV6_ADDRESS] = querier_ipv6,
	[BRIDGE_QUERIER_IPV6_PORT] = nla_ifindex,
	[BRIDGE_QUERIER_IPV6_OTHER_TIMER] = br_clock,
};

static bool br_mcast_querier_state(struct call *c, struct emit *e, unsigned long addr, unsigned long len,
				   void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_br_mcast_querier_attrs), "BRIDGE_QUERIER_???",
				      querier_decoders, NDECODERS(querier_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

static const nla_decoder br_decoders[] = {
	[IFLA_BR_FORWARD_DELAY] = br_clock,
	[IFLA_BR_HELLO_TIME] = br_clock,
	[IFLA_BR_MAX_AGE] = br_clock,
	[IFLA_BR_AGEING_TIME] = br_clock,
	[IFLA_BR_STP_STATE] = nla_u32,
	[IFLA_BR_PRIORITY] = br_u16,
	[IFLA_BR_VLAN_FILTERING] = nla_u8,
	[IFLA_BR_VLAN_PROTOCOL] = br_vlan_protocol,
	[IFLA_BR_GROUP_FWD_MASK] = br_x16,
	[IFLA_BR_ROOT_ID] = br_id,
	[IFLA_BR_BRIDGE_ID] = br_id,
	[IFLA_BR_ROOT_PORT] = br_u16,
	[IFLA_BR_ROOT_PATH_COST] = nla_u32,
	[IFLA_BR_TOPOLOGY_CHANGE] = nla_u8,
	[IFLA_BR_TOPOLOGY_CHANGE_DETECTED] = nla_u8,
	[IFLA_BR_HELLO_TIMER] = br_clock,
	[IFLA_BR_TCN_TIMER] = br_clock,
	[IFLA_BR_TOPOLOGY_CHANGE_TIMER] = br_clock,
	[IFLA_BR_GC_TIMER] = br_clock,
	[IFLA_BR_GROUP_ADDR] = br_group_addr,
	[IFLA_BR_MCAST_ROUTER] = nla_u8,
	[IFLA_BR_MCAST_SNOOPING] = nla_u8,
	[IFLA_BR_MCAST_QUERY_USE_IFADDR] = nla_u8,
	[IFLA_BR_MCAST_QUERIER] = nla_u8,
	[IFLA_BR_MCAST_HASH_ELASTICITY] = nla_u32,
	[IFLA_BR_MCAST_HASH_MAX] = nla_u32,
	[IFLA_BR_MCAST_LAST_MEMBER_CNT] = nla_u32,
	[IFLA_BR_MCAST_STARTUP_QUERY_CNT] = nla_u32,
	[IFLA_BR_MCAST_LAST_MEMBER_INTVL] = br_clock,
	[IFLA_BR_MCAST_MEMBERSHIP_INTVL] = br_clock,
	[IFLA_BR_MCAST_QUERIER_INTVL] = br_clock,
	[IFLA_BR_MCAST_QUERY_INTVL] = br_clock,
	[IFLA_BR_MCAST_QUERY_RESPONSE_INTVL] = br_clock,
	[IFLA_BR_MCAST_STARTUP_QUERY_INTVL] = br_clock,
	[IFLA_BR_NF_CALL_IPTABLES] = nla_u8,
	[IFLA_BR_NF_CALL_IP6TABLES] = nla_u8,
	[IFLA_BR_NF_CALL_ARPTABLES] = nla_u8,
	[IFLA_BR_VLAN_DEFAULT_PVID] = br_u16,
	[IFLA_BR_VLAN_STATS_ENABLED] = nla_u8,
	[IFLA_BR_MCAST_STATS_ENABLED] = nla_u8,
	[IFLA_BR_MCAST_IGMP_VERSION] = nla_u8,
	[IFLA_BR_MCAST_MLD_VERSION] = nla_u8,
	[IFLA_BR_VLAN_STATS_PER_PORT] = nla_u8,
	[IFLA_BR_MULTI_BOOLOPT] = br_multi_boolopt,
	[IFLA_BR_MCAST_QUERIER_STATE] = br_mcast_querier_state,
};

bool rtnl_bridge(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_br_attrs), "IFLA_BR_???", br_decoders, NDECODERS(br_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

/* ---- IFLA_AF_SPEC of AF_BRIDGE messages ---- */

static bool bridge_flags(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return nla_xval(c, e, addr, len, 2, XLAT(bridge_flags), "BRIDGE_FLAGS_???", true);
}

static bool bridge_mode(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return nla_xval(c, e, addr, len, 2, XLAT(bridge_modes), "BRIDGE_MODE_???", false);
}

/* struct bridge_vlan_info, and what follows it as a hex string */
static bool bridge_vlan_info(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct bridge_vlan_info vi;
	(void)ctx;
	if (len < sizeof(vi))
		return false;
	if (!net_fetch(c, e, NULL, addr, &vi, sizeof(vi)))
		return true;
	emit_struct_begin(e, NULL);
	net_emit_flags(e, "flags", XLAT(bridge_vlan_info_flags), vi.flags, "BRIDGE_VLAN_INFO_???");
	emit_uint(e, "vid", vi.vid);
	emit_struct_end(e);
	if (len > sizeof(vi))
		nl_hex(c, e, NULL, addr + sizeof(vi), len - sizeof(vi));
	return true;
}

static bool tunnel_flags(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return nla_xval(c, e, addr, len, 2, XLAT(bridge_vlan_info_flags), "BRIDGE_VLAN_INFO_???", true);
}

static const nla_decoder tunnel_decoders[] = {
	[1 /* IFLA_BRIDGE_VLAN_TUNNEL_ID */] = nla_u32,
	[2 /* IFLA_BRIDGE_VLAN_TUNNEL_VID */] = br_u16,
	[3 /* IFLA_BRIDGE_VLAN_TUNNEL_FLAGS */] = tunnel_flags,
};

static bool bridge_vlan_tunnel_info(struct call *c, struct emit *e, unsigned long addr, unsigned long len,
				    void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_bridge_vlan_tunnel_info_attrs), "IFLA_BRIDGE_VLAN_TUNNEL_???",
				      tunnel_decoders, NDECODERS(tunnel_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

static const nla_decoder af_spec_decoders[] = {
	[IFLA_BRIDGE_FLAGS] = bridge_flags,
	[IFLA_BRIDGE_MODE] = bridge_mode,
	[IFLA_BRIDGE_VLAN_INFO] = bridge_vlan_info,
	[IFLA_BRIDGE_VLAN_TUNNEL_INFO] = bridge_vlan_tunnel_info,
};

bool rtnl_bridge_af_spec(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_af_spec_bridge_attrs), "IFLA_BRIDGE_???", af_spec_decoders,
				      NDECODERS(af_spec_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}
