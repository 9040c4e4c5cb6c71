/* SPDX-License-Identifier: MIT */
/* NETLINK_ROUTE network namespace ids: the body of RTM_NEWNSID,
 * RTM_DELNSID and RTM_GETNSID ("ip netns list-id"), as strace 6.1 prints it:
 *   {rtgen_family=AF_UNSPEC},
 *   [[{nla_len=8, nla_type=NETNSA_NSID}, 0], [{nla_len=8, nla_type=NETNSA_PID}, 1234]]
 * The header is struct rtgenmsg, the family alone. */
#include "netlink.h"
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

static const struct nla_type nsid_types[] = {
	[NETNSA_NSID] = NL_S32,
	[NETNSA_PID] = NL_U32,
	[NETNSA_FD] = NL_FD,
	[NETNSA_TARGET_NSID] = NL_S32,
	[NETNSA_CURRENT_NSID] = NL_S32,
};

static const struct nla_policy nsid_policy = NL_POLICY(rtnl_nsid_attrs, "NETNSA_???", nsid_types);

/* the family is all of struct rtgenmsg: no other fields */
static const struct rtnl_msg rtgenmsg = {
	"rtgen_family", sizeof(struct rtgenmsg), NULL, 0, &nsid_policy,
};

void rtnl_nsid_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len)
{
	unsigned char nsid_family;	/* the walker's context, unused by these attributes */
	rtnl_print(c, e, &rtgenmsg, family, addr, len, &nsid_family);
}
