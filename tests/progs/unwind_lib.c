/* SPDX-License-Identifier: MIT */
/* The shared library of tests/progs/unwind_shlib: a call chain inside a
 * library of the test's own, loaded with dlopen after start-up (so the
 * mapping appears after the first stacks were walked). */
#include <unistd.h>

__attribute__((noinline, noclone)) int lib_level2(int fd)
{
	int r = (int)write(fd, "shlib\n", 6);
	__asm__ volatile("" ::: "memory");
	return r + 1;
}

__attribute__((noinline, noclone)) int lib_level1(int fd)
{
	int r = lib_level2(fd);
	__asm__ volatile("" ::: "memory");
	return r * 2;
}
