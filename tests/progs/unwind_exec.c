/* SPDX-License-Identifier: MIT */
/* -k across execve and at exit: execve's stack is the one it was called
 * from (taken at entry, printed after the call, as strace does), the new
 * image's stacks come from its own mappings, and exit_group's stack is
 * printed when the process is gone, after "+++ exited with 0 +++". */
#include "expect.h"

__attribute__((noinline, noclone)) int do_exec(const char *self)
{
	execl(self, "unwind_exec", "child", (char *)NULL);
	__asm__ volatile("" ::: "memory");
	return 1;
}

__attribute__((noinline, noclone)) int child_write(int fd)
{
	int r = (int)write(fd, "child\n", 6);
	__asm__ volatile("" ::: "memory");
	return r + 1;
}

__attribute__((noinline, noclone)) void finish_child(int status)
{
	exit(status);
}

int main(int argc, char **argv)
{
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return 2;
	self[n] = 0;
	if (argc < 2)
		return do_exec(self);
	/* the new image: it knows what came before */
	int r = child_write(-1);
	(void)argv;
	EXPECT("execve(\"%s\", [\"unwind_exec\", \"child\"], 0x@@ /* @@ vars */) = 0", self);
	EXPECT(" > @@/libc.so.6(execve+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_exec(do_exec+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_exec(main+0x@@) [0x@@]");
	EXPECT_RET("-1 EBADF (Bad file descriptor)", "write(-1, \"child\\n\", 6)");
	EXPECT(" > @@/libc.so.6(@@write+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_exec(child_write+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_exec(main+0x@@) [0x@@]");
	EXPECT("exit_group(0)                           = ?");
	EXPECT("+++ exited with 0 +++");
	EXPECT(" > @@/libc.so.6(_exit+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_exec(finish_child+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_exec(main+0x@@) [0x@@]");
	if (expect_done())
		return 2;
	finish_child(r != 0);
	return 0;
}
