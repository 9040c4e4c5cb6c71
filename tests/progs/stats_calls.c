/* SPDX-License-Identifier: MIT */
/* For the -c tests: a fixed set of calls, some failing, and syscall names
 * longer than 16 characters (strace widens the name column for them).
 * Usage: stats_calls [ROUNDS] */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 1;
	char buf[64];
	for (int r = 0; r < rounds; r++) {
		for (int i = 0; i < 5; i++)
			syscall(SYS_getppid);
		for (int i = 0; i < 4; i++)
			close(-1);	/* EBADF */
		for (int i = 0; i < 3; i++)
			open("/nonexistent/stats_calls", O_RDONLY);	/* ENOENT */
		int fd = open("/dev/null", O_RDWR);
		for (int i = 0; i < 2; i++)
			if (read(fd, buf, sizeof(buf)) < 0)
				return 1;
		if (write(fd, "x", 1) != 1)
			return 1;
		close(fd);
		cpu_set_t set;
		sched_getaffinity(0, sizeof(set), &set);
		syscall(SYS_sched_getaffinity, 0, 1, NULL);	/* EINVAL */
		syscall(SYS_inotify_add_watch, -1, "/", 1);	/* EBADF */
		syscall(SYS_name_to_handle_at, -1, "", NULL, NULL, 0);	/* EFAULT */
	}
	return 0;
}
