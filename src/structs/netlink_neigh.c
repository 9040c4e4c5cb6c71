/* SPDX-License-Identifier: MIT */
/* NETLINK_ROUTE neighbours: the body of RTM_NEWNEIGH, RTM_DELNEIGH and
 * RTM_GETNEIGH, as strace 6.1 prints it:
 *   {ndm_family=AF_INET, ndm_ifindex=if_nametoindex("eth0"),
 *    ndm_state=NUD_STALE, ndm_flags=0, ndm_type=RTN_UNICAST},
 *   [[{nla_len=8, nla_type=NDA_DST}, inet_addr("192.0.2.1")], ...]
 * NDA_DST is typed by ndm_family (IPv4, IPv6; other families in hex).
 * An RTM_GETNEIGH of family AF_BRIDGE (the fdb dump of "bridge fdb")
 * carries a struct ifinfomsg and IFLA_* attributes instead, and strace
 * prints it as a link message. */
#include "netlink.h"
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stddef.h>
#include <sys/socket.h>

/* NDA_PORT: a u16 in network byte order, as htons(N) */
static bool nda_port(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	unsigned char b[2];
	(void)ctx;
	if (len < sizeof(b))
		return false;
	if (!net_fetch(c, e, NULL, addr, b, sizeof(b)))
		return true;
	emit_item(e, NULL);
	sbuf_printf(emit_sb(e), "htons(%u)", (unsigned)b[0] << 8 | b[1]);
	return true;
}

/* the attributes nested in NDA_FDB_EXT_ATTRS */
static const struct nla_type fdb_ext_types[] = {
	[NFEA_ACTIVITY_NOTIFY] = NL_FLAGS(1, fdb_notify_flags, "FDB_NOTIFY_???"),
};

static const struct nla_policy fdb_ext_policy = NL_POLICY(rtnl_neigh_fdb_ext_attrs, "NFEA_???", fdb_ext_types);

/* struct nda_cacheinfo: four u32; a longer payload shows the struct only */
static const char *const cacheinfo_fields[] = { "ndm_confirmed", "ndm_used", "ndm_updated", "ndm_refcnt" };

static const struct nla_type neigh_types[] = {
	[NDA_DST] = NL_CODE(rtnl_inet_addr),
	[NDA_LLADDR] = NL_MAC,
	[NDA_CACHEINFO] = NL_NUMBERS(4, cacheinfo_fields, 4, 4),
	[NDA_PROBES] = NL_U32,
	[NDA_VLAN] = NL_U16,
	[NDA_PORT] = NL_CODE(nda_port),
	[NDA_VNI] = NL_U32,
	[NDA_IFINDEX] = NL_IFINDEX,
	[NDA_MASTER] = NL_IFINDEX,
	[NDA_LINK_NETNSID] = NL_U32,
	[NDA_SRC_VNI] = NL_U32,
	/* strace reads the whole payload, to 8 bytes, as the protocol */
	[NDA_PROTOCOL] = { .kind = NLK_ENUM, .max = 8, .xlat = XLAT_socket_protocols_inet, .unknown = "IPPROTO_???" },
	[NDA_NH_ID] = NL_U32,
	[NDA_FDB_EXT_ATTRS] = NL_NESTED(fdb_ext_policy),
	[NDA_FLAGS_EXT] = NL_FLAGS(4, neigh_flags_ext, "NTF_EXT_???"),
	[NDA_NDM_STATE_MASK] = NL_FLAGS(2, neigh_states, "NUD_???"),
	[NDA_NDM_FLAGS_MASK] = NL_FLAGS(1, neigh_flags, "NTF_???"),
};

static const struct nla_policy neigh_policy = NL_POLICY(rtnl_neigh_attrs, "NDA_???", neigh_types);

static const struct nl_field ndmsg_fields[] = {
	NL_FIELD(ndmsg, ndm_ifindex, NL_IFINDEX),
	NL_FIELD(ndmsg, ndm_state, NL_FLAGS(2, neigh_states, "NUD_???")),
	NL_FIELD(ndmsg, ndm_flags, NL_FLAGS(1, neigh_flags, "NTF_???")),
	NL_FIELD(ndmsg, ndm_type, NL_ENUM(1, routing_types, "RTN_???")),
};

static const struct rtnl_msg ndmsg = RTNL_MSG("ndm_family", ndmsg, ndmsg_fields, neigh_policy);

void rtnl_neigh_print(struct call *c, struct emit *e, unsigned type, unsigned char family, unsigned long addr,
		      unsigned long len)
{
	unsigned char neigh_family;	/* the walker's context: it types NDA_DST */
	if (type == RTM_GETNEIGH && family == AF_BRIDGE)
		rtnl_link_print(c, e, family, addr, len);
	else
		rtnl_print(c, e, &ndmsg, family, addr, len, &neigh_family);
}
