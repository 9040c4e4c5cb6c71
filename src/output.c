/* SPDX-License-Identifier: MIT */
#include "output.h"
#include "argtypes.h"
#include "emit_json.h"
#include "options.h"
#include "timefmt.h"
#include "util.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FLUSH_AT (64 * 1024)

static struct outfile main_out = { .fd = 2 };
static struct outfile *ff_files;	/* -ff: every per-thread file */
volatile int output_flush_due;
static int timer_armed;
bool output_shared;
static struct sigaction pipe_orig;

void output_restore_signals(void)
{
	sigaction(SIGPIPE, &pipe_orig, NULL);
}

bool output_write_fd(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return false;	/* the reader went away (EPIPE): drop, keep tracing */
		}
		p += w;
		n -= (size_t)w;
	}
	return true;
}

static void flush(struct outfile *o)
{
	if (o->buf.len) {
		output_write_fd(o->fd, o->buf.p, o->buf.len);
		o->buf.len = 0;
	}
}

static void on_alarm(int sig)
{
	(void)sig;
	output_flush_due = 1;
	timer_armed = 0;
}

static int open_file(const char *path)
{
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (opt.append ? O_APPEND : O_TRUNC);
	int fd = open(path, flags, 0666);
	if (fd < 0)
		die_errno("Can't fopen '%s'", path);
	return fd;
}

static void open_pipe(struct outfile *o, const char *cmd)
{
	int p[2];
	if (pipe2(p, O_CLOEXEC) < 0)
		die_errno("pipe");
	pid_t pid = fork();
	if (pid < 0)
		die_errno("fork");
	if (pid == 0) {
		dup2(p[0], 0);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(p[0]);
	o->fd = p[1];
	o->pipe_pid = pid;
}

void output_init(void)
{
	if (opt.outfile) {
		const char *f = opt.outfile;
		if (f[0] == '|' || f[0] == '!') {
			if (opt.follow > 1)
				die("piping the output and -ff are mutually exclusive");
			open_pipe(&main_out, f + 1);
		} else if (opt.follow < 2) {
			main_out.fd = open_file(f);
		} else {
			/* -ff: check now that FILE.PID can be created, before tracing */
			char probe[4096];
			snprintf(probe, sizeof(probe), "%s.%d", f, (int)getpid());
			close(open_file(probe));
			unlink(probe);
		}
	}
	main_out.tty = isatty(main_out.fd);
	output_shared = !opt.outfile;
	/* a reader that goes away must not kill the tracer; the command gets
	 * back what tattle was given (output_restore_signals) */
	struct sigaction ign;
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &pipe_orig);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;	/* no SA_RESTART: it must cut waitpid short */
	sigaction(SIGALRM, &sa, NULL);
}

struct outfile *output_of(struct task *t)
{
	if (t->out)
		return t->out;
	if (opt.follow < 2 || !opt.outfile) {
		t->out = &main_out;
		return t->out;
	}
	char path[4096];
	snprintf(path, sizeof(path), "%s.%d", opt.outfile, (int)t->tid);
	struct outfile *o = xcalloc(1, sizeof(*o));
	o->fd = open_file(path);
	o->next = ff_files;
	ff_files = o;
	t->out = o;
	return o;
}

void output_flush_shared(void)
{
	flush(&main_out);
}

void output_flush_all(void)
{
	flush(&main_out);
	for (struct outfile *o = ff_files; o; o = o->next)
		flush(o);
	output_flush_due = 0;
}

void output_idle(void)
{
	if (output_flush_due) {
		output_flush_all();
		return;
	}
	if (main_out.tty) {
		flush(&main_out);
		return;
	}
	if (!timer_armed && (main_out.buf.len || ff_files)) {
		struct itimerval it = { { 0, 0 }, { 0, 100000 } };
		timer_armed = 1;
		setitimer(ITIMER_REAL, &it, NULL);
	}
}

