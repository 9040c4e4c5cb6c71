/* SPDX-License-Identifier: MIT */
/* NETLINK_ROUTE bridges, inside RTM_*LINK messages: the attributes of a
 * bridge (IFLA_BR_*, in IFLA_INFO_DATA of kind "bridge") and of a bridge
 * port (IFLA_BRPORT_*, in IFLA_PROTINFO of AF_BRIDGE messages and in
 * IFLA_INFO_SLAVE_DATA of slave kind "bridge"), as strace 6.1 prints them.
 * IFLA_BR_MCAST_QUERIER_STATE (nested BRIDGE_QUERIER_*) was checked only
 * on hand-made messages: a bridge sends it only with a multicast querier. */
#include "netlink.h"
#include "../options.h"
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

/* ---- payloads that need code: structs ---- */

/* struct ifla_bridge_id: {prio=[128, 0], addr=42:b0:19:fd:b7:cd} */
static void print_br_id(struct emit *e, const void *v)
{
	struct ifla_bridge_id id;
	memcpy(&id, v, sizeof(id));
	emit_struct_begin(e, NULL);
	emit_array_begin(e, "prio");
	emit_uint(e, NULL, id.prio[0]);
	emit_uint(e, NULL, id.prio[1]);
	emit_array_end(e);
	nl_emit_mac(e, "addr", id.addr, sizeof(id.addr));
	emit_struct_end(e);
}

#define NL_BRIDGE_ID NL_STRUCT(sizeof(struct ifla_bridge_id), print_br_id)

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

static void print_multi_boolopt(struct emit *e, const void *v)
{
	struct br_boolopt_multi bm;
	memcpy(&bm, v, sizeof(bm));
	emit_struct_begin(e, NULL);
	emit_item(e, "optval");
	sb_boolopts(emit_sb(e), bm.optval);
	emit_item(e, "optmask");
	sb_boolopts(emit_sb(e), bm.optmask);
	emit_struct_end(e);
}

/* struct bridge_vlan_info */
static const struct nl_field vlan_info_fields[] = {
	NL_FIELD(bridge_vlan_info, flags, NL_FLAGS(2, bridge_vlan_info_flags, "BRIDGE_VLAN_INFO_???")),
	NL_FIELD(bridge_vlan_info, vid, NL_U16),
};

/* ---- a bridge port: IFLA_BRPORT_* ---- */

static const struct nla_type brport_types[] = {
	[IFLA_BRPORT_STATE] = NL_U8,
	[IFLA_BRPORT_PRIORITY] = NL_U16,
	[IFLA_BRPORT_COST] = NL_U32,
	[IFLA_BRPORT_MODE] = NL_U8,
	[IFLA_BRPORT_GUARD] = NL_U8,
	[IFLA_BRPORT_PROTECT] = NL_U8,
	[IFLA_BRPORT_FAST_LEAVE] = NL_U8,
	[IFLA_BRPORT_LEARNING] = NL_U8,
	[IFLA_BRPORT_UNICAST_FLOOD] = NL_U8,
	[IFLA_BRPORT_PROXYARP] = NL_U8,
	[IFLA_BRPORT_LEARNING_SYNC] = NL_U8,
	[IFLA_BRPORT_PROXYARP_WIFI] = NL_U8,
	[IFLA_BRPORT_ROOT_ID] = NL_BRIDGE_ID,
	[IFLA_BRPORT_BRIDGE_ID] = NL_BRIDGE_ID,
	[IFLA_BRPORT_DESIGNATED_PORT] = NL_U16,
	[IFLA_BRPORT_DESIGNATED_COST] = NL_U16,
	[IFLA_BRPORT_ID] = NL_U16,
	[IFLA_BRPORT_NO] = NL_U16,
	[IFLA_BRPORT_TOPOLOGY_CHANGE_ACK] = NL_U8,
	[IFLA_BRPORT_CONFIG_PENDING] = NL_U8,
	[IFLA_BRPORT_MESSAGE_AGE_TIMER] = NL_CLOCK,
	[IFLA_BRPORT_FORWARD_DELAY_TIMER] = NL_CLOCK,
	[IFLA_BRPORT_HOLD_TIMER] = NL_CLOCK,
	[IFLA_BRPORT_MULTICAST_ROUTER] = NL_U8,
	[IFLA_BRPORT_MCAST_FLOOD] = NL_U8,
	[IFLA_BRPORT_MCAST_TO_UCAST] = NL_U8,
	[IFLA_BRPORT_VLAN_TUNNEL] = NL_U8,
	[IFLA_BRPORT_BCAST_FLOOD] = NL_U8,
	[IFLA_BRPORT_GROUP_FWD_MASK] = NL_X16,
	[IFLA_BRPORT_NEIGH_SUPPRESS] = NL_U8,
	[IFLA_BRPORT_ISOLATED] = NL_U8,
	[IFLA_BRPORT_BACKUP_PORT] = NL_IFINDEX,
	[IFLA_BRPORT_MRP_RING_OPEN] = NL_U8,
	[IFLA_BRPORT_MRP_IN_OPEN] = NL_U8,
	[IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT] = NL_U32,
	[IFLA_BRPORT_MCAST_EHT_HOSTS_CNT] = NL_U32,
	[IFLA_BRPORT_LOCKED] = NL_U8,
};

