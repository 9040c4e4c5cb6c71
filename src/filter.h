/* SPDX-License-Identifier: MIT */
/* What is shown: -e trace/raw/verbose/abbrev/signal/status/read/write,
 * -z/-Z, -P, --trace-fds, --min-duration. Everything is compiled once, by
 * filter_init(), into tables over syscall numbers (and signals), so the
 * question a stop asks is one load; only -P and --trace-fds look at the
 * arguments. */
#ifndef TATTLE_FILTER_H
#define TATTLE_FILTER_H
#include "call.h"
#include <stdbool.h>
#include <stdint.h>

struct task;

/* Parses every filter option; an invalid one exits 1 here, before anything
 * is started or attached. */
void filter_init(void);
/* a syscall set as -e trace= reads it, into sel[nr]; exits 1 when invalid */
void filter_select(const char *str, bool sel[SYSCALL_MAX]);
/* a signal by name (SIGUSR1, usr1, RTMIN, RT_3) or number 0..255; -1 if none */
int filter_signal_number(const char *tok);
/* --list-classes: what each %class holds, from the signature tables */
void classes_list(void);

/* per syscall number: QF_* bits */
enum {
	QF_TRACE = 1,		/* -e trace= */
	QF_RAW = 2,		/* -e raw= */
	QF_VERBOSE = 4,		/* -e verbose= (default all) */
	QF_ABBREV = 8,		/* -e abbrev= (default all; -v: none) */
	QF_STOP = 16,		/* the tracee must stop here (the seccomp set) */
	QF_FDEXIT = 32,		/* -P: the exit changes the fd table */
	QF_EXIT = 64,		/* the tracer needs the exit even of an untraced
				 * call (QF_FDEXIT; -k: calls that change the
				 * mappings): under seccomp it must stop there */
	QF_INJECT = 128,	/* -e inject=/fault= names it (src/inject.c) */
};
extern unsigned char filter_sys[SYSCALL_MAX];
/* the bits of numbers no table names: past the table, 32-bit (int 0x80)
 * and x32 calls; like the holes of the table they are always traced, as
 * strace 6.1 shows syscall_0x3e8 even under -e trace=none */
extern unsigned char filter_other;
/* every number, known or not, is traced: no -e trace restriction */
extern bool filter_all_traced;

static inline unsigned filter_bits(long nr, bool compat)
{
	if (!compat && nr >= 0 && nr < SYSCALL_MAX)
		return filter_sys[nr];
	return filter_other;
}
/* the -e trace= set alone; compat: a 32-bit or x32 call (regs_last_compat) */
static inline bool filter_traced_nr(long nr, bool compat)
{
	return filter_bits(nr, compat) & QF_TRACE;
}
static inline bool filter_traced(long nr) { return filter_traced_nr(nr, false); }
static inline bool filter_raw(long nr) { return filter_bits(nr, false) & QF_RAW; }
static inline bool filter_verbose(long nr) { return filter_bits(nr, false) & QF_VERBOSE; }
static inline bool filter_abbrev(long nr) { return filter_bits(nr, false) & QF_ABBREV; }

/* -P or --trace-fds: a traced call is shown only when its arguments name
 * one of the paths or use one of the fds (filter_args_match at entry) */
extern bool filter_by_args;
/* -P: fd tables are followed; filter_fd_exit() must see the exit of every
 * call with QF_FDEXIT, traced or not */
extern bool filter_track_fds;
bool filter_args_match(struct task *t);
void filter_fd_exit(struct task *t);
/* the process of t is gone (its leader exited): forget its fd table */
void filter_task_gone(struct task *t);

/* signals shown as --- SIG ... --- lines (-e signal=) */
bool filter_signal(int sig);

/* -e status= words */
enum {
	STATUS_SUCCESSFUL = 1, STATUS_FAILED = 2, STATUS_UNFINISHED = 4,
	STATUS_UNAVAILABLE = 8, STATUS_DETACHED = 16, STATUS_ALL = 31,
};
extern unsigned filter_status;
/* the entry part of a line must wait for the exit: a status set other
 * than all, or --min-duration */
extern bool filter_hold;
/* at the exit of a held line: does the finished call pass status and
 * --min-duration (dur in ns)? */
bool filter_exit_ok(const struct call *c, uint64_t dur);
/* a held call that will never return (its process is gone, execve in
 * another thread): is it shown, "= ?"? elapsed: ns since its entry */
bool filter_unfinished_ok(uint64_t elapsed);
/* a held call cut by tattle's detach: shown with <detached ...>? */
static inline bool filter_detached_ok(void) { return filter_status & STATUS_DETACHED; }
/* older name of filter_exit_ok without the duration */
bool filter_status_ok(const struct call *c);

/* -e read=SET / -e write=SET: descriptors whose data is dumped in hex */
bool filter_dump_read(int fd);
bool filter_dump_write(int fd);
extern bool filter_dumps;	/* either set is non-empty */
#endif
