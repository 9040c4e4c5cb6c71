/* SPDX-License-Identifier: MIT */
/* NETLINK_ROUTE links: the body of RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK
 * and RTM_SETLINK, as strace 6.1 prints it:
 *   {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_LOOPBACK,
 *    ifi_index=if_nametoindex("lo"), ifi_flags=IFF_UP|IFF_LOOPBACK|...,
 *    ifi_change=0}, [[{nla_len=7, nla_type=IFLA_IFNAME}, "lo"], ...]
 * The IFLA_* attributes strace decodes are decoded here, with their nested
 * attributes (IFLA_LINKINFO, IFLA_XDP, IFLA_AF_SPEC for AF_INET, AF_INET6
 * and AF_MCTP, IFLA_PROP_LIST, IFLA_PROTINFO of AF_INET6 links,
 * IFLA_PROTO_DOWN_REASON), and those of bridges and bridge ports
 * (src/structs/netlink_bridge.c), and the port profiles of IFLA_PORT_SELF
 * and IFLA_VF_PORTS. Not decoded, where strace 6.1 does: the payloads of
 * the IFLA_VF_* attributes of a virtual function (in IFLA_VFINFO_LIST, on
 * SR-IOV cards), which print as hex strings. */
#include "netlink.h"
#include "../options.h"
#include "../umem.h"
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#define NDECODERS(a) (sizeof(a) / sizeof((a)[0]))

/* what a link message says that decides how later attributes print: its
 * family, and the kinds of link of the IFLA_LINKINFO being printed ("" until
 * seen: strace reads the attributes in order) */
struct link_ctx {
	unsigned char family;
	char kind[32], slave_kind[32];
};

/* ---- payloads ---- */

/* the length of a hardware address by its ARPHRD_* type, where strace
 * 6.1 knows one */
static unsigned long hwaddr_len(unsigned type)
{
	switch (type) {
	case ARPHRD_NETROM: case ARPHRD_AX25: return 7;
	case ARPHRD_ETHER: case ARPHRD_IEEE802: return 6;
	case ARPHRD_ARCNET: return 1;
	case ARPHRD_DLCI: return 2;
	case ARPHRD_IEEE1394: return 16;
	case ARPHRD_EUI64: return 8;
	case ARPHRD_INFINIBAND: return 20;
	}
	return 32;
}

/* a hardware address of up to MAX_ADDR_LEN (32) bytes, cut to the length
 * of its type; strace 6.1 takes the message's ifi_family (ctx) for that
 * type. -X raw shows the bytes, -X verbose the bytes and the address. */
static bool ifla_hwaddr(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	unsigned char a[32];
	unsigned long n = len, max = hwaddr_len(((struct link_ctx *)ctx)->family);
	if (len > sizeof(a))
		return false;
	if (n > max)
		n = max;
	if (opt.xlat_style != XLAT_STYLE_ABBREV) {
		nl_hex(c, e, NULL, addr, len);
		if (opt.xlat_style == XLAT_STYLE_RAW || umem_read(c->pid, addr, a, n) < 0)
			return true;
		sbuf_puts(emit_sb(e), " /* ");
	} else {
		if (!net_fetch(c, e, NULL, addr, a, n))
			return true;
		emit_item(e, NULL);
	}
	for (unsigned long i = 0; i < n; i++)
		sbuf_printf(emit_sb(e), i ? ":%02x" : "%02x", a[i]);
	if (opt.xlat_style != XLAT_STYLE_ABBREV)
		sbuf_puts(emit_sb(e), " */");
	return true;
}

static bool ifla_fd(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	int32_t fd;
	(void)ctx;
	if (len < sizeof(fd))
		return false;
	if (net_fetch(c, e, NULL, addr, &fd, sizeof(fd)))
		print_fd(c, e, NULL, fd);
	return true;
}

/* struct rtnl_link_stats and rtnl_link_stats64 share their field names;
 * the kernel added the last ones over time */
static const char *const stats_fields[] = {
	"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors", "rx_dropped",
	"tx_dropped", "multicast", "collisions", "rx_length_errors", "rx_over_errors", "rx_crc_errors",
	"rx_frame_errors", "rx_fifo_errors", "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors",
	"tx_fifo_errors", "tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed",
	"rx_nohandler", "rx_otherhost_dropped",
};
/* fields up to tx_compressed: the oldest layout */
#define STATS_OLD 23

