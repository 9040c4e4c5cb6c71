/* SPDX-License-Identifier: MIT */
/* The JSON Lines backend (--json): the emitter's typed values as JSON, and
 * the records around them, one object per line. */
#ifndef TATTLE_EMIT_JSON_H
#define TATTLE_EMIT_JSON_H
#include "emit.h"
#include "task.h"
#include <signal.h>

/* a JSON string of n bytes: escapes, and bytes that are not UTF-8 as
 * \u00XX (their Latin-1 reading), so any tracee data gives valid JSON */
void json_quote(struct sbuf *b, const char *s, size_t n);

/* records: a call is begun into t->line at entry (up to and including
 * "args":{) and ended at exit, then written whole */
void json_call_begin(struct task *t);
enum json_end { JSON_RETURNED, JSON_NORETURN, JSON_DETACHED };
void json_call_end(struct task *t, struct emit *e, enum json_end how);
/* "ret":V, with ,"errno":"NAME" when the call failed and ,"ret_info":"..."
 * when it says more (the timeline's events share these) */
void json_put_result(struct sbuf *b, const struct call *c);
/* "status":N, or "killed_by":"SIGX","core_dumped":B */
void json_put_exit(struct sbuf *b, int status);
void json_signal(struct task *t, int sig, const siginfo_t *si);
void json_stopped(struct task *t, int sig);
void json_exit(struct task *t, int status);
/* any other message or text block, as {"type":"message","text":...} */
void json_message(struct task *t, const char *type, const char *text, size_t len);
#endif
