/* SPDX-License-Identifier: MIT */
/* Netlink messages in socket buffers (sendto/recvfrom on a netlink socket,
 * the iovecs of sendmsg/recvmsg with a netlink peer), as strace 6.1 prints
 * them:
 *   [{nlmsg_len=20, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP,
 *     nlmsg_seq=1, nlmsg_pid=0}, {ifa_family=AF_UNSPEC, ...}]
 *   [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, ...}, 0]
 * Headers are decoded for every family, with type names for the control
 * messages and NETLINK_ROUTE; payloads for NLMSG_ERROR, NLMSG_DONE, the
 * RTM_*ADDR messages (struct ifaddrmsg and its IFA_* attributes, here),
 * the RTM_*LINK messages (src/structs/netlink_link.c) and the RTM_*ROUTE
 * messages (src/structs/netlink_route.c). Other payloads print as hex
 * strings: strace decodes more families (neighbours,
 * netfilter ...) than this does. NETLINK_SOCK_DIAG bodies are decoded in
 * src/structs/netlink_diag.c. The attribute walker here,
 * and the one function that prints a payload as its table entry says, are
 * shared by the families (src/structs/netlink.h). */
#include "netlink.h"
#include "../options.h"
#include "../umem.h"
#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/xfrm.h>
#include <limits.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#define HDRLEN ((unsigned long)NLMSG_HDRLEN)
/* the tables hold XLAT_* numbers: XLAT() is not a constant for them */
#define XLAT_AT(id) (xlat_table[id])

/* len bytes at addr as "\x.." escapes, cut by -s; the address when unreadable */
/* an array of len / sz elements, each printed by p; bytes after the last
 * whole one are not shown; -s cuts it as strace's arrays */
bool nl_array(struct call *c, struct emit *e, unsigned long addr, unsigned long len, size_t sz, nl_elem p)
{
	union {
		unsigned char b[64];
		uint64_t align;
	} v;
	unsigned long n = len / sz, max = net_array_max(c);
	if (!n || sz > sizeof(v))
		return false;
	for (unsigned long i = 0; i < n; i++) {
		if (umem_read(c->pid, addr + i * sz, v.b, sz) < 0) {
			if (!i) {
				emit_ptr(e, NULL, addr);
				return true;
			}
			net_emit_cut(e, addr + i * sz);
			break;
		}
		if (!i)
			emit_array_begin(e, NULL);
		if (i >= max) {
			emit_more(e);
			break;
		}
		p(e, v.b);
	}
	emit_array_end(e);
	return true;
}

void nl_hex(struct call *c, struct emit *e, const char *name, unsigned long addr, unsigned long len)
{
	unsigned char buf[256];
	unsigned long show = len < (unsigned long)opt.strsize ? len : (unsigned long)opt.strsize;
	unsigned long n = show < sizeof(buf) ? show : sizeof(buf);
	if (!addr) {
		emit_ptr(e, name, 0);
		return;
	}
	if (umem_read(c->pid, addr, buf, n) < 0) {
		emit_ptr(e, name, addr);
		return;
	}
	emit_item(e, name);
	struct sbuf *b = emit_sb(e);
	sbuf_putc(b, '"');
	for (unsigned long done = 0;;) {
		for (unsigned long i = 0; i < n; i++)
			sbuf_printf(b, "\\x%02x", buf[i]);
		done += n;
		n = show - done < sizeof(buf) ? show - done : sizeof(buf);
		/* the first chunk was readable: a later one that is not ends the
		 * string where it stops */
		if (!n || umem_read(c->pid, addr + done, buf, n) < 0)
			break;
	}
	sbuf_putc(b, '"');
	if (show < len)
		sbuf_puts(b, "...");
}

/* ---- the header ---- */

/* the family's own flag bits for a message type (NETLINK_ROUTE: by the
 * low two bits of the type; sock_diag: always GET; xfrm: by name) */
