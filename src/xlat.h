/* SPDX-License-Identifier: MIT */
/* Constant families (tables/xlat/NAME.in, generated into src/gen/xlat.c). */
#ifndef TATTLE_XLAT_H
#define TATTLE_XLAT_H
#include "gen/sysent.h"
#include "sbuf.h"

enum { XLAT_KIND_FLAGS, XLAT_KIND_ENUM, XLAT_KIND_BITS };

struct xlat_entry {
	unsigned long long val;
	const char *name;
};

struct xlat {
	int kind;
	unsigned n;
	const struct xlat_entry *e;
	const char *family;
	const char *unknown;	/* strace's comment for a value with no name ("PROT_???"), or NULL */
};

extern const struct xlat *const xlat_table[XLAT_COUNT];
#define XLAT(id) (xlat_table[XLAT_##id])

/* the name of v in an enum family, or NULL */
const char *xlat_name(const struct xlat *x, unsigned long long v);
/* enum: NAME, or the number in decimal (strace's default for unknown values) */
void xlat_enum(struct sbuf *b, const struct xlat *x, unsigned long long v, const char *dflt_comment);
/* flags: NAME|NAME|0x..., "0" when v is 0 and no 0-named entry; honours -X */
void xlat_flags(struct sbuf *b, const struct xlat *x, unsigned long long v);
/* flags as -X abbrev prints them, whatever -X says (for a decoder that
 * composes a value of several families) */
void xlat_flags_abbrev(struct sbuf *b, const struct xlat *x, unsigned long long v);
/* enum whose unknown values print in hex */
void xlat_enum_hex(struct sbuf *b, const struct xlat *x, unsigned long long v);
#endif
