/* SPDX-License-Identifier: MIT */
/* Helpers shared by the process, signal, time and memory families
 * (src/structs/{time,resource,signal,process}.c, src/custom/). */
#ifndef TATTLE_STRUCTS_PROC_H
#define TATTLE_STRUCTS_PROC_H
#include "structs.h"
#include <sys/time.h>
#include <time.h>

/* "2026-11-27T07:34:38+0000" in local time; ".frac" (digits wide) when frac != 0 */
void time_fmt_date(struct sbuf *b, long long sec, long frac, int digits);
/* " /\* DATE *\/" after the current item */
void time_emit_date_comment(struct emit *e, long long sec, long frac, int digits);
void time_emit_timespec(struct emit *e, const char *name, const struct timespec *ts);
void time_emit_timeval(struct emit *e, const char *name, const struct timeval *tv);

/* "[WIFEXITED(s) && WEXITSTATUS(s) == 0]" for a wait status */
void proc_format_wait_status(struct sbuf *b, int status);
/* struct sock_fprog: "{len=4, filter=0x...}" */
void proc_emit_sock_fprog(struct call *c, struct emit *e, const char *name, unsigned long addr);
/* mmap's flags: type, flags, huge page size */
void mem_emit_mmap_flags(struct emit *e, const char *name, unsigned long flags);

STRUCT_PRINTER(timespec);
STRUCT_PRINTER(timeval);
STRUCT_PRINTER(itimerspec);
STRUCT_PRINTER(rusage);
STRUCT_PRINTER(siginfo);
STRUCT_PRINTER(sigaction);
STRUCT_PRINTER(clone_args);
#endif
