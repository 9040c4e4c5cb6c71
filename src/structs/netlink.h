/* SPDX-License-Identifier: MIT */
/* What the netlink decoders share (src/structs/netlink*.c): the attribute
 * walker, and the tables it reads. An attribute family is data: a policy
 * names its types and says, per type, what the payload is; one function
 * (nla_print in netlink.c) prints every kind of payload, so that a new
 * attribute is a line in a table. Code is written only for the payloads
 * that need it: structs, and what depends on earlier attributes. */
#ifndef TATTLE_STRUCTS_NETLINK_H
#define TATTLE_STRUCTS_NETLINK_H
#include "net.h"
#include <stddef.h>

/* one attribute's payload, len (> 0) bytes at addr; ctx is the walker's.
 * false: the payload is not what the decoder expects (too short, too
 * long), and it is printed as a hex string instead, as strace does */
typedef bool (*nla_decoder)(struct call *c, struct emit *e, unsigned long addr, unsigned long len,
			    void *ctx);

/* what a payload is. A payload shorter than the entry's size, or longer
 * than its max (when set), is not one and prints as hex. Numbers are read
 * as little-endian words of size bytes: tattle traces x86_64 only. */
enum nla_kind {
	NLK_HEX,	/* no entry: a hex string */
	NLK_UINT,	/* a number of size bytes, in decimal */
	NLK_SINT,	/* the same, signed */
	NLK_XINT,	/* the same, in hex */
	NLK_IFINDEX,	/* a u32 interface index: if_nametoindex("lo") */
	NLK_ID,		/* a u32 uid or gid: -1 for none */
	NLK_FD,		/* an s32 file descriptor */
	NLK_CLOCK,	/* the whole payload (to 8 bytes) as hundredths of a second */
	NLK_ENUM,	/* a value of size bytes named by xlat */
	NLK_FLAGS,	/* flags of size bytes named by xlat */
	NLK_HTONS,	/* a u16 in network byte order named by xlat: htons(NAME) */
	NLK_STR,	/* a NUL-terminated string */
	NLK_MAC,	/* the whole payload (to max bytes) as a MAC address */
	NLK_INADDR,	/* an IPv4 (size 4) or IPv6 (size 16) address */
	NLK_ARRAY,	/* s32 (size 4) or u64 (size 8) numbers indexed by xlat names */
	NLK_NUMBERS,	/* a struct of numbers of size bytes, named by names, that newer
			 * kernels made longer */
	NLK_STRUCT,	/* a struct of size bytes, printed by print */
	NLK_MEMBERS,	/* a struct of size bytes, its count fields described by members */
	NLK_NESTED,	/* the attributes of nested */
	NLK_CODE,	/* decode does it all */
};

struct nla_policy;
struct nl_field;

/* one attribute type of a family: how its payload prints */
struct nla_type {
	unsigned char kind;	/* enum nla_kind */
	unsigned char max;	/* the longest payload taken as a value; 0: any */
	unsigned char oldest;	/* NLK_NUMBERS: the fewest fields a kernel sends */
	unsigned char count;	/* NLK_NUMBERS: the most; NLK_MEMBERS: how many */
	bool hex_tail;		/* NLK_STRUCT: the bytes after the struct follow in hex */
	bool is_unsigned;	/* NLK_ARRAY: the s32 numbers are u32 */
	unsigned short size;	/* the bytes of the value (0: the whole payload); a
				 * shorter payload is hex */
	unsigned xlat;		/* NLK_ENUM, NLK_FLAGS, NLK_HTONS, NLK_ARRAY: XLAT_* */
	const char *unknown;	/* for the values xlat does not name */
	union {
		const struct nla_policy *nested;
		const char *const *names;
		const struct nl_field *members;
		/* v: the size bytes read, then zeros to 64 bytes */
		void (*print)(struct emit *e, const void *v);
		nla_decoder decode;
	};
};

/* a field of a struct: its name, its offset, its value (of the kinds that
 * take no length and no context: numbers and named values) */
struct nl_field {
	const char *name;
	unsigned short offset;
	struct nla_type type;
};

#define NL_FIELD(st, member, value) { #member, offsetof(struct st, member), value }

/* an attribute family: its type names (XLAT_*), its unknown-type marker
 * and an entry per type (none, or beyond n: hex); low_byte: the entry is
 * picked by the low byte of the type, as strace 6.1 picks it for the
 * address families of IFLA_AF_SPEC */
