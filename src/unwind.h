/* SPDX-License-Identifier: MIT */
/* -k: the tracee's stack at a traced call, after its line (src/unwind.c). */
#ifndef TATTLE_UNWIND_H
#define TATTLE_UNWIND_H
#include "task.h"

void unwind_init(void);
/* appends " > file(sym+0xoff) [0xaddr]" lines for t's current stop */
void unwind_print(struct task *t);
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
