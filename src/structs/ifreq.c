/* SPDX-License-Identifier: MIT */
/* The socket interface ioctls (SIOCGIF*, SIOCSIF*, SIOCGIFCONF) with their
 * struct ifreq and struct ifconf, as strace 6.1 prints them:
 *   {ifr_name="lo", ifr_ifindex=1}   {ifr_ifindex=1, ifr_name="lo"}
 *   {ifr_name="lo", ifr_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING}
 *   {ifr_name="lo", ifr_hwaddr={sa_family=ARPHRD_LOOPBACK, sa_data=00:00:00:00:00:00}}
 *   {ifc_len=512 => 80 / * 2 * sizeof(struct ifreq) * /, ifc_buf=[{ifr_name="lo", ifr_addr={...}}, ...]}
 * A getter prints the whole struct at exit; when it fails only the part
 * the caller filled in (the name, or SIOCGIFNAME's index). The requests
 * strace leaves in hex (SIOCETHTOOL, SIOCGIFPFLAGS, SIOCDIFADDR, the MII,
 * VLAN and bonding ones...) are not handled here. */
#include "net.h"
#include "../options.h"
#include "../umem.h"
#include "../util.h"
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

/* what follows ifr_name */
enum ifr_kind {
	K_INDEX,	/* int ifr_ifindex */
	K_INT,		/* int: mtu, qlen, metric */
	K_FLAGS,	/* short ifr_flags, IFF_* */
	K_ADDR,		/* struct sockaddr */
	K_HWADDR,	/* struct sockaddr with an ARPHRD_* family */
	K_NAME,		/* char[IFNAMSIZ]: ifr_newname, ifr_slave */
	K_MAP,		/* struct ifmap */
	K_GIFNAME,	/* SIOCGIFNAME: ifindex in, name out */
};

struct ifr_req {
	unsigned short req;
	unsigned char kind;	/* enum ifr_kind */
	bool getter;		/* the kernel fills the field */
	const char *field;
};

static const struct ifr_req ifr_reqs[] = {
	{ 0x8910, K_GIFNAME, true, "ifr_name" },		/* SIOCGIFNAME */
	{ 0x8913, K_FLAGS, true, "ifr_flags" },		/* SIOCGIFFLAGS */
	{ 0x8914, K_FLAGS, false, "ifr_flags" },	/* SIOCSIFFLAGS */
	{ 0x8915, K_ADDR, true, "ifr_addr" },		/* SIOCGIFADDR */
	{ 0x8916, K_ADDR, false, "ifr_addr" },		/* SIOCSIFADDR */
	{ 0x8917, K_ADDR, true, "ifr_dstaddr" },	/* SIOCGIFDSTADDR */
	{ 0x8918, K_ADDR, false, "ifr_dstaddr" },	/* SIOCSIFDSTADDR */
	{ 0x8919, K_ADDR, true, "ifr_broadaddr" },	/* SIOCGIFBRDADDR */
	{ 0x891a, K_ADDR, false, "ifr_broadaddr" },	/* SIOCSIFBRDADDR */
	{ 0x891b, K_ADDR, true, "ifr_netmask" },	/* SIOCGIFNETMASK */
	{ 0x891c, K_ADDR, false, "ifr_netmask" },	/* SIOCSIFNETMASK */
	{ 0x891d, K_INT, true, "ifr_metric" },		/* SIOCGIFMETRIC */
	{ 0x891e, K_INT, false, "ifr_metric" },		/* SIOCSIFMETRIC */
	{ 0x8921, K_INT, true, "ifr_mtu" },		/* SIOCGIFMTU */
	{ 0x8922, K_INT, false, "ifr_mtu" },		/* SIOCSIFMTU */
	{ 0x8923, K_NAME, false, "ifr_newname" },	/* SIOCSIFNAME */
	{ 0x8924, K_HWADDR, false, "ifr_hwaddr" },	/* SIOCSIFHWADDR */
	{ 0x8927, K_HWADDR, true, "ifr_hwaddr" },	/* SIOCGIFHWADDR */
	{ 0x8929, K_NAME, true, "ifr_slave" },		/* SIOCGIFSLAVE */
	{ 0x8930, K_NAME, false, "ifr_slave" },		/* SIOCSIFSLAVE */
	{ 0x8931, K_HWADDR, false, "ifr_hwaddr" },	/* SIOCADDMULTI */
	{ 0x8932, K_HWADDR, false, "ifr_hwaddr" },	/* SIOCDELMULTI */
	{ 0x8933, K_INDEX, true, "ifr_ifindex" },	/* SIOCGIFINDEX */
	{ 0x8937, K_HWADDR, false, "ifr_hwaddr" },	/* SIOCSIFHWBROADCAST */
	{ 0x8942, K_INT, true, "ifr_qlen" },		/* SIOCGIFTXQLEN */
	{ 0x8943, K_INT, false, "ifr_qlen" },		/* SIOCSIFTXQLEN */
	{ 0x8970, K_MAP, true, "ifr_map" },		/* SIOCGIFMAP */
	{ 0x8971, K_MAP, false, "ifr_map" },		/* SIOCSIFMAP */
};

