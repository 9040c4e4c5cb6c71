/* SPDX-License-Identifier: MIT */
/* Timestamps of -t/-tt/-ttt/-r and the -T duration, all from the times
 * taken at the syscall stops, never at print time. */
#include "timefmt.h"
#include "options.h"
#include <stdio.h>
#include <time.h>

static uint64_t last_ts;	/* -r: the previous line's start */

void timefmt_prefix(struct sbuf *b, uint64_t ts)
{
	char tmp[64];
	unsigned long sec = (unsigned long)(ts / 1000000000u);
	unsigned long ns = (unsigned long)(ts % 1000000000u);
	int prec = opt.ts_precision;
	unsigned long frac = ns;
	for (int i = 9; i > prec; i--)
		frac /= 10;
	if (opt.tflag) {
		if (opt.tflag >= 3 || opt.clock != CLOCK_REALTIME) {
			snprintf(tmp, sizeof(tmp), "%lu", sec);
		} else {
			time_t t = (time_t)sec;
			struct tm tm;
			localtime_r(&t, &tm);
			strftime(tmp, sizeof(tmp), "%H:%M:%S", &tm);
		}
		sbuf_puts(b, tmp);
		if (opt.tflag >= 2 && prec > 0) {
			snprintf(tmp, sizeof(tmp), ".%0*lu", prec & 15, frac);
			sbuf_puts(b, tmp);
		}
		sbuf_putc(b, ' ');
	}
	if (opt.rflag) {
		uint64_t d = last_ts && ts > last_ts ? ts - last_ts : 0;
		unsigned long ds = (unsigned long)(d / 1000000000u), dn = (unsigned long)(d % 1000000000u);
		for (int i = 9; i > prec; i--)
			dn /= 10;
		snprintf(tmp, sizeof(tmp), "%6lu.%0*lu ", ds, prec & 15, dn);
		sbuf_puts(b, tmp);
		last_ts = ts;
	}
}

void timefmt_duration(struct sbuf *b, uint64_t d)
{
	char tmp[48];
	unsigned long frac = (unsigned long)(d % 1000000000u);
	for (int i = 9; i > opt.T_precision; i--)
		frac /= 10;
	if (opt.T_precision)
		snprintf(tmp, sizeof(tmp), " <%lu.%0*lu>", (unsigned long)(d / 1000000000u), opt.T_precision & 15, frac);
	else
		snprintf(tmp, sizeof(tmp), " <%lu>", (unsigned long)(d / 1000000000u));
	sbuf_puts(b, tmp);
}
