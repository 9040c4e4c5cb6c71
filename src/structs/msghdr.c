/* SPDX-License-Identifier: MIT */
/* struct msghdr and struct mmsghdr (sendmsg, recvmsg, sendmmsg, recvmmsg)
 * with their control messages, as strace 6.1 prints them:
 *   {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hi", iov_len=2}],
 *    msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET,
 *    cmsg_type=SCM_RIGHTS, cmsg_data=[3]}], msg_controllen=24, msg_flags=0}
 * msg_control is left out when msg_controllen is 0. */
#include "net.h"
#include "../options.h"
#include "../umem.h"
#include "../util.h"
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>

/* strace reads at most net.core.optmem_max bytes of control data */
static unsigned long optmem_max(void)
{
	static unsigned long max;
	if (!max) {
		long v = 0;
		FILE *f = fopen("/proc/sys/net/core/optmem_max", "re");
		if (!f || fscanf(f, "%ld", &v) != 1 || v <= 0)
			max = sizeof(long long) * (2 * 1024 + 512);
		else
			max = ((unsigned long)v + sizeof(long long) - 1) & ~(sizeof(long long) - 1);
		if (f)
			fclose(f);
	}
	return max;
}

/* ---- control message payloads ---- */

static void emit_id(struct emit *e, const char *name, unsigned id)
{
	if (id == (unsigned)-1)
		emit_int(e, name, -1);
	else
		emit_uint(e, name, id);
}

static void cmsg_rights(struct call *c, struct emit *e, const unsigned char *p, unsigned long n)
{
	unsigned long nfd = n / sizeof(int), max = net_array_max(c);
	emit_array_begin(e, "cmsg_data");
	for (unsigned long i = 0; i < nfd; i++) {
		int fd;
		if (i >= max) {
			emit_more(e);
			break;
		}
		memcpy(&fd, p + i * sizeof(int), sizeof(fd));
		print_fd(c, e, NULL, fd);
	}
	emit_array_end(e);
}

static void cmsg_creds(struct emit *e, const unsigned char *p)
{
	struct ucred uc;
	memcpy(&uc, p, sizeof(uc));
	emit_struct_begin(e, "cmsg_data");
	print_pid(e, "pid", uc.pid);
	emit_id(e, "uid", uc.uid);
	emit_id(e, "gid", uc.gid);
	emit_struct_end(e);
}

/* struct timeval or timespec payloads ("???" when too short) */
static void cmsg_times(struct emit *e, const unsigned char *p, unsigned long n, unsigned count, bool nsec)
{
	if (n < count * 16) {
		emit_text(e, "cmsg_data", "???");
		return;
	}
	if (count > 1)
		emit_array_begin(e, "cmsg_data");
	for (unsigned i = 0; i < count; i++) {
		long long t[2];
		memcpy(t, p + i * 16, sizeof(t));
		emit_struct_begin(e, count > 1 ? NULL : "cmsg_data");
		emit_int(e, "tv_sec", t[0]);
		emit_int(e, nsec ? "tv_nsec" : "tv_usec", t[1]);
		emit_struct_end(e);
	}
	if (count > 1)
		emit_array_end(e);
}

static void cmsg_uints(struct call *c, struct emit *e, const unsigned char *p, unsigned long n, int width)
{
	unsigned long k = n / (unsigned long)width, max = net_array_max(c);
	emit_array_begin(e, "cmsg_data");
	for (unsigned long i = 0; i < k; i++) {
		if (i >= max) {
			emit_more(e);
			break;
		}
		if (width == 1) {
			emit_hex(e, NULL, p[i]);
		} else {
			unsigned v;
			memcpy(&v, p + i * 4, sizeof(v));
			emit_uint(e, NULL, v);
		}
	}
	emit_array_end(e);
}