static const struct xlat *type_flags(int family, unsigned type)
{
	if (type < NLMSG_MIN_TYPE)
		return type == NLMSG_ERROR ? XLAT(netlink_ack_flags) : NULL;
	if (family == NETLINK_ROUTE) {
		if (type == RTM_DELACTION)
			return XLAT(netlink_get_flags);
		switch (type & 3) {
		case 0: return XLAT(netlink_new_flags);
		case 1: return XLAT(netlink_delete_flags);
		case 2: return XLAT(netlink_get_flags);
		}
		return NULL;
	}
	if (family == NETLINK_SOCK_DIAG)
		return XLAT(netlink_get_flags);
	if (family == NETLINK_XFRM) {
		/* no pattern in the numbers: strace's list */
		switch (type) {
		case XFRM_MSG_NEWSA: case XFRM_MSG_NEWPOLICY: case XFRM_MSG_NEWAE:
		case XFRM_MSG_NEWSADINFO: case XFRM_MSG_NEWSPDINFO:
			return XLAT(netlink_new_flags);
		case XFRM_MSG_DELSA: case XFRM_MSG_DELPOLICY:
			return XLAT(netlink_delete_flags);
		case XFRM_MSG_GETSA: case XFRM_MSG_GETPOLICY: case XFRM_MSG_GETAE:
		case XFRM_MSG_GETSADINFO: case XFRM_MSG_GETSPDINFO:
			return XLAT(netlink_get_flags);
		}
	}
	return NULL;
}

/* names of two families in turn, then the leftover, as strace's
 * printflags_ex with two tables */
static void sb_nl_flags(struct sbuf *b, unsigned v, const struct xlat *x2)
{
	const struct xlat *tabs[2] = { XLAT(netlink_flags), x2 };
	if (opt.xlat_style == XLAT_STYLE_RAW || !v) {
		sbuf_hex(b, v);
		return;
	}
	struct sbuf names = { 0 };
	unsigned left = v;
	int n = 0;
	for (int t = 0; t < 2; t++) {
		const struct xlat *x = tabs[t];
		for (unsigned i = 0; x && i < x->n && left; i++) {
			unsigned f = (unsigned)x->e[i].val;
			if (f && (left & f) == f) {
				if (n++)
					sbuf_putc(&names, '|');
				sbuf_puts(&names, x->e[i].name);
				left &= ~f;
			}
		}
	}
	if (left && n) {
		sbuf_putc(&names, '|');
		sbuf_hex(&names, left);
	}
	if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
		sbuf_hex(b, v);
		sbuf_puts(b, " /* ");
		if (n)
			sbuf_add(b, names.p, names.len);
		else
			sbuf_puts(b, "NLM_F_???");
		sbuf_puts(b, " */");
	} else if (n) {
		sbuf_add(b, names.p, names.len);
	} else {
		sbuf_hex(b, v);
		sbuf_puts(b, " /* NLM_F_??? */");
	}
	sbuf_free(&names);
}

/* the unknown-type marker of each family strace knows types for */
static const char *type_unknown(int family)
{
	switch (family) {
	case NETLINK_AUDIT: return "AUDIT_???";
	case NETLINK_CRYPTO: return "CRYPTO_MSG_???";
	case NETLINK_GENERIC: return "GENERIC_FAMILY_???";
	case NETLINK_NETFILTER: return "NFNL_SUBSYS_???";
	case NETLINK_ROUTE: return "RTM_???";
	case NETLINK_SELINUX: return "SELNL_MSG_???";
	case NETLINK_SOCK_DIAG: return "SOCK_DIAG_???";
	case NETLINK_XFRM: return "XFRM_MSG_???";
	}
	return "NLMSG_???";
}

static void emit_nlmsghdr(struct emit *e, const char *name, int family, const struct nlmsghdr *h)
{
	emit_struct_begin(e, name);
	emit_uint(e, "nlmsg_len", h->nlmsg_len);
	emit_item(e, "nlmsg_type");
	if (h->nlmsg_type < NLMSG_MIN_TYPE)
		net_sb_enum(emit_sb(e), XLAT(netlink_types), h->nlmsg_type, "NLMSG_???");
	else if (family == NETLINK_ROUTE)
		net_sb_enum(emit_sb(e), XLAT(nl_route_types), h->nlmsg_type, "RTM_???");
	else if (family == NETLINK_SOCK_DIAG)
		net_sb_enum(emit_sb(e), XLAT(nl_sock_diag_types), h->nlmsg_type, "SOCK_DIAG_???");
	else if (family == NETLINK_XFRM)
		net_sb_enum(emit_sb(e), XLAT(nl_xfrm_types), h->nlmsg_type, "XFRM_MSG_???");
	else
		net_sb_enum(emit_sb(e), XLAT(netlink_types), h->nlmsg_type, type_unknown(family));
	emit_item(e, "nlmsg_flags");
	sb_nl_flags(emit_sb(e), h->nlmsg_flags, type_flags(family, h->nlmsg_type));
	emit_uint(e, "nlmsg_seq", h->nlmsg_seq);
	emit_int(e, "nlmsg_pid", (int)h->nlmsg_pid);
	emit_struct_end(e);
}

