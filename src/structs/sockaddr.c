/* SPDX-License-Identifier: MIT */
/* Socket addresses as strace 6.1 prints them, and the small helpers the
 * socket, polling and IPC decoders share (structs/net.h):
 *   {sa_family=AF_UNIX, sun_path="/run/x"}   {sa_family=AF_UNIX, sun_path=@"abs"}
 *   {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}
 *   {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0),
 *    inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}
 *   {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}  (nl_pad=0x.. first when not 0)
 *   {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IP), sll_ifindex=if_nametoindex("lo"),
 *    sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, sll_halen=6, sll_addr=[0x1, ...]}
 * Families without a printer, and addresses shorter than their family's
 * minimum, show the bytes after the family as sa_data="...". */
#include "net.h"
#include "../filter.h"
#include "../options.h"
#include "../umem.h"
#include "../util.h"
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

/* ---- shared helpers ---- */

void net_sb_enum(struct sbuf *b, const struct xlat *x, unsigned long long v, const char *unknown)
{
	const char *n = xlat_name(x, v);
	if (n && opt.xlat_style == XLAT_STYLE_ABBREV) {
		sbuf_puts(b, n);
		return;
	}
	sbuf_hex(b, v);
	if (opt.xlat_style == XLAT_STYLE_RAW || (!n && !unknown))
		return;
	sbuf_puts(b, " /* ");
	sbuf_puts(b, n ? n : unknown);
	sbuf_puts(b, " */");
}

void net_emit_enum(struct emit *e, const char *name, const struct xlat *x, unsigned long long v, const char *unknown)
{
	emit_item(e, name);
	net_sb_enum(emit_sb(e), x, v, unknown);
}

/* the names of v in file order, as xlat_flags matches them; the bits no
 * name covers are left in *left */
static int flags_names(struct sbuf *b, const struct xlat *x, unsigned long long v, unsigned long long *left)
{
	int n = 0;
	*left = v;
	for (unsigned i = 0; i < x->n && *left; i++) {
		unsigned long long f = x->e[i].val;
		if (f && (*left & f) == f) {
			if (b) {
				if (n)
					sbuf_putc(b, '|');
				sbuf_puts(b, x->e[i].name);
			}
			n++;
			*left &= ~f;
		}
	}
	return n;
}

int net_sb_flags(struct sbuf *b, const struct xlat *x, unsigned long long v, const char *unknown)
{
	unsigned long long left;
	if (opt.xlat_style == XLAT_STYLE_RAW) {
		sbuf_hex(b, v);
		/* strace counts the number itself as printed */
		return v != 0;
	}
	if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
		int n = flags_names(NULL, x, v, &left);
		sbuf_hex(b, v);
		/* a zero that has a name prints it in a comment, as strace does */
		const char *z = v ? NULL : xlat_name(x, 0);
		if (z) {
			sbuf_puts(b, " /* ");
			sbuf_puts(b, z);
			sbuf_puts(b, " */");
			return 1;
		}
		if (!v || (!n && !unknown))
			return 0;
		sbuf_puts(b, " /* ");
		if (n) {
			flags_names(b, x, v, &left);
			if (left) {
				sbuf_putc(b, '|');
				sbuf_hex(b, left);
			}
		} else {
			sbuf_puts(b, unknown);
		}
		sbuf_puts(b, " */");
		return n;
	}
	if (!v) {
		const char *z = xlat_name(x, 0);
		sbuf_puts(b, z ? z : "0");
		return z ? 1 : 0;
	}
	int n = flags_names(b, x, v, &left);
	if (left) {
		if (n)
			sbuf_putc(b, '|');
		sbuf_hex(b, left);
		if (!n && unknown) {
			sbuf_puts(b, " /* ");
			sbuf_puts(b, unknown);
			sbuf_puts(b, " */");
		}
	}
	return n;
}

void net_emit_flags(struct emit *e, const char *name, const struct xlat *x, unsigned long long v, const char *unknown)
{
	emit_item(e, name);
	net_sb_flags(emit_sb(e), x, v, unknown);
}

bool net_verbose(const struct call *c)
{
	return filter_verbose(c->nr);
}

bool net_abbrev(const struct call *c)
{
	return filter_abbrev(c->nr);
}

bool net_fetch(struct call *c, struct emit *e, const char *name, unsigned long addr, void *buf, size_t n)
{
	if (addr && !net_verbose(c)) {
		emit_ptr(e, name, addr);
		return false;
	}
	return fetch_struct(c, e, name, addr, buf, n);
}