static void cmsg_socket(struct call *c, struct emit *e, int type, const unsigned char *p, unsigned long n)
{
	net_emit_enum(e, "cmsg_type", XLAT(scm_types), (unsigned)type, "SCM_???");
	switch (type) {
	case SCM_RIGHTS:
		if (n >= sizeof(int))
			cmsg_rights(c, e, p, n);
		break;
	case SCM_CREDENTIALS:
		if (n >= sizeof(struct ucred))
			cmsg_creds(e, p);
		break;
	case 3:	/* SCM_SECURITY */
		if (n >= 1) {
			emit_item(e, "cmsg_data");
			quote_string(emit_sb(e), p, n, 0);
		}
		break;
	case 29: case 63:	/* SO_TIMESTAMP_OLD, _NEW */
		if (n >= 1)
			cmsg_times(e, p, n, 1, false);
		break;
	case 35: case 64:	/* SO_TIMESTAMPNS_OLD, _NEW */
		if (n >= 1)
			cmsg_times(e, p, n, 1, true);
		break;
	case 37: case 65:	/* SO_TIMESTAMPING_OLD, _NEW: three timespecs */
		if (n >= 1)
			cmsg_times(e, p, n, 3, true);
		break;
	}
}

/* the kernel's struct sock_extended_err followed by the offender */
struct sock_ee_ {
	unsigned ee_errno;
	unsigned char ee_origin, ee_type, ee_code, ee_pad;
	unsigned ee_info, ee_data;
	struct sockaddr_in offender;
};

static void cmsg_ip(struct call *c, struct emit *e, int type, const unsigned char *p, unsigned long n)
{
	net_emit_enum(e, "cmsg_type", XLAT(ip_cmsg_types), (unsigned)type, "IP_???");
	switch (type) {
	case IP_TOS: case IP_RECVOPTS: case IP_RETOPTS:
		if (n >= 1)
			cmsg_uints(c, e, p, n, 1);
		break;
	case IP_TTL: case IP_CHECKSUM:
		if (n >= 4)
			cmsg_uints(c, e, p, n, 4);
		break;
	case IP_PKTINFO:
		if (n >= sizeof(struct in_pktinfo)) {
			struct in_pktinfo pi;
			memcpy(&pi, p, sizeof(pi));
			emit_struct_begin(e, "cmsg_data");
			net_emit_ifindex(e, "ipi_ifindex", (unsigned)pi.ipi_ifindex);
			net_emit_inet_addr(e, "ipi_spec_dst", AF_INET, &pi.ipi_spec_dst);
			net_emit_inet_addr(e, "ipi_addr", AF_INET, &pi.ipi_addr);
			emit_struct_end(e);
		}
		break;
	case IP_RECVERR:
		if (n >= sizeof(struct sock_ee_)) {
			struct sock_ee_ ee;
			memcpy(&ee, p, sizeof(ee));
			emit_struct_begin(e, "cmsg_data");
			emit_uint(e, "ee_errno", ee.ee_errno);
			emit_uint(e, "ee_origin", ee.ee_origin);
			emit_uint(e, "ee_type", ee.ee_type);
			emit_uint(e, "ee_code", ee.ee_code);
			emit_uint(e, "ee_info", ee.ee_info);
			emit_uint(e, "ee_data", ee.ee_data);
			sockaddr_print_mem(e, "offender", &ee.offender, sizeof(ee.offender));
			emit_struct_end(e);
		}
		break;
	case IP_ORIGDSTADDR:
		if (n >= sizeof(struct sockaddr_in))
			sockaddr_print_mem(e, "cmsg_data", p, (long)n);
		break;
	case 3:	/* SCM_SECURITY at this level too */
		if (n >= 1) {
			emit_item(e, "cmsg_data");
			quote_string(emit_sb(e), p, n, 0);
		}
		break;
	}
}

