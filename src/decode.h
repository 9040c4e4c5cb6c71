/* SPDX-License-Identifier: MIT */
/* Walks a call's descriptor: IN arguments at entry, OUT arguments and the
 * return value at exit, into the task's line (src/output.c). */
#ifndef TATTLE_DECODE_H
#define TATTLE_DECODE_H
#include "task.h"

/* the call's name: "openat", or "syscall_0x1c3" for a number without one */
void decode_put_name(struct sbuf *b, const struct call *c);
/* hold: keep the entry part back until exit (status filters decide then) */
void decode_entry(struct task *t, bool hold);
void decode_exit(struct task *t);
/* the call will never return (exit, the process died): "= ?" */
void decode_noreturn(struct task *t);
/* tattle lets go of the task inside a call: " <detached ...>" */
void decode_detached(struct task *t);
#endif
