/* SPDX-License-Identifier: MIT */
/* -c/-C: counts, errors and times per syscall; the strace table at exit. */
#ifndef TATTLE_STATS_H
#define TATTLE_STATS_H
#include "task.h"
#include <stdint.h>

void stats_init(void);
/* one finished traced call; dur_ns is entry to exit stop (wall clock) */
void stats_add(struct task *t, const struct call *c, uint64_t dur_ns);
/* the table(s) into the main output */
void stats_print(void);
/* --summary-interval: called from the main loop; prints when due */
void stats_tick(void);
/* the task is gone (for --summary-by) */
void stats_task_gone(struct task *t);
#endif
