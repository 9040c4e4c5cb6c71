/* SPDX-License-Identifier: MIT */
#include "sbuf.h"
#include "util.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void sbuf_grow(struct sbuf *b, size_t need)
{
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + need)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->p ? b->p + b->len : NULL, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		sbuf_grow(b, (size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void sbuf_free(struct sbuf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void sbuf_udec(struct sbuf *b, unsigned long long v)
{
	char tmp[24];
	int i = sizeof(tmp);
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	sbuf_add(b, tmp + i, sizeof(tmp) - (size_t)i);
}

void sbuf_dec(struct sbuf *b, long long v)
{
	if (v < 0) {
		sbuf_putc(b, '-');
		sbuf_udec(b, 0ULL - (unsigned long long)v);
	} else {
		sbuf_udec(b, (unsigned long long)v);
	}
}

void sbuf_hex(struct sbuf *b, unsigned long long v)
{
	char tmp[20];
	int i = sizeof(tmp);
	/* as printf's %#llx (and strace): zero has no 0x */
	if (!v) {
		sbuf_putc(b, '0');
		return;
	}
	do {
		tmp[--i] = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v);
	tmp[--i] = 'x';
	tmp[--i] = '0';
	sbuf_add(b, tmp + i, sizeof(tmp) - (size_t)i);
}

void sbuf_oct(struct sbuf *b, unsigned long long v)
{
	char tmp[24];
	int i = sizeof(tmp);
	do {
		tmp[--i] = (char)('0' + (v & 7));
		v >>= 3;
	} while (v);
	if (tmp[i] != '0')
		tmp[--i] = '0';
	sbuf_add(b, tmp + i, sizeof(tmp) - (size_t)i);
}
