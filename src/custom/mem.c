/* SPDX-License-Identifier: MIT */
/* Memory calls whose arguments depend on each other: mmap's chained flags,
 * mremap's optional new address, mincore's vector, membarrier's return. */
#include "../structs/proc.h"
#include "../options.h"
#include "../umem.h"
#include <stdlib.h>

#define MAP_TYPE_ 0xful
#define HUGE_SHIFT 26
#define HUGE_MASK 0x3ful
#define MREMAP_FIXED_ 2ul

/* NAME|NAME|0xleft without a comment: these flags follow another part */
static void put_rest(struct sbuf *b, const struct xlat *x, unsigned long v, bool sep)
{
	for (unsigned i = 0; i < x->n && v; i++) {
		unsigned long f = (unsigned long)x->e[i].val;
		if (f && (v & f) == f) {
			if (sep)
				sbuf_putc(b, '|');
			sbuf_puts(b, x->e[i].name);
			v &= ~f;
			sep = true;
		}
	}
	if (v) {
		if (sep)
			sbuf_putc(b, '|');
		sbuf_hex(b, v);
	}
}

/* type first (MAP_PRIVATE), then flags, leftover, "N<<MAP_HUGE_SHIFT"; an
 * unknown type prints as "0xf /\* MAP_??? *\/" (the family's marker) */
static void mmap_flags_abbrev(struct sbuf *b, unsigned long flags)
{
	unsigned long huge = (flags >> HUGE_SHIFT) & HUGE_MASK;
	unsigned long rest = flags & ~MAP_TYPE_ & ~(HUGE_MASK << HUGE_SHIFT);
	const char *type = xlat_name(XLAT(mmap_type), flags & MAP_TYPE_);
	if (type) {
		sbuf_puts(b, type);
	} else {
		sbuf_hex(b, flags & MAP_TYPE_);
		sbuf_puts(b, " /* MAP_??? */");
	}
	put_rest(b, XLAT(mmap_flags), rest, true);
	if (huge) {
		sbuf_putc(b, '|');
		sbuf_udec(b, huge);
		sbuf_puts(b, "<<MAP_HUGE_SHIFT");
	}
}

/* -X raw: the number; -X verbose: the number, and the whole abbreviated
 * form in a comment (nested comment and all, as strace prints it) */
void mem_emit_mmap_flags(struct emit *e, const char *name, unsigned long flags)
{
	emit_item(e, name);
	struct sbuf *b = emit_sb(e);
	if (opt.xlat_style != XLAT_STYLE_ABBREV)
		sbuf_hex(b, flags);
	if (opt.xlat_style == XLAT_STYLE_RAW)
		return;
	if (opt.xlat_style == XLAT_STYLE_VERBOSE)
		sbuf_puts(b, " /* ");
	mmap_flags_abbrev(b, flags);
	if (opt.xlat_style == XLAT_STYLE_VERBOSE)
		sbuf_puts(b, " */");
}

/* the offset as strace prints it: hex, but 0 as 0 */
static void put_offset(struct emit *e, const char *name, unsigned long off)
{
	emit_hex(e, name, off);
}

CUSTOM_DECODER(mmap)
{
	if (phase != PHASE_ENTRY)
		return;
	ARG(c, e, 0, "addr", ARG_ptr);
	ARG(c, e, 1, "length", ARG_size);
	ARG_X(c, e, 2, "prot", ARG_flags, XLAT_mmap_prot, -1);
	mem_emit_mmap_flags(e, "flags", c->args[3]);
	ARG(c, e, 4, "fd", ARG_fd);
	put_offset(e, "offset", c->args[5]);
}

/* remap_file_pages(addr, size, prot, pgoff, flags): flags as mmap's */
CUSTOM_DECODER(remap_file_pages)
{
	if (phase != PHASE_ENTRY)
		return;
	ARG(c, e, 0, "addr", ARG_ptr);
	ARG(c, e, 1, "size", ARG_size);
	ARG_X(c, e, 2, "prot", ARG_flags, XLAT_mmap_prot, -1);
	ARG(c, e, 3, "pgoff", ARG_ulong);
	mem_emit_mmap_flags(e, "flags", c->args[4]);
}

