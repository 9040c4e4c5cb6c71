/* SPDX-License-Identifier: MIT */
/* -k: a known call chain, main -> level1 -> level2 -> write, whose frames
 * must come out in that order with their names (tests/unwind.list), and
 * whose stripped copy gives the same frames as raw file offsets
 * (tests/unwind-stripped.sh). write(-1) fails without side effects. */
#include "expect.h"

/* noinline and work after each call: every level keeps a frame of its own
 * (no inlining, no tail call) whatever the optimisation level */
__attribute__((noinline, noclone)) int level2(int fd)
{
	int r = (int)write(fd, "chain\n", 6);
	__asm__ volatile("" ::: "memory");
	return r + 1;
}

__attribute__((noinline, noclone)) int level1(int fd)
{
	int r = level2(fd);
	__asm__ volatile("" ::: "memory");
	return r * 2;
}

int main(void)
{
	int r = level1(-1);
	EXPECT_RET("-1 EBADF (Bad file descriptor)", "write(-1, \"chain\\n\", 6)");
	EXPECT(" > @@/libc.so.6(@@write+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_chain(level2+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_chain(level1+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_chain(main+0x@@) [0x@@]");
	EXPECT(" > @@/libc.so.6(__libc_start_main+0x@@) [0x@@]");
	return expect_done() || r != 0;
}
