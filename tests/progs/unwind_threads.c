/* SPDX-License-Identifier: MIT */
/* -f -k with threads: each thread's stack is its own (its own registers,
 * its own stack mapping), walked in the address space the threads share.
 * The threads run one after the other so that the order is known. */
#include "expect.h"
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>

static long tid_a;

/* pthread_join returns when the kernel clears the thread's tid, before the
 * thread has finished exiting; its "+++ exited" line comes when the tracer
 * reaps it, and only then does /proc/self/task/TID go. Waiting for that
 * keeps thread b's write from being cut by thread a's exit line. */
static void wait_gone(long tid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/self/task/%ld", tid);
	for (int i = 0; i < 5000 && access(path, F_OK) == 0; i++)
		usleep(1000);
}

__attribute__((noinline, noclone)) int thread_a_work(int fd)
{
	int r = (int)write(fd, "thread a\n", 9);
	__asm__ volatile("" ::: "memory");
	return r + 1;
}

__attribute__((noinline, noclone)) int thread_b_work(int fd)
{
	int r = (int)write(fd, "thread b\n", 9);
	__asm__ volatile("" ::: "memory");
	return r + 1;
}

static void *thread_a(void *arg)
{
	(void)arg;
	tid_a = syscall(SYS_gettid);
	return (void *)(long)thread_a_work(-1);
}

static void *thread_b(void *arg)
{
	(void)arg;
	return (void *)(long)thread_b_work(-1);
}

int main(void)
{
	pthread_t a, b;
	void *ra, *rb;
	if (pthread_create(&a, NULL, thread_a, NULL) || pthread_join(a, &ra))
		return 2;
	wait_gone(tid_a);
	if (pthread_create(&b, NULL, thread_b, NULL) || pthread_join(b, &rb))
		return 2;
	EXPECT("@@write(-1, \"thread a\\n\", 9)@@= -1 EBADF (Bad file descriptor)");
	EXPECT(" > @@/libc.so.6(@@write+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_threads(thread_a_work+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_threads(thread_a+0x@@) [0x@@]");
	EXPECT(" > @@/libc.so.6(@@) [0x@@]");
	EXPECT("@@write(-1, \"thread b\\n\", 9)@@= -1 EBADF (Bad file descriptor)");
	EXPECT(" > @@/libc.so.6(@@write+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_threads(thread_b_work+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_threads(thread_b+0x@@) [0x@@]");
	return expect_done() || ra != 0 || rb != 0;
}
