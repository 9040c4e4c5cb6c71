/* SPDX-License-Identifier: MIT */
/* --timeline=FILE: Chrome trace-event JSON (the "JSON Object Format" that
 * Perfetto and chrome://tracing load):
 *
 *   {"traceEvents":[
 *   {"ph":"M","name":"process_name","pid":P,"tid":P,"args":{"name":"ls"}},
 *   {"ph":"M","name":"thread_name","pid":P,"tid":T,"args":{"name":"ls"}},
 *   {"ph":"X","cat":"syscall","name":"openat","ts":12.345,"dur":3.210,"pid":P,"tid":T,
 *    "args":{"ret":3,"call":"openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY)"}},
 *   {"ph":"i","s":"t","cat":"signal","name":"SIGCHLD","ts":..,"pid":P,"tid":T,
 *    "args":{"siginfo":"{si_signo=SIGCHLD, ...}"}},
 *   {"ph":"i","s":"t","cat":"exit","name":"exited with 0",...,"args":{"status":0}}
 *   ],"displayTimeUnit":"ns","otherData":{"tool":"tattle 0.1.0"}}
 *
 * ts and dur are microseconds (three decimals: nanoseconds) since tattle
 * opened the file, on CLOCK_MONOTONIC. An event is written when its call
 * ends, so events are in order of their end, not their start. A call that
 * failed has "errno"; one that never returned "ret":null with
 * "unfinished":true, or "detached":true when tattle let go of it inside the
 * call; its event ends where it ended. Under --json the event has the
 * call's typed "args" object instead of its text.
 *
 * The events go to a buffer written out in large blocks; the names come
 * from /proc/TID/comm once per task and again after its execve. */
#include "timeline.h"
#include "argtypes.h"
#include "emit.h"
#include "emit_json.h"
#include "decode.h"
#include "options.h"
#include "output.h"
#include "structs/structs.h"
#include "util.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define TL_FLUSH_AT (1024 * 1024)

static int tl_fd = -1;
static struct sbuf out;		/* events not written yet */
static uint64_t t0;		/* CLOCK_MONOTONIC ns at the file's start */
static bool any;		/* an event is in the array: the next needs a comma */
static bool write_failed;	/* said once; the file is cut short */
static struct sbuf scratch;	/* text built for a cold-path event (signals, names) */

static uint64_t mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void atexit_finish(void)
{
	timeline_finish();
}

