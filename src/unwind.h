/* SPDX-License-Identifier: MIT */
/* -k: the tracee's stack at a traced call, after its line (src/unwind.c). */
#ifndef TATTLE_UNWIND_H
#define TATTLE_UNWIND_H
#include "sbuf.h"
#include "task.h"
#include <stdbool.h>

void unwind_init(void);
/* appends " > file(sym+0xoff) [0xaddr]" lines for t's current stop */
void unwind_print(struct task *t);
/* --json: appends the call's stack to its record, before the record is
 * written: ,"stack":[{"file":..,"func":..,"off":N,"addr":N},..], and
 * ,"stack_truncated":true. returned: the call's exit, where this is the
 * walk unwind_print() then leaves out (counted in --stack-folded here);
 * else (exit_group, a call cut off) only a stack captured at entry. */
void unwind_json_call(struct task *t, struct sbuf *b, bool returned);
/* --json: the same for a signal record, not counted in --stack-folded */
void unwind_json_signal(struct task *t, struct sbuf *b);
/* after a signal line: the same, not counted in --stack-folded */
void unwind_print_signal(struct task *t);
/* at a traced call's entry: execve and exit keep the stack they are
 * called from, to print after the call as strace does */
void unwind_capture(struct task *t);
/* the address space changed: mmap, munmap, mremap, mprotect, brk, execve */
void unwind_invalidate(struct task *t);
void unwind_task_free(struct task *t);
/* --stack-folded: writes the aggregated stacks */
void unwind_finish(void);
#endif
