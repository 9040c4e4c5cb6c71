/* SPDX-License-Identifier: MIT */
/* The emitter: decoders describe values (a name, a type, a value), never
 * print. The text backend (emit_text.c) renders strace's format; other
 * backends render the same calls differently. Containers nest: arguments at
 * depth 0, then struct fields ("name=" in text) and array elements. */
#ifndef TATTLE_EMIT_H
#define TATTLE_EMIT_H
#include "sbuf.h"
#include "xlat.h"
#include <stdbool.h>
#include <stddef.h>

#define EMIT_MAXDEPTH 16
enum { EMIT_ARGS, EMIT_STRUCT, EMIT_ARRAY };

/* emit_str flags */
enum {
	STR_TRUNCATED = 1,	/* more bytes follow: text prints "..." after the quote */
	STR_PATH = 2,		/* a path: not limited by -s */
};

struct emit {
	struct sbuf *sb;
	int depth;
	unsigned char kind[EMIT_MAXDEPTH];
	unsigned count[EMIT_MAXDEPTH];
	/* the JSON backend (emit_json.c): where each container's item began,
	 * the end of the last well-formed JSON, and the item still open */
	bool json;
	unsigned char open;
	size_t at, mark;
	size_t item_at[EMIT_MAXDEPTH];
};

void emit_init(struct emit *e, struct sbuf *sb);
/* the same decoders, rendered as typed JSON: the arguments become the
 * members of an object whose '{' the caller has written; items continues
 * an object that already has that many members */
void emit_init_json(struct emit *e, struct sbuf *sb, unsigned items);
/* JSON: closes whatever a decoder left open (items, structs, arrays),
 * before the caller's '}' */
void emit_json_close(struct emit *e);
/* starts one item (argument, field or element): separator and name */
void emit_item(struct emit *e, const char *name);

void emit_int(struct emit *e, const char *name, long long v);
void emit_uint(struct emit *e, const char *name, unsigned long long v);
void emit_hex(struct emit *e, const char *name, unsigned long long v);
void emit_oct(struct emit *e, const char *name, unsigned long long v);
void emit_ptr(struct emit *e, const char *name, unsigned long v);	/* NULL or 0x... */
void emit_str(struct emit *e, const char *name, const char *s, size_t n, unsigned flags);
void emit_text(struct emit *e, const char *name, const char *text);	/* a literal token */
void emit_flags(struct emit *e, const char *name, const struct xlat *x, unsigned long long v);
void emit_enum(struct emit *e, const char *name, const struct xlat *x, unsigned long long v);
void emit_struct_begin(struct emit *e, const char *name);
void emit_struct_end(struct emit *e);
void emit_array_begin(struct emit *e, const char *name);
void emit_array_end(struct emit *e);
void emit_more(struct emit *e);				/* "..." as an item */
/* " /\* text *\/" after the item, as in "0x7ffd... /\* 23 vars *\/" */
void emit_comment(struct emit *e, const char *text);
/* the sbuf for an item being written by hand after emit_item() */
static inline struct sbuf *emit_sb(struct emit *e) { return e->sb; }

/* string quoting as strace does: escapes, -x/-xx, octal; used by emit_str */
void quote_string(struct sbuf *b, const unsigned char *s, size_t n, unsigned flags);
#endif
