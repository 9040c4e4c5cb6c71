/* SPDX-License-Identifier: MIT */
/* The time columns of a trace line, in strace's formats. */
#ifndef TATTLE_TIMEFMT_H
#define TATTLE_TIMEFMT_H
#include "sbuf.h"
#include <stdint.h>

/* -t/-tt/-ttt/--absolute-timestamps and -r, with their trailing space:
 * "07:32:32.266063 ", "1795764752.271946 ", "     0.000090 ",
 * "07:32:32 (+     0.000081) ". ts is the time of the stop the line
 * belongs to, in ns on opt.clock; -r is the difference to the ts of the
 * line printed before. */
void timefmt_prefix(struct sbuf *b, uint64_t ts);
/* -T: " <0.000123>" (digits per --syscall-times=PRECISION) */
void timefmt_duration(struct sbuf *b, uint64_t ns);
#endif