unsigned long net_array_max(const struct call *c)
{
	if (!net_abbrev(c))
		return (unsigned long)-1;
	return opt.strsize < 0 ? 0 : (unsigned long)opt.strsize;
}

/* ---- socket addresses ---- */

#define SA_FAMILY_SIZE 2
#define SA_MAX ((long)sizeof(struct sockaddr_storage))

/* n bytes as "\x.." escapes, whatever -x says: how strace shows raw
 * network-order fields with -X raw */
void net_sb_hexstr(struct sbuf *b, const void *p, size_t n)
{
	const unsigned char *s = p;
	sbuf_putc(b, '"');
	for (size_t i = 0; i < n; i++)
		sbuf_printf(b, "\\x%02x", s[i]);
	sbuf_putc(b, '"');
}

bool net_raw_open(struct sbuf *b, const void *p, size_t n)
{
	if (opt.xlat_style == XLAT_STYLE_ABBREV)
		return true;
	net_sb_hexstr(b, p, n);
	if (opt.xlat_style == XLAT_STYLE_RAW)
		return false;
	sbuf_puts(b, " /* ");
	return true;
}

void net_raw_close(struct sbuf *b)
{
	if (opt.xlat_style != XLAT_STYLE_ABBREV)
		sbuf_puts(b, " */");
}

/* a network-order field: "htons(80)" (call is the text up to the value,
 * "htons(" or "inet_pton(AF_INET6, "; quoted: the value is a string, shown
 * under -x rules); -X raw: the bytes; -X verbose: both */
static void emit_net_field(struct emit *e, const char *name, const void *p, size_t n,
			   const char *call, const char *arg, bool quoted)
{
	struct sbuf *b = emit_sb(e);
	emit_item(e, name);
	if (!net_raw_open(b, p, n))
		return;
	sbuf_puts(b, call);
	if (quoted)
		quote_string(b, (const unsigned char *)arg, strlen(arg), 0);
	else
		sbuf_puts(b, arg);
	sbuf_putc(b, ')');
	net_raw_close(b);
}

void net_emit_port(struct emit *e, const char *name, const void *port)
{
	char num[16];
	unsigned short v;
	memcpy(&v, port, sizeof(v));
	snprintf(num, sizeof(num), "%u", ntohs(v));
	emit_net_field(e, name, port, 2, "htons(", num, false);
}

/* IPv4: inet_addr("127.0.0.1"). IPv6 in a struct field: not a field but
 * the call that fills it, inet_pton(AF_INET6, "::1", &sin6_addr); alone
 * (a netlink attribute): inet_pton(AF_INET6, "::1") */
void net_emit_inet_addr(struct emit *e, const char *name, int family, const void *addr)
{
	char txt[INET6_ADDRSTRLEN];
	struct sbuf *b = emit_sb(e);
	if (!inet_ntop(family, addr, txt, sizeof(txt)))
		txt[0] = 0;
	if (family == AF_INET) {
		emit_net_field(e, name, addr, 4, "inet_addr(", txt, true);
		return;
	}
	if (!name || opt.xlat_style != XLAT_STYLE_ABBREV) {
		emit_net_field(e, name, addr, 16, "inet_pton(AF_INET6, ", txt, true);
		return;
	}
	emit_item(e, NULL);
	sbuf_puts(b, "inet_pton(AF_INET6, ");
	quote_string(b, (const unsigned char *)txt, strlen(txt), 0);
	sbuf_puts(b, ", &");
	sbuf_puts(b, name);
	sbuf_putc(b, ')');
}

void net_emit_ifindex(struct emit *e, const char *name, unsigned idx)
{
	char ifname[IF_NAMESIZE];
	struct sbuf *b = emit_sb(e);
	emit_item(e, name);
	if (!idx || opt.xlat_style == XLAT_STYLE_RAW || !if_indextoname(idx, ifname)) {
		sbuf_udec(b, idx);
		return;
	}
	if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
		sbuf_udec(b, idx);
		sbuf_puts(b, " /* ");
	}
	sbuf_puts(b, "if_nametoindex(");
	quote_string(b, (const unsigned char *)ifname, strlen(ifname), 0);
	sbuf_putc(b, ')');
	if (opt.xlat_style == XLAT_STYLE_VERBOSE)
		sbuf_puts(b, " */");
}

static void print_in(struct emit *e, const unsigned char *buf, long len)
{
	const struct sockaddr_in *sin = (const void *)buf;
	(void)len;
	net_emit_port(e, "sin_port", &sin->sin_port);
	net_emit_inet_addr(e, "sin_addr", AF_INET, &sin->sin_addr);
}

