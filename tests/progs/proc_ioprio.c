/* SPDX-License-Identifier: MIT */
/* ioprio_set's priority and ioprio_get's result as strace 6.1 prints them:
 * IOPRIO_PRIO_VALUE(CLASS, DATA), the class the bits above the 13 of the
 * data, an unknown one in hex with IOPRIO_CLASS_???. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include "expect.h"
#include <sys/syscall.h>

#define VALUE(class, data) ((class) << 13 | (data))

int main(void)
{
	long r = syscall(SYS_ioprio_set, 1, 0, VALUE(3, 7));
	EXPECT_RET(ret(r), "ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 7))");
	r = syscall(SYS_ioprio_get, 1, 0);
	if (r == VALUE(3, 7))
		EXPECT_RET("24583 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 7))", "ioprio_get(IOPRIO_WHO_PROCESS, 0)");
	r = syscall(SYS_ioprio_set, 9, 0, VALUE(5, 99));
	EXPECT_RET(ret(r), "ioprio_set(0x9 /* IOPRIO_WHO_??? */, 0, IOPRIO_PRIO_VALUE(0x5 /* IOPRIO_CLASS_??? */, 99))");
	r = syscall(SYS_ioprio_set, 1, 0, -1);
	EXPECT_RET(ret(r), "ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(0x7ffff /* IOPRIO_CLASS_??? */, 8191))");
	r = syscall(SYS_ioprio_set, 1, 0, VALUE(2, 4));
	EXPECT_RET(ret(r), "ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))");
	r = syscall(SYS_ioprio_get, 1, 0);
	if (r == VALUE(2, 4))
		EXPECT_RET("16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))", "ioprio_get(IOPRIO_WHO_PROCESS, 0)");
	return expect_done();
}