/* strace 6.1 takes the sizes it knows exactly, and anything longer than
 * the newest one: 23 or 24 u32 fields, 23, 24 or 25 u64 fields */
static bool ifla_stats(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	uint32_t v[STATS_OLD + 1];
	unsigned n = len >= sizeof(v) ? STATS_OLD + 1 : len == STATS_OLD * sizeof(v[0]) ? STATS_OLD : 0;
	(void)ctx;
	if (!n)
		return false;
	if (!net_fetch(c, e, NULL, addr, v, n * sizeof(v[0])))
		return true;
	emit_struct_begin(e, NULL);
	for (unsigned i = 0; i < n; i++)
		emit_uint(e, stats_fields[i], v[i]);
	emit_struct_end(e);
	return true;
}

static bool ifla_stats64(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	uint64_t v[STATS_OLD + 2];
	unsigned n = len >= sizeof(v) ? STATS_OLD + 2 : 0;
	(void)ctx;
	if (len == STATS_OLD * sizeof(v[0]))
		n = STATS_OLD;
	else if (len == (STATS_OLD + 1) * sizeof(v[0]))
		n = STATS_OLD + 1;
	if (!n)
		return false;
	if (!net_fetch(c, e, NULL, addr, v, n * sizeof(v[0])))
		return true;
	emit_struct_begin(e, NULL);
	for (unsigned i = 0; i < n; i++)
		emit_uint(e, stats_fields[i], v[i]);
	emit_struct_end(e);
	return true;
}

/* struct rtnl_link_ifmap up to its last field (port): its padding may be
 * missing */
static bool ifla_map(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct rtnl_link_ifmap m = { 0 };
	const unsigned long size = offsetof(struct rtnl_link_ifmap, port) + sizeof(m.port);
	(void)ctx;
	if (len < size)
		return false;
	if (!net_fetch(c, e, NULL, addr, &m, size))
		return true;
	emit_struct_begin(e, NULL);
	emit_hex(e, "mem_start", m.mem_start);
	emit_hex(e, "mem_end", m.mem_end);
	emit_hex(e, "base_addr", m.base_addr);
	emit_uint(e, "irq", m.irq);
	emit_uint(e, "dma", m.dma);
	emit_uint(e, "port", m.port);
	emit_struct_end(e);
	return true;
}

static bool ifla_ext_mask(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return nla_xval(c, e, addr, len, 4, XLAT(rtnl_ifla_ext_filter_flags), "RTEXT_FILTER_???", true);
}

static bool ifla_event(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return nla_u32_named(c, e, addr, len, XLAT(rtnl_ifla_events), "IFLA_EVENT_???", false);
}

/* an array of len / elem numbers (s32 or u64) indexed by the names of x:
 * [NAME]=value, [i /\* UNKNOWN *\/]=value; bytes after the last whole one
 * are not shown */
