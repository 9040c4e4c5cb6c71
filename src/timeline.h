/* SPDX-License-Identifier: MIT */
/* --timeline=FILE: the trace as Chrome trace-event JSON, for Perfetto and
 * chrome://tracing. Every call the trace shows is one complete ("X") event
 * on its pid/tid track, signals and exits are instant events, and each
 * process and thread is named by its comm. An extra sink: the text or JSON
 * Lines trace goes where it goes without it. */
#ifndef TATTLE_TIMELINE_H
#define TATTLE_TIMELINE_H
#include "task.h"
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

enum tl_end {
	TL_RETURNED,	/* the exit stop came */
	TL_NORETURN,	/* never will: exit_group, the task died, another thread's execve */
	TL_DETACHED,	/* tattle let go of the task inside the call */
};

/* opens opt.timeline, before anything is traced: a file that cannot be
 * created ends tattle with one line, exit status 1 */
void timeline_open(void);
/* the text backend's rendering of t's current call: its entry part
 * (first), then its exit part; the event carries it as "call". Under
 * --json, the call's typed "args" object, given whole (first) */
void timeline_text(struct task *t, const char *p, size_t n, bool first);
/* t's current call has ended (how): its event */
void timeline_call(struct task *t, enum tl_end how);
/* a signal delivered to t; si NULL: t stopped by sig (group-stop) */
void timeline_signal(struct task *t, int sig, const siginfo_t *si);
/* t has gone; text is the text trace's "exited with 0", "killed by SIGKILL" */
void timeline_exit(struct task *t, int status, const char *text, size_t n);
/* closes the array and the file; also run at exit (tattle's own errors),
 * so the file is valid JSON however tattle ends; once only */
void timeline_finish(void);
#endif