void timeline_open(void)
{
	tl_fd = open(opt.timeline, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (tl_fd < 0)
		die_errno("Can't fopen '%s'", opt.timeline);
	t0 = mono_now();
	sbuf_grow(&out, TL_FLUSH_AT + 64 * 1024);
	sbuf_puts(&out, "{\"traceEvents\":[\n");
	atexit(atexit_finish);
}

static void flush(void)
{
	if (!output_write_fd(tl_fd, out.p, out.len) && !write_failed) {
		write_failed = true;
		warn_errno("--timeline: %s", opt.timeline);
	}
	out.len = 0;
}

/* "name":... and the rest of an event's common keys are written by hand:
 * every key and the syscall and signal names are plain ASCII */
static void event_begin(const char *ph)
{
	if (any)
		sbuf_add(&out, ",\n", 2);
	any = true;
	sbuf_puts(&out, "{\"ph\":\"");
	sbuf_puts(&out, ph);
	sbuf_putc(&out, '"');
}

static void event_end(void)
{
	sbuf_putc(&out, '}');
	if (out.len >= TL_FLUSH_AT)
		flush();
}

static void put_ids(const struct task *t)
{
	sbuf_puts(&out, ",\"pid\":");
	sbuf_dec(&out, t->tgid);
	sbuf_puts(&out, ",\"tid\":");
	sbuf_dec(&out, t->tid);
}

/* microseconds with three decimals, without printf */
static void put_us(const char *key, uint64_t ns)
{
	static const char digits[] = "0123456789";
	sbuf_puts(&out, key);
	sbuf_udec(&out, ns / 1000);
	unsigned frac = (unsigned)(ns % 1000);
	char f[4] = { '.', digits[frac / 100], digits[frac / 10 % 10], digits[frac % 10] };
	sbuf_add(&out, f, 4);
}

static void put_ts(uint64_t mono)
{
	put_us(",\"ts\":", mono > t0 ? mono - t0 : 0);
}

/* ---- names ---- */

static void put_name_event(const struct task *t, const char *what, const char *name, size_t n)
{
	event_begin("M");
	sbuf_puts(&out, ",\"name\":\"");
	sbuf_puts(&out, what);
	sbuf_putc(&out, '"');
	put_ids(t);
	sbuf_puts(&out, ",\"args\":{\"name\":");
	/* the tracee chose it (prctl PR_SET_NAME): any bytes */
	json_quote(&out, name, n);
	sbuf_putc(&out, '}');
	event_end();
}

/* once per task, and again after its execve (tracer.c clears the flag):
 * the comm as the thread's name, and the leader's as the process' */
static void name_task(struct task *t)
{
	char comm[64], lead[64];
	t->flags |= T_TL_NAMED;
	size_t n = pid_comm_read(t->tid, comm, sizeof(comm));
	size_t ln = t->tid == t->tgid ? n : pid_comm_read(t->tgid, lead, sizeof(lead));
	if (ln)
		put_name_event(t, "process_name", t->tid == t->tgid ? comm : lead, ln);
	if (n)
		put_name_event(t, "thread_name", comm, n);
}

/* ---- events ---- */

void timeline_text(struct task *t, const char *p, size_t n, bool first)
{
	if (first)
		t->tl_text.len = 0;
	sbuf_add(&t->tl_text, p, n);
}

void timeline_call(struct task *t, enum tl_end how)
{
	struct call *c = &t->call;
	if (tl_fd < 0)
		return;
	if (!(t->flags & T_TL_NAMED))
		name_task(t);
	uint64_t dur = how == TL_RETURNED && c->t_exit >= c->t_entry ? c->t_exit - c->t_entry : 0;
	if (how != TL_RETURNED) {
		uint64_t now = mono_now();
		dur = now > c->mono_entry ? now - c->mono_entry : 0;
	}
	event_begin("X");
	sbuf_puts(&out, ",\"cat\":\"syscall\",\"name\":\"");
	decode_put_name(&out, c);
	sbuf_putc(&out, '"');
	put_ts(c->mono_entry);
	put_us(",\"dur\":", dur);
	put_ids(t);
	sbuf_puts(&out, ",\"args\":{");
	if (how == TL_RETURNED)
		json_put_result(&out, c);
	else
		sbuf_puts(&out, how == TL_DETACHED ? "\"ret\":null,\"detached\":true" : "\"ret\":null,\"unfinished\":true");
	if (t->tl_text.len) {
		if (opt.json_trace) {
			sbuf_puts(&out, ",\"args\":");
			sbuf_add(&out, t->tl_text.p, t->tl_text.len);
		} else {
			sbuf_puts(&out, ",\"call\":");
			json_quote(&out, t->tl_text.p, t->tl_text.len);
		}
		t->tl_text.len = 0;
	}
	sbuf_putc(&out, '}');
	event_end();
}

/* an instant event on t's thread, up to the "args" object's '{' */
static void instant_begin(struct task *t, const char *cat, const char *name, size_t n)
{
	if (!(t->flags & T_TL_NAMED))
		name_task(t);
	event_begin("i");
	sbuf_puts(&out, ",\"s\":\"t\",\"cat\":\"");
	sbuf_puts(&out, cat);
	sbuf_puts(&out, "\",\"name\":");
	json_quote(&out, name, n);
	put_ts(mono_now());
	put_ids(t);
	sbuf_puts(&out, ",\"args\":{");
}

void timeline_signal(struct task *t, int sig, const siginfo_t *si)
{
	if (tl_fd < 0)
		return;
	scratch.len = 0;
	signame_format(&scratch, sig, true);
	instant_begin(t, si ? "signal" : "stopped", scratch.p, scratch.len);
	sbuf_puts(&out, "\"signal\":");
	sbuf_dec(&out, sig);
	if (si) {
		/* the text trace's rendering of the siginfo */
		struct emit e;
		scratch.len = 0;
		emit_init(&e, &scratch);
		siginfo_format(&e, si);
		sbuf_puts(&out, ",\"siginfo\":");
		json_quote(&out, scratch.p, scratch.len);
	}
	sbuf_putc(&out, '}');
	event_end();
}

void timeline_exit(struct task *t, int status, const char *text, size_t n)
{
	if (tl_fd < 0)
		return;
	instant_begin(t, "exit", text, n);
	json_put_exit(&out, status);
	sbuf_putc(&out, '}');
	event_end();
}

void timeline_finish(void)
{
	if (tl_fd < 0)
		return;
	sbuf_puts(&out, "\n],\"displayTimeUnit\":\"ns\",\"otherData\":{\"tool\":\"tattle " PACKAGE_VERSION "\"}}\n");
	flush();
	if (close(tl_fd) < 0)
		warn_errno("%s", opt.timeline);
	tl_fd = -1;
	sbuf_free(&out);
	sbuf_free(&scratch);
}