static bool index_array(struct call *c, struct emit *e, unsigned long addr, unsigned long len, unsigned elem,
			const struct xlat *x, const char *unknown)
{
	unsigned char buf[512];
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
		const char *name = xlat_name(x, i);
		emit_item(e, NULL);
		sbuf_putc(b, '[');
		if (name && opt.xlat_style == XLAT_STYLE_ABBREV) {
			sbuf_puts(b, name);
		} else {
			sbuf_udec(b, i);
			if (opt.xlat_style != XLAT_STYLE_RAW && (name || unknown))
				sbuf_printf(b, " /* %s */", name ? name : unknown);
		}
		sbuf_puts(b, "]=");
		if (elem == 4) {
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

/* ---- nested attributes ---- */

static bool xdp_attached(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return nla_xval(c, e, addr, len, 1, XLAT(rtnl_ifla_xdp_attached_mode), "XDP_ATTACHED_???", false);
}

static bool xdp_flags(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return nla_u32_named(c, e, addr, len, XLAT(xdp_flags), "XDP_FLAGS_???", true);
}

static const nla_decoder xdp_decoders[] = {
	[IFLA_XDP_FD] = ifla_fd,
	[IFLA_XDP_ATTACHED] = xdp_attached,
	[IFLA_XDP_FLAGS] = xdp_flags,
	[IFLA_XDP_PROG_ID] = nla_u32,
	[IFLA_XDP_DRV_PROG_ID] = nla_u32,
	[IFLA_XDP_SKB_PROG_ID] = nla_u32,
	[IFLA_XDP_HW_PROG_ID] = nla_u32,
	[IFLA_XDP_EXPECTED_FD] = ifla_fd,
};

static bool ifla_xdp(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_xdp_attrs), "IFLA_XDP_???", xdp_decoders,
				      NDECODERS(xdp_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

/* the kind of link ("veth", "bridge" ...), which strace reads as a C
 * string: up to its first NUL, "..." when there is none; kept in kind for
 * the data that follows */
static bool info_kind_str(struct call *c, struct emit *e, unsigned long addr, unsigned long len, char *kind,
			  size_t size)
{
	char s[256];
	unsigned long lim = (unsigned long)opt.strsize, n = len < lim + 1 ? len : lim + 1;
	if (n < size)
		n = len < size ? len : size;
	if (n > sizeof(s))
		n = sizeof(s);
	if (umem_read(c->pid, addr, s, n) < 0) {
		emit_ptr(e, NULL, addr);
		return true;
	}
	const char *z = memchr(s, 0, n);
	size_t klen = z ? (size_t)(z - s) : n;
	snprintf(kind, size, "%.*s", (int)(klen < size ? klen : size - 1), s);
	if (z && klen <= lim)
		emit_str(e, NULL, s, klen, 0);
	else
		emit_str(e, NULL, s, n < lim ? n : lim, STR_TRUNCATED);
	return true;
}

static bool info_kind(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct link_ctx *lc = ctx;
	return info_kind_str(c, e, addr, len, lc->kind, sizeof(lc->kind));
}

static bool info_slave_kind(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct link_ctx *lc = ctx;
	return info_kind_str(c, e, addr, len, lc->slave_kind, sizeof(lc->slave_kind));
}

/* the owner of a tun device: a uid or gid, -1 for none */
static bool tun_id(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	uint32_t id;
	(void)ctx;
	if (len < sizeof(id))
		return false;
	if (!net_fetch(c, e, NULL, addr, &id, sizeof(id)))
		return true;
	if (id == UINT32_MAX)
		emit_int(e, NULL, -1);
	else
		emit_uint(e, NULL, id);
	return true;
}

static bool tun_type(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return nla_xval(c, e, addr, len, 1, XLAT(tun_device_types), "IFF_???", false);
}

static const nla_decoder tun_decoders[] = {
	[1 /* IFLA_TUN_OWNER */] = tun_id,
	[2 /* IFLA_TUN_GROUP */] = tun_id,
	[3 /* IFLA_TUN_TYPE */] = tun_type,
	[4 /* IFLA_TUN_PI */] = nla_u8,
	[5 /* IFLA_TUN_VNET_HDR */] = nla_u8,
	[6 /* IFLA_TUN_PERSIST */] = nla_u8,
	[7 /* IFLA_TUN_MULTI_QUEUE */] = nla_u8,
	[8 /* IFLA_TUN_NUM_QUEUES */] = nla_u32,
	[9 /* IFLA_TUN_NUM_DISABLED_QUEUES */] = nla_u32,
};

/* the data of the kinds strace 6.1 knows (bridges, tun devices); the
 * others print raw */
static bool info_data(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct link_ctx *lc = ctx;
	if (!strcmp(lc->kind, "bridge"))
		return rtnl_bridge(c, e, addr, len, ctx);
	if (!strcmp(lc->kind, "tun")) {
		const struct nla_policy p = { XLAT(rtnl_ifla_info_data_tun_attrs), "IFLA_TUN_???", tun_decoders,
					      NDECODERS(tun_decoders) };
		nl_attrs(c, e, &p, addr, len, ctx);
		return true;
	}
	return false;
}

static bool info_slave_data(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct link_ctx *lc = ctx;
	if (!strcmp(lc->slave_kind, "bridge"))
		return rtnl_bridge_port(c, e, addr, len, ctx);
	return false;
}

static const nla_decoder linkinfo_decoders[] = {
	[IFLA_INFO_KIND] = info_kind,
	[IFLA_INFO_DATA] = info_data,
	[IFLA_INFO_SLAVE_KIND] = info_slave_kind,
	[IFLA_INFO_SLAVE_DATA] = info_slave_data,
};

static bool ifla_linkinfo(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct link_ctx *lc = ctx;
	lc->kind[0] = lc->slave_kind[0] = 0;
	const struct nla_policy p = { XLAT(rtnl_ifla_info_attrs), "IFLA_INFO_???", linkinfo_decoders,
				      NDECODERS(linkinfo_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

/* the alternative names of a link: IFLA_* types again */
static const nla_decoder prop_list_decoders[] = {
	[IFLA_ALT_IFNAME] = nla_str,
};

static bool ifla_prop_list(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_link_attrs), "IFLA_???", prop_list_decoders,
				      NDECODERS(prop_list_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

static const nla_decoder proto_down_reason_decoders[] = {
	[IFLA_PROTO_DOWN_REASON_MASK] = nla_x32,
	[IFLA_PROTO_DOWN_REASON_VALUE] = nla_x32,
};

static bool ifla_proto_down_reason(struct call *c, struct emit *e, unsigned long addr, unsigned long len,
				   void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_proto_down_reason_attrs), "IFLA_PROTO_DOWN_REASON_???",
				      proto_down_reason_decoders, NDECODERS(proto_down_reason_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

/* AF_INET: the IPv4 settings of the link, indexed from 0 for
 * IPV4_DEVCONF_FORWARDING (1) */
static bool inet_conf(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return index_array(c, e, addr, len, 4, XLAT(inet_devconf_indices), "IPV4_DEVCONF_???");
}

static const nla_decoder af_inet_decoders[] = {
	[IFLA_INET_CONF] = inet_conf,
};

/* AF_INET6: flags, settings, statistics */
static bool inet6_flags(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return nla_xval(c, e, addr, len, 4, XLAT(inet6_if_flags), "IF_???", true);
}

static bool inet6_conf(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return index_array(c, e, addr, len, 4, XLAT(inet6_devconf_indices), "DEVCONF_???");
}

static bool inet6_stats(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return index_array(c, e, addr, len, 8, XLAT(snmp_ip_stats), "IPSTATS_MIB_???");
}

static bool inet6_icmp6stats(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	(void)ctx;
	return index_array(c, e, addr, len, 8, XLAT(snmp_icmp6_stats), "ICMP6_MIB_???");
}

static bool inet6_cacheinfo(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct ifla_cacheinfo ci;
	(void)ctx;
	if (len < sizeof(ci))
		return false;
	if (!net_fetch(c, e, NULL, addr, &ci, sizeof(ci)))
		return true;
	emit_struct_begin(e, NULL);
	emit_uint(e, "max_reasm_len", ci.max_reasm_len);
	emit_uint(e, "tstamp", ci.tstamp);
	emit_uint(e, "reachable_time", ci.reachable_time);
	emit_uint(e, "retrans_time", ci.retrans_time);
	emit_struct_end(e);
	return true;
}

static bool inet6_token(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	unsigned char a[16];
	(void)ctx;
	if (len < sizeof(a))
		return false;
	if (net_fetch(c, e, NULL, addr, a, sizeof(a)))
		net_emit_inet_addr(e, NULL, AF_INET6, a);
	return true;
}

static bool inet6_addr_gen_mode(struct call *c, struct emit *e, unsigned long addr, unsigned long len,
				void *ctx)
{
	(void)ctx;
	return nla_xval(c, e, addr, len, 1, XLAT(in6_addr_gen_mode), "IN6_ADDR_GEN_MODE_???", false);
}

static const nla_decoder af_inet6_decoders[] = {
	[IFLA_INET6_FLAGS] = inet6_flags,
	[IFLA_INET6_CONF] = inet6_conf,
	[IFLA_INET6_STATS] = inet6_stats,
	[IFLA_INET6_CACHEINFO] = inet6_cacheinfo,
	[IFLA_INET6_ICMP6STATS] = inet6_icmp6stats,
	[IFLA_INET6_TOKEN] = inet6_token,
	[IFLA_INET6_ADDR_GEN_MODE] = inet6_addr_gen_mode,
	[IFLA_INET6_RA_MTU] = nla_u32,
};

static const nla_decoder af_mctp_decoders[] = {
	[1 /* IFLA_MCTP_NET */] = nla_u32,
};

static bool af_inet(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_af_spec_inet_attrs), "IFLA_INET_???", af_inet_decoders,
				      NDECODERS(af_inet_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

static bool af_inet6(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_af_spec_inet6_attrs), "IFLA_INET6_???", af_inet6_decoders,
				      NDECODERS(af_inet6_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

static bool af_mctp(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_af_spec_mctp_attrs), "IFLA_MCTP_???", af_mctp_decoders,
				      NDECODERS(af_mctp_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

/* per address family: each family's attributes, typed by the family */
static const nla_decoder af_spec_decoders[] = {
	[AF_INET] = af_inet,
	[AF_INET6] = af_inet6,
	[AF_MCTP] = af_mctp,
};

static bool ifla_af_spec(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	/* AF_BRIDGE messages hold the bridge's own attributes here */
	if (((struct link_ctx *)ctx)->family == AF_BRIDGE)
		return rtnl_bridge_af_spec(c, e, addr, len, ctx);
	const struct nla_policy p = { XLAT(address_families), "AF_???", af_spec_decoders,
				      NDECODERS(af_spec_decoders), true };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

/* the protocol's own attributes, by the family of the message */
static bool ifla_protinfo(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	switch (((struct link_ctx *)ctx)->family) {
	case AF_INET6: return af_inet6(c, e, addr, len, ctx);
	case AF_BRIDGE: return rtnl_bridge_port(c, e, addr, len, ctx);
	}
	return false;
}

/* ---- virtual functions (SR-IOV) and port profiles ---- */

/* struct ifla_port_vsi: its byte arrays always in hex */
static bool port_vsi_type(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	struct ifla_port_vsi v;
	(void)ctx;
	if (len < sizeof(v))
		return false;
	if (!net_fetch(c, e, NULL, addr, &v, sizeof(v)))
		return true;
	emit_struct_begin(e, NULL);
	emit_uint(e, "vsi_mgr_id", v.vsi_mgr_id);
	emit_item(e, "vsi_type_id");
	net_sb_hexstr(emit_sb(e), v.vsi_type_id, sizeof(v.vsi_type_id));
	emit_uint(e, "vsi_type_version", v.vsi_type_version);
	emit_item(e, "pad");
	net_sb_hexstr(emit_sb(e), v.pad, sizeof(v.pad));
	emit_struct_end(e);
	return true;
}

static bool port_response(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	uint16_t v;
	(void)ctx;
	if (len < sizeof(v))
		return false;
	if (net_fetch(c, e, NULL, addr, &v, sizeof(v)))
		emit_uint(e, NULL, v);
	return true;
}

static const nla_decoder port_decoders[] = {
	[IFLA_PORT_VF] = nla_u32,
	[IFLA_PORT_PROFILE] = nla_str,
	[IFLA_PORT_VSI_TYPE] = port_vsi_type,
	[IFLA_PORT_REQUEST] = nla_u8,
	[IFLA_PORT_RESPONSE] = port_response,
};

static bool ifla_port(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_port_attrs), "IFLA_VF_PORT_???", port_decoders,
				      NDECODERS(port_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

static const nla_decoder vf_ports_decoders[] = {
	[IFLA_VF_PORT] = ifla_port,
};

static bool ifla_vf_ports(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_vf_ports_attrs), "IFLA_VF_PORT_???", vf_ports_decoders,
				      NDECODERS(vf_ports_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

/* the attributes of one virtual function, by name only */
static bool ifla_vf_info(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_vf_info_attrs), "IFLA_VF_???", NULL, 0 };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

static const nla_decoder vfinfo_list_decoders[] = {
	[IFLA_VF_INFO] = ifla_vf_info,
};

static bool ifla_vfinfo_list(struct call *c, struct emit *e, unsigned long addr, unsigned long len, void *ctx)
{
	const struct nla_policy p = { XLAT(rtnl_ifla_vfinfo_list_attrs), "IFLA_VF_INFO_???", vfinfo_list_decoders,
				      NDECODERS(vfinfo_list_decoders) };
	nl_attrs(c, e, &p, addr, len, ctx);
	return true;
}

/* ---- the message ---- */

static const nla_decoder ifla_decoders[] = {
	[IFLA_ADDRESS] = ifla_hwaddr,
	[IFLA_BROADCAST] = ifla_hwaddr,
	[IFLA_IFNAME] = nla_str,
	[IFLA_MTU] = nla_u32,
	[IFLA_LINK] = nla_u32,
	[IFLA_QDISC] = nla_str,
	[IFLA_STATS] = ifla_stats,
	[IFLA_MASTER] = nla_u32,
	[IFLA_PROTINFO] = ifla_protinfo,
	[IFLA_TXQLEN] = nla_u32,
	[IFLA_MAP] = ifla_map,
	[IFLA_WEIGHT] = nla_u32,
	[IFLA_OPERSTATE] = nla_u8,
	[IFLA_LINKMODE] = nla_u8,
	[IFLA_LINKINFO] = ifla_linkinfo,
	[IFLA_NET_NS_PID] = nla_u32,
	[IFLA_IFALIAS] = nla_str,
	[IFLA_NUM_VF] = nla_u32,
	[IFLA_VFINFO_LIST] = ifla_vfinfo_list,
	[IFLA_STATS64] = ifla_stats64,
	[IFLA_VF_PORTS] = ifla_vf_ports,
	[IFLA_PORT_SELF] = ifla_port,
	[IFLA_AF_SPEC] = ifla_af_spec,
	[IFLA_GROUP] = nla_u32,
	[IFLA_NET_NS_FD] = ifla_fd,
	[IFLA_EXT_MASK] = ifla_ext_mask,
	[IFLA_PROMISCUITY] = nla_u32,
	[IFLA_NUM_TX_QUEUES] = nla_u32,
	[IFLA_NUM_RX_QUEUES] = nla_u32,
	[IFLA_CARRIER] = nla_u8,
	[IFLA_CARRIER_CHANGES] = nla_u32,
	[IFLA_LINK_NETNSID] = nla_s32,
	[IFLA_PHYS_PORT_NAME] = nla_str,
	[IFLA_PROTO_DOWN] = nla_u8,
	[IFLA_GSO_MAX_SEGS] = nla_u32,
	[IFLA_GSO_MAX_SIZE] = nla_u32,
	[IFLA_XDP] = ifla_xdp,
	[IFLA_EVENT] = ifla_event,
	[IFLA_NEW_NETNSID] = nla_s32,
	[IFLA_IF_NETNSID] = nla_s32,
	[IFLA_CARRIER_UP_COUNT] = nla_u32,
	[IFLA_CARRIER_DOWN_COUNT] = nla_u32,
	[IFLA_NEW_IFINDEX] = nla_ifindex,
	[IFLA_MIN_MTU] = nla_u32,
	[IFLA_MAX_MTU] = nla_u32,
	[IFLA_PROP_LIST] = ifla_prop_list,
	[IFLA_ALT_IFNAME] = nla_str,
	[IFLA_PERM_ADDRESS] = ifla_hwaddr,
	[IFLA_PROTO_DOWN_REASON] = ifla_proto_down_reason,
	[IFLA_PARENT_DEV_NAME] = nla_str,
	[IFLA_PARENT_DEV_BUS_NAME] = nla_str,
	[IFLA_GRO_MAX_SIZE] = nla_u32,
	[IFLA_TSO_MAX_SIZE] = nla_u32,
	[IFLA_TSO_MAX_SEGS] = nla_u32,
	[IFLA_ALLMULTI] = nla_u32,
};

void rtnl_link_print(struct call *c, struct emit *e, unsigned char family, unsigned long addr, unsigned long len)
{
	struct ifinfomsg ifi = { .ifi_family = family };
	bool attrs = false;
	emit_struct_begin(e, NULL);
	net_emit_enum(e, "ifi_family", XLAT(address_families), family, "AF_???");
	if (len >= sizeof(ifi)) {
		if (net_fetch(c, e, NULL, addr, &ifi, sizeof(ifi))) {
			net_emit_enum(e, "ifi_type", XLAT(arp_hardware_types), ifi.ifi_type, "ARPHRD_???");
			net_emit_ifindex(e, "ifi_index", (unsigned)ifi.ifi_index);
			net_emit_flags(e, "ifi_flags", XLAT(iff_flags), ifi.ifi_flags, "IFF_???");
			emit_hex(e, "ifi_change", ifi.ifi_change);
			attrs = true;
		}
	} else {
		emit_more(e);
	}
	emit_struct_end(e);
	if (attrs && len > NLMSG_ALIGN(sizeof(ifi))) {
		const struct nla_policy p = { XLAT(rtnl_link_attrs), "IFLA_???", ifla_decoders,
					      NDECODERS(ifla_decoders) };
		struct link_ctx lc = { .family = ifi.ifi_family };
		nl_attrs(c, e, &p, addr + NLMSG_ALIGN(sizeof(ifi)), len - NLMSG_ALIGN(sizeof(ifi)), &lc);
	}
}
