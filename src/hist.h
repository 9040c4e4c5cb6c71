/* SPDX-License-Identifier: MIT */
/* Latency histograms: a log-linear one for percentiles (bounded relative
 * error, O(1) per value, fixed maximum memory, never a list of samples)
 * and a log2 one drawn as bpftrace's hist() draws it. */
#ifndef TATTLE_HIST_H
#define TATTLE_HIST_H
#include "sbuf.h"
#include <stdint.h>

/* Log-linear ("HDR") histogram of nanosecond values. Values below 64 are
 * counted exactly; above, each power of two is cut into HIST_SUB buckets,
 * so a bucket is at most 1/64 of its lower bound wide. A group of
 * HIST_SUB counters is allocated the first time a value falls in it. */
#define HIST_SUB_BITS 6
#define HIST_SUB (1u << HIST_SUB_BITS)
#define HIST_GROUPS (64 - HIST_SUB_BITS + 1)

struct hist {
	uint64_t count;
	uint64_t *group[HIST_GROUPS];
};

void hist_add_slow(struct hist *h, unsigned g, unsigned sub);

static inline void hist_add(struct hist *h, uint64_t v)
{
	unsigned g, sub;
	if (v < HIST_SUB) {
		g = 0;
		sub = (unsigned)v;
	} else {
		unsigned k = 63u - (unsigned)__builtin_clzll(v);	/* >= HIST_SUB_BITS */
		g = k - HIST_SUB_BITS + 1;
		sub = (unsigned)(v >> (k - HIST_SUB_BITS)) - HIST_SUB;
	}
	h->count++;
	if (__builtin_expect(h->group[g] != 0, 1))
		h->group[g][sub]++;
	else
		hist_add_slow(h, g, sub);
}

/* the value at quantile q (0 < q <= 1): the ceil(q * count)-th smallest
 * value, as the middle of its bucket kept within [min, max], the exact
 * smallest and largest values seen (which the first and the last rank
 * are); 0 when empty */
uint64_t hist_quantile(const struct hist *h, double q, uint64_t min, uint64_t max);
/* dst += src */
void hist_merge(struct hist *dst, const struct hist *src);
void hist_free(struct hist *h);

/* log2 histogram of microseconds: [0], [1], [2, 4), [4, 8), ... */
#define LOG2_BUCKETS 65

static inline unsigned log2_index(uint64_t us)
{
	return us ? 64u - (unsigned)__builtin_clzll(us) : 0;
}

/* draws counts[LOG2_BUCKETS] as bpftrace does: from the first to the last
 * non-empty bucket, "[lo, hi)" left in 16 columns, the count right in 8,
 * then a bar of @ up to 52 wide between | |; nothing when all are 0 */
void log2_draw(struct sbuf *b, const uint64_t *counts);
/* the range of bucket i in microseconds: [*lo, *hi) */
void log2_range(unsigned i, uint64_t *lo, uint64_t *hi);
#endif
