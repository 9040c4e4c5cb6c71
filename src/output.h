/* SPDX-License-Identifier: MIT */
/* Line assembly and output files: prefixes, <unfinished ...> and
 * <... resumed>, -o / -ff / -o |cmd, buffering and when to flush. */
#ifndef TATTLE_OUTPUT_H
#define TATTLE_OUTPUT_H
#include "task.h"
#include <stdbool.h>
#include <stdint.h>

struct outfile {
	int fd;
	struct sbuf buf;
	struct task *open;	/* whose line is unterminated at the end of buf */
	bool tty;
	pid_t pipe_pid;		/* -o |cmd */
	struct outfile *next;
};

void output_init(void);
/* all of p to fd, across short writes and EINTR; on an error (the reader
 * went away, a full disk) the rest is dropped, tracing goes on, and the
 * answer is false (errno says why) */
bool output_write_fd(int fd, const char *p, size_t n);
/* in the started command before exec: the signal dispositions tattle had */
void output_restore_signals(void);
/* flushes every output; closes them at the end */
void output_flush_all(void);
void output_finish(void);
/* the output of a task (-ff: its own file, opened on first use) */
struct outfile *output_of(struct task *t);
/* called before tattle blocks in waitpid: flush terminals now, files
 * within 100 ms */
void output_idle(void);
extern volatile int output_flush_due;	/* set by the flush timer */
/* The trace goes to tattle's stderr, which the command inherits: what is
 * written must be out before a tracee runs on, so that the trace and the
 * command's own output interleave in the order they happened ("write(2,
 * "x", 1x) = 1"), as strace's do. An -o file is buffered instead. */
extern bool output_shared;
void output_flush_shared(void);
static inline void output_before_resume(void)
{
	if (__builtin_expect(output_shared, 0))
		output_flush_shared();
}

/* t->line := prefix ([pid N], timestamps, -i) for a line starting at ts */
void line_begin(struct task *t, uint64_t ts);
/* the entry part is complete in t->line: write it now (or hold it when
 * status filters decide at exit) */
void line_entry_done(struct task *t, bool hold);
/* before the exit part: continues the open line, or starts
 * "<... name resumed>" when another line came between */
void line_resume(struct task *t, const char *name);
/* pads to column -a and appends " = "; the caller appends the value */
void line_pad_result(struct task *t);
/* terminates and writes t->line */
void line_commit(struct task *t);
/* drops a held line (it did not pass a status filter) */
void line_discard(struct task *t);
/* a whole line of its own: "--- SIGINT {...} ---", "+++ exited with 0 +++" */
void line_message(struct task *t, const char *text, size_t len);
/* whole lines of t's, as they are, after its last line (-k frames) */
void line_raw(struct task *t, const char *p, size_t n);
/* the same, never rendered again: a JSON record */
void line_record(struct task *t, const char *p, size_t n);
/* a block of text of its own into the main output (summaries), flushed */
void output_write_main(const char *p, size_t n);
/* t's line is the unterminated last line of its output */
bool line_is_open(struct task *t);
/* the column where the current output line of t ends */
size_t line_column(struct task *t);
#endif
