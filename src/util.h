/* SPDX-License-Identifier: MIT */
#ifndef TATTLE_UTIL_H
#define TATTLE_UTIL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

extern const char *progname;

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* tattle's own error: one line "tattle: ...", exit 1 */
void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* as die(), with ": strerror(errno)" appended */
void die_errno(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* a message on stderr that does not end tracing */
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warn_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* run before die() exits: releases any tracee (set by the tracer) */
extern void (*die_hook)(void);

/* a time: "1.5ms", "250us", "2s", "100ns", or a bare number counted in
 * units of bare_ns nanoseconds; false when it is none of these (negative,
 * empty, another unit, past 10^18 ns) */
bool parse_time(const char *s, double bare_ns, uint64_t *ns);

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#endif
