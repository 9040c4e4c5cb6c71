/* SPDX-License-Identifier: MIT */
/* NETLINK_ROUTE routes: the body of RTM_NEWROUTE, RTM_DELROUTE and
 * RTM_GETROUTE, as strace 6.1 prints it:
 *   {rtm_family=AF_INET, rtm_dst_len=0, rtm_src_len=0, rtm_tos=0,
 *    rtm_table=RT_TABLE_MAIN, rtm_protocol=RTPROT_BOOT,
 *    rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNICAST, rtm_flags=0},
 *   [[{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_MAIN], ...]
 * Addresses are typed by rtm_family (inet_addr, inet_pton; other families
 * in hex). Not decoded, where strace 6.1 does: the struct rtnexthop list
 * of RTA_MULTIPATH and struct rtvia of RTA_VIA, which print as hex
 * strings. What strace prints raw (RTA_ENCAP, RTA_NH_ID, ...) stays so. */
#include "netlink.h"
#include <linux/rtnetlink.h>
#include <stddef.h>

/* the metrics of a route: numbers, and the name of a congestion control
 * algorithm; strace 6.1 names RTAX_FASTOPEN_NO_COOKIE but shows it raw */
static const struct nla_type metrics_types[] = {
	[RTAX_LOCK] = NL_U32,
	[RTAX_MTU] = NL_U32,
	[RTAX_WINDOW] = NL_U32,
	[RTAX_RTT] = NL_U32,
	[RTAX_RTTVAR] = NL_U32,
	[RTAX_SSTHRESH] = NL_U32,
	[RTAX_CWND] = NL_U32,
	[RTAX_ADVMSS] = NL_U32,
	[RTAX_REORDERING] = NL_U32,
	[RTAX_HOPLIMIT] = NL_U32,
	[RTAX_INITCWND] = NL_U32,
	[RTAX_FEATURES] = NL_U32,
	[RTAX_RTO_MIN] = NL_U32,
	[RTAX_INITRWND] = NL_U32,
	[RTAX_QUICKACK] = NL_U32,
	[RTAX_CC_ALGO] = NL_STR,
};

static const struct nla_policy metrics_policy = NL_POLICY(rtnl_rta_metrics_attrs, "RTAX_???", metrics_types);

/* struct rta_cacheinfo: all numbers, rta_id in hex */
static const struct nl_field cacheinfo_fields[] = {
	NL_FIELD(rta_cacheinfo, rta_clntref, NL_U32),
	NL_FIELD(rta_cacheinfo, rta_lastuse, NL_U32),
	NL_FIELD(rta_cacheinfo, rta_expires, NL_U32),
	NL_FIELD(rta_cacheinfo, rta_error, NL_U32),
	NL_FIELD(rta_cacheinfo, rta_used, NL_U32),
	NL_FIELD(rta_cacheinfo, rta_id, NL_X32),
	NL_FIELD(rta_cacheinfo, rta_ts, NL_U32),
	NL_FIELD(rta_cacheinfo, rta_tsage, NL_U32),
};

/* struct rta_mfc_stats of multicast routes */
static const char *const mfc_stats_fields[] = { "mfcs_packets", "mfcs_bytes", "mfcs_wrong_if" };

/* strace reads these enums as a number of their own width, from a
 * payload of any length */
static const struct nla_type route_types[] = {
	[RTA_DST] = NL_CODE(rtnl_inet_addr),
	[RTA_SRC] = NL_CODE(rtnl_inet_addr),
	[RTA_IIF] = NL_IFINDEX,
	[RTA_OIF] = NL_IFINDEX,
	[RTA_GATEWAY] = NL_CODE(rtnl_inet_addr),
	[RTA_PRIORITY] = NL_U32,
	[RTA_PREFSRC] = NL_CODE(rtnl_inet_addr),
	[RTA_METRICS] = NL_NESTED(metrics_policy),
	[RTA_PROTOINFO] = NL_U32,
	[RTA_FLOW] = NL_U32,
	[RTA_CACHEINFO] = NL_MEMBERS(sizeof(struct rta_cacheinfo), cacheinfo_fields),
	[RTA_MP_ALGO] = NL_U32,
	[RTA_TABLE] = NL_ENUM32(routing_table_ids, NULL),
	[RTA_MARK] = NL_U32,
	[RTA_MFC_STATS] = NL_NUMBERS(8, mfc_stats_fields, 3, 3),
	[RTA_NEWDST] = NL_CODE(rtnl_inet_addr),
	[RTA_PREF] = NL_U8,
	[RTA_ENCAP_TYPE] = { .kind = NLK_ENUM, .size = 2, .xlat = XLAT_lwtunnel_encap_types,
			     .unknown = "LWTUNNEL_ENCAP_???" },
	[RTA_EXPIRES] = NL_U64,
	[RTA_UID] = NL_U32,
	[RTA_TTL_PROPAGATE] = NL_U8,
	[RTA_IP_PROTO] = NL_U8,
	[RTA_SPORT] = NL_U16,
	[RTA_DPORT] = NL_U16,
};

static const struct nla_policy route_policy = NL_POLICY(rtnl_route_attrs, "RTA_???", route_types);

static const struct nl_field rtmsg_fields[] = {
	NL_FIELD(rtmsg, rtm_dst_len, NL_U8),
	NL_FIELD(rtmsg, rtm_src_len, NL_U8),
	NL_FIELD(rtmsg, rtm_tos, NL_FLAGS(1, ip_type_of_services, "IPTOS_TOS_???")),
	NL_FIELD(rtmsg, rtm_table, NL_ENUM(1, routing_table_ids, NULL)),
	NL_FIELD(rtmsg, rtm_protocol, NL_ENUM(1, routing_protocols, "RTPROT_???")),
	NL_FIELD(rtmsg, rtm_scope, NL_ENUM(1, routing_scopes, NULL)),
	NL_FIELD(rtmsg, rtm_type, NL_ENUM(1, routing_types, "RTN_???")),
	NL_FIELD(rtmsg, rtm_flags, NL_FLAGS(4, route_flags, "RTM_F_???")),
};

static const struct rtnl_msg rtmsg = RTNL_MSG("rtm_family", rtmsg, rtmsg_fields, route_policy);

void rtnl_route_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len)
{
	unsigned char route_family;	/* the walker's context: it types the addresses */
	rtnl_print(c, e, &rtmsg, family, addr, len, &route_family);
}