/* ---- attribute payloads, by kind (struct nla_type) ---- */

/* a NUL-terminated string, as strace reads one: up to -s bytes, and a NUL
 * in the last of them ends the string (not shown); else "..." follows,
 * whether or not more bytes do. -x and -xx keep the NUL (which makes the
 * whole string hex) and call the string unterminated. */
static bool nla_str(struct call *c, struct emit *e, unsigned long addr, unsigned long len)
{
	char s[1024];
	unsigned long n = len < (unsigned long)opt.strsize ? len : (unsigned long)opt.strsize;
	if (n > sizeof(s))
		n = sizeof(s);
	if (umem_read(c->pid, addr, s, n) < 0) {
		emit_ptr(e, NULL, addr);
		return true;
	}
	if (n && !s[n - 1] && !opt.xflag)
		emit_str(e, NULL, s, n - 1, 0);
	else
		emit_str(e, NULL, s, n, STR_TRUNCATED);
	return true;
}

/* an array of len / elem numbers (s32 or u64) indexed by the names of x:
 * [NAME]=value, [i /\* UNKNOWN *\/]=value; bytes after the last whole one
 * are not shown */
static bool nla_array(struct call *c, struct emit *e, const struct nla_type *t, unsigned long addr,
		      unsigned long len)
{
	unsigned char buf[512];
	unsigned elem = t->size;
	unsigned long n = len / elem, max = net_array_max(c);
	bool opened = false;
	if (!n)
		return false;
	for (unsigned long i = 0; i < n; i++) {
		size_t off = (i * elem) % sizeof(buf);
		if (!off) {
			unsigned long want = (n - i) * elem < sizeof(buf) ? (n - i) * elem : sizeof(buf);
			if (umem_read(c->pid, addr + i * elem, buf, want) < 0) {
				if (i)
					net_emit_cut(e, addr + i * elem);
				else
					emit_ptr(e, NULL, addr);
				break;
			}
		}
		if (!opened) {
			emit_array_begin(e, NULL);
			opened = true;
		}
		if (i >= max) {
			emit_more(e);
			break;
		}
		struct sbuf *b = emit_sb(e);
		const char *name = xlat_name(XLAT_AT(t->xlat), i);
		emit_item(e, NULL);
		sbuf_putc(b, '[');
		if (name && opt.xlat_style == XLAT_STYLE_ABBREV) {
			sbuf_puts(b, name);
		} else {
			sbuf_udec(b, i);
			if (opt.xlat_style != XLAT_STYLE_RAW && (name || t->unknown))
				sbuf_printf(b, " /* %s */", name ? name : t->unknown);
		}
		sbuf_puts(b, "]=");
		if (elem == 4 && t->is_unsigned) {
			uint32_t v;
			memcpy(&v, buf + off, sizeof(v));
			sbuf_udec(b, v);
		} else if (elem == 4) {
			int32_t v;
			memcpy(&v, buf + off, sizeof(v));
			sbuf_dec(b, v);
		} else {
			uint64_t v;
			memcpy(&v, buf + off, sizeof(v));
			sbuf_udec(b, v);
		}
	}
	if (opened)
		emit_array_end(e);
	return true;
}

/* a struct of numbers whose newer kernels added fields at the end: as
 * strace 6.1, the sizes of the layouts it knows exactly, and anything
 * longer than the newest one */
