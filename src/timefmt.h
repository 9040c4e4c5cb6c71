/* SPDX-License-Identifier: MIT */
#ifndef TATTLE_TIMEFMT_H
#define TATTLE_TIMEFMT_H
#include "sbuf.h"
#include <stdint.h>

/* -t/-tt/-ttt and -r, with their trailing space; ts in ns on opt.clock */
void timefmt_prefix(struct sbuf *b, uint64_t ts);
/* -T: " <0.000123>" */
void timefmt_duration(struct sbuf *b, uint64_t ns);
#endif
