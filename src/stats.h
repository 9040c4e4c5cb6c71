/* SPDX-License-Identifier: MIT */
/* -c/-C: counts, errors and times per syscall, printed as strace's table,
 * with percentiles, histograms, per-process tables and periodic output. */
#ifndef TATTLE_STATS_H
#define TATTLE_STATS_H
#include "task.h"
#include <stdbool.h>
#include <stdint.h>

/* validates -S/-U/--histogram/... (exit 1 on a bad value) and sets up */
void stats_init(void);

/* The default time of the table is strace's: the system CPU time of the
 * traced process between the entry and the exit stop, as wait4() reports
 * it with each stop. When stats_want_rusage is set the tracer passes a
 * struct rusage to wait4 and stores ru_stime (ns) in stats_stime_now
 * before it handles the stop. */
extern bool stats_want_rusage;
extern uint64_t stats_stime_now;
/* at the entry stop of a traced call */
static inline void stats_enter(struct call *c)
{
	c->stime_entry = stats_stime_now;
}
/* at the exit stop: one finished traced call; dur_ns is the wall-clock
 * time from the entry stop to the exit stop */
void stats_add(struct task *t, const struct call *c, uint64_t dur_ns);

/* the table(s) into the main output, at the end */
void stats_print(void);
/* --summary-interval: called by the main loop before it blocks; prints
 * the tables (so far) when an interval has passed */
void stats_tick(void);
/* the task is gone (--summary-by=pid: its pid may be reused) */
void stats_task_gone(struct task *t);
#endif