static bool nla_numbers(struct call *c, struct emit *e, const struct nla_type *t, unsigned long addr,
		       unsigned long len)
{
	unsigned char raw[32 * sizeof(uint64_t)];
	unsigned long n = len >= (unsigned long)t->count * t->size ? t->count : len / t->size;
	if (n < t->oldest || (n < t->count && len % t->size) || n * t->size > sizeof(raw))
		return false;
	if (!net_fetch(c, e, NULL, addr, raw, n * t->size))
		return true;
	emit_struct_begin(e, NULL);
	for (unsigned long i = 0; i < n; i++) {
		uint64_t v = 0;
		memcpy(&v, raw + i * t->size, t->size);
		emit_uint(e, t->names[i], v);
	}
	emit_struct_end(e);
	return true;
}

void nl_emit_mac(struct emit *e, const char *name, const unsigned char *a, unsigned long n)
{
	struct sbuf *b = emit_sb(e);
	emit_item(e, name);
	if (!net_raw_open(b, a, n))
		return;
	for (unsigned long i = 0; i < n; i++)
		sbuf_printf(b, i ? ":%02x" : "%02x", a[i]);
	net_raw_close(b);
}

bool nl_nested(struct call *c, struct emit *e, const struct nla_policy *p, unsigned long addr, unsigned long len,
	       void *ctx)
{
	if (!p)
		return false;
	nl_attrs(c, e, p, addr, len, ctx);
	return true;
}

static void emit_value(struct call *c, struct emit *e, const char *name, const struct nla_type *t,
		       const unsigned char *v, unsigned long len);

/* the fields of a struct at v, each a value of its own kind */
static void emit_members(struct call *c, struct emit *e, const struct nl_field *f, unsigned n,
			 const unsigned char *v)
{
	for (unsigned i = 0; i < n; i++)
		emit_value(c, e, f[i].name, &f[i].type, v + f[i].offset, f[i].type.size);
}

/* the value of kind t in the len bytes read at v (a payload, or a field of
 * a struct), as name */
static void emit_value(struct call *c, struct emit *e, const char *name, const struct nla_type *t,
		       const unsigned char *v, unsigned long len)
{
	const struct xlat *x = XLAT_AT(t->xlat);
	unsigned long n = t->size ? t->size : len;
	uint64_t u = 0;
	memcpy(&u, v, n < sizeof(u) ? n : sizeof(u));
	switch (t->kind) {
	case NLK_UINT: emit_uint(e, name, u); break;
	case NLK_SINT: emit_int(e, name, n == 4 ? (int32_t)u : (int64_t)u); break;
	case NLK_XINT: emit_hex(e, name, u); break;
	case NLK_IFINDEX: net_emit_ifindex(e, name, (uint32_t)u); break;
	case NLK_FD: print_fd(c, e, name, (int32_t)u); break;
	case NLK_ENUM: net_emit_enum(e, name, x, u, t->unknown); break;
	case NLK_FLAGS: net_emit_flags(e, name, x, u, t->unknown); break;
	case NLK_MAC: nl_emit_mac(e, name, v, len); break;
	case NLK_INADDR: net_emit_inet_addr(e, name, t->size == 4 ? AF_INET : AF_INET6, v); break;
	case NLK_STRUCT: t->print(e, v); break;
	case NLK_MEMBERS:
		emit_struct_begin(e, name);
		emit_members(c, e, t->members, t->count, v);
		emit_struct_end(e);
		break;
	case NLK_ID:
		if (u == UINT32_MAX)
			emit_int(e, name, -1);
		else
			emit_uint(e, name, u);
		break;
	case NLK_CLOCK:
		emit_uint(e, name, u);
		if (u && opt.xlat_style != XLAT_STYLE_RAW)
			sbuf_printf(emit_sb(e), " /* %llu.%02llu s */", (unsigned long long)(u / 100),
				    (unsigned long long)(u % 100));
		break;
	case NLK_HTONS:
		emit_item(e, name);
		sbuf_puts(emit_sb(e), "htons(");
		net_sb_enum(emit_sb(e), x, ntohs((uint16_t)u), t->unknown);
		sbuf_putc(emit_sb(e), ')');
		break;
	}
}

