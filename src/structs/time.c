/* SPDX-License-Identifier: MIT */
/* Time structs: timespec, timeval, timezone, itimerspec, itimerval, the
 * utimensat/utimes pairs and timex, as strace 6.1 prints them. */
#include "structs.h"
#include "proc.h"
#include "../options.h"
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <time.h>

#define UTIME_NOW_ ((1l << 30) - 1l)
#define UTIME_OMIT_ ((1l << 30) - 2l)

/* "2026-11-27T07:34:38+0000", with ".frac" (digits wide) when frac != 0;
 * strace uses local time, as this does */
void time_fmt_date(struct sbuf *b, long long sec, long frac, int digits)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char tmp[96];
	if ((long long)t != sec || !localtime_r(&t, &tm)) {
		sbuf_dec(b, sec);
		return;
	}
	size_t n = strftime(tmp, sizeof(tmp), "%Y-%m-%dT%H:%M:%S", &tm);
	if (frac)
		n += (size_t)snprintf(tmp + n, sizeof(tmp) - n, ".%0*ld", digits, frac);
	strftime(tmp + n, sizeof(tmp) - n, "%z", &tm);
	sbuf_puts(b, tmp);
}

void time_emit_date_comment(struct emit *e, long long sec, long frac, int digits)
{
	struct sbuf *b = emit_sb(e);
	sbuf_puts(b, " /* ");
	time_fmt_date(b, sec, frac, digits);
	sbuf_puts(b, " */");
}

void time_emit_timespec(struct emit *e, const char *name, const struct timespec *ts)
{
	emit_struct_begin(e, name);
	emit_int(e, "tv_sec", ts->tv_sec);
	emit_int(e, "tv_nsec", ts->tv_nsec);
	emit_struct_end(e);
}

void time_emit_timeval(struct emit *e, const char *name, const struct timeval *tv)
{
	emit_struct_begin(e, name);
	emit_int(e, "tv_sec", tv->tv_sec);
	emit_int(e, "tv_usec", tv->tv_usec);
	emit_struct_end(e);
}

STRUCT_PRINTER(timespec)
{
	struct timespec ts;
	(void)len;
	if (fetch_struct(c, e, name, addr, &ts, sizeof(ts)))
		time_emit_timespec(e, name, &ts);
}

STRUCT_PRINTER(timeval)
{
	struct timeval tv;
	(void)len;
	if (fetch_struct(c, e, name, addr, &tv, sizeof(tv)))
		time_emit_timeval(e, name, &tv);
}

STRUCT_PRINTER(timezone)
{
	struct timezone tz;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &tz, sizeof(tz)))
		return;
	emit_struct_begin(e, name);
	emit_int(e, "tz_minuteswest", tz.tz_minuteswest);
	emit_int(e, "tz_dsttime", tz.tz_dsttime);
	emit_struct_end(e);
}

/* a time's date as a comment, under every -X style as strace prints it;
 * none for the epoch itself or a fraction out of range (max) */
static void pair_date(struct emit *e, long long sec, long frac, long max, int digits)
{
	if ((sec || frac) && frac >= 0 && frac <= max)
		time_emit_date_comment(e, sec, frac, digits);
}

/* utimensat's times[2]: UTIME_NOW/UTIME_OMIT by name (under -X raw the
 * struct, under -X verbose the struct and the name in a comment), dates
 * in comments */
STRUCT_PRINTER(timespec_pair)
{
	struct timespec ts[2];
	(void)len;
	if (!fetch_struct(c, e, name, addr, ts, sizeof(ts)))
		return;
	emit_array_begin(e, name);
	for (int i = 0; i < 2; i++) {
		const char *special = ts[i].tv_nsec == UTIME_NOW_ ? "UTIME_NOW" :
				      ts[i].tv_nsec == UTIME_OMIT_ ? "UTIME_OMIT" : NULL;
		if (special && opt.xlat_style == XLAT_STYLE_ABBREV) {
			emit_text(e, NULL, special);
			continue;
		}
		time_emit_timespec(e, NULL, &ts[i]);
		if (!special)
			pair_date(e, ts[i].tv_sec, ts[i].tv_nsec, 999999999, 9);
		else if (opt.xlat_style == XLAT_STYLE_VERBOSE)
			emit_comment(e, special);
	}
	emit_array_end(e);
}

STRUCT_PRINTER(timeval_pair)
{
	struct timeval tv[2];
	(void)len;
	if (!fetch_struct(c, e, name, addr, tv, sizeof(tv)))
		return;
	emit_array_begin(e, name);
	for (int i = 0; i < 2; i++) {
		time_emit_timeval(e, NULL, &tv[i]);
		pair_date(e, tv[i].tv_sec, tv[i].tv_usec, 999999, 6);
	}
	emit_array_end(e);
}

STRUCT_PRINTER(itimerspec)
{
	struct itimerspec its;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &its, sizeof(its)))
		return;
	emit_struct_begin(e, name);
	time_emit_timespec(e, "it_interval", &its.it_interval);
	time_emit_timespec(e, "it_value", &its.it_value);
	emit_struct_end(e);
}

STRUCT_PRINTER(itimerval)
{
	struct itimerval itv;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &itv, sizeof(itv)))
		return;
	emit_struct_begin(e, name);
	time_emit_timeval(e, "it_interval", &itv.it_interval);
	time_emit_timeval(e, "it_value", &itv.it_value);
	emit_struct_end(e);
}

STRUCT_PRINTER(timex)
{
	struct timex tx;
	(void)len;
	if (!fetch_struct(c, e, name, addr, &tx, sizeof(tx)))
		return;
	emit_struct_begin(e, name);
	emit_flags(e, "modes", XLAT(adjtimex_modes), (unsigned)tx.modes);
	emit_int(e, "offset", tx.offset);
	emit_int(e, "freq", tx.freq);
	emit_int(e, "maxerror", tx.maxerror);
	emit_int(e, "esterror", tx.esterror);
	emit_flags(e, "status", XLAT(adjtimex_status), (unsigned)tx.status);
	emit_int(e, "constant", tx.constant);
	emit_int(e, "precision", tx.precision);
	emit_int(e, "tolerance", tx.tolerance);
	time_emit_timeval(e, "time", &tx.time);
	emit_int(e, "tick", tx.tick);
	emit_int(e, "ppsfreq", tx.ppsfreq);
	emit_int(e, "jitter", tx.jitter);
	emit_int(e, "shift", tx.shift);
	emit_int(e, "stabil", tx.stabil);
	emit_int(e, "jitcnt", tx.jitcnt);
	emit_int(e, "calcnt", tx.calcnt);
	emit_int(e, "errcnt", tx.errcnt);
	emit_int(e, "stbcnt", tx.stbcnt);
	emit_int(e, "tai", tx.tai);
	emit_struct_end(e);
}