void output_finish(void)
{
	struct itimerval off = { { 0, 0 }, { 0, 0 } };
	setitimer(ITIMER_REAL, &off, NULL);
	for (struct task *t = task_list; t; t = t->next)
		if (t->out && t->out->open == t)
			sbuf_putc(&t->out->buf, '\n');
	output_flush_all();
	for (struct outfile *o = ff_files; o; o = o->next)
		close(o->fd);
	if (main_out.pipe_pid) {
		close(main_out.fd);
		waitpid(main_out.pipe_pid, NULL, 0);
	}
}

/* ---- lines ---- */

/* -Y: "<comm>" of t in its line prefix. The last name read is kept, so the
 * "+++ exited" line of a task its tracer has already reaped still has it */
static void prefix_comm(struct sbuf *b, struct task *t)
{
	if (!(opt.decode_pids & DECODE_PID_COMM))
		return;
	char comm[64];
	size_t n = pid_comm_read(t->tid, comm, sizeof(comm));
	if (n) {
		t->comm_len = (unsigned char)(n < sizeof(t->comm) ? n : sizeof(t->comm));
		memcpy(t->comm, comm, t->comm_len);
	} else {
		n = t->comm_len;
		memcpy(comm, t->comm, n);
	}
	pid_comm_put(b, comm, n);
}

static void put_prefix(struct task *t, struct sbuf *b, uint64_t ts)
{
	if (opt.outfile && opt.follow == 1) {
		size_t start = b->len;
		sbuf_dec(b, t->tid);
		prefix_comm(b, t);	/* -Y: "1234<sh> " */
		while (b->len - start < 5)
			sbuf_putc(b, ' ');
		sbuf_putc(b, ' ');
	} else if (opt.follow < 2 && task_count > 1) {
		char tmp[32];
		snprintf(tmp, sizeof(tmp), "[pid %5d", (int)t->tid);
		sbuf_puts(b, tmp);
		prefix_comm(b, t);	/* -Y: "[pid  1234<sh>] " */
		sbuf_add(b, "] ", 2);
	}
	if (opt.tflag || opt.rflag)
		timefmt_prefix(b, ts);
	/* -n and -i lead every line of the task, strace's way: the number of
	 * its last call, and its ip (unknown once it has exited) */
	if (opt.print_nr || opt.print_ip) {
		char tmp[48];
		if (opt.print_nr) {
			snprintf(tmp, sizeof(tmp), "[%4ld] ", t->call.nr);
			sbuf_puts(b, tmp);
		}
		if (opt.print_ip) {
			if (t->flags & T_GONE)
				snprintf(tmp, sizeof(tmp), "[????????????????] ");
			else
				snprintf(tmp, sizeof(tmp), "[%016lx] ", t->call.ip);
			sbuf_puts(b, tmp);
		}
	}
}

void line_begin(struct task *t, uint64_t ts)
{
	t->line.len = 0;
	put_prefix(t, &t->line, ts);
}

/* writes data as (part of) t's line; cuts another task's open line */
static void put(struct task *t, const char *p, size_t n)
{
	struct outfile *o = output_of(t);
	if (o->open && o->open != t) {
		sbuf_add(&o->buf, " <unfinished ...>\n", 18);
		o->open->flags |= T_UNFINISHED;
		o->open = NULL;
	}
	sbuf_add(&o->buf, p, n);
}

static void maybe_flush(struct outfile *o)
{
	if (o->buf.len >= FLUSH_AT)
		flush(o);
}

static size_t open_col;	/* column at the end of the open line's text */

void line_entry_done(struct task *t, bool hold)
{
	if (hold) {
		t->flags |= T_LINE_HELD;
		return;
	}
	struct outfile *o = output_of(t);
	put(t, t->line.p, t->line.len);
	o->open = t;
	t->flags &= ~T_UNFINISHED;
	/* the column is needed only for the one open line per output */
	if (o == &main_out)
		open_col = t->line.len;
	else
		t->call.saved[3] = t->line.len;
	t->line.len = 0;
	maybe_flush(o);
}