/* one payload as its entry says; false: it is not one, print it as hex */
static bool nla_print(struct call *c, struct emit *e, const struct nla_type *t, unsigned long addr,
		      unsigned long len, void *ctx)
{
	/* zeroed and aligned, so that a struct read short of its padding can
	 * be copied whole */
	union {
		unsigned char b[64];
		uint64_t align;
	} v = { 0 };
	switch (t->kind) {
	case NLK_HEX: return false;
	case NLK_CODE: return t->decode(c, e, addr, len, ctx);
	case NLK_NESTED: return nl_nested(c, e, t->nested, addr, len, ctx);
	case NLK_STR: return nla_str(c, e, addr, len);
	case NLK_ARRAY: return nla_array(c, e, t, addr, len);
	case NLK_NUMBERS: return nla_numbers(c, e, t, addr, len);
	}
	if (len < t->size || (t->max && len > t->max) || t->size > sizeof(v))
		return false;
	/* size 0: the value is the whole payload */
	if (!net_fetch(c, e, NULL, addr, v.b, t->size ? t->size : len))
		return true;
	emit_value(c, e, NULL, t, v.b, len);
	if (t->hex_tail && len > t->size)
		nl_hex(c, e, NULL, addr + t->size, len - t->size);
	return true;
}

/* ---- attributes ---- */

static void emit_nla_type(struct emit *e, const struct nla_policy *p, unsigned type)
{
	struct sbuf *b = emit_sb(e);
	emit_item(e, "nla_type");
	static const char *const bits[3][2] = {
		[XLAT_STYLE_ABBREV] = { "NLA_F_NESTED|", "NLA_F_NET_BYTEORDER|" },
		[XLAT_STYLE_RAW] = { "0x8000|", "0x4000|" },
		[XLAT_STYLE_VERBOSE] = { "0x8000 /* NLA_F_NESTED */|", "0x4000 /* NLA_F_NET_BYTEORDER */|" },
	};
	if (type & NLA_F_NESTED)
		sbuf_puts(b, bits[opt.xlat_style][0]);
	if (type & NLA_F_NET_BYTEORDER)
		sbuf_puts(b, bits[opt.xlat_style][1]);
	net_sb_enum(b, XLAT_AT(p->names), type & NLA_TYPE_MASK, p->unknown);
}

/* the record after one of size bytes (aligned) at addr, in a stream of len
 * bytes: its address and the bytes left, or 0 when this one is the last or
 * its header (too short, hdr_ok false) gives no way to step over it */
static unsigned long nl_next(unsigned long addr, unsigned long len, unsigned long size, bool hdr_ok,
			     unsigned long *next_len)
{
	*next_len = hdr_ok && len >= size ? len - size : 0;
	return *next_len && addr + size > addr ? addr + size : 0;
}

void nl_attrs(struct call *c, struct emit *e, const struct nla_policy *p, unsigned long addr, unsigned long len,
	      void *ctx)
{
	bool is_array = false;
	unsigned long max = net_array_max(c);
	for (unsigned long elt = 0;; elt++) {
		struct nlattr nla;
		if (len < sizeof(nla)) {
			nl_hex(c, e, NULL, addr, len);
			break;
		}
		if (umem_read(c->pid, addr, &nla, sizeof(nla)) < 0) {
			if (is_array)
				net_emit_cut(e, addr);
			else
				emit_ptr(e, NULL, addr);
			break;
		}
		if (elt + 1 > max) {
			emit_more(e);
			break;
		}
		unsigned long next_len,
			next_addr = nl_next(addr, len, NLA_ALIGN(nla.nla_len), nla.nla_len >= NLA_HDRLEN, &next_len);
		if (!is_array && next_addr) {
			emit_array_begin(e, NULL);
			is_array = true;
		}
		unsigned long nla_len = nla.nla_len < len ? nla.nla_len : len;
		if (nla_len > NLA_HDRLEN)
			emit_array_begin(e, NULL);
		emit_struct_begin(e, NULL);
		emit_uint(e, "nla_len", nla.nla_len);
		emit_nla_type(e, p, nla.nla_type);
		emit_struct_end(e);
		if (nla_len > NLA_HDRLEN) {
			unsigned type = nla.nla_type & (p->low_byte ? 0xff : NLA_TYPE_MASK);
			const struct nla_type *t = type < p->n ? &p->types[type] : NULL;
			if (!t || !nla_print(c, e, t, addr + NLA_HDRLEN, nla_len - NLA_HDRLEN, ctx))
				nl_hex(c, e, NULL, addr + NLA_HDRLEN, nla_len - NLA_HDRLEN);
			emit_array_end(e);
		}
		if (!next_addr)
			break;
		addr = next_addr;
		len = next_len;
	}
	if (is_array)
		emit_array_end(e);
}

