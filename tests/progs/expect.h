/* SPDX-License-Identifier: MIT */
/* For self-checking test programs: EXPECT() collects the trace lines the
 * program expects; expect_done() prints them on stdout at the end (one
 * write, after every call under test). See tests/run-prog.sh. */
#ifndef TATTLE_TEST_EXPECT_H
#define TATTLE_TEST_EXPECT_H
#include <errno.h>	/* strerrorname_np: _GNU_SOURCE comes from config.h */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char expect_buf[1 << 16];
static size_t expect_len;

__attribute__((format(printf, 1, 2), unused)) static void EXPECT(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(expect_buf + expect_len, sizeof(expect_buf) - expect_len - 1, fmt, ap);
	va_end(ap);
	if (n > 0 && expect_len + (size_t)n < sizeof(expect_buf) - 1)
		expect_len += (size_t)n;
	expect_buf[expect_len++] = '\n';
}

/* "name(args)" padded as tattle/strace pad: to column 40, then " = ret" */
__attribute__((format(printf, 2, 3), unused)) static void EXPECT_RET(const char *ret, const char *fmt, ...)
{
	char line[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	EXPECT("%-39s = %s", line, ret);
}

/* what strace prints for a return value: "3", or "-1 ENOENT (No such file
 * or directory)" from errno when r < 0 (one static buffer: one call per
 * expression) */
__attribute__((unused)) static const char *ret(long r)
{
	static char buf[160];
	if (r >= 0)
		snprintf(buf, sizeof(buf), "%ld", r);
	else
		snprintf(buf, sizeof(buf), "-1 %s (%s)", strerrorname_np(errno), strerror(errno));
	return buf;
}

__attribute__((unused)) static int expect_done(void)
{
	size_t off = 0;
	while (off < expect_len) {
		ssize_t w = write(1, expect_buf + off, expect_len - off);
		if (w <= 0)
			return 1;
		off += (size_t)w;
	}
	return 0;
}
#endif
