/* SPDX-License-Identifier: MIT */
/* NETLINK_ROUTE traffic control: the body of RTM_*QDISC, RTM_*TCLASS,
 * RTM_*TFILTER and RTM_*CHAIN ("tc qdisc", "tc class", "tc filter",
 * "tc chain"), as strace 6.1 prints it:
 *   {tcm_family=AF_UNSPEC, tcm_ifindex=if_nametoindex("lo"), tcm_handle=0,
 *    tcm_parent=4294967295, tcm_info=2},
 *   [[{nla_len=12, nla_type=TCA_KIND}, "noqueue"], ...,
 *    [{nla_len=48, nla_type=TCA_STATS2}, [[{nla_len=20, nla_type=TCA_STATS_BASIC},
 *     {bytes=0, packets=0}], ...]]]
 * TCA_OPTIONS and TCA_XSTATS, whose layout depends on TCA_KIND, stay hex
 * strings, as strace leaves them. The stats structs need only their last
 * field present: longer payloads show the struct alone. */
#include "netlink.h"
#include "../umem.h"
#include <linux/gen_stats.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* the bytes of a struct up to the end of its last field (no tail padding) */
#define FIELDS_END(st, last) (offsetof(struct st, last) + sizeof(((struct st *)0)->last))

static void u16_elem(struct emit *e, const void *elem)
{
	uint16_t v;
	memcpy(&v, elem, sizeof(v));
	emit_uint(e, NULL, v);
}

/* TCA_STAB_DATA: the u16 slots of the size table, as a plain array; an odd
 * last byte is not shown, a lone byte is hex; -s cuts it */
static bool stab_data(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return nl_array(c, e, addr, len, sizeof(uint16_t), u16_elem);
}

/* struct tc_sizespec: all numbers, linklayer too; cell_align is signed */
static void print_sizespec(struct emit *e, const void *v)
{
	struct tc_sizespec s;
	memcpy(&s, v, sizeof(s));
	emit_struct_begin(e, NULL);
	emit_uint(e, "cell_log", s.cell_log);
	emit_uint(e, "size_log", s.size_log);
	emit_int(e, "cell_align", s.cell_align);
	emit_int(e, "overhead", s.overhead);
	emit_uint(e, "linklayer", s.linklayer);
	emit_uint(e, "mpu", s.mpu);
	emit_uint(e, "mtu", s.mtu);
	emit_uint(e, "tsize", s.tsize);
	emit_struct_end(e);
}

static const struct nla_type stab_types[] = {
	[TCA_STAB_BASE] = NL_STRUCT(sizeof(struct tc_sizespec), print_sizespec),
	[TCA_STAB_DATA] = NL_CODE(stab_data),
};

static const struct nla_policy stab_policy = NL_POLICY(rtnl_tca_stab_attrs, "TCA_STAB_???", stab_types);

/* the gnet_stats_* structs of TCA_STATS2 */
static const struct nl_field basic_fields[] = {
	NL_FIELD(gnet_stats_basic, bytes, NL_U64),
	NL_FIELD(gnet_stats_basic, packets, NL_U32),
};

static const struct nl_field rate_est_fields[] = {
	NL_FIELD(gnet_stats_rate_est, bps, NL_U32),
	NL_FIELD(gnet_stats_rate_est, pps, NL_U32),
};

static const struct nl_field rate_est64_fields[] = {
	NL_FIELD(gnet_stats_rate_est64, bps, NL_U64),
	NL_FIELD(gnet_stats_rate_est64, pps, NL_U64),
};

static const struct nl_field queue_fields[] = {
	NL_FIELD(gnet_stats_queue, qlen, NL_U32),
	NL_FIELD(gnet_stats_queue, backlog, NL_U32),
	NL_FIELD(gnet_stats_queue, drops, NL_U32),
	NL_FIELD(gnet_stats_queue, requeues, NL_U32),
	NL_FIELD(gnet_stats_queue, overlimits, NL_U32),
};