#define SIOCGIFCONF_ 0x8912

/* the length of a hardware address of each ARPHRD_* type, as strace 6.1
 * shows sa_data (found by setting each type); other types show all 14
 * bytes. For the types of length 0 strace 6.1 prints whatever address it
 * formatted last, from any earlier call (a buffer it does not clear):
 * tattle prints nothing there rather than another call's data. */
static const struct { unsigned short type; unsigned char len; } hw_lens[] = {
	{ 0, 7 }, { 0x1, 6 }, { 0x3, 7 }, { 0x6, 6 }, { 0x7, 1 }, { 0xf, 2 }, { 0x1b, 8 },
	{ 0x100, 0 }, { 0x10e, 5 }, { 0x10f, 0 }, { 0x118, 0 }, { 0x122, 1 }, { 0x200, 0 },
	{ 0x206, 0 }, { 0x207, 0 }, { 0x300, 4 }, { 0x304, 6 }, { 0x305, 1 }, { 0x306, 6 },
	{ 0x308, 4 }, { 0x309, 0 }, { 0x30a, 4 }, { 0x30b, 0 }, { 0x30c, 6 }, { 0x30f, 4 },
	{ 0x321, 6 }, { 0x322, 6 }, { 0x323, 6 }, { 0x324, 8 }, { 0x325, 8 }, { 0x334, 1 },
	{ 0x335, 1 }, { 0x336, 0 }, { 0x338, 0 }, { 0x339, 8 }, { 0x33a, 0 },
};

static const struct ifr_req *ifr_find(unsigned req)
{
	for (size_t i = 0; i < ARRAY_SIZE(ifr_reqs); i++)
		if (ifr_reqs[i].req == req)
			return &ifr_reqs[i];
	return NULL;
}

/* a name of at most IFNAMSIZ bytes: 15 characters and "..." when it has
 * no NUL */
static void emit_ifname(struct emit *e, const char *name, const char *s)
{
	size_t n = strnlen(s, IFNAMSIZ);
	unsigned fl = STR_PATH;
	if (n == IFNAMSIZ) {
		n = IFNAMSIZ - 1;
		fl |= STR_TRUNCATED;
	}
	emit_str(e, name, s, n, fl);
}

static void emit_hwaddr(struct emit *e, const char *name, const struct sockaddr *sa)
{
	const unsigned char *d = (const unsigned char *)sa->sa_data;
	size_t n = sizeof(sa->sa_data);
	emit_struct_begin(e, name);
	net_emit_enum(e, "sa_family", XLAT(arp_hardware_types), sa->sa_family, "ARPHRD_???");
	emit_item(e, "sa_data");
	struct sbuf *b = emit_sb(e);
	char text[3 * sizeof(sa->sa_data)] = "";
	if (opt.xlat_style == XLAT_STYLE_RAW) {
		net_sb_hexstr(b, d, n);
		emit_struct_end(e);
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(hw_lens); i++)
		if (hw_lens[i].type == sa->sa_family)
			n = hw_lens[i].len;
	for (size_t i = 0, off = 0; i < n; i++)
		off += (size_t)snprintf(text + off, sizeof(text) - off, i ? ":%02x" : "%02x", d[i]);
	if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
		net_sb_hexstr(b, d, sizeof(sa->sa_data));
		if (text[0])
			sbuf_printf(b, " /* %s */", text);
	} else {
		sbuf_puts(b, text);
	}
	emit_struct_end(e);
}

static void emit_field(struct emit *e, const struct ifr_req *r, const struct ifreq *ifr)
{
	switch (r->kind) {
	case K_INDEX:
		emit_int(e, r->field, ifr->ifr_ifindex);
		break;
	case K_INT:
		emit_int(e, r->field, ifr->ifr_mtu);
		break;
	case K_FLAGS:
		net_emit_flags(e, r->field, XLAT(iff_flags), (unsigned short)ifr->ifr_flags, "IFF_???");
		break;
	case K_ADDR:
		sockaddr_print_mem(e, r->field, &ifr->ifr_addr, sizeof(ifr->ifr_addr));
		break;
	case K_HWADDR:
		emit_hwaddr(e, r->field, &ifr->ifr_hwaddr);
		break;
	case K_NAME:
		emit_ifname(e, r->field, ifr->ifr_newname);
		break;
	case K_MAP:
		emit_struct_begin(e, r->field);
		emit_hex(e, "mem_start", ifr->ifr_map.mem_start);
		emit_hex(e, "mem_end", ifr->ifr_map.mem_end);
		emit_hex(e, "base_addr", ifr->ifr_map.base_addr);
		emit_hex(e, "irq", ifr->ifr_map.irq);
		emit_hex(e, "dma", ifr->ifr_map.dma);
		emit_hex(e, "port", ifr->ifr_map.port);
		emit_struct_end(e);
		break;
	case K_GIFNAME:
		emit_ifname(e, "ifr_name", ifr->ifr_name);
		break;
	default:
		break;
	}
}

