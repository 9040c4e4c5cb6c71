/* SPDX-License-Identifier: MIT */
/* -k after a signal line, and through a signal frame: the handler's write
 * unwinds through the kernel's signal frame (libc's restorer) back into
 * the function the signal interrupted. */
#include "expect.h"
#include <signal.h>

__attribute__((noinline, noclone)) void in_handler(int fd)
{
	if (write(fd, "handler\n", 8) != -1)
		_exit(2);
	__asm__ volatile("" ::: "memory");
}

static void on_usr1(int sig)
{
	(void)sig;
	in_handler(-1);
}

__attribute__((noinline, noclone)) int send_signal(void)
{
	int r = raise(SIGUSR1);
	__asm__ volatile("" ::: "memory");
	return r;
}

int main(void)
{
	signal(SIGUSR1, on_usr1);
	int r = send_signal();
	EXPECT("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=%d, si_uid=%d} ---", (int)getpid(),
	       (int)getuid());
	EXPECT(" > @@/libc.so.6(@@) [0x@@]");
	EXPECT(" > @@/unwind_signal(send_signal+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_signal(main+0x@@) [0x@@]");
	EXPECT_RET("-1 EBADF (Bad file descriptor)", "write(-1, \"handler\\n\", 8)");
	EXPECT(" > @@/libc.so.6(@@write+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_signal(in_handler+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_signal(send_signal+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_signal(main+0x@@) [0x@@]");
	return expect_done() || r != 0;
}