/* ---- NETLINK_ROUTE message bodies: a header struct, then attributes ---- */

void rtnl_print(struct call *c, struct emit *e, const struct rtnl_msg *m, unsigned char family, unsigned long addr,
		unsigned long len, void *ctx)
{
	/* larger than any header struct (a bigger one would print as cut),
	 * aligned for the printers' copies */
	union {
		unsigned char b[64];
		uint64_t align;
	} hdr = { 0 };
	bool attrs = false;
	emit_struct_begin(e, NULL);
	net_emit_enum(e, m->family_field, XLAT(address_families), family, "AF_???");
	if (len >= m->size && m->size <= sizeof(hdr)) {
		if (net_fetch(c, e, NULL, addr, hdr.b, m->size)) {
			emit_members(c, e, m->fields, m->nfields, hdr.b);
			attrs = true;
		}
	} else {
		emit_more(e);
	}
	emit_struct_end(e);
	/* the family as read with the header, as the attributes see it */
	*(unsigned char *)ctx = hdr.b[0];
	if (attrs && len > NLMSG_ALIGN(m->size))
		nl_attrs(c, e, m->attrs, addr + NLMSG_ALIGN(m->size), len - NLMSG_ALIGN(m->size), ctx);
}

/* ---- NETLINK_ROUTE addresses: struct ifaddrmsg and IFA_* attributes ---- */

bool rtnl_inet_addr(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	unsigned char buf[16];
	int family = *(unsigned char *)ctx;
	unsigned long size = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
	if (!size || len < size)
		return false;
	if (umem_read(c->pid, addr, buf, size) < 0) {
		emit_ptr(e, NULL, addr);
		return true;
	}
	net_emit_inet_addr(e, NULL, family, buf);
	return true;
}

static const char *const ifa_cacheinfo_fields[] = { "ifa_prefered", "ifa_valid", "cstamp", "tstamp" };

static const struct nla_type ifa_types[] = {
	[IFA_ADDRESS] = NL_CODE(rtnl_inet_addr),
	[IFA_LOCAL] = NL_CODE(rtnl_inet_addr),
	[IFA_LABEL] = NL_STR,
	[IFA_BROADCAST] = NL_CODE(rtnl_inet_addr),
	[IFA_ANYCAST] = NL_CODE(rtnl_inet_addr),
	[IFA_CACHEINFO] = NL_NUMBERS(4, ifa_cacheinfo_fields, 4, 4),
	[IFA_MULTICAST] = NL_CODE(rtnl_inet_addr),
	[IFA_FLAGS] = NL_FLAGS(4, ifaddr_flags, "IFA_F_???"),
	[IFA_RT_PRIORITY] = NL_U32,
	[IFA_TARGET_NETNSID] = NL_S32,
};

static const struct nla_policy ifa_policy = NL_POLICY(rtnl_addr_attrs, "IFA_???", ifa_types);

static const struct nl_field ifaddrmsg_fields[] = {
	NL_FIELD(ifaddrmsg, ifa_prefixlen, NL_U8),
	NL_FIELD(ifaddrmsg, ifa_flags, NL_FLAGS(1, ifaddr_flags, "IFA_F_???")),
	NL_FIELD(ifaddrmsg, ifa_scope, NL_ENUM(1, routing_scopes, NULL)),
	NL_FIELD(ifaddrmsg, ifa_index, NL_IFINDEX),
};

static const struct rtnl_msg ifaddrmsg = RTNL_MSG("ifa_family", ifaddrmsg, ifaddrmsg_fields, ifa_policy);