/* the struct: the part the caller fills, then (with_field) the rest */
static void print_ifreq(struct call *c, struct emit *e, const struct ifr_req *r, bool with_field)
{
	struct ifreq ifr;
	if (!fetch_struct(c, e, "argp", c->args[2], &ifr, sizeof(ifr)))
		return;
	emit_struct_begin(e, "argp");
	if (r->kind == K_GIFNAME)
		emit_int(e, "ifr_ifindex", ifr.ifr_ifindex);
	else
		emit_ifname(e, "ifr_name", ifr.ifr_name);
	if (with_field)
		emit_field(e, r, &ifr);
	emit_struct_end(e);
}

/* SIOCGIFCONF at exit; saved[0] is ifc_len at entry */
static void print_ifconf(struct call *c, struct emit *e)
{
	struct { int len; int pad; uint64_t buf; } ifc;
	int in_len = (int)c->saved[0];
	/* the struct prints even when not verbose; only its array does not */
	if (umem_read(c->pid, c->args[2], &ifc, sizeof(ifc)) < 0) {
		emit_ptr(e, "argp", c->args[2]);
		return;
	}
	emit_struct_begin(e, "argp");
	emit_item(e, "ifc_len");
	struct sbuf *b = emit_sb(e);
	if (c->failed) {
		sbuf_dec(b, in_len);
		emit_ptr(e, "ifc_buf", ifc.buf);
		emit_struct_end(e);
		return;
	}
	if (ifc.buf && in_len != ifc.len) {
		sbuf_dec(b, in_len);
		sbuf_puts(b, " => ");
	}
	sbuf_dec(b, ifc.len);
	if (ifc.len > 0 && ifc.len % (int)sizeof(struct ifreq) == 0)
		sbuf_printf(b, " /* %d * sizeof(struct ifreq) */", ifc.len / (int)sizeof(struct ifreq));
	if (!ifc.buf) {
		emit_ptr(e, "ifc_buf", 0);
		emit_struct_end(e);
		return;
	}
	unsigned long n = ifc.len > 0 ? (unsigned long)ifc.len / sizeof(struct ifreq) : 0;
	if (!n) {
		emit_array_begin(e, "ifc_buf");
		emit_array_end(e);
		emit_struct_end(e);
		return;
	}
	if (!net_verbose(c)) {
		emit_ptr(e, "ifc_buf", ifc.buf);
		emit_struct_end(e);
		return;
	}
	unsigned long max = opt.strsize < 0 ? 0 : (unsigned long)opt.strsize;
	for (unsigned long i = 0; i < n; i++) {
		struct ifreq ifr;
		int got = net_array_elem(c, e, "ifc_buf", ifc.buf, i, max, &ifr, sizeof(ifr));
		if (got < 0) {
			emit_struct_end(e);
			return;
		}
		if (!got)
			break;
		emit_struct_begin(e, NULL);
		emit_ifname(e, "ifr_name", ifr.ifr_name);
		sockaddr_print_mem(e, "ifr_addr", &ifr.ifr_addr, sizeof(ifr.ifr_addr));
		emit_struct_end(e);
	}
	emit_array_end(e);
	emit_struct_end(e);
}

bool ifreq_ioctl(struct call *c, struct emit *e, unsigned req, int phase)
{
	if (req == SIOCGIFCONF_) {
		if (phase == PHASE_ENTRY) {
			int len;
			if (!c->args[2] || umem_read(c->pid, c->args[2], &len, sizeof(len)) < 0) {
				emit_ptr(e, "argp", c->args[2]);
				return true;
			}
			c->saved[0] = (unsigned long)(long)len;
			c->nprinted = 2;
			return true;
		}
		if (c->nprinted)
			print_ifconf(c, e);
		return true;
	}
	const struct ifr_req *r = ifr_find(req);
	if (!r)
		return false;
	if (phase == PHASE_ENTRY) {
		if (r->getter)
			c->nprinted = 2;
		else
			print_ifreq(c, e, r, true);
		return true;
	}
	if (c->nprinted)
		print_ifreq(c, e, r, !c->failed);
	return true;
}
