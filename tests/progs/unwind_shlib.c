/* SPDX-License-Identifier: MIT */
/* -k through a shared library of the test's own (tests/progs/unwind_lib.c,
 * built as unwind_lib.so beside this program): main -> lib_level1 ->
 * lib_level2 -> write, with a first write before dlopen so that the
 * library's mapping is new to an address space already read. */
#include "expect.h"
#include <dlfcn.h>

int main(void)
{
	char self[4096], path[4200];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return 2;
	self[n] = 0;
	char *slash = strrchr(self, '/');
	*slash = 0;
	snprintf(path, sizeof(path), "%s/unwind_lib.so", self);
	if (write(-1, "before\n", 7) != -1)
		return 2;
	void *h = dlopen(path, RTLD_NOW);
	if (!h) {
		fprintf(stderr, "%s\n", dlerror());
		return 2;
	}
	int (*lib_level1)(int) = (int (*)(int))dlsym(h, "lib_level1");
	if (!lib_level1)
		return 2;
	int r = lib_level1(-1);
	EXPECT_RET("-1 EBADF (Bad file descriptor)", "write(-1, \"before\\n\", 7)");
	EXPECT(" > @@/libc.so.6(@@write+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_shlib(main+0x@@) [0x@@]");
	EXPECT_RET("-1 EBADF (Bad file descriptor)", "write(-1, \"shlib\\n\", 6)");
	EXPECT(" > @@/libc.so.6(@@write+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_lib.so(lib_level2+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_lib.so(lib_level1+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_shlib(main+0x@@) [0x@@]");
	return expect_done() || r != 0;
}
