/* SPDX-License-Identifier: MIT */
/* -r and -T on trace lines: the first -r is 0, a 30 ms sleep shows in its
 * own -T and in the -r of the line after it. */
#include "expect.h"
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct timespec ts = { 0, 30000000 };
	long ppid = syscall(SYS_getppid);
	syscall(SYS_nanosleep, &ts, NULL);
	syscall(SYS_getppid);
	/* "%6ld.%06ld " then the call; -T: " <s.us>" after the value */
	EXPECT("     0.000000 getppid()@@= %ld <0.@@>", ppid);
	EXPECT("     0.@@ nanosleep({tv_sec=0, tv_nsec=30000000}, NULL) = 0 <0.03@@>");
	EXPECT("     0.03@@ getppid()@@= %ld <0.@@>", ppid);
	return expect_done();
}
