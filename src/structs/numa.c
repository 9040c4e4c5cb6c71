/* SPDX-License-Identifier: MIT */
/* NUMA memory policy arguments (get_mempolicy, set_mempolicy, mbind,
 * migrate_pages) as strace 6.1 prints them:
 * - a mode with its flag bits: MPOL_BIND|MPOL_F_STATIC_NODES, and when the
 *   rest has no name, MPOL_F_STATIC_NODES|0x63 (0x63 /\* MPOL_??? *\/ with
 *   no flags);
 * - a node mask of maxnode - 1 bits (the kernel's count) as unsigned
 *   longs, each "%#016lx" ([0x00000000000003, 0000000000000000]), at most
 *   -s of them; maxnode 0 prints [], a mask of no whole word (or any
 *   under -e verbose=none) its address.
 * The mask and the mode get_mempolicy writes print at its exit. */
#include "structs.h"
#include "net.h"
#include "../filter.h"
#include "../options.h"
#include "../umem.h"
#include <stdio.h>

#define MODE_FLAGS 0xe000u	/* MPOL_F_STATIC_NODES | RELATIVE_NODES | NUMA_BALANCING */
#define WORD_BITS 64

static void mode_abbrev(struct sbuf *b, unsigned v)
{
	unsigned fl = v & MODE_FLAGS, base = v & ~MODE_FLAGS;
	const char *name = xlat_name(XLAT(mpol_modes), base);
	if (name) {
		sbuf_puts(b, name);
		if (fl) {
			sbuf_putc(b, '|');
			xlat_flags_abbrev(b, XLAT(mpol_mode_flags), fl);
		}
	} else if (fl) {
		xlat_flags_abbrev(b, XLAT(mpol_mode_flags), fl);
		sbuf_putc(b, '|');
		sbuf_hex(b, base);
	} else {
		sbuf_hex(b, v);
		sbuf_puts(b, " /* MPOL_??? */");
	}
}

/* set_mempolicy's and mbind's mode */
ARGTYPE_PRINTER(mpolmode)
{
	(void)c;
	unsigned mode = (unsigned)v;
	struct sbuf t = { 0 };
	if (opt.xlat_style == XLAT_STYLE_ABBREV) {
		mode_abbrev(&t, mode);
	} else {
		sbuf_hex(&t, mode);
		if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
			sbuf_puts(&t, " /* ");
			if (xlat_name(XLAT(mpol_modes), mode & ~MODE_FLAGS) || (mode & MODE_FLAGS))
				mode_abbrev(&t, mode);
			else
				sbuf_puts(&t, "MPOL_???");
			sbuf_puts(&t, " */");
		}
	}
	sbuf_putc(&t, 0);
	emit_text(e, a->name, t.p);
	sbuf_free(&t);
}

/* get_mempolicy's mode, written by the kernel: [MPOL_DEFAULT] */
ARGTYPE_PRINTER(mpolmodeptr)
{
	int mode;
	if (!v) {
		emit_ptr(e, a->name, 0);
		return;
	}
	if ((a->dir == DIR_OUT && c->failed) || !filter_verbose(c->nr) ||
	    umem_read(c->pid, v, &mode, sizeof(mode)) < 0) {
		emit_ptr(e, a->name, v);
		return;
	}
	emit_array_begin(e, a->name);
	emit_enum(e, NULL, XLAT(mpol_modes), (unsigned)mode);
	emit_array_end(e);
}

/* a node mask; maxnode is the argument the signature names (=maxnode) */
ARGTYPE_PRINTER(nodemask)
{
	unsigned long maxnode = a->len >= 0 && a->len < 6 ? c->args[(int)a->len] : 0;
	if (!v) {
		emit_ptr(e, a->name, 0);
		return;
	}
	if (!maxnode) {
		emit_array_begin(e, a->name);
		emit_array_end(e);
		return;
	}
	unsigned long bits = maxnode - 1, n = bits / WORD_BITS + (bits % WORD_BITS != 0);
	if (!n || (a->dir == DIR_OUT && c->failed) || !filter_verbose(c->nr)) {
		emit_ptr(e, a->name, v);
		return;
	}
	unsigned long max = net_array_max(c), w;
	/* -s 0: "[...]" when the first word can be read */
	if (!max) {
		if (umem_read(c->pid, v, &w, sizeof(w)) < 0) {
			emit_ptr(e, a->name, v);
			return;
		}
		emit_array_begin(e, a->name);
		emit_more(e);
		emit_array_end(e);
		return;
	}
	for (unsigned long i = 0; i < n; i++) {
		int r = net_array_elem(c, e, a->name, v, i, max, &w, sizeof(w));
		if (r < 0)
			return;
		if (!r)
			break;
		char word[24];
		snprintf(word, sizeof(word), "%#016lx", w);
		emit_text(e, NULL, word);
	}
	emit_array_end(e);
}
