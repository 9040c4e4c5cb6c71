/* SPDX-License-Identifier: MIT */
/* -e expressions, -z/-Z, -P, --trace-fds: compiled once into bitsets over
 * syscall numbers (and signals), so the per-stop question is one load. */
#ifndef TATTLE_FILTER_H
#define TATTLE_FILTER_H
#include "call.h"
#include <stdbool.h>

/* parses opt.quals and friends; unknown names and bad sets exit 1 here,
 * before anything is started */
void filter_init(void);

enum { QF_TRACE = 1, QF_RAW = 2, QF_VERBOSE = 4, QF_ABBREV = 8, QF_READ = 16, QF_WRITE = 32 };
extern unsigned char filter_sys[SYSCALL_MAX];	/* QF_* bits per number */
extern bool filter_trace_unknown;	/* numbers past the table: traced? */
extern bool filter_all_traced;		/* no trace= restriction at all */

static inline bool filter_traced(long nr)
{
	if (nr >= 0 && nr < SYSCALL_MAX)
		return filter_sys[nr] & QF_TRACE;
	return filter_trace_unknown;
}
static inline bool filter_raw(long nr) { return nr >= 0 && nr < SYSCALL_MAX && (filter_sys[nr] & QF_RAW); }
static inline bool filter_verbose(long nr)
{
	return nr >= 0 && nr < SYSCALL_MAX && (filter_sys[nr] & QF_VERBOSE);
}

/* signals shown as --- SIG ... --- lines */
bool filter_signal(int sig);
/* the line must wait for the exit stop: a status filter, -z/-Z, -P, fds, min-duration */
extern bool filter_hold;
/* at exit, for a held line: does the finished call pass? */
bool filter_status_ok(const struct call *c);
/* -e status=unfinished etc: show calls cut by the process' end */
extern bool filter_show_unfinished;
#endif