const struct nla_policy rtnl_brport_policy = NL_POLICY(rtnl_ifla_brport_attrs, "IFLA_BRPORT_???", brport_types);

/* ---- a bridge: IFLA_BR_* ---- */

static const struct nla_type querier_types[] = {
	[BRIDGE_QUERIER_IP_ADDRESS] = NL_INADDR(4),
	[BRIDGE_QUERIER_IP_PORT] = NL_IFINDEX,
	[BRIDGE_QUERIER_IP_OTHER_TIMER] = NL_CLOCK,
	[BRIDGE_QUERIER_IPV6_ADDRESS] = NL_INADDR(16),
	[BRIDGE_QUERIER_IPV6_PORT] = NL_IFINDEX,
	[BRIDGE_QUERIER_IPV6_OTHER_TIMER] = NL_CLOCK,
};

static const struct nla_policy querier_policy =
	NL_POLICY(rtnl_ifla_br_mcast_querier_attrs, "BRIDGE_QUERIER_???", querier_types);

static const struct nla_type br_types[] = {
	[IFLA_BR_FORWARD_DELAY] = NL_CLOCK,
	[IFLA_BR_HELLO_TIME] = NL_CLOCK,
	[IFLA_BR_MAX_AGE] = NL_CLOCK,
	[IFLA_BR_AGEING_TIME] = NL_CLOCK,
	[IFLA_BR_STP_STATE] = NL_U32,
	[IFLA_BR_PRIORITY] = NL_U16,
	[IFLA_BR_VLAN_FILTERING] = NL_U8,
	[IFLA_BR_VLAN_PROTOCOL] = NL_HTONS(ethernet_protocols, "ETHER_P_???"),
	[IFLA_BR_GROUP_FWD_MASK] = NL_X16,
	[IFLA_BR_ROOT_ID] = NL_BRIDGE_ID,
	[IFLA_BR_BRIDGE_ID] = NL_BRIDGE_ID,
	[IFLA_BR_ROOT_PORT] = NL_U16,
	[IFLA_BR_ROOT_PATH_COST] = NL_U32,
	[IFLA_BR_TOPOLOGY_CHANGE] = NL_U8,
	[IFLA_BR_TOPOLOGY_CHANGE_DETECTED] = NL_U8,
	[IFLA_BR_HELLO_TIMER] = NL_CLOCK,
	[IFLA_BR_TCN_TIMER] = NL_CLOCK,
	[IFLA_BR_TOPOLOGY_CHANGE_TIMER] = NL_CLOCK,
	[IFLA_BR_GC_TIMER] = NL_CLOCK,
	[IFLA_BR_GROUP_ADDR] = NL_MAC,
	[IFLA_BR_MCAST_ROUTER] = NL_U8,
	[IFLA_BR_MCAST_SNOOPING] = NL_U8,
	[IFLA_BR_MCAST_QUERY_USE_IFADDR] = NL_U8,
	[IFLA_BR_MCAST_QUERIER] = NL_U8,
	[IFLA_BR_MCAST_HASH_ELASTICITY] = NL_U32,
	[IFLA_BR_MCAST_HASH_MAX] = NL_U32,
	[IFLA_BR_MCAST_LAST_MEMBER_CNT] = NL_U32,
	[IFLA_BR_MCAST_STARTUP_QUERY_CNT] = NL_U32,
	[IFLA_BR_MCAST_LAST_MEMBER_INTVL] = NL_CLOCK,
	[IFLA_BR_MCAST_MEMBERSHIP_INTVL] = NL_CLOCK,
	[IFLA_BR_MCAST_QUERIER_INTVL] = NL_CLOCK,
	[IFLA_BR_MCAST_QUERY_INTVL] = NL_CLOCK,
	[IFLA_BR_MCAST_QUERY_RESPONSE_INTVL] = NL_CLOCK,
	[IFLA_BR_MCAST_STARTUP_QUERY_INTVL] = NL_CLOCK,
	[IFLA_BR_NF_CALL_IPTABLES] = NL_U8,
	[IFLA_BR_NF_CALL_IP6TABLES] = NL_U8,
	[IFLA_BR_NF_CALL_ARPTABLES] = NL_U8,
	[IFLA_BR_VLAN_DEFAULT_PVID] = NL_U16,
	[IFLA_BR_VLAN_STATS_ENABLED] = NL_U8,
	[IFLA_BR_MCAST_STATS_ENABLED] = NL_U8,
	[IFLA_BR_MCAST_IGMP_VERSION] = NL_U8,
	[IFLA_BR_MCAST_MLD_VERSION] = NL_U8,
	[IFLA_BR_VLAN_STATS_PER_PORT] = NL_U8,
	[IFLA_BR_MULTI_BOOLOPT] = NL_STRUCT(sizeof(struct br_boolopt_multi), print_multi_boolopt),
	[IFLA_BR_MCAST_QUERIER_STATE] = NL_NESTED(querier_policy),
};

