/* SPDX-License-Identifier: MIT */
/* -e read=SET / -e write=SET: hex and ASCII dumps of the data each read or
 * write moved on the descriptors of SET, after the call's line. */
#ifndef TATTLE_IODUMP_H
#define TATTLE_IODUMP_H
#include "task.h"

/* the descriptor sets are src/filter.c's (filter_dump_read/write);
 * after the exit line of a successful call */
void iodump_exit(struct task *t);
#endif