struct nla_policy {
	unsigned names;
	const char *unknown;
	const struct nla_type *types;
	unsigned n;
	bool low_byte;
};

/* the table entries, as the tables use them */
#define NL_U8 { .kind = NLK_UINT, .size = 1 }
#define NL_U16 { .kind = NLK_UINT, .size = 2 }
#define NL_U32 { .kind = NLK_UINT, .size = 4 }
#define NL_S32 { .kind = NLK_SINT, .size = 4 }
#define NL_U64 { .kind = NLK_UINT, .size = 8 }
#define NL_X16 { .kind = NLK_XINT, .size = 2 }
#define NL_X32 { .kind = NLK_XINT, .size = 4 }
#define NL_X64 { .kind = NLK_XINT, .size = 8 }
#define NL_IFINDEX { .kind = NLK_IFINDEX, .size = 4 }
#define NL_ID { .kind = NLK_ID, .size = 4 }
#define NL_FD { .kind = NLK_FD, .size = 4 }
#define NL_CLOCK { .kind = NLK_CLOCK, .max = 8 }
#define NL_STR { .kind = NLK_STR }
#define NL_MAC { .kind = NLK_MAC, .max = 64 }
#define NL_INADDR(bytes) { .kind = NLK_INADDR, .size = bytes }
/* strace reads the values it names into a 64-bit word: more than 8 bytes
 * is not one value */
#define NL_ENUM(bytes, x, unk) { .kind = NLK_ENUM, .size = bytes, .max = 8, .xlat = XLAT_##x, .unknown = unk }
#define NL_FLAGS(bytes, x, unk) { .kind = NLK_FLAGS, .size = bytes, .max = 8, .xlat = XLAT_##x, .unknown = unk }
#define NL_HTONS(x, unk) { .kind = NLK_HTONS, .size = 2, .max = 8, .xlat = XLAT_##x, .unknown = unk }
/* ... except those it reads as a u32 number first: any length will do */
#define NL_ENUM32(x, unk) { .kind = NLK_ENUM, .size = 4, .xlat = XLAT_##x, .unknown = unk }
#define NL_FLAGS32(x, unk) { .kind = NLK_FLAGS, .size = 4, .xlat = XLAT_##x, .unknown = unk }
#define NL_ARRAY(elem, x, unk) { .kind = NLK_ARRAY, .size = elem, .xlat = XLAT_##x, .unknown = unk }
#define NL_UARRAY32(x, unk) { .kind = NLK_ARRAY, .size = 4, .is_unsigned = true, .xlat = XLAT_##x, .unknown = unk }
/* a struct of oldest to newest numbers of elem bytes: a payload of
 * exactly a known size, or longer than the newest one */
#define NL_NUMBERS(elem, names_, oldest_, newest) \
	{ .kind = NLK_NUMBERS, .size = elem, .oldest = oldest_, .count = newest, .names = names_ }
#define NL_STRUCT(bytes, printer) { .kind = NLK_STRUCT, .size = bytes, .print = printer }
#define NL_MEMBERS(bytes, table) \
	{ .kind = NLK_MEMBERS, .size = bytes, .members = table, .count = sizeof(table) / sizeof((table)[0]) }
#define NL_NESTED(policy) { .kind = NLK_NESTED, .nested = &(policy) }
#define NL_CODE(fn) { .kind = NLK_CODE, .decode = fn }