/* a NETLINK_ROUTE payload; false when it is left to the generic printing */
static bool route_payload(struct call *c, struct emit *e, const struct nlmsghdr *h, unsigned long addr,
			  unsigned long len)
{
	unsigned char family;
	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	if (!net_fetch(c, e, NULL, addr, &family, 1))
		return true;
	switch (h->nlmsg_type) {
	case RTM_NEWLINK: case RTM_DELLINK: case RTM_GETLINK: case RTM_SETLINK:
		rtnl_link_print(c, e, family, addr, len);
		return true;
	case RTM_NEWADDR: case RTM_DELADDR: case RTM_GETADDR: {
		unsigned char addr_family;	/* the walker's context: it types the addresses */
		rtnl_print(c, e, &ifaddrmsg, family, addr, len, &addr_family);
		return true;
	}
	case RTM_NEWROUTE: case RTM_DELROUTE: case RTM_GETROUTE:
		rtnl_route_print(c, e, family, addr, len);
		return true;
	case RTM_NEWNEIGH: case RTM_DELNEIGH: case RTM_GETNEIGH:
		rtnl_neigh_print(c, e, h->nlmsg_type, family, addr, len);
		return true;
	case RTM_NEWRULE: case RTM_DELRULE: case RTM_GETRULE:
		rtnl_rule_print(c, e, family, addr, len);
		return true;
	case RTM_NEWNETCONF: case RTM_DELNETCONF: case RTM_GETNETCONF:
		rtnl_netconf_print(c, e, family, addr, len);
		return true;
	case RTM_NEWNSID: case RTM_DELNSID: case RTM_GETNSID:
		rtnl_nsid_print(c, e, family, addr, len);
		return true;
	case RTM_NEWNEIGHTBL: case RTM_GETNEIGHTBL: case RTM_SETNEIGHTBL:
		rtnl_neightbl_print(c, e, family, addr, len);
		return true;
	case RTM_NEWQDISC: case RTM_DELQDISC: case RTM_GETQDISC:
	case RTM_NEWTCLASS: case RTM_DELTCLASS: case RTM_GETTCLASS:
	case RTM_NEWTFILTER: case RTM_DELTFILTER: case RTM_GETTFILTER:
	case RTM_NEWCHAIN: case RTM_DELCHAIN: case RTM_GETCHAIN:
		rtnl_tc_print(c, e, family, addr, len);
		return true;
	}
	nl_hex(c, e, NULL, addr, len);
	return true;
}

/* ---- messages ---- */

static void one_message(struct call *c, struct emit *e, const char *name, int family,
			const struct nlmsghdr *h, unsigned long addr, unsigned long len);

/* an error message quotes the message it answers, which may be an error
 * message itself: hostile data could nest them deep, so stop at this depth */
#define NLMSGERR_MAX_DEPTH 4
static int err_depth;

/* the extended acknowledgement (NLM_F_ACK_TLVS) after the quoted message:
 * the kernel's text, the offset of the attribute it did not take; the
 * cookie and the policy stay hex, as strace 6.1 prints them */
static const struct nla_type nlmsgerr_types[] = {
	[NLMSGERR_ATTR_MSG] = NL_STR,
	[NLMSGERR_ATTR_OFFS] = NL_U32,
	[5 /* NLMSGERR_ATTR_MISS_TYPE */] = NL_U32,
	[6 /* NLMSGERR_ATTR_MISS_NEST */] = NL_U32,
};
static const struct nla_policy nlmsgerr_policy = NL_POLICY(nlmsgerr_attrs, "NLMSGERR_ATTR_???", nlmsgerr_types);

/* {error=-EEXIST, msg=[the message answered]}, and when the kernel added
 * attributes after it: [{error=..., msg=...}, [attributes]] */