/* a struct of bytes (not its size: no tail padding) with the fields of table */
#define TC_MEMBERS(bytes, table) \
	{ .kind = NLK_MEMBERS, .size = bytes, .members = table, .count = sizeof(table) / sizeof((table)[0]) }

static const struct nla_type stats_types[] = {
	[TCA_STATS_BASIC] = TC_MEMBERS(FIELDS_END(gnet_stats_basic, packets), basic_fields),
	[TCA_STATS_RATE_EST] = TC_MEMBERS(sizeof(struct gnet_stats_rate_est), rate_est_fields),
	[TCA_STATS_QUEUE] = TC_MEMBERS(sizeof(struct gnet_stats_queue), queue_fields),
	[TCA_STATS_RATE_EST64] = TC_MEMBERS(sizeof(struct gnet_stats_rate_est64), rate_est64_fields),
	[TCA_STATS_BASIC_HW] = TC_MEMBERS(FIELDS_END(gnet_stats_basic, packets), basic_fields),
	[TCA_STATS_PKT64] = NL_U64,
};

static const struct nla_policy stats_policy = NL_POLICY(rtnl_tca_stats_attrs, "TCA_STATS_???", stats_types);

/* TCA_STATS: struct tc_stats, the old stats all in one */
static const struct nl_field tc_stats_fields[] = {
	NL_FIELD(tc_stats, bytes, NL_U64),
	NL_FIELD(tc_stats, packets, NL_U32),
	NL_FIELD(tc_stats, drops, NL_U32),
	NL_FIELD(tc_stats, overlimits, NL_U32),
	NL_FIELD(tc_stats, bps, NL_U32),
	NL_FIELD(tc_stats, pps, NL_U32),
	NL_FIELD(tc_stats, qlen, NL_U32),
	NL_FIELD(tc_stats, backlog, NL_U32),
};

/* TCA_RATE: struct tc_estimator, interval signed */
static void print_estimator(struct emit *e, const void *v)
{
	struct tc_estimator est;
	memcpy(&est, v, sizeof(est));
	emit_struct_begin(e, NULL);
	emit_int(e, "interval", est.interval);
	emit_uint(e, "ewma_log", est.ewma_log);
	emit_struct_end(e);
}

static const struct nla_type tc_types[] = {
	[TCA_KIND] = NL_STR,
	[TCA_STATS] = TC_MEMBERS(FIELDS_END(tc_stats, backlog), tc_stats_fields),
	[TCA_RATE] = NL_STRUCT(sizeof(struct tc_estimator), print_estimator),
	[TCA_FCNT] = NL_U32,
	[TCA_STATS2] = NL_NESTED(stats_policy),
	[TCA_STAB] = NL_NESTED(stab_policy),
	[TCA_CHAIN] = NL_U32,
	[TCA_HW_OFFLOAD] = NL_U8,
	[TCA_INGRESS_BLOCK] = NL_U32,
	[TCA_EGRESS_BLOCK] = NL_U32,
	[TCA_DUMP_FLAGS] = NL_U32,
};

static const struct nla_policy tc_policy = NL_POLICY(rtnl_tc_attrs, "TCA_???", tc_types);

static const struct nl_field tcmsg_fields[] = {
	NL_FIELD(tcmsg, tcm_ifindex, NL_IFINDEX),
	NL_FIELD(tcmsg, tcm_handle, NL_U32),
	NL_FIELD(tcmsg, tcm_parent, NL_U32),
	NL_FIELD(tcmsg, tcm_info, NL_U32),
};

static const struct rtnl_msg tc_msg = RTNL_MSG("tcm_family", tcmsg, tcmsg_fields, tc_policy);

void rtnl_tc_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len)
{
	unsigned char tc_family;	/* the walker's context, unused by these attributes */
	rtnl_print(c, e, &tc_msg, family, addr, len, &tc_family);
}