#define NL_POLICY(x, unk, table) \
	{ .names = XLAT_##x, .unknown = unk, .types = table, .n = sizeof(table) / sizeof((table)[0]) }

/* the attributes in len bytes at addr: one "{header}" alone, or an array
 * of "[{header}, payload]" pairs, cut by -s like strace's arrays */
void nl_attrs(struct call *c, struct emit *e, const struct nla_policy *p, unsigned long addr, unsigned long len,
	      void *ctx);
/* the same as a payload: false (hex) when there is no policy */
bool nl_nested(struct call *c, struct emit *e, const struct nla_policy *p, unsigned long addr, unsigned long len,
	       void *ctx);
/* an array of len / sz elements (sz at most 64), each printed by p from its
 * bytes; bytes after the last whole one are not shown; -s cuts it, an
 * unreadable element ends it, as strace's arrays; false (hex) when there
 * is not one whole element */
typedef void (*nl_elem)(struct emit *e, const void *elem);
bool nl_array(struct call *c, struct emit *e, unsigned long addr, unsigned long len, size_t sz, nl_elem p);
/* len bytes as "\x.." escapes, cut by -s; the address when unreadable */
void nl_hex(struct call *c, struct emit *e, const char *name, unsigned long addr, unsigned long len);
/* n bytes of a MAC address already read: 42:b0:19:fd:b7:cd; -X raw shows
 * the bytes, -X verbose both */
void nl_emit_mac(struct emit *e, const char *name, const unsigned char *a, unsigned long n);

/* a NETLINK_ROUTE message body: a header struct of size bytes that starts
 * with an address family, its other fields, then the attributes of attrs */
struct rtnl_msg {
	const char *family_field;
	size_t size;
	const struct nl_field *fields;
	unsigned nfields;
	const struct nla_policy *attrs;
};

#define RTNL_MSG(family_name, st, field_table, policy) \
	{ family_name, sizeof(struct st), field_table, sizeof(field_table) / sizeof((field_table)[0]), &(policy) }

/* "{xx_family=AF_..., ...}, [attributes]" (family: the first byte, already
 * read); ctx is the walker's, and its first byte is set to the family of
 * the header, which types some payloads */
void rtnl_print(struct call *c, struct emit *e, const struct rtnl_msg *m, unsigned char family, unsigned long addr,
		unsigned long len, void *ctx);

/* an IPv4 or IPv6 address by the family of the message (ctx: its first
 * byte, as rtnl_print sets it); false (hex) for other families and for
 * payloads shorter than the address */
bool rtnl_inet_addr(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx);

/* NETLINK_ROUTE bridges (src/structs/netlink_bridge.c): the IFLA_BRPORT_*
 * attributes of a bridge port, the IFLA_BR_* ones of a bridge, and the
 * IFLA_BRIDGE_* ones in IFLA_AF_SPEC of an AF_BRIDGE message */
extern const struct nla_policy rtnl_brport_policy, rtnl_bridge_policy, rtnl_bridge_af_spec_policy;

/* NETLINK_ROUTE links (src/structs/netlink_link.c): struct ifinfomsg of a
 * RTM_*LINK message and the IFLA_* attributes after it */
void rtnl_link_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len);

/* NETLINK_ROUTE routes (src/structs/netlink_route.c): struct rtmsg of a
 * RTM_*ROUTE message and the RTA_* attributes after it */
void rtnl_route_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len);

/* NETLINK_ROUTE neighbours (src/structs/netlink_neigh.c): struct ndmsg of
 * a RTM_*NEIGH message of type and the NDA_* attributes after it */
void rtnl_neigh_print(struct call *c, struct emit *e, unsigned type, unsigned char family, unsigned long addr,
		      unsigned long len);

/* NETLINK_ROUTE rules (src/structs/netlink_rule.c): struct fib_rule_hdr of
 * a RTM_*RULE message and the FRA_* attributes after it */
void rtnl_rule_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len);

/* NETLINK_ROUTE netconf (src/structs/netlink_netconf.c): struct netconfmsg
 * of a RTM_*NETCONF message and the NETCONFA_* attributes after it */
void rtnl_netconf_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len);

/* NETLINK_ROUTE namespace ids (src/structs/netlink_nsid.c): struct rtgenmsg
 * of a RTM_*NSID message and the NETNSA_* attributes after it */
void rtnl_nsid_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len);

/* NETLINK_ROUTE neighbour tables (src/structs/netlink_neightbl.c): struct
 * ndtmsg of a RTM_*NEIGHTBL message and the NDTA_* attributes after it */
void rtnl_neightbl_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len);

/* NETLINK_ROUTE traffic control (src/structs/netlink_tc.c): struct tcmsg
 * of a RTM_*QDISC, RTM_*TCLASS, RTM_*TFILTER or RTM_*CHAIN message and the
 * TCA_* attributes after it */
void rtnl_tc_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len);

/* NETLINK_SOCK_DIAG (src/structs/netlink_diag.c): the body of a message of
 * type type and flags flags, len bytes at addr, a request or an answer by
 * NLM_F_REQUEST; false when it is left to the generic printing */
bool sock_diag_print(struct call *c, struct emit *e, unsigned type, unsigned flags, unsigned long addr,
		     unsigned long len);
#endif
