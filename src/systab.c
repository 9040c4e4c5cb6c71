/* SPDX-License-Identifier: MIT */
#include "systab.h"
#include <stdlib.h>
#include <string.h>

static int cmp_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct sysname *)elem)->name);
}

int systab_lookup(const char *name)
{
	const struct sysname *s = bsearch(name, sysname_index, sysname_count, sizeof(*s), cmp_name);
	return s ? s->nr : -1;
}

/* Levenshtein distance, bounded: names are short */
static unsigned distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned row[64];
	if (la >= 63 || lb >= 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned prev = row[0];
		row[0] = (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned cur = row[j];
			unsigned best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

const char *systab_suggest(const char *name)
{
	const char *best = NULL;
	unsigned bestd = 3;	/* farther than two edits is not a typo */
	for (unsigned i = 0; i < sysname_count; i++) {
		unsigned d = distance(name, sysname_index[i].name);
		if (d < bestd) {
			bestd = d;
			best = sysname_index[i].name;
		}
	}
	return best;
}
