/* SPDX-License-Identifier: MIT */
/* Histograms for the -c summary: percentiles and --histogram. */
#include "hist.h"
#include "util.h"
#include <stdio.h>
#include <stdlib.h>

void hist_add_slow(struct hist *h, unsigned g, unsigned sub)
{
	/* once per group of 64 buckets and per syscall: not per call */
	h->group[g] = xcalloc(HIST_SUB, sizeof(uint64_t));
	h->group[g][sub]++;
}

static uint64_t bucket_low(unsigned g, unsigned sub)
{
	if (g == 0)
		return sub;
	return (uint64_t)(HIST_SUB + sub) << (g - 1);
}

static uint64_t bucket_width(unsigned g)
{
	return g <= 1 ? 1 : (uint64_t)1 << (g - 1);
}

uint64_t hist_quantile(const struct hist *h, double q, uint64_t min, uint64_t max)
{
	if (!h || !h->count)
		return 0;
	double want = q * (double)h->count;
	uint64_t rank = (uint64_t)want;
	if ((double)rank < want)
		rank++;	/* ceil without libm */
	if (rank < 1)
		rank = 1;
	if (rank >= h->count)
		return max;
	if (rank == 1)
		return min;
	uint64_t seen = 0;
	for (unsigned g = 0; g < HIST_GROUPS; g++) {
		if (!h->group[g])
			continue;
		for (unsigned s = 0; s < HIST_SUB; s++) {
			seen += h->group[g][s];
			if (seen >= rank) {
				uint64_t mid = bucket_low(g, s) + bucket_width(g) / 2;
				return mid < min ? min : mid > max ? max : mid;
			}
		}
	}
	return 0;	/* not reached: the counts sum to count */
}

void hist_merge(struct hist *dst, const struct hist *src)
{
	for (unsigned g = 0; g < HIST_GROUPS; g++) {
		if (!src->group[g])
			continue;
		if (!dst->group[g])
			dst->group[g] = xcalloc(HIST_SUB, sizeof(uint64_t));
		for (unsigned s = 0; s < HIST_SUB; s++)
			dst->group[g][s] += src->group[g][s];
	}
	dst->count += src->count;
}

void hist_free(struct hist *h)
{
	for (unsigned g = 0; g < HIST_GROUPS; g++) {
		free(h->group[g]);
		h->group[g] = NULL;
	}
	h->count = 0;
}

void log2_range(unsigned i, uint64_t *lo, uint64_t *hi)
{
	if (i == 0) {
		*lo = 0;
		*hi = 1;
	} else {
		*lo = (uint64_t)1 << (i - 1);
		*hi = i >= 64 ? UINT64_MAX : (uint64_t)1 << i;
	}
}

/* 2^p as bpftrace labels it: 512, 1K, 2K, ... 1M, ... */
static void put_pow2(struct sbuf *b, unsigned p)
{
	static const char suffix[] = " KMGTPE";
	unsigned k = p / 10;
	if (k > 6)
		k = 6;
	sbuf_udec(b, (uint64_t)1 << (p - 10 * k));
	if (k)
		sbuf_putc(b, suffix[k]);
}

static void pad_to(struct sbuf *b, size_t start, size_t width)
{
	while (b->len - start < width)
		sbuf_putc(b, ' ');
}

void log2_draw(struct sbuf *b, const uint64_t *counts)
{
	int first = -1, last = -1;
	uint64_t top = 0;
	for (int i = 0; i < LOG2_BUCKETS; i++) {
		if (!counts[i])
			continue;
		if (first < 0)
			first = i;
		last = i;
		if (counts[i] > top)
			top = counts[i];
	}
	for (int i = first; first >= 0 && i <= last; i++) {
		size_t start = b->len;
		if (i < 2) {
			sbuf_putc(b, '[');
			sbuf_udec(b, (unsigned)i);
			sbuf_putc(b, ']');
		} else {
			sbuf_putc(b, '[');
			put_pow2(b, (unsigned)i - 1);
			sbuf_add(b, ", ", 2);
			put_pow2(b, (unsigned)i);
			sbuf_putc(b, ')');
		}
		pad_to(b, start, 16);
		char num[24];
		int n = snprintf(num, sizeof(num), "%8llu", (unsigned long long)counts[i]);
		sbuf_add(b, num, (size_t)n);
		sbuf_add(b, " |", 2);
		size_t bar = (size_t)((double)counts[i] / (double)top * 52.0);
		start = b->len;
		for (size_t k = 0; k < bar; k++)
			sbuf_putc(b, '@');
		pad_to(b, start, 52);
		sbuf_add(b, "|\n", 2);
	}
}
