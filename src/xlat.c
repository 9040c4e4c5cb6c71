/* SPDX-License-Identifier: MIT */
/* Constants to names. Entries are walked in file order, which is the order
 * strace prints flags in; leftover bits print as hex, never guessed. */
#include "xlat.h"
#include "options.h"

const char *xlat_name(const struct xlat *x, unsigned long long v)
{
	for (unsigned i = 0; i < x->n; i++)
		if (x->e[i].val == v)
			return x->e[i].name;
	return 0;
}

void xlat_flags_abbrev(struct sbuf *b, const struct xlat *x, unsigned long long v)
{
	unsigned long long left = v;
	int n = 0;
	if (v == 0) {
		const char *z = xlat_name(x, 0);
		sbuf_puts(b, z ? z : "0");
		return;
	}
	for (unsigned i = 0; i < x->n && left; i++) {
		unsigned long long f = x->e[i].val;
		if (f && (left & f) == f) {
			if (n++)
				sbuf_putc(b, '|');
			sbuf_puts(b, x->e[i].name);
			left &= ~f;
		}
	}
	if (left) {
		if (n++)
			sbuf_putc(b, '|');
		sbuf_hex(b, left);
		/* nothing matched: strace says which family it did not know */
		if (n == 1 && x->unknown) {
			sbuf_puts(b, " /* ");
			sbuf_puts(b, x->unknown);
			sbuf_puts(b, " */");
		}
	}
}

/* does any name of the family cover bits of v? */
static int flags_any(const struct xlat *x, unsigned long long v)
{
	for (unsigned i = 0; i < x->n; i++)
		if (x->e[i].val && (v & x->e[i].val) == x->e[i].val)
			return 1;
	return 0;
}

void xlat_flags(struct sbuf *b, const struct xlat *x, unsigned long long v)
{
	switch (opt.xlat_style) {
	case XLAT_STYLE_RAW:
		sbuf_hex(b, v);
		return;
	case XLAT_STYLE_VERBOSE:
		sbuf_hex(b, v);
		/* a zero without a name of its own has nothing to explain */
		if (!v && !xlat_name(x, 0))
			return;
		/* no name at all: only the family's unknown marker, once */
		if (v && !flags_any(x, v)) {
			if (x->unknown) {
				sbuf_puts(b, " /* ");
				sbuf_puts(b, x->unknown);
				sbuf_puts(b, " */");
			}
			return;
		}
		sbuf_puts(b, " /* ");
		xlat_flags_abbrev(b, x, v);
		sbuf_puts(b, " */");
		return;
	}
	xlat_flags_abbrev(b, x, v);
}

static void enum_common(struct sbuf *b, const struct xlat *x, unsigned long long v, const char *dflt, int hex)
{
	const char *name = xlat_name(x, v);
	/* a family with an unknown marker prints unknown values as %#x */
	if (!name && !dflt && x->unknown) {
		dflt = x->unknown;
		hex = 1;
	}
	/* strace's -X raw and -X verbose show named values as %#x too:
	 * lseek(3, -60, 0x1), fcntl(3, 0x4 (F_SETFL in a comment), ...) */
	if (opt.xlat_style != XLAT_STYLE_ABBREV)
		hex = 1;
	if (opt.xlat_style == XLAT_STYLE_RAW || !name) {
		if (hex)
			sbuf_hex(b, v);
		else
			sbuf_dec(b, (long long)v);
		if (!name && dflt && opt.xlat_style != XLAT_STYLE_RAW) {
			sbuf_puts(b, " /* ");
			sbuf_puts(b, dflt);
			sbuf_puts(b, " */");
		}
		return;
	}
	if (opt.xlat_style == XLAT_STYLE_VERBOSE) {
		if (hex)
			sbuf_hex(b, v);
		else
			sbuf_dec(b, (long long)v);
		sbuf_puts(b, " /* ");
		sbuf_puts(b, name);
		sbuf_puts(b, " */");
		return;
	}
	sbuf_puts(b, name);
}

void xlat_enum(struct sbuf *b, const struct xlat *x, unsigned long long v, const char *dflt)
{
	enum_common(b, x, v, dflt, 0);
}

void xlat_enum_hex(struct sbuf *b, const struct xlat *x, unsigned long long v)
{
	enum_common(b, x, v, 0, 1);
}
