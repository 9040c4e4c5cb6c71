/* SPDX-License-Identifier: MIT */
/* The text backend of the emitter: strace's rendering, byte for byte. */
#include "emit.h"
#include "options.h"

static void text_item(struct emit *e, const char *name)
{
	int d = e->depth;
	if (e->count[d]++)
		sbuf_add(e->sb, ", ", 2);
	if (!name)
		return;
	if (e->kind[d] == EMIT_STRUCT || (e->kind[d] == EMIT_ARGS && opt.arg_names)) {
		sbuf_puts(e->sb, name);
		sbuf_putc(e->sb, '=');
	}
}

static void text_int(struct emit *e, const char *name, long long v)
{
	text_item(e, name);
	sbuf_dec(e->sb, v);
}

static void text_uint(struct emit *e, const char *name, unsigned long long v)
{
	text_item(e, name);
	sbuf_udec(e->sb, v);
}

static void text_hex(struct emit *e, const char *name, unsigned long long v)
{
	text_item(e, name);
	sbuf_hex(e->sb, v);
}

static void text_oct(struct emit *e, const char *name, unsigned long long v)
{
	text_item(e, name);
	sbuf_oct(e->sb, v);
}

static void text_ptr(struct emit *e, const char *name, unsigned long v)
{
	text_item(e, name);
	if (v)
		sbuf_hex(e->sb, v);
	else
		sbuf_add(e->sb, "NULL", 4);
}

static void text_text(struct emit *e, const char *name, const char *text)
{
	text_item(e, name);
	sbuf_puts(e->sb, text);
}

static void text_flags(struct emit *e, const char *name, const struct xlat *x, unsigned long long v)
{
	text_item(e, name);
	xlat_flags(e->sb, x, v);
}

static void text_enum(struct emit *e, const char *name, const struct xlat *x, unsigned long long v)
{
	text_item(e, name);
	xlat_enum(e->sb, x, v, 0);
}

static void text_begin(struct emit *e, const char *name, int kind)
{
	text_item(e, name);
	sbuf_putc(e->sb, kind == EMIT_ARRAY ? '[' : '{');
	if (e->depth + 1 < EMIT_MAXDEPTH)
		e->depth++;
	e->kind[e->depth] = (unsigned char)kind;
	e->count[e->depth] = 0;
}

static void text_end(struct emit *e)
{
	sbuf_putc(e->sb, e->kind[e->depth] == EMIT_ARRAY ? ']' : '}');
	if (e->depth > 0)
		e->depth--;
}

static void text_more(struct emit *e)
{
	text_item(e, 0);
	sbuf_add(e->sb, "...", 3);
}

static void text_comment(struct emit *e, const char *text)
{
	sbuf_add(e->sb, " /* ", 4);
	sbuf_puts(e->sb, text);
	sbuf_add(e->sb, " */", 3);
}

static void text_str(struct emit *e, const char *name, const char *s, size_t n, unsigned flags)
{
	text_item(e, name);
	quote_string(e->sb, (const unsigned char *)s, n, flags);
}

static const struct emit_ops text_ops = {
	.item = text_item, .int_ = text_int, .uint = text_uint, .hex = text_hex,
	.oct = text_oct, .ptr = text_ptr, .str = text_str, .text = text_text,
	.flags = text_flags, .enum_ = text_enum, .begin = text_begin, .end = text_end,
	.more = text_more, .comment = text_comment,
};

void emit_init(struct emit *e, struct sbuf *sb)
{
	e->ops = &text_ops;
	e->sb = sb;
	e->depth = 0;
	e->kind[0] = EMIT_ARGS;
	e->count[0] = 0;
}

static int is_plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7f;
}

/* strace's quoting: printable ASCII as is (but \" and \\), C escapes for
 * \t\n\v\f\r, octal for the rest, padded to three digits only when an octal
 * digit follows. -x prints the whole string in \xNN when any byte needs more
 * than a C escape; -xx always. Bytes aimed at the terminal (ESC sequences)
 * therefore never reach it raw. */
void quote_string(struct sbuf *b, const unsigned char *s, size_t n, unsigned flags)
{
	int hex = opt.xflag >= 2;
	if (opt.xflag == 1) {
		for (size_t i = 0; i < n && !hex; i++)
			if (!is_plain(s[i]) && !(s[i] >= '\t' && s[i] <= '\r'))
				hex = 1;
	}
	if (b->len + 4 * n + 8 > b->cap)
		sbuf_grow(b, 4 * n + 8);
	char *o = b->p + b->len;
	*o++ = '"';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (hex) {
			*o++ = '\\';
			*o++ = 'x';
			*o++ = "0123456789abcdef"[c >> 4];
			*o++ = "0123456789abcdef"[c & 15];
			continue;
		}
		if (is_plain(c)) {
			if (c == '"' || c == '\\')
				*o++ = '\\';
			*o++ = (char)c;
			continue;
		}
		*o++ = '\\';
		switch (c) {
		case '\t': *o++ = 't'; continue;
		case '\n': *o++ = 'n'; continue;
		case '\v': *o++ = 'v'; continue;
		case '\f': *o++ = 'f'; continue;
		case '\r': *o++ = 'r'; continue;
		}
		int pad = i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7';
		if (pad || c > 077)
			*o++ = (char)('0' + (c >> 6));
		if (pad || c > 07)
			*o++ = (char)('0' + ((c >> 3) & 7));
		*o++ = (char)('0' + (c & 7));
	}
	*o++ = '"';
	if (flags & STR_TRUNCATED) {
		*o++ = '.';
		*o++ = '.';
		*o++ = '.';
	}
	b->len = (size_t)(o - b->p);
}