/* offsetof(struct sockaddr_in6, sin6_scope_id): the kernel's minimum */
#define SIN6_MIN_LEN 24

static void print_in6(struct emit *e, const unsigned char *buf, long len)
{
	const struct sockaddr_in6 *sin6 = (const void *)buf;
	char num[16];
	net_emit_port(e, "sin6_port", &sin6->sin6_port);
	snprintf(num, sizeof(num), "%u", ntohl(sin6->sin6_flowinfo));
	emit_net_field(e, "sin6_flowinfo", &sin6->sin6_flowinfo, 4, "htonl(", num, false);
	net_emit_inet_addr(e, "sin6_addr", AF_INET6, &sin6->sin6_addr);
	if (len <= SIN6_MIN_LEN)
		return;
	if (IN6_IS_ADDR_LINKLOCAL(&sin6->sin6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&sin6->sin6_addr))
		net_emit_ifindex(e, "sin6_scope_id", sin6->sin6_scope_id);
	else
		emit_uint(e, "sin6_scope_id", sin6->sin6_scope_id);
}

static void print_un(struct emit *e, const unsigned char *buf, long len)
{
	const struct sockaddr_un *sun = (const void *)buf;
	long un_len = len > (long)sizeof(*sun) ? (long)sizeof(*sun) : len;
	long path_len = un_len - SA_FAMILY_SIZE;
	emit_item(e, "sun_path");
	if (sun->sun_path[0]) {
		size_t n = strnlen(sun->sun_path, (size_t)path_len);
		quote_string(emit_sb(e), (const unsigned char *)sun->sun_path, n, 0);
	} else {
		/* an abstract name: every byte counts, NULs included */
		sbuf_putc(emit_sb(e), '@');
		quote_string(emit_sb(e), (const unsigned char *)sun->sun_path + 1, (size_t)(path_len - 1), 0);
	}
}

static void print_nl(struct emit *e, const unsigned char *buf, long len)
{
	const struct sockaddr_nl *nl = (const void *)buf;
	(void)len;
	if (nl->nl_pad) {
		emit_item(e, "nl_pad");
		sbuf_printf(emit_sb(e), "%#x", nl->nl_pad);
	}
	emit_int(e, "nl_pid", (int)nl->nl_pid);
	emit_item(e, "nl_groups");
	/* printf's %#08x: no 0x for zero, and the prefix counts in the width */
	sbuf_printf(emit_sb(e), "%#08x", nl->nl_groups);
}

/* the link-level protocol, in network order: htons(ETH_P_IP); -X raw the
 * two bytes, -X verbose both */
static void emit_eth_proto(struct emit *e, const char *name, const void *p)
{
	uint16_t v;
	memcpy(&v, p, sizeof(v));
	unsigned proto = ntohs(v);
	const char *n = xlat_name(XLAT(ethernet_protocols), proto);
	struct sbuf *b = emit_sb(e);
	emit_item(e, name);
	if (!net_raw_open(b, p, 2))
		return;
	sbuf_puts(b, "htons(");
	if (n) {
		sbuf_puts(b, n);
	} else {
		sbuf_hex(b, proto);
		sbuf_puts(b, " /* ETH_P_??? */");
	}
	sbuf_putc(b, ')');
	net_raw_close(b);
}

static void print_ll(struct emit *e, const unsigned char *buf, long len)
{
	const struct sockaddr_ll *ll = (const void *)buf;
	(void)len;
	emit_eth_proto(e, "sll_protocol", &ll->sll_protocol);
	if (ll->sll_ifindex < 0)
		emit_int(e, "sll_ifindex", ll->sll_ifindex);
	else
		net_emit_ifindex(e, "sll_ifindex", (unsigned)ll->sll_ifindex);
	net_emit_enum(e, "sll_hatype", XLAT(arp_hardware_types), ll->sll_hatype, "ARPHRD_???");
	net_emit_enum(e, "sll_pkttype", XLAT(packet_types), ll->sll_pkttype, "PACKET_???");
	emit_uint(e, "sll_halen", ll->sll_halen);
	if (!ll->sll_halen)
		return;
	/* at most the 8 bytes of sll_addr, whatever -s says */
	emit_array_begin(e, "sll_addr");
	for (unsigned i = 0; i < ll->sll_halen && i < sizeof(ll->sll_addr); i++) {
		emit_item(e, NULL);
		sbuf_printf(emit_sb(e), "%#02x", ll->sll_addr[i]);
	}
	if (ll->sll_halen > sizeof(ll->sll_addr))
		emit_more(e);
	emit_array_end(e);
}

