/* SPDX-License-Identifier: MIT */
#include "iodump.h"
#include "filter.h"
#include "options.h"
#include "output.h"
#include "umem.h"
#include "util.h"
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>

/* " | 00000  61 62 ...  ab... |" lines, 16 bytes each, as strace draws them */
static void dump(struct task *t, unsigned long addr, unsigned long len)
{
	unsigned char buf[4096];
	struct sbuf b = { 0 };
	unsigned long off = 0;
	while (off < len) {
		size_t chunk = len - off < sizeof(buf) ? len - off : sizeof(buf);
		size_t got = umem_read_partial(t->tid, addr + off, buf, chunk);
		for (size_t i = 0; i < got; i += 16) {
			size_t n = got - i < 16 ? got - i : 16;
			sbuf_printf(&b, " | %05lx  ", off + i);
			for (size_t k = 0; k < 16; k++) {
				if (k < n)
					sbuf_printf(&b, "%02x ", buf[i + k]);
				else
					sbuf_puts(&b, "   ");
				if (k == 7)
					sbuf_putc(&b, ' ');
			}
			sbuf_putc(&b, ' ');
			for (size_t k = 0; k < 16; k++) {
				unsigned char ch = k < n ? buf[i + k] : ' ';
				sbuf_putc(&b, k < n && (ch < 0x20 || ch >= 0x7f) ? '.' : (char)ch);
			}
			sbuf_puts(&b, " |\n");
		}
		if (got < chunk)
			break;	/* unreadable: the rest cannot be shown */
		off += got;
	}
	line_raw(t, b.p, b.len);
	sbuf_free(&b);
}

/* an iovec array: "* N bytes in buffer K" before each element's dump,
 * until the bytes the call moved run out */
static void dump_iov(struct task *t, unsigned long iov, unsigned long cnt, unsigned long total)
{
	char tmp[80];
	for (unsigned long k = 0; k < cnt && k < 1024 && total; k++) {
		struct iovec v;
		if (umem_read(t->tid, iov + k * sizeof(v), &v, sizeof(v)) < 0)
			return;
		unsigned long n = v.iov_len < total ? v.iov_len : total;
		int len = snprintf(tmp, sizeof(tmp), " * %lu bytes in buffer %lu\n", n, k);
		line_raw(t, tmp, (size_t)len);
		dump(t, (unsigned long)v.iov_base, n);
		total -= n;
	}
}

void iodump_exit(struct task *t)
{
	const struct call *c = &t->call;
	if (c->failed || c->ret <= 0)
		return;
	unsigned long ret = (unsigned long)c->ret, a1 = c->args[1];
	long fd = (int)c->args[0];
	switch (c->nr) {
	case 0: case 17: case 45:	/* read, pread64, recvfrom */
		if (filter_dump_read((int)fd))
			dump(t, a1, ret);
		break;
	case 1: case 18: case 44:	/* write, pwrite64, sendto */
		if (filter_dump_write((int)fd))
			dump(t, a1, ret);
		break;
	case 19: case 295: case 327:	/* readv, preadv, preadv2 */
		if (filter_dump_read((int)fd))
			dump_iov(t, a1, c->args[2], ret);
		break;
	case 20: case 296: case 328:	/* writev, pwritev, pwritev2 */
		if (filter_dump_write((int)fd))
			dump_iov(t, a1, c->args[2], ret);
		break;
	case 46: case 47: {	/* sendmsg, recvmsg: the msghdr's iovec */
		struct { unsigned long name; unsigned namelen; unsigned long iov, iovlen; } m;
		if ((c->nr == 47 ? filter_dump_read((int)fd) : filter_dump_write((int)fd)) &&
		    umem_read(t->tid, a1, &m, sizeof(m)) == 0)
			dump_iov(t, m.iov, m.iovlen, ret);
		break;
	}
	}
}