static void print_control(struct call *c, struct emit *e, unsigned long addr, unsigned long in_len)
{
	const unsigned long hdr = sizeof(struct cmsghdr);
	unsigned long control_len = in_len > optmem_max() ? optmem_max() : in_len;
	unsigned long left = control_len;
	unsigned char *buf = left < hdr ? NULL : xmalloc(left);
	if (!buf || umem_read(c->pid, addr, buf, left) < 0) {
		emit_ptr(e, "msg_control", addr);
		free(buf);
		return;
	}
	emit_array_begin(e, "msg_control");
	unsigned char *p = buf;
	while (left >= hdr) {
		struct cmsghdr h;
		memcpy(&h, p, sizeof(h));
		emit_struct_begin(e, NULL);
		emit_uint(e, "cmsg_len", h.cmsg_len);
		net_emit_enum(e, "cmsg_level", XLAT(socket_levels), (unsigned)h.cmsg_level, "SOL_???");
		unsigned long len = h.cmsg_len > left ? left : h.cmsg_len;
		unsigned long data = len > hdr ? len - hdr : 0;
		if (h.cmsg_level == SOL_SOCKET)
			cmsg_socket(c, e, h.cmsg_type, p + hdr, data);
		else if (h.cmsg_level == SOL_IP)
			cmsg_ip(c, e, h.cmsg_type, p + hdr, data);
		else
			emit_hex(e, "cmsg_type", (unsigned)h.cmsg_type);
		emit_struct_end(e);
		if (len < hdr) {
			left -= hdr;
			break;
		}
		/* aligned to the next header; a cmsg_len near 2^64 would wrap the
		 * rounding to 0 and never advance (found by the fuzzer) */
		if (h.cmsg_len >= left) {
			left = 0;
			break;
		}
		len = (h.cmsg_len + sizeof(long) - 1) & ~(sizeof(long) - 1);
		if (len >= left) {
			left = 0;
			break;
		}
		p += len;
		left -= len;
	}
	if (left) {
		net_emit_cut(e, addr + (control_len - left));
	} else if (control_len < in_len) {
		emit_more(e);
	}
	emit_array_end(e);
	free(buf);
}

/* msg_iov through the shared iovec printer: data_size >= 0 limits the
 * shown bytes as for an OUT array (recvmsg), -1 shows each buffer */
static void print_iov(struct call *c, struct emit *e, unsigned long iov, unsigned long iovlen, long data_size)
{
	struct call tmp = *c;
	struct argdesc a = { "msg_iov", ARG_iovec, data_size >= 0 ? DIR_OUT : DIR_IN, 0, 0 };
	tmp.args[0] = iovlen;
	tmp.failed = false;
	tmp.ret = data_size;
	if (arg_printers[ARG_iovec])
		arg_printers[ARG_iovec](&tmp, e, &a, iov);
	else
		emit_ptr(e, "msg_iov", iov);
}

/* msg_iov of a message to or from a netlink peer: each buffer holds
 * netlink messages of the socket's family */
static void print_iov_netlink(struct call *c, struct emit *e, unsigned long addr, unsigned long n, long data_size)
{
	const unsigned long sz = sizeof(struct iovec), max = net_array_max(c);
	unsigned long left = data_size < 0 ? (unsigned long)-1 : (unsigned long)data_size;
	int family = fdinfo_netlink_family(c->pid, (int)c->args[0]);
	if (!addr) {
		emit_ptr(e, "msg_iov", 0);
		return;
	}
	if (!n) {
		emit_array_begin(e, "msg_iov");
		emit_array_end(e);
		return;
	}
	if (n * sz / sz != n || addr + n * sz <= addr) {
		emit_ptr(e, "msg_iov", addr);
		return;
	}
	for (unsigned long i = 0; i < n; i++) {
		struct iovec v;
		if (i >= max) {
			emit_more(e);
			break;
		}
		if (umem_read(c->pid, addr + i * sz, &v, sz) < 0) {
			if (!i) {
				emit_ptr(e, "msg_iov", addr);
				return;
			}
			net_emit_cut(e, addr + i * sz);
			break;
		}
		if (!i)
			emit_array_begin(e, "msg_iov");
		unsigned long len = v.iov_len < left ? v.iov_len : left;
		if (data_size >= 0)
			left -= len;
		emit_struct_begin(e, NULL);
		netlink_print(c, e, "iov_base", family, (unsigned long)v.iov_base, len);
		emit_uint(e, "iov_len", v.iov_len);
		emit_struct_end(e);
	}
	emit_array_end(e);
}