static const struct {
	void (*print)(struct emit *e, const unsigned char *buf, long len);
	long min_len;
} family_printers[] = {
	[AF_UNIX] = { print_un, SA_FAMILY_SIZE + 1 },
	[AF_INET] = { print_in, sizeof(struct sockaddr_in) },
	[AF_INET6] = { print_in6, SIN6_MIN_LEN },
	[AF_NETLINK] = { print_nl, SA_FAMILY_SIZE + 1 },
	[AF_PACKET] = { print_ll, sizeof(struct sockaddr_ll) },
};

/* an address already in memory (len bytes, at most SA_MAX, zero-padded) */
static void sockaddr_print_buf(struct emit *e, const char *name, const unsigned char *buf, long len)
{
	unsigned family = (unsigned)(buf[0] | buf[1] << 8);
	emit_struct_begin(e, name);
	net_emit_enum(e, "sa_family", XLAT(address_families), family, "AF_???");
	if (len > SA_FAMILY_SIZE) {
		if (family < ARRAY_SIZE(family_printers) && family_printers[family].print
		    && len >= family_printers[family].min_len) {
			family_printers[family].print(e, buf, len);
		} else {
			emit_item(e, "sa_data");
			quote_string(emit_sb(e), buf + SA_FAMILY_SIZE, (size_t)(len - SA_FAMILY_SIZE), 0);
		}
	}
	emit_struct_end(e);
}

void sockaddr_print_mem(struct emit *e, const char *name, const void *p, long len)
{
	unsigned char buf[SA_MAX + 1];
	if (len > SA_MAX)
		len = SA_MAX;
	if (len < 0)
		len = 0;
	memcpy(buf, p, (size_t)len);
	memset(buf + len, 0, sizeof(buf) - (size_t)len);
	sockaddr_print_buf(e, name, buf, len);
}

int sockaddr_print(struct call *c, struct emit *e, const char *name, unsigned long addr, long len)
{
	/* one spare zero byte: sun_path of a full-length address ends there */
	unsigned char buf[SA_MAX + 1];
	int ilen = (int)len;
	if (ilen < SA_FAMILY_SIZE) {
		emit_ptr(e, name, addr);
		return -1;
	}
	if (ilen > SA_MAX)
		ilen = SA_MAX;
	if (!net_fetch(c, e, name, addr, buf, (size_t)ilen))
		return -1;
	memset(buf + ilen, 0, sizeof(buf) - (size_t)ilen);
	sockaddr_print_buf(e, name, buf, ilen);
	return buf[0] | buf[1] << 8;
}

/* bind/connect: the signature gives addrlen as the length (=addrlen) */
STRUCT_PRINTER(sockaddr)
{
	sockaddr_print(c, e, name, addr, len);
}

bool net_array_start(struct call *c, struct emit *e, const char *name, unsigned long addr, unsigned long n,
		     unsigned long elem)
{
	if (!addr) {
		emit_ptr(e, name, 0);
		return false;
	}
	if (!n) {
		emit_array_begin(e, name);
		emit_array_end(e);
		return false;
	}
	/* not verbose, or a count whose size wraps: only the address */
	if (!net_verbose(c) || n * elem / elem != n || addr + n * elem <= addr) {
		emit_ptr(e, name, addr);
		return false;
	}
	return true;
}

void net_emit_cut(struct emit *e, unsigned long addr)
{
	char tmp[32];
	emit_more(e);
	snprintf(tmp, sizeof(tmp), "%#lx", addr);
	emit_comment(e, tmp);
}

int net_array_elem(struct call *c, struct emit *e, const char *name, unsigned long addr,
		   unsigned long i, unsigned long max, void *buf, size_t sz)
{
	unsigned long cur = addr + i * sz;
	if (i >= max) {
		if (!i) {
			/* strace prints no "[" here */
			emit_item(e, name);
			sbuf_puts(emit_sb(e), "...]");
			return -1;
		}
		emit_more(e);
		return 0;
	}
	if (umem_read(c->pid, cur, buf, sz) < 0) {
		if (!i) {
			emit_ptr(e, name, addr);
			return -1;
		}
		net_emit_cut(e, cur);
		return 0;
	}
	if (!i)
		emit_array_begin(e, name);
	return 1;
}
