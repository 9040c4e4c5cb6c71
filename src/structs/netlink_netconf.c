/* SPDX-License-Identifier: MIT */
/* NETLINK_ROUTE per-device IP settings: the body of RTM_NEWNETCONF,
 * RTM_DELNETCONF and RTM_GETNETCONF ("ip netconf"), as strace 6.1 prints it:
 *   {ncm_family=AF_INET},
 *   [[{nla_len=8, nla_type=NETCONFA_IFINDEX}, if_nametoindex("lo")],
 *    [{nla_len=8, nla_type=NETCONFA_FORWARDING}, 0], ...]
 * struct netconfmsg is the family alone; the settings are s32 numbers, and
 * the "all" and "default" pseudo-devices (-1, -2) are plain u32 indexes. */
#include "netlink.h"
#include <linux/netconf.h>
#include <linux/rtnetlink.h>

static const struct nla_type netconf_types[] = {
	[NETCONFA_IFINDEX] = NL_IFINDEX,
	[NETCONFA_FORWARDING] = NL_S32,
	[NETCONFA_RP_FILTER] = NL_S32,
	[NETCONFA_MC_FORWARDING] = NL_S32,
	[NETCONFA_PROXY_NEIGH] = NL_S32,
	[NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN] = NL_S32,
	[NETCONFA_INPUT] = NL_S32,
	[NETCONFA_BC_FORWARDING] = NL_S32,
};

static const struct nla_policy netconf_policy = NL_POLICY(rtnl_netconf_attrs, "NETCONFA_???", netconf_types);

/* the family is all of struct netconfmsg: no other fields */
static const struct rtnl_msg netconfmsg = {
	"ncm_family", sizeof(struct netconfmsg), NULL, 0, &netconf_policy,
};

void rtnl_netconf_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len)
{
	unsigned char netconf_family;	/* the walker's context, unused by these attributes */
	rtnl_print(c, e, &netconfmsg, family, addr, len, &netconf_family);
}