void msghdr_print_fetched(struct call *c, struct emit *e, const char *name, const struct msghdr *m,
			  const int *user_namelen, long data_size)
{
	int namelen = user_namelen && (int)m->msg_namelen > *user_namelen ? *user_namelen : (int)m->msg_namelen;
	emit_struct_begin(e, name);
	int family = sockaddr_print(c, e, "msg_name", (unsigned long)m->msg_name, namelen);
	emit_item(e, "msg_namelen");
	if (user_namelen && *user_namelen != (int)m->msg_namelen) {
		sbuf_dec(emit_sb(e), *user_namelen);
		sbuf_puts(emit_sb(e), " => ");
	}
	sbuf_dec(emit_sb(e), (int)m->msg_namelen);
	if (family == AF_NETLINK)
		print_iov_netlink(c, e, (unsigned long)m->msg_iov, m->msg_iovlen, data_size);
	else
		print_iov(c, e, (unsigned long)m->msg_iov, m->msg_iovlen, data_size);
	emit_uint(e, "msg_iovlen", m->msg_iovlen);
	if (m->msg_controllen)
		print_control(c, e, (unsigned long)m->msg_control, m->msg_controllen);
	emit_uint(e, "msg_controllen", m->msg_controllen);
	net_emit_flags(e, "msg_flags", XLAT(msg_flags), (unsigned)m->msg_flags, "MSG_???");
	emit_struct_end(e);
}

void msghdr_print(struct call *c, struct emit *e, const char *name, unsigned long addr,
		  const int *user_namelen, long data_size)
{
	struct msghdr m;
	if (!addr || !net_verbose(c) || umem_read(c->pid, addr, &m, sizeof(m)) < 0) {
		emit_ptr(e, name, addr);
		return;
	}
	msghdr_print_fetched(c, e, name, &m, user_namelen, data_size);
}

/* sendmsg: every buffer up to its length */
STRUCT_PRINTER(msghdr)
{
	(void)len;
	msghdr_print(c, e, name, addr, NULL, -1);
}

#define MMSG_MAX 1024	/* IOV_MAX: strace's cap on the elements shown */

void mmsghdr_print_array(struct call *c, struct emit *e, const char *name, unsigned long addr,
			 unsigned long n, unsigned long with_len, const int *user_namelens,
			 unsigned long nuser, bool use_len)
{
	const unsigned long sz = sizeof(struct mmsghdr), max = net_array_max(c);
	unsigned long count = user_namelens ? nuser : MMSG_MAX;
	if (count > MMSG_MAX)
		count = MMSG_MAX;
	if (!net_array_start(c, e, name, addr, n, sz))
		return;
	for (unsigned long i = 0; i < n; i++) {
		struct mmsghdr mh;
		int got = net_array_elem(c, e, name, addr, i, max, &mh, sz);
		if (got < 0)
			return;
		if (!got)
			break;
		if (i >= count) {
			emit_more(e);
			break;
		}
		emit_struct_begin(e, NULL);
		msghdr_print_fetched(c, e, "msg_hdr", &mh.msg_hdr, user_namelens ? &user_namelens[i] : NULL,
				     use_len ? (long)mh.msg_len : -1);
		if (i < with_len)
			emit_uint(e, "msg_len", mh.msg_len);
		emit_struct_end(e);
	}
	emit_array_end(e);
}
