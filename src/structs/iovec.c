/* SPDX-License-Identifier: MIT */
/* struct iovec arrays: [{iov_base="ab", iov_len=2}, ...]. The count comes
 * from the argument the signature names (=iovcnt). An IN array (writev)
 * shows each buffer up to its length; an OUT array (readv), printed at
 * exit, shows only the bytes the call returned, spread over the elements
 * in order; a failed OUT call shows the addresses. At most -s elements
 * print, then "...", as strace does. */
#include "structs.h"
#include "../options.h"
#include "../umem.h"
#include <limits.h>
#include <stdio.h>
#include <sys/uio.h>

#define IOV_CHUNK 32	/* elements read from the tracee at a time */

ARGTYPE_PRINTER(iovec)
{
	unsigned long count = a->len >= 0 && a->len < 6 ? c->args[(int)a->len] : 0;
	bool out = a->dir == DIR_OUT;
	bool addr_only = out && c->failed;
	unsigned long left = out && !c->failed ? (unsigned long)c->ret : ULONG_MAX;
	unsigned long max = opt.strsize < 0 ? 0 : (unsigned long)opt.strsize;
	struct iovec iov[IOV_CHUNK];
	size_t have = 0, at = 0;	/* elements in iov[], next one to print */

	if (!v) {
		emit_ptr(e, a->name, 0);
		return;
	}
	if (count && umem_read(c->pid, v, iov, sizeof(iov[0])) < 0) {
		emit_ptr(e, a->name, v);
		return;
	}
	emit_array_begin(e, a->name);
	for (unsigned long i = 0; i < count; i++) {
		if (i >= max) {
			emit_more(e);
			break;
		}
		if (at == have) {
			unsigned long want = count - i < IOV_CHUNK ? count - i : IOV_CHUNK;
			unsigned long addr = v + i * sizeof(iov[0]);
			have = umem_read_partial(c->pid, addr, iov, want * sizeof(iov[0])) / sizeof(iov[0]);
			at = 0;
			if (!have) {
				/* the array ends in unreadable memory */
				char tmp[32];
				emit_more(e);
				snprintf(tmp, sizeof(tmp), "%#lx", addr);
				emit_comment(e, tmp);
				break;
			}
		}
		const struct iovec *p = &iov[at++];
		unsigned long base = (unsigned long)p->iov_base, len = p->iov_len;
		emit_struct_begin(e, NULL);
		if (addr_only) {
			emit_ptr(e, "iov_base", base);
		} else {
			unsigned long show = len < left ? len : left;
			print_buf(c, e, "iov_base", base, show);
			left -= show;
		}
		emit_uint(e, "iov_len", len);
		emit_struct_end(e);
	}
	emit_array_end(e);
}
