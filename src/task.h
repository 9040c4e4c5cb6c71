/* SPDX-License-Identifier: MIT */
/* Per-thread state, found by tid in a hash table: never a scan per stop. */
#ifndef TATTLE_TASK_H
#define TATTLE_TASK_H
#include "call.h"
#include "sbuf.h"
#include <stdbool.h>
#include <sys/types.h>

struct outfile;

enum task_flags {
	T_INSYSCALL = 1,	/* between entry and exit stops */
	T_TRACED_CALL = 2,	/* the current call passed the filter */
	T_HIDDEN = 4,		/* before the started command's execve: show nothing */
	T_ATTACHED = 8,		/* came in through -p (detach, never kill) */
	T_GROUPSTOP = 16,	/* in group-stop (PTRACE_LISTEN) */
	T_UNFINISHED = 32,	/* its line was cut by another's: resume with <... name resumed> */
	T_STARTED = 64,		/* the first stop has been seen */
	T_DETACHING = 128,	/* PTRACE_INTERRUPT sent to detach it */
	T_SECCOMP_EXIT = 256,	/* under seccomp: this call's exit stop was requested */
	T_LINE_HELD = 512,	/* the entry part is held in line (status filters) */
	T_RESTART_BLOCK = 1024,	/* the last call was interrupted with ERESTART_RESTARTBLOCK */
	T_GONE = 2048,		/* it has exited: its last lines are being written */
	T_LAZY_ENTRY = 4096,	/* -c: its entry stop was let through unread (tracer.c) */
	T_TL_NAMED = 8192,	/* --timeline: its comm has been written (again after execve) */
	T_TAMPERED = 16384,	/* an -e inject= rule fired on the current call (src/inject.c) */
};

struct task {
	pid_t tid;
	pid_t tgid;
	struct task *hnext;	/* hash chain */
	struct task *next, *prev;	/* all tasks, for detach at exit only */
	unsigned flags;
	struct call call;
	struct sbuf line;	/* the current output line */
	struct outfile *out;
	long last_nr;		/* for restart_syscall's "resuming interrupted NAME" */
	void *unwind;		/* -k state (src/unwind.c) */
	void *stats;		/* --summary-by state (src/stats.c) */
	struct sbuf tl_text;	/* --timeline: the current call's text (src/timeline.c) */
	unsigned long ncalls;
	unsigned *inject_count;	/* -e inject=: invocations per syscall number */
	unsigned char tamper;	/* TAMPER_* of the current call when T_TAMPERED */
	unsigned char comm_len;	/* -Y: the last comm read for the line prefix, */
	char comm[16];		/* kept for lines printed after it is reaped */
};

struct task *task_find(pid_t tid);
struct task *task_new(pid_t tid, pid_t tgid);
void task_free(struct task *t);
/* moves t to another tid (a non-leader's execve takes the leader's tid) */
void task_retid(struct task *t, pid_t tid);
extern struct task *task_list;	/* head of all tasks */
extern unsigned task_count;
extern unsigned process_count;	/* distinct thread groups seen, for [pid N] prefixes */
#endif