const struct nla_policy rtnl_bridge_policy = NL_POLICY(rtnl_ifla_br_attrs, "IFLA_BR_???", br_types);

/* ---- IFLA_AF_SPEC of AF_BRIDGE messages: IFLA_BRIDGE_* ---- */

static const struct nla_type tunnel_types[] = {
	[1 /* IFLA_BRIDGE_VLAN_TUNNEL_ID */] = NL_U32,
	[2 /* IFLA_BRIDGE_VLAN_TUNNEL_VID */] = NL_U16,
	[3 /* IFLA_BRIDGE_VLAN_TUNNEL_FLAGS */] = NL_FLAGS(2, bridge_vlan_info_flags, "BRIDGE_VLAN_INFO_???"),
};

static const struct nla_policy tunnel_policy =
	NL_POLICY(rtnl_ifla_bridge_vlan_tunnel_info_attrs, "IFLA_BRIDGE_VLAN_TUNNEL_???", tunnel_types);

static const struct nla_type af_spec_types[] = {
	[IFLA_BRIDGE_FLAGS] = NL_FLAGS(2, bridge_flags, "BRIDGE_FLAGS_???"),
	[IFLA_BRIDGE_MODE] = NL_ENUM(2, bridge_modes, "BRIDGE_MODE_???"),
	/* what follows the struct prints as a hex string */
	[IFLA_BRIDGE_VLAN_INFO] = { .kind = NLK_MEMBERS, .size = sizeof(struct bridge_vlan_info),
				    .members = vlan_info_fields,
				    .count = sizeof(vlan_info_fields) / sizeof(vlan_info_fields[0]), .hex_tail = true },
	[IFLA_BRIDGE_VLAN_TUNNEL_INFO] = NL_NESTED(tunnel_policy),
};

const struct nla_policy rtnl_bridge_af_spec_policy =
	NL_POLICY(rtnl_ifla_af_spec_bridge_attrs, "IFLA_BRIDGE_???", af_spec_types);
