/* SPDX-License-Identifier: MIT */
/* -k without libunwind: options.c refuses -k, so these are never called. */
#include "unwind.h"

void unwind_init(void) {}
void unwind_print(struct task *t) { (void)t; }
void unwind_json_call(struct task *t, struct sbuf *b, bool returned) { (void)t; (void)b; (void)returned; }
void unwind_json_signal(struct task *t, struct sbuf *b) { (void)t; (void)b; }
void unwind_print_signal(struct task *t) { (void)t; }
void unwind_capture(struct task *t) { (void)t; }
void unwind_invalidate(struct task *t) { (void)t; }
void unwind_task_free(struct task *t) { (void)t; }
void unwind_finish(void) {}
