/* SPDX-License-Identifier: MIT */
/* --stack-folded: the -k stacks aggregated in the folded format that
 * flamegraph.pl, speedscope and Perfetto read, one line per distinct stack,
 * "root;...;leaf weight". Frame names are interned to ids once, so adding a
 * stack per traced call hashes a few integers and copies nothing. */
#include "unwind_int.h"
#include "sbuf.h"
#include "util.h"
#include <stdlib.h>
#include <string.h>

static unsigned fnv(const void *p, size_t n, unsigned h)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 16777619u;
	return h;
}

/* An open-addressing index of entries 0..n-1 of an array (the names, the
 * stacks): slot = entry + 1, 0 = empty; kept at most half full. */
struct index {
	uint32_t *slot;
	size_t size;
	unsigned (*hash_of)(uint32_t k);
};

static void index_put(struct index *x, uint32_t k)
{
	size_t mask = x->size - 1, i = x->hash_of(k) & mask;
	while (x->slot[i])
		i = (i + 1) & mask;
	x->slot[i] = k + 1;
}

/* entry k has just been added, making n entries */
static void index_add(struct index *x, uint32_t k, size_t n)
{
	if (n * 2 <= x->size) {
		index_put(x, k);
		return;
	}
	free(x->slot);
	x->size = x->size ? x->size * 2 : 1024;
	x->slot = xcalloc(x->size, sizeof(*x->slot));
	for (uint32_t i = 0; i < n; i++)
		index_put(x, i);
}

/* ---- frame names ---- */

struct fname {
	char *s;
	size_t len;
	unsigned hash;
};

static struct fname *names;
static size_t nnames, names_cap;

static unsigned name_hash(uint32_t id)
{
	return names[id].hash;
}

static struct index name_index = { NULL, 0, name_hash };

uint32_t folded_frame(const char *name, size_t len)
{
	unsigned h = fnv(name, len, 2166136261u);
	if (name_index.size) {
		size_t mask = name_index.size - 1;
		for (size_t i = h & mask; name_index.slot[i]; i = (i + 1) & mask) {
			struct fname *f = &names[name_index.slot[i] - 1];
			if (f->hash == h && f->len == len && !memcmp(f->s, name, len))
				return name_index.slot[i] - 1;
		}
	}
	if (nnames == names_cap) {
		names_cap = names_cap ? names_cap * 2 : 256;
		names = xrealloc(names, names_cap * sizeof(*names));
	}
	struct fname *f = &names[nnames];
	f->s = xmalloc(len + 1);
	/* ';' separates frames and a newline ends the line: neither may
	 * appear inside a name */
	for (size_t i = 0; i < len; i++)
		f->s[i] = name[i] == ';' ? ':' : name[i] == '\n' ? ' ' : name[i];
	f->s[len] = 0;
	f->len = len;
	f->hash = h;
	uint32_t id = (uint32_t)nnames++;
	index_add(&name_index, id, nnames);
	return id;
}

/* ---- stacks ---- */

struct fstack {
	unsigned hash;
	uint32_t n;
	size_t off;		/* into ids */
	uint64_t weight;
};

static uint32_t *ids;
static size_t nids, ids_cap;
static struct fstack *stacks;
static size_t nstacks, stacks_cap;

static unsigned stack_hash(uint32_t k)
{
	return stacks[k].hash;
}

static struct index stack_index = { NULL, 0, stack_hash };

void folded_add(const uint32_t *frames, size_t n, uint64_t weight)
{
	unsigned h = fnv(frames, n * sizeof(*frames), 2166136261u);
	if (stack_index.size) {
		size_t mask = stack_index.size - 1;
		for (size_t i = h & mask; stack_index.slot[i]; i = (i + 1) & mask) {
			struct fstack *s = &stacks[stack_index.slot[i] - 1];
			if (s->hash == h && s->n == n && !memcmp(ids + s->off, frames, n * sizeof(*frames))) {
				s->weight += weight;
				return;
			}
		}
	}
	if (nids + n > ids_cap) {
		while (nids + n > ids_cap)
			ids_cap = ids_cap ? ids_cap * 2 : 4096;
		ids = xrealloc(ids, ids_cap * sizeof(*ids));
	}
	memcpy(ids + nids, frames, n * sizeof(*frames));
	if (nstacks == stacks_cap) {
		stacks_cap = stacks_cap ? stacks_cap * 2 : 256;
		stacks = xrealloc(stacks, stacks_cap * sizeof(*stacks));
	}
	stacks[nstacks] = (struct fstack){ h, (uint32_t)n, nids, weight };
	nids += n;
	uint32_t k = (uint32_t)nstacks++;
	index_add(&stack_index, k, nstacks);
}

/* ---- output ---- */

static const char *sort_base;

static int line_cmp(const void *a, const void *b)
{
	return strcmp(sort_base + *(const size_t *)a, sort_base + *(const size_t *)b);
}

bool folded_write(FILE *f)
{
	struct sbuf b = { 0 };
	size_t *line = xcalloc(nstacks ? nstacks : 1, sizeof(*line));
	for (size_t k = 0; k < nstacks; k++) {
		const struct fstack *s = &stacks[k];
		line[k] = b.len;
		/* root first: the stack was collected leaf first */
		for (uint32_t i = s->n; i-- > 0;) {
			const struct fname *fn = &names[ids[s->off + i]];
			sbuf_add(&b, fn->s, fn->len);
			if (i)
				sbuf_putc(&b, ';');
		}
		sbuf_putc(&b, ' ');
		sbuf_udec(&b, s->weight);
		sbuf_putc(&b, 0);
	}
	/* sorted, so that equal runs give equal files */
	sort_base = b.p;
	qsort(line, nstacks, sizeof(*line), line_cmp);
	bool ok = true;
	for (size_t k = 0; k < nstacks; k++)
		if (fprintf(f, "%s\n", b.p + line[k]) < 0)
			ok = false;
	free(line);
	sbuf_free(&b);
	return ok;
}
