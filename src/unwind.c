/* SPDX-License-Identifier: MIT */
/* -k: placeholder until the libunwind backend lands (src/unwind.c). */
#include "unwind.h"

void unwind_init(void) {}
void unwind_print(struct task *t) { (void)t; }
void unwind_invalidate(struct task *t) { (void)t; }
void unwind_task_free(struct task *t) { (void)t; }
void unwind_finish(void) {}
