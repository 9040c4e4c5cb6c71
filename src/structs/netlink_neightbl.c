/* SPDX-License-Identifier: MIT */
/* NETLINK_ROUTE neighbour tables: the body of RTM_NEWNEIGHTBL,
 * RTM_GETNEIGHTBL and RTM_SETNEIGHTBL ("ip ntable"), as strace 6.1 prints it:
 *   {ndtm_family=AF_INET},
 *   [[{nla_len=14, nla_type=NDTA_NAME}, "arp_cache"], ...,
 *    [{nla_len=36, nla_type=NDTA_CONFIG}, {ndtc_key_len=4, ...}],
 *    [{nla_len=176, nla_type=NDTA_PARMS}, [[{nla_len=8, nla_type=NDTPA_REFCNT}, 1], ...]]]
 * struct ndtmsg shows its family only (the rest is padding). */
#include "netlink.h"
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <string.h>

/* struct ndt_config: numbers, and the hash mask in hex of at least 6 digits */
static void print_ndt_config(struct emit *e, const void *v)
{
	struct ndt_config n;
	memcpy(&n, v, sizeof(n));
	emit_struct_begin(e, NULL);
	emit_uint(e, "ndtc_key_len", n.ndtc_key_len);
	emit_uint(e, "ndtc_entry_size", n.ndtc_entry_size);
	emit_uint(e, "ndtc_entries", n.ndtc_entries);
	emit_uint(e, "ndtc_last_flush", n.ndtc_last_flush);
	emit_uint(e, "ndtc_last_rand", n.ndtc_last_rand);
	emit_uint(e, "ndtc_hash_rnd", n.ndtc_hash_rnd);
	emit_item(e, "ndtc_hash_mask");
	sbuf_printf(emit_sb(e), "%#08x", n.ndtc_hash_mask);
	emit_uint(e, "ndtc_hash_chain_gc", n.ndtc_hash_chain_gc);
	emit_uint(e, "ndtc_proxy_qlen", n.ndtc_proxy_qlen);
	emit_struct_end(e);
}

/* struct ndt_stats: u64 counters, the last one (ndts_table_fulls) newer */
static const char *const stats_fields[] = {
	"ndts_allocs", "ndts_destroys", "ndts_hash_grows", "ndts_res_failed", "ndts_lookups", "ndts_hits",
	"ndts_rcv_probes_mcast", "ndts_rcv_probes_ucast", "ndts_periodic_gc_runs", "ndts_forced_gc_runs",
	"ndts_table_fulls",
};

/* the attributes nested in NDTA_PARMS */
static const struct nla_type parms_types[] = {
	[NDTPA_IFINDEX] = NL_IFINDEX,
	[NDTPA_REFCNT] = NL_U32,
	[NDTPA_REACHABLE_TIME] = NL_U64,
	[NDTPA_BASE_REACHABLE_TIME] = NL_U64,
	[NDTPA_RETRANS_TIME] = NL_U64,
	[NDTPA_GC_STALETIME] = NL_U64,
	[NDTPA_DELAY_PROBE_TIME] = NL_U64,
	[NDTPA_QUEUE_LEN] = NL_U32,
	[NDTPA_APP_PROBES] = NL_U32,
	[NDTPA_UCAST_PROBES] = NL_U32,
	[NDTPA_MCAST_PROBES] = NL_U32,
	[NDTPA_ANYCAST_DELAY] = NL_U64,
	[NDTPA_PROXY_DELAY] = NL_U64,
	[NDTPA_PROXY_QLEN] = NL_U32,
	[NDTPA_LOCKTIME] = NL_U64,
	[NDTPA_QUEUE_LENBYTES] = NL_U32,
	[NDTPA_MCAST_REPROBES] = NL_U32,
	[NDTPA_INTERVAL_PROBE_TIME_MS] = NL_U64,
};

static const struct nla_policy parms_policy = NL_POLICY(rtnl_neightbl_parms_attrs, "NDTPA_???", parms_types);

static const struct nla_type neightbl_types[] = {
	[NDTA_NAME] = NL_STR,
	[NDTA_THRESH1] = NL_U32,
	[NDTA_THRESH2] = NL_U32,
	[NDTA_THRESH3] = NL_U32,
	[NDTA_CONFIG] = NL_STRUCT(sizeof(struct ndt_config), print_ndt_config),
	[NDTA_PARMS] = NL_NESTED(parms_policy),
	[NDTA_STATS] = NL_NUMBERS(8, stats_fields, 10, 11),
	[NDTA_GC_INTERVAL] = NL_U64,
};

static const struct nla_policy neightbl_policy = NL_POLICY(rtnl_neightbl_attrs, "NDTA_???", neightbl_types);

/* the family is all strace shows of struct ndtmsg: a header shorter than
 * the struct shows it alone too, with no "..." (the attributes start
 * after the whole struct all the same: NLMSG_ALIGN(1) is its size) */
static const struct rtnl_msg ndtmsg = {
	"ndtm_family", 1, NULL, 0, &neightbl_policy,
};

void rtnl_neightbl_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len)
{
	unsigned char ndt_family;	/* the walker's context, unused by these attributes */
	rtnl_print(c, e, &ndtmsg, family, addr, len, &ndt_family);
}
