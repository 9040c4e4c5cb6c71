/* SPDX-License-Identifier: MIT */
/* One system call of one thread, as decoders see it. */
#ifndef TATTLE_CALL_H
#define TATTLE_CALL_H
#include "systab.h"
#include "sbuf.h"
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

enum { PHASE_ENTRY, PHASE_EXIT };

struct task;

struct call {
	struct task *task;
	pid_t pid;		/* the thread's tid: umem reads from it */
	long nr;
	const struct sysent *se;	/* NULL for an unknown number */
	unsigned long args[6];
	long ret;		/* at exit: rax */
	bool failed;		/* ret is -errno */
	unsigned char ret_as;	/* 0, or RET_x + 1: a custom decoder's format for the
				 * return value (fcntl F_GETFL is hex, F_DUPFD an fd) */
	bool no_exit;		/* the call never returned (exit, execve success...) */
	unsigned char nprinted;	/* arguments printed at entry */
	unsigned long ip, sp;
	uint64_t t_entry, t_exit;	/* ns on opt.clock */
	uint64_t mono_entry;	/* ns, CLOCK_MONOTONIC, for durations */
	uint64_t stime_entry;	/* -c: the process' system time at entry (src/stats.h) */
	struct sbuf aux;	/* printed after the return value: "(Timeout)", "([...])" */
	unsigned long saved[4];	/* a decoder's notes from entry to exit */
};

/* the error number when the call failed, else 0 */
static inline int call_errno(const struct call *c)
{
	return c->failed ? (int)-c->ret : 0;
}
#endif