static void nlmsgerr(struct call *c, struct emit *e, int family, unsigned long addr, unsigned long len, bool capped)
{
	int err;
	if (len < sizeof(err) || err_depth >= NLMSGERR_MAX_DEPTH) {
		nl_hex(c, e, NULL, addr, len);
		return;
	}
	if (!net_fetch(c, e, NULL, addr, &err, sizeof(err)))
		return;
	addr += sizeof(err);
	len -= sizeof(err);
	/* the quoted message: hex when too short for a header, the address
	 * when unreadable; what follows it is the attributes */
	struct nlmsghdr m;
	enum { NONE, SHORT, UNREADABLE, MESSAGE } quoted = NONE;
	unsigned long payload = 0;
	if (len) {
		if (len < HDRLEN) {
			quoted = SHORT;
		} else if (umem_read(c->pid, addr, &m, sizeof(m)) < 0) {
			quoted = UNREADABLE;
		} else {
			quoted = MESSAGE;
			payload = capped ? sizeof(m) : m.nlmsg_len;
			if (payload > len)
				payload = len;
		}
	}
	bool tlvs = quoted == MESSAGE && len > payload;
	if (tlvs)
		emit_array_begin(e, NULL);
	emit_struct_begin(e, NULL);
	emit_item(e, "error");
	/* INT_MIN has no negation, and names no errno anyway */
	const char *en = err < 0 && err > INT_MIN ? errno_name(-err) : NULL;
	if (en && opt.xlat_style == XLAT_STYLE_ABBREV) {
		sbuf_putc(emit_sb(e), '-');
		sbuf_puts(emit_sb(e), en);
	} else {
		sbuf_dec(emit_sb(e), err);
		if (en && opt.xlat_style == XLAT_STYLE_VERBOSE)
			sbuf_printf(emit_sb(e), " /* -%s */", en);
	}
	if (quoted == SHORT) {
		nl_hex(c, e, "msg", addr, len);
	} else if (quoted == UNREADABLE) {
		emit_ptr(e, "msg", addr);
	} else if (quoted == MESSAGE) {
		err_depth++;
		one_message(c, e, "msg", family, &m, addr, payload);
		err_depth--;
	}
	emit_struct_end(e);
	if (tlvs) {
		nl_attrs(c, e, &nlmsgerr_policy, addr + payload, len - payload, NULL);
		emit_array_end(e);
	}
}

static void payload(struct call *c, struct emit *e, int family, const struct nlmsghdr *h, unsigned long addr,
		    unsigned long len)
{
	if (h->nlmsg_type == NLMSG_ERROR) {
		nlmsgerr(c, e, family, addr, len, h->nlmsg_flags & NLM_F_CAPPED);
		return;
	}
	if ((h->nlmsg_type >= NLMSG_MIN_TYPE || h->nlmsg_type == NLMSG_DONE) && family == NETLINK_ROUTE
	    && route_payload(c, e, h, addr, len))
		return;
	if ((h->nlmsg_type >= NLMSG_MIN_TYPE || h->nlmsg_type == NLMSG_DONE) && family == NETLINK_SOCK_DIAG
	    && sock_diag_print(c, e, h->nlmsg_type, h->nlmsg_flags, addr, len))
		return;
	if (h->nlmsg_type == NLMSG_DONE && len == sizeof(int)) {
		int n;
		if (net_fetch(c, e, NULL, addr, &n, sizeof(n)))
			emit_int(e, NULL, n);
		return;
	}
	nl_hex(c, e, NULL, addr, len);
}

/* "{header}" alone, or "[{header}, payload]" */
static void one_message(struct call *c, struct emit *e, const char *name, int family,
			const struct nlmsghdr *h, unsigned long addr, unsigned long len)
{
	unsigned long n = h->nlmsg_len < len ? h->nlmsg_len : len;
	if (n > HDRLEN) {
		emit_array_begin(e, name);
		name = NULL;
	}
	emit_nlmsghdr(e, name, family, h);
	if (n > HDRLEN) {
		payload(c, e, family, h, addr + HDRLEN, n - HDRLEN);
		emit_array_end(e);
	}
}

void netlink_print(struct call *c, struct emit *e, const char *name, int family, unsigned long addr,
		   unsigned long len)
{
	bool is_array = false;
	unsigned long max = net_array_max(c);
	for (unsigned long elt = 0;; elt++) {
		struct nlmsghdr h;
		const char *nm = is_array ? NULL : name;
		if (len < HDRLEN) {
			nl_hex(c, e, nm, addr, len);
			break;
		}
		if (!addr || umem_read(c->pid, addr, &h, sizeof(h)) < 0) {
			if (is_array)
				net_emit_cut(e, addr);
			else
				emit_ptr(e, nm, addr);
			break;
		}
		if (elt == max) {
			emit_more(e);
			break;
		}
		unsigned long next_len,
			next_addr = nl_next(addr, len, NLMSG_ALIGN(h.nlmsg_len), h.nlmsg_len >= HDRLEN, &next_len);
		if (!is_array && next_addr) {
			emit_array_begin(e, name);
			is_array = true;
			nm = NULL;
		}
		one_message(c, e, nm, family, &h, addr, len);
		if (!next_addr)
			break;
		addr = next_addr;
		len = next_len;
	}
	if (is_array)
		emit_array_end(e);
}
