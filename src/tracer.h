/* SPDX-License-Identifier: MIT */
/* Starting and attaching, the wait loop, ptrace events, detaching. */
#ifndef TATTLE_TRACER_H
#define TATTLE_TRACER_H

/* forks and seizes the command, or attaches to -p pids; exits 1 on error */
void tracer_start(void);
/* waits and dispatches until nothing is traced; returns the exit status */
int tracer_loop(void);
/* detaches (or kills, --kill-on-exit) every task now */
void tracer_detach_all(void);
/* lets a stopped task run on (PTRACE_SYSCALL, or PTRACE_CONT between
 * seccomp stops), delivering sig if not 0 */
struct task;
void tracer_resume(struct task *t, int sig);
/* asks the loop to stop tracing (--syscall-limit) */
void tracer_request_detach(void);
#endif
