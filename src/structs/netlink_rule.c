/* SPDX-License-Identifier: MIT */
/* NETLINK_ROUTE policy routing rules: the body of RTM_NEWRULE,
 * RTM_DELRULE and RTM_GETRULE ("ip rule"), as strace 6.1 prints it:
 *   {family=AF_INET, dst_len=0, src_len=0, tos=0, table=RT_TABLE_MAIN,
 *    action=FR_ACT_TO_TBL, flags=0},
 *   [[{nla_len=8, nla_type=FRA_TABLE}, RT_TABLE_MAIN], ...]
 * FRA_DST and FRA_SRC are typed by the family (IPv4, IPv6; others in hex). */
#include "netlink.h"
#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>
#include <stddef.h>

/* FRA_TUN_ID: a u64 in network byte order, as htobe64(N) */
static bool fra_tun_id(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	unsigned char b[8];
	unsigned long long v = 0;
	(void)ctx;
	if (len < sizeof(b))
		return false;
	if (!net_fetch(c, e, NULL, addr, b, sizeof(b)))
		return true;
	for (unsigned i = 0; i < sizeof(b); i++)
		v = v << 8 | b[i];
	emit_item(e, NULL);
	sbuf_printf(emit_sb(e), "htobe64(%llu)", v);
	return true;
}

static const struct nl_field uid_range_fields[] = {
	NL_FIELD(fib_rule_uid_range, start, NL_U32),
	NL_FIELD(fib_rule_uid_range, end, NL_U32),
};

static const struct nl_field port_range_fields[] = {
	NL_FIELD(fib_rule_port_range, start, NL_U16),
	NL_FIELD(fib_rule_port_range, end, NL_U16),
};

static const struct nla_type rule_types[] = {
	[FRA_DST] = NL_CODE(rtnl_inet_addr),
	[FRA_SRC] = NL_CODE(rtnl_inet_addr),
	[FRA_IIFNAME] = NL_STR,
	[FRA_GOTO] = NL_U32,
	[FRA_PRIORITY] = NL_U32,
	[FRA_FWMARK] = NL_U32,
	[FRA_FLOW] = NL_U32,
	[FRA_TUN_ID] = NL_CODE(fra_tun_id),
	[FRA_SUPPRESS_IFGROUP] = NL_U32,
	[FRA_SUPPRESS_PREFIXLEN] = NL_U32,
	[FRA_TABLE] = NL_ENUM32(routing_table_ids, NULL),
	[FRA_FWMASK] = NL_U32,
	[FRA_OIFNAME] = NL_STR,
	[FRA_L3MDEV] = NL_U8,
	[FRA_UID_RANGE] = NL_MEMBERS(sizeof(struct fib_rule_uid_range), uid_range_fields),
	[FRA_PROTOCOL] = NL_ENUM(1, routing_protocols, "RTPROT_???"),
	/* strace reads the whole payload, to 8 bytes, as the protocol */
	[FRA_IP_PROTO] = { .kind = NLK_ENUM, .max = 8, .xlat = XLAT_socket_protocols_inet, .unknown = "IPPROTO_???" },
	[FRA_SPORT_RANGE] = NL_MEMBERS(sizeof(struct fib_rule_port_range), port_range_fields),
	[FRA_DPORT_RANGE] = NL_MEMBERS(sizeof(struct fib_rule_port_range), port_range_fields),
};

static const struct nla_policy rule_policy = NL_POLICY(rtnl_rule_attrs, "FRA_???", rule_types);

static const struct nl_field rule_fields[] = {
	NL_FIELD(fib_rule_hdr, dst_len, NL_U8),
	NL_FIELD(fib_rule_hdr, src_len, NL_U8),
	NL_FIELD(fib_rule_hdr, tos, NL_FLAGS(1, ip_type_of_services, "IPTOS_TOS_???")),
	/* unlike rtm_table and FRA_TABLE, an unknown one has a comment */
	NL_FIELD(fib_rule_hdr, table, NL_ENUM(1, routing_table_ids, "RT_TABLE_???")),
	NL_FIELD(fib_rule_hdr, action, NL_ENUM(1, fib_rule_actions, "FR_ACT_???")),
	NL_FIELD(fib_rule_hdr, flags, NL_FLAGS(4, fib_rule_flags, "FIB_RULE_???")),
};

static const struct rtnl_msg rule_msg = RTNL_MSG("family", fib_rule_hdr, rule_fields, rule_policy);

void rtnl_rule_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len)
{
	unsigned char rule_family;	/* the walker's context: it types FRA_DST and FRA_SRC */
	rtnl_print(c, e, &rule_msg, family, addr, len, &rule_family);
}