static size_t base_col;	/* text of t's line already written (entry part) */

void line_resume(struct task *t, const char *name)
{
	struct outfile *o = output_of(t);
	if (t->flags & T_LINE_HELD) {
		base_col = 0;
		return;
	}
	if (o->open == t && !(t->flags & T_UNFINISHED)) {
		t->line.len = 0;
		base_col = o == &main_out ? open_col : t->call.saved[3];
		return;
	}
	line_begin(t, t->call.t_exit ? t->call.t_exit : t->call.t_entry);
	sbuf_add(&t->line, "<... ", 5);
	sbuf_puts(&t->line, name);
	sbuf_add(&t->line, " resumed>", 9);
	base_col = 0;
	t->flags &= ~T_UNFINISHED;
}

bool line_is_open(struct task *t)
{
	return output_of(t)->open == t && !(t->flags & T_UNFINISHED);
}

size_t line_column(struct task *t)
{
	return base_col + t->line.len;
}

void line_pad_result(struct task *t)
{
	/* strace: ") " then pad to the column then "= ": short lines put '='
	 * at the column, long ones get a single space */
	sbuf_putc(&t->line, ' ');
	size_t col = line_column(t);
	if (col < (size_t)opt.acolumn) {
		size_t n = (size_t)opt.acolumn - col;
		if (t->line.len + n > t->line.cap)
			sbuf_grow(&t->line, n);
		memset(t->line.p + t->line.len, ' ', n);
		t->line.len += n;
	}
	sbuf_add(&t->line, "= ", 2);
}

void line_commit(struct task *t)
{
	struct outfile *o = output_of(t);
	sbuf_putc(&t->line, '\n');
	if (o->open == t && !(t->flags & T_LINE_HELD)) {
		sbuf_add(&o->buf, t->line.p, t->line.len);
	} else {
		put(t, t->line.p, t->line.len);
	}
	o->open = NULL;
	t->flags &= ~(T_LINE_HELD | T_UNFINISHED);
	t->line.len = 0;
	maybe_flush(o);
}

void line_discard(struct task *t)
{
	t->flags &= ~T_LINE_HELD;
	t->line.len = 0;
}

void line_message(struct task *t, const char *text, size_t len)
{
	if (opt.json_trace) {
		json_message(t, "message", text, len);
		return;
	}
	struct sbuf *b = &t->line;
	size_t keep = b->len;
	/* build after any held text, then cut it out */
	uint64_t now = 0;
	if (opt.tflag || opt.rflag) {
		struct timespec ts;
		clock_gettime(opt.clock, &ts);
		now = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	}
	put_prefix(t, b, now);
	sbuf_add(b, text, len);
	sbuf_putc(b, '\n');
	struct outfile *o = output_of(t);
	if (o->open == t) {
		/* its own line is open (a signal stop inside a call): cut it too */
		sbuf_add(&o->buf, " <unfinished ...>\n", 18);
		t->flags |= T_UNFINISHED;
		o->open = NULL;
	}
	put(t, b->p + keep, b->len - keep);
	b->len = keep;
	maybe_flush(o);
}

void line_raw(struct task *t, const char *p, size_t n)
{
	if (opt.json_trace) {
		json_message(t, "message", p, n);
		return;
	}
	line_record(t, p, n);
}

void line_record(struct task *t, const char *p, size_t n)
{
	put(t, p, n);
	maybe_flush(output_of(t));
}

void output_write_main(const char *p, size_t n)
{
	if (main_out.open) {
		sbuf_add(&main_out.buf, " <unfinished ...>\n", 18);
		main_out.open->flags |= T_UNFINISHED;
		main_out.open = NULL;
	}
	sbuf_add(&main_out.buf, p, n);
	flush(&main_out);
}
