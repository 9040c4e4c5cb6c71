/* SPDX-License-Identifier: MIT */
/* -c: per-syscall counts, errors and times, printed as strace's table. */
#include "stats.h"
#include "options.h"
#include "output.h"
#include "util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sc_stats {
	unsigned long calls, errors;
	uint64_t ns;
};

static struct sc_stats *tab;

void stats_init(void)
{
	if (opt.summary)
		tab = xcalloc(SYSCALL_MAX, sizeof(*tab));
}

void stats_add(struct task *t, const struct call *c, uint64_t dur_ns)
{
	(void)t;
	if (c->nr < 0 || c->nr >= SYSCALL_MAX)
		return;
	struct sc_stats *s = &tab[c->nr];
	s->calls++;
	s->errors += c->failed;
	s->ns += dur_ns;
}

static int cmp_time(const void *a, const void *b)
{
	const struct sc_stats *x = &tab[*(const int *)a], *y = &tab[*(const int *)b];
	if (x->ns != y->ns)
		return x->ns < y->ns ? 1 : -1;
	return *(const int *)a - *(const int *)b;
}

void stats_print(void)
{
	int idx[SYSCALL_MAX], n = 0;
	uint64_t total_ns = 0;
	unsigned long calls = 0, errors = 0;
	for (int nr = 0; nr < SYSCALL_MAX; nr++)
		if (tab[nr].calls) {
			idx[n++] = nr;
			total_ns += tab[nr].ns;
			calls += tab[nr].calls;
			errors += tab[nr].errors;
		}
	qsort(idx, (size_t)n, sizeof(int), cmp_time);
	struct sbuf b = { 0 };
	sbuf_printf(&b, "%6.6s %11.11s %11.11s %9.9s %9.9s %s\n", "% time", "seconds", "usecs/call", "calls", "errors", "syscall");
	sbuf_printf(&b, "------ ----------- ----------- --------- --------- ----------------\n");
	for (int i = 0; i < n; i++) {
		struct sc_stats *s = &tab[idx[i]];
		double pct = total_ns ? 100.0 * (double)s->ns / (double)total_ns : 0;
		sbuf_printf(&b, "%6.2f %11.6f %11lu %9lu ", pct, (double)s->ns / 1e9,
			    (unsigned long)(s->ns / 1000 / s->calls), s->calls);
		if (s->errors)
			sbuf_printf(&b, "%9lu ", s->errors);
		else
			sbuf_printf(&b, "%9s ", "");
		sbuf_printf(&b, "%s\n", sysent[idx[i]].name);
	}
	sbuf_printf(&b, "------ ----------- ----------- --------- --------- ----------------\n");
	sbuf_printf(&b, "%6.2f %11.6f %11lu %9lu ", 100.0, (double)total_ns / 1e9,
		    calls ? (unsigned long)(total_ns / 1000 / calls) : 0, calls);
	if (errors)
		sbuf_printf(&b, "%9lu ", errors);
	else
		sbuf_printf(&b, "%9s ", "");
	sbuf_printf(&b, "total\n");
	output_write_main(b.p, b.len);
	sbuf_free(&b);
}

void stats_tick(void) {}
void stats_task_gone(struct task *t) { (void)t; }