/* new_address only exists with MREMAP_FIXED (strace 6.1 ignores DONTUNMAP) */
CUSTOM_DECODER(mremap)
{
	if (phase != PHASE_ENTRY)
		return;
	ARG(c, e, 0, "old_address", ARG_ptr);
	ARG(c, e, 1, "old_size", ARG_size);
	ARG(c, e, 2, "new_size", ARG_size);
	ARG_X(c, e, 3, "flags", ARG_flags, XLAT_mremap_flags, -1);
	if (c->args[3] & MREMAP_FIXED_)
		ARG(c, e, 4, "new_address", ARG_ptr);
}

/* mincore(addr, length, vec): one byte per page, "[1, 0, ...]" */
CUSTOM_DECODER(mincore)
{
	if (phase == PHASE_ENTRY) {
		ARG(c, e, 0, "addr", ARG_ptr);
		ARG(c, e, 1, "length", ARG_size);
		c->nprinted = 2;
		return;
	}
	unsigned long vec = c->args[2];
	long page = 4096;
	unsigned long pages = (c->args[1] + (unsigned long)page - 1) / (unsigned long)page;
	if (c->failed || !vec) {
		emit_ptr(e, "vec", vec);
		return;
	}
	unsigned long max = (unsigned long)opt.strsize;
	unsigned long show = pages < max ? pages : max;
	unsigned char small[256], *buf = show > sizeof(small) ? malloc(show) : small;
	if (!buf || umem_read(c->pid, vec, buf, show) < 0) {
		emit_ptr(e, "vec", vec);
	} else {
		emit_array_begin(e, "vec");
		for (unsigned long i = 0; i < show; i++)
			emit_uint(e, NULL, buf[i] & 1);
		if (show < pages)
			emit_more(e);
		emit_array_end(e);
	}
	if (buf && buf != small)
		free(buf);
}

/* MEMBARRIER_CMD_QUERY returns the supported commands as flags */
CUSTOM_DECODER(membarrier)
{
	if (phase == PHASE_ENTRY) {
		ARG_X(c, e, 0, "cmd", ARG_enum, XLAT_membarrier_cmds, -1);
		ARG_X(c, e, 1, "flags", ARG_flags, XLAT_membarrier_flags, -1);
		/* cpu_id only means something with MEMBARRIER_CMD_FLAG_CPU */
		if (c->args[1] & 1)
			ARG(c, e, 2, "cpu_id", ARG_int);
		return;
	}
	if (c->args[0] == 0 && !c->failed && c->ret > 0 && opt.xlat_style != XLAT_STYLE_RAW) {
		sbuf_putc(&c->aux, '(');
		const struct xlat *x = XLAT(membarrier_cmds);
		put_rest(&c->aux, x, (unsigned long)c->ret, false);
		sbuf_putc(&c->aux, ')');
	}
}

/* process_madvise(pidfd, iovec, vlen, advice, flags): the ranges are
 * addresses, not buffers to show */
CUSTOM_DECODER(process_madvise)
{
	if (phase != PHASE_ENTRY)
		return;
	ARG(c, e, 0, "pidfd", ARG_fd);
	unsigned long addr = c->args[1], n = c->args[2];
	unsigned long max = (unsigned long)opt.strsize, show = n < max ? n : max;
	struct { unsigned long base, len; } iov;
	if (!addr || !n || umem_read(c->pid, addr, &iov, sizeof(iov)) < 0) {
		emit_ptr(e, "iovec", addr);
	} else {
		emit_array_begin(e, "iovec");
		unsigned long i;
		for (i = 0; i < show; i++) {
			if (umem_read(c->pid, addr + i * sizeof(iov), &iov, sizeof(iov)) < 0) {
				emit_more(e);
				break;
			}
			emit_struct_begin(e, NULL);
			emit_ptr(e, "iov_base", iov.base);
			emit_uint(e, "iov_len", iov.len);
			emit_struct_end(e);
		}
		if (i == show && show < n)
			emit_more(e);
		emit_array_end(e);
	}
	ARG(c, e, 2, "vlen", ARG_ulong);
	ARG_X(c, e, 3, "advice", ARG_enum, XLAT_madvise_advice, -1);
	ARG(c, e, 4, "flags", ARG_uint);
}
