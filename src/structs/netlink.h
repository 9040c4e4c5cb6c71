/* SPDX-License-Identifier: MIT */
/* What the netlink decoders share (src/structs/netlink*.c): the attribute
 * walker and the payload printers strace uses for attributes of every
 * family. */
#ifndef TATTLE_STRUCTS_NETLINK_H
#define TATTLE_STRUCTS_NETLINK_H
#include "net.h"

/* one attribute's payload, len (> 0) bytes at addr; ctx is the walker's.
 * false: the payload is not what the decoder expects (too short, too
 * long), and it is printed as a hex string instead, as strace does */
typedef bool (*nla_decoder)(struct call *c, struct emit *e, unsigned long addr, unsigned long len,
			    void *ctx);

/* an attribute family: its type names, its unknown-type marker and a
 * decoder per type (NULL, or beyond n: hex); low_byte: the decoder is
 * picked by the low byte of the type, as strace 6.1 picks it for the
 * address families of IFLA_AF_SPEC */
struct nla_policy {
	const struct xlat *types;
	const char *unknown;
	const nla_decoder *decoders;
	unsigned n;
	bool low_byte;
};

/* the attributes in len bytes at addr: one "{header}" alone, or an array
 * of "[{header}, payload]" pairs, cut by -s like strace's arrays */
void nl_attrs(struct call *c, struct emit *e, const struct nla_policy *p, unsigned long addr, unsigned long len,
	      void *ctx);
/* len bytes as "\x.." escapes, cut by -s; the address when unreadable */
void nl_hex(struct call *c, struct emit *e, const char *name, unsigned long addr, unsigned long len);

/* payloads strace decodes the same way in every family: numbers (the first
 * one when there is more room), NUL-terminated strings */
bool nla_u8(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx);
bool nla_u32(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx);
bool nla_s32(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx);
bool nla_x32(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx);
bool nla_str(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx);
/* an interface index (u32): if_nametoindex("lo") */
bool nla_ifindex(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx);
/* a named value of size bytes (1, 2 or 4) in a payload of size to 8 bytes,
 * as an enum or as flags of x */
bool nla_xval(struct call *c, struct emit *e, unsigned long addr, unsigned long len, unsigned size,
	      const struct xlat *x, const char *unknown, bool flags);
/* the same for a u32 that strace reads as a number first: any payload of
 * 4 bytes or more */
bool nla_u32_named(struct call *c, struct emit *e, unsigned long addr, unsigned long len, const struct xlat *x,
		   const char *unknown, bool flags);

/* NETLINK_ROUTE bridges (src/structs/netlink_bridge.c): the IFLA_BRPORT_*
 * attributes of a bridge port and the IFLA_BR_* ones of a bridge */
bool rtnl_bridge_port(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx);
bool rtnl_bridge(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx);
/* IFLA_AF_SPEC of an AF_BRIDGE message: the IFLA_BRIDGE_* attributes */
bool rtnl_bridge_af_spec(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx);

/* NETLINK_ROUTE links (src/structs/netlink_link.c): struct ifinfomsg of a
 * RTM_*LINK message (family: its first byte, already read) and the IFLA_*
 * attributes after it */
void rtnl_link_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len);
#endif
