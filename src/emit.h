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

struct emit;
/* a backend: text (emit_text.c) or JSON (emit_json.c) */
struct emit_ops {
	void (*item)(struct emit *e, const char *name);
	void (*int_)(struct emit *e, const char *name, long long v);
	void (*uint)(struct emit *e, const char *name, unsigned long long v);
	void (*hex)(struct emit *e, const char *name, unsigned long long v);
	void (*oct)(struct emit *e, const char *name, unsigned long long v);
	void (*ptr)(struct emit *e, const char *name, unsigned long v);
	void (*str)(struct emit *e, const char *name, const char *s, size_t n, unsigned flags);
	void (*text)(struct emit *e, const char *name, const char *text);
	void (*flags)(struct emit *e, const char *name, const struct xlat *x, unsigned long long v);
	void (*enum_)(struct emit *e, const char *name, const struct xlat *x, unsigned long long v);
	void (*begin)(struct emit *e, const char *name, int kind);	/* EMIT_STRUCT or EMIT_ARRAY */
	void (*end)(struct emit *e);
	void (*more)(struct emit *e);
	void (*comment)(struct emit *e, const char *text);
};

struct emit {
	const struct emit_ops *ops;
	struct sbuf *sb;
	int depth;
	unsigned char kind[EMIT_MAXDEPTH];
	unsigned count[EMIT_MAXDEPTH];
	/* the JSON backend's: where each container's item began, the end of
	 * the last well-formed JSON, and the item still open */
	unsigned char open;
	size_t at, mark;
	size_t item_at[EMIT_MAXDEPTH];
};

/* the text backend */
void emit_init(struct emit *e, struct sbuf *sb);
/* the JSON backend: the arguments become the members of an object whose
 * '{' the caller has written; items continues an object that already has
 * that many members */
void emit_init_json(struct emit *e, struct sbuf *sb, unsigned items);
/* JSON: closes whatever a decoder left open (items, structs, arrays),
 * before the caller's '}' */
void emit_json_close(struct emit *e);

/* starts one item (argument, field or element): separator and name; the
 * decoder then writes the value by hand into emit_sb() */
static inline void emit_item(struct emit *e, const char *name) { e->ops->item(e, name); }
static inline void emit_int(struct emit *e, const char *name, long long v) { e->ops->int_(e, name, v); }
static inline void emit_uint(struct emit *e, const char *name, unsigned long long v) { e->ops->uint(e, name, v); }
static inline void emit_hex(struct emit *e, const char *name, unsigned long long v) { e->ops->hex(e, name, v); }
static inline void emit_oct(struct emit *e, const char *name, unsigned long long v) { e->ops->oct(e, name, v); }
/* NULL or 0x... */
static inline void emit_ptr(struct emit *e, const char *name, unsigned long v) { e->ops->ptr(e, name, v); }
static inline void emit_str(struct emit *e, const char *name, const char *s, size_t n, unsigned flags)
{
	e->ops->str(e, name, s, n, flags);
}
/* a literal token */
static inline void emit_text(struct emit *e, const char *name, const char *text) { e->ops->text(e, name, text); }
static inline void emit_flags(struct emit *e, const char *name, const struct xlat *x, unsigned long long v)
{
	e->ops->flags(e, name, x, v);
}
static inline void emit_enum(struct emit *e, const char *name, const struct xlat *x, unsigned long long v)
{
	e->ops->enum_(e, name, x, v);
}
static inline void emit_struct_begin(struct emit *e, const char *name) { e->ops->begin(e, name, EMIT_STRUCT); }
static inline void emit_struct_end(struct emit *e) { e->ops->end(e); }
static inline void emit_array_begin(struct emit *e, const char *name) { e->ops->begin(e, name, EMIT_ARRAY); }
static inline void emit_array_end(struct emit *e) { e->ops->end(e); }
/* "..." as an item */
static inline void emit_more(struct emit *e) { e->ops->more(e); }
/* " /\* text *\/" after the item, as in "0x7ffd... /\* 23 vars *\/" */
static inline void emit_comment(struct emit *e, const char *text) { e->ops->comment(e, text); }
/* the sbuf for an item being written by hand after emit_item() */
static inline struct sbuf *emit_sb(struct emit *e) { return e->sb; }

/* string quoting as strace does: escapes, -x/-xx, octal; used by emit_str */
void quote_string(struct sbuf *b, const unsigned char *s, size_t n, unsigned flags);
#endif
