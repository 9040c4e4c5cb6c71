/* SPDX-License-Identifier: MIT */
/* A workload for tests/unwind-folded.sh: N calls through one chain and
 * 2N through another, plus one from main, so the folded stacks have known
 * shapes and counts. Usage: unwind_folded [N] (default 5). */
#include <stdlib.h>
#include <unistd.h>

__attribute__((noinline, noclone)) int leaf_call(int fd)
{
	int r = (int)write(fd, "x", 1);
	__asm__ volatile("" ::: "memory");
	return r + 1;
}

__attribute__((noinline, noclone)) int path_one(int fd)
{
	int r = leaf_call(fd);
	__asm__ volatile("" ::: "memory");
	return r;
}

__attribute__((noinline, noclone)) int path_two(int fd)
{
	int r = leaf_call(fd) + leaf_call(fd);
	__asm__ volatile("" ::: "memory");
	return r;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 5, r = 0;
	for (int i = 0; i < n; i++)
		r += path_one(-1) + path_two(-1);
	r += (int)write(-1, "y", 1) + 1;
	return r != 0;
}
