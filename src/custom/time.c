/* SPDX-License-Identifier: MIT */
/* Time calls that need more than a signature: sleeps (the remainder only
 * when interrupted), time(2)'s dates, timer_create's sigevent, adjtimex's
 * clock state. */
#include "../structs/proc.h"
#include "../options.h"
#include "../umem.h"
#include <signal.h>

/* the call was interrupted: the remaining time was written */
static bool interrupted(const struct call *c)
{
	int err = call_errno(c);
	return err == 4 /* EINTR */ || err == 512 || err == 513 || err == 514 || err == 516;
}

static void put_remain(struct call *c, struct emit *e, unsigned long addr)
{
	if (interrupted(c))
		struct_timespec_print(c, e, "remain", addr, -1);
	else
		emit_ptr(e, "remain", addr);
}

CUSTOM_DECODER(nanosleep)
{
	if (phase == PHASE_ENTRY) {
		struct_timespec_print(c, e, "req", c->args[0], -1);
		c->nprinted = 1;
		return;
	}
	put_remain(c, e, c->args[1]);
}

CUSTOM_DECODER(clock_nanosleep)
{
	if (phase == PHASE_ENTRY) {
		ARG_X(c, e, 0, "clockid", ARG_enum, XLAT_clockids, -1);
		ARG_X(c, e, 1, "flags", ARG_flags, XLAT_timer_abstime, -1);
		struct_timespec_print(c, e, "request", c->args[2], -1);
		c->nprinted = 3;
		return;
	}
	put_remain(c, e, c->args[3]);
}

/* time(tloc) = N (DATE); tloc as [N /\* DATE *\/] */
CUSTOM_DECODER(time)
{
	if (phase == PHASE_ENTRY)
		return;
	unsigned long a = c->args[0];
	long t;
	bool dates = opt.xlat_style != XLAT_STYLE_RAW;
	if (!a || c->failed || umem_read(c->pid, a, &t, sizeof(t)) < 0) {
		emit_ptr(e, "tloc", a);
	} else {
		emit_array_begin(e, "tloc");
		emit_int(e, NULL, t);
		if (dates)
			time_emit_date_comment(e, t, 0, 0);
		emit_array_end(e);
	}
	if (!c->failed && dates) {
		sbuf_putc(&c->aux, '(');
		time_fmt_date(&c->aux, c->ret, 0, 0);
		sbuf_putc(&c->aux, ')');
	}
}

/* struct sigevent: which fields follow sigev_notify depends on it */
static void put_sigevent(struct call *c, struct emit *e, const char *name, unsigned long addr)
{
	struct {
		union { int i; unsigned long p; } value;
		int signo, notify;
		union { int tid; struct { unsigned long fn, attr; } th; } u;
	} ev;
	if (!fetch_struct(c, e, name, addr, &ev, sizeof(ev)))
		return;
	emit_struct_begin(e, name);
	/* strace leaves out a zero sigev_value */
	if (ev.value.p) {
		emit_struct_begin(e, "sigev_value");
		emit_int(e, "sival_int", ev.value.i);
		emit_ptr(e, "sival_ptr", ev.value.p);
		emit_struct_end(e);
	}
	print_signo(e, "sigev_signo", ev.signo);
	emit_enum(e, "sigev_notify", XLAT(sigev_notify), (unsigned)ev.notify);
	if (ev.notify == SIGEV_THREAD_ID) {
		emit_int(e, "sigev_notify_thread_id", ev.u.tid);
	} else if (ev.notify == SIGEV_THREAD) {
		emit_ptr(e, "sigev_notify_function", ev.u.th.fn);
		emit_ptr(e, "sigev_notify_attributes", ev.u.th.attr);
	}
	emit_struct_end(e);
}

CUSTOM_DECODER(timer_create)
{
	if (phase == PHASE_ENTRY) {
		ARG_X(c, e, 0, "clockid", ARG_enum, XLAT_clockids, -1);
		put_sigevent(c, e, "sevp", c->args[1]);
		c->nprinted = 2;
		return;
	}
	if (c->failed)
		emit_ptr(e, "timerid", c->args[2]);
	else
		ARG(c, e, 2, "timerid", ARG_intptr);
}

static void put_state(struct call *c)
{
	const char *n = c->failed ? NULL : xlat_name(XLAT(adjtimex_state), (unsigned long)c->ret);
	if (n && opt.xlat_style != XLAT_STYLE_RAW) {
		sbuf_putc(&c->aux, '(');
		sbuf_puts(&c->aux, n);
		sbuf_putc(&c->aux, ')');
	}
}

CUSTOM_DECODER(adjtimex)
{
	if (phase == PHASE_ENTRY)
		return;
	if (c->failed)
		emit_ptr(e, "buf", c->args[0]);
	else
		ARG_X(c, e, 0, "buf", ARG_struct, STRUCT_timex, -1);
	put_state(c);
}

CUSTOM_DECODER(clock_adjtime)
{
	if (phase == PHASE_ENTRY) {
		ARG_X(c, e, 0, "clockid", ARG_enum, XLAT_clockids, -1);
		c->nprinted = 1;
		return;
	}
	if (c->failed)
		emit_ptr(e, "buf", c->args[1]);
	else
		ARG_X(c, e, 1, "buf", ARG_struct, STRUCT_timex, -1);
	put_state(c);
}
