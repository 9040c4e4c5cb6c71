/* SPDX-License-Identifier: MIT */
/* Timestamps of -t/-tt/-ttt/-r and the -T duration. Every value comes from
 * the times taken at the syscall stops (src/tracer.c), never from a clock
 * read at print time, so -r, -T and the absolute times of one trace agree
 * with each other exactly. */
#include "timefmt.h"
#include "options.h"
#include <stdio.h>
#include <time.h>

#define NS 1000000000u

static const uint32_t tens[10] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
};

/* the first `digits` digits of a nanosecond fraction, zero-padded,
 * truncated as strace truncates */
static void put_frac(struct sbuf *b, uint32_t ns, int digits)
{
	char tmp[10];
	uint32_t v = ns / tens[9 - digits];
	for (int i = digits - 1; i >= 0; i--) {
		tmp[i] = (char)('0' + v % 10);
		v /= 10;
	}
	sbuf_add(b, tmp, (size_t)digits);
}

/* "%6ld" without printf: -r runs once per line */
static void put_sec6(struct sbuf *b, uint64_t sec)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[sizeof(tmp) - 1 - n++] = (char)('0' + sec % 10);
		sec /= 10;
	} while (sec);
	for (int i = n; i < 6; i++)
		sbuf_putc(b, ' ');
	sbuf_add(b, tmp + sizeof(tmp) - n, (size_t)n);
}

/* HH:MM:SS of the local time; localtime_r once per second of trace */
static void put_clock_time(struct sbuf *b, uint64_t sec)
{
	static uint64_t cached_sec = UINT64_MAX;
	static char cached[16];
	static size_t cached_len;
	if (sec != cached_sec) {
		time_t t = (time_t)sec;
		struct tm tm;
		if (!localtime_r(&t, &tm)) {
			cached_len = (size_t)snprintf(cached, sizeof(cached), "%llu", (unsigned long long)sec);
		} else {
			cached_len = strftime(cached, sizeof(cached), "%H:%M:%S", &tm);
		}
		cached_sec = sec;
	}
	sbuf_add(b, cached, cached_len);
}

static uint64_t last_ts;	/* -r: the ts of the previous line */
static int have_last;

void timefmt_prefix(struct sbuf *b, uint64_t ts)
{
	if (opt.tflag) {
		uint64_t sec = ts / NS;
		/* the time of day of a monotonic or boot clock means nothing:
		 * those print as seconds, like format:unix */
		if (opt.ts_format_unix || opt.clock != CLOCK_REALTIME)
			sbuf_udec(b, sec);
		else
			put_clock_time(b, sec);
		if (opt.ts_precision > 0) {
			sbuf_putc(b, '.');
			put_frac(b, (uint32_t)(ts % NS), opt.ts_precision);
		}
		sbuf_putc(b, ' ');
	}
	if (opt.rflag) {
		/* lines are printed in the order of their stops, so ts only
		 * grows; a clock step back or a line held until its exit
		 * (status filters) would make it negative: 0 then */
		uint64_t d = have_last && ts > last_ts ? ts - last_ts : 0;
		if (opt.tflag)
			sbuf_add(b, "(+", 2);
		put_sec6(b, d / NS);
		if (opt.r_precision > 0) {
			sbuf_putc(b, '.');
			put_frac(b, (uint32_t)(d % NS), opt.r_precision);
		}
		if (opt.tflag)
			sbuf_putc(b, ')');
		sbuf_putc(b, ' ');
		last_ts = ts;
		have_last = 1;
	}
}

void timefmt_duration(struct sbuf *b, uint64_t d)
{
	sbuf_add(b, " <", 2);
	sbuf_udec(b, d / NS);
	if (opt.T_precision > 0) {
		sbuf_putc(b, '.');
		put_frac(b, (uint32_t)(d % NS), opt.T_precision);
	}
	sbuf_putc(b, '>');
}
