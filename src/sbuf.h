/* SPDX-License-Identifier: MIT */
/* A growable byte buffer: the unit every line is assembled in. */
#ifndef TATTLE_SBUF_H
#define TATTLE_SBUF_H
#include <stddef.h>
#include <string.h>

struct sbuf {
	char *p;
	size_t len, cap;
};

void sbuf_grow(struct sbuf *b, size_t need);
void sbuf_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_free(struct sbuf *b);

static inline void sbuf_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n > b->cap)
		sbuf_grow(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static inline void sbuf_puts(struct sbuf *b, const char *s) { sbuf_add(b, s, strlen(s)); }

static inline void sbuf_putc(struct sbuf *b, char c)
{
	if (b->len + 1 > b->cap)
		sbuf_grow(b, 1);
	b->p[b->len++] = c;
}

/* Decimal and hex without printf: these run several times per traced call. */
void sbuf_dec(struct sbuf *b, long long v);
void sbuf_udec(struct sbuf *b, unsigned long long v);
void sbuf_hex(struct sbuf *b, unsigned long long v);	/* 0x1f */
void sbuf_oct(struct sbuf *b, unsigned long long v);	/* 0644, or 0 */
#endif
